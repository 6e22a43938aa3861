package ducha.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors. A cursor is the sort key of the last row of a page, so the next page starts
 * strictly after it whatever was inserted meanwhile. Clients must not build them; a foreign one is a 400.
 */
public final class Cursors {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    /** The key of lists ordered newest first: (time desc, id desc). */
    public record TimeKey(Instant at, UUID id) {
    }

    public static String ofTime(Instant at, UUID id) {
        return encode(at.toString(), id.toString());
    }

    public static String ofText(String key) {
        return encode(key);
    }

    public static TimeKey timeKey(String cursor) {
        String[] parts = decode(cursor, 2);
        try {
            return new TimeKey(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static String textKey(String cursor) {
        return decode(cursor, 1)[0];
    }

    private static String encode(String... parts) {
        String raw = VERSION + SEPARATOR + String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, int expectedParts) {
        if (cursor.length() > 512) {
            throw invalid();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = raw.split(SEPARATOR, -1);
        if (parts.length != expectedParts + 1 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        String[] key = new String[expectedParts];
        System.arraycopy(parts, 1, key, 0, expectedParts);
        return key;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor of this list; start again without one");
    }
}
