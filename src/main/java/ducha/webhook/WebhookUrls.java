package ducha.webhook;

import ducha.common.InvalidInputException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The target rules (SSRF): https only, and only addresses on the public internet — not loopback, private,
 * link-local, carrier-grade NAT, unique-local, multicast or unspecified ones — unless configuration allows them.
 * A name is resolved when the endpoint is saved and again before every attempt, and the request goes to the address
 * that was checked (so a name that changes its answer between the check and the connection gains nothing).
 */
@ApplicationScoped
public class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private final WebhookSettings settings;
    private final Vertx vertx;

    public WebhookUrls(WebhookSettings settings, Vertx vertx) {
        this.settings = settings;
        this.vertx = vertx;
    }

    /** A parsed target. */
    public record Target(URI uri, String host, int port, boolean https, String pathAndQuery) {
    }

    /** The URL's form: scheme, host, no credentials or fragment. Throws VALIDATION on field {@code url}. */
    public Target parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInputException("url", "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException("url", "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawAuthority() == null) {
            throw new InvalidInputException("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "must not have a fragment");
        }
        boolean https = scheme.equals("https");
        if (!https && !settings.allowInsecureLoopback()) {
            throw new InvalidInputException("url", "must be an https URL");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri, host, port, https, pathAndQuery);
    }

    /**
     * Resolves the target's host (on a worker thread: resolution blocks; the answer comes back on the caller's
     * context, where its database session lives) and answers the first address it may be sent to; fails with
     * VALIDATION on {@code url} naming why not.
     */
    public Uni<InetAddress> admissibleAddress(Target target) {
        return vertx.executeBlocking(() -> resolve(target), false);
    }

    private InetAddress resolve(Target target) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.host());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "names a host that does not resolve: " + target.host());
        }
        InetAddress chosen = null;
        for (InetAddress address : addresses) {
            String refusal = refusal(address, target.https());
            if (refusal != null) {
                // Every address must be admissible: a receiver's name may not also point inside.
                throw new InvalidInputException("url", "resolves to " + address.getHostAddress() + ", " + refusal);
            }
            if (chosen == null) {
                chosen = address;
            }
        }
        if (chosen == null) {
            throw new InvalidInputException("url", "names a host that does not resolve: " + target.host());
        }
        return chosen;
    }

    /** Why this address may not be a target, or null when it may. */
    String refusal(InetAddress address, boolean https) {
        if (address.isLoopbackAddress()) {
            return settings.allowInsecureLoopback() ? null : "a loopback address, which is refused";
        }
        if (!https) {
            return "which is not loopback: only https is allowed there";
        }
        if (settings.allowPrivateAddresses()) {
            return null;
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "an unspecified or multicast address, which is refused";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address, which is refused";
        }
        if (address.isSiteLocalAddress() || isOtherNonPublic(address)) {
            return "a private address, which is refused";
        }
        return null;
    }

    private static boolean isOtherNonPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // this network
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms: judged by their IPv4 address.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return v4.isLoopbackAddress() || v4.isSiteLocalAddress() || v4.isLinkLocalAddress()
                            || v4.isAnyLocalAddress() || isOtherNonPublic(v4);
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
