package ducha.web;

import ducha.common.InvalidInputException;
import ducha.common.PreconditionRequiredException;
import jakarta.ws.rs.core.EntityTag;

/** A row's ETag is its version; If-Match carries the version a client read back. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version named by a required If-Match header; {@code null} for {@code *} (any version).
     */
    public static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return optionalVersion(ifMatch);
    }

    /** The version named by an optional If-Match header; {@code null} when absent or {@code *}. */
    public static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ETag of a version you read, e.g. \"3\"");
        }
    }

    /**
     * The opaque tag named by a required If-Match header of a row whose ETag is not a version (an attachment's
     * content hash); {@code null} for {@code *}.
     */
    public static String requiredTag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
