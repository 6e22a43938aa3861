package ducha.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures of the Standard Webhooks specification: a secret is {@code whsec_} and the base64 of random
 * bytes; a signature is {@code v1,} and the base64 HMAC-SHA256, keyed by those bytes, of {@code id.timestamp.body}.
 */
public final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. */
    public static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The webhook-signature header: one signature per secret that signs, separated by a space. */
    public static String header(String webhookId, long timestamp, String body, String... secrets) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (secret != null) {
                if (header.length() > 0) {
                    header.append(' ');
                }
                header.append(sign(secret, webhookId, timestamp, body));
            }
        }
        return header.toString();
    }
}
