package ducha.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors. A cursor is the sort key of the last row of a page, so the next page starts
 * strictly after it whatever was inserted meanwhile. Clients must not build them; a foreign one is a 400.
 * {@link #pack} and {@link #unpack} are the one encoding of every opaque cursor (also the sync's).
 */
public final class Cursors {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "\u001f";
    /** Far longer than any cursor this service writes; a longer one is not decoded at all. */
    private static final int MAX_LENGTH = 512;

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

    /** The opaque text of a cursor's fields: joined and Base64url-encoded, so that it travels in a URL as it is. */
    public static String pack(String... fields) {
        String raw = String.join(SEPARATOR, fields);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of a cursor {@link #pack} made; null for text it cannot have made (over-long, not Base64url). */
    public static String[] unpack(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String... parts) {
        String[] fields = new String[parts.length + 1];
        fields[0] = VERSION;
        System.arraycopy(parts, 0, fields, 1, parts.length);
        return pack(fields);
    }

    private static String[] decode(String cursor, int expectedParts) {
        String[] parts = unpack(cursor);
        if (parts == null || parts.length != expectedParts + 1 || !VERSION.equals(parts[0])) {
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
