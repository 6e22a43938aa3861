package ducha.web;

/**
 * A single byte range of a Range request (RFC 9110 §14): {@code bytes=first-last}, {@code bytes=first-} or
 * {@code bytes=-suffix}, resolved against the content's size. Anything else (several ranges, other units,
 * garbage) is ignored, as the RFC allows, and the whole content is sent.
 */
public record ByteRange(long first, long last) {

    public long length() {
        return last - first + 1;
    }

    /**
     * The range to send, or null for the whole content: when there is no Range, when it cannot be read, or when
     * If-Range names another version than {@code etag}. Throws {@link RangeNotSatisfiableException} for a range
     * wholly beyond the content.
     */
    public static ByteRange select(String range, String ifRange, String etag, long size) {
        if (range == null || (ifRange != null && !current(ifRange, etag))) {
            return null;
        }
        String spec = range.strip();
        if (!spec.startsWith("bytes=") || spec.contains(",")) {
            return null;
        }
        String[] bounds = spec.substring("bytes=".length()).strip().split("-", -1);
        if (bounds.length != 2) {
            return null;
        }
        try {
            if (bounds[0].isEmpty()) {
                long suffix = Long.parseLong(bounds[1]);
                if (suffix <= 0) {
                    throw new RangeNotSatisfiableException(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(bounds[0]);
            long last = bounds[1].isEmpty() ? size - 1 : Long.parseLong(bounds[1]);
            if (first >= size) {
                throw new RangeNotSatisfiableException(size);
            }
            if (last < first) {
                return null;
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** If-Range compares strongly (RFC 9110 §13.1.5): only the one strong tag {@code etag} is current. */
    private static boolean current(String ifRange, String etag) {
        ETags.Tag tag = ETags.single(ifRange);
        return tag != null && !tag.weak() && tag.value().equals(etag);
    }
}
