package ducha.change;

import ducha.common.Cursors;
import ducha.common.InvalidInputException;
import java.util.UUID;

/**
 * Where a client's sync stands, opaque to it. Either in the snapshot phase (copying the tables, entity by entity
 * in id order, with the log position {@code watermark} taken before the copy began) or in the log phase (every
 * change event up to {@code (tx, seq)} in commit order has been delivered). {@code filterTag} binds a cursor to
 * the filters it was made with.
 */
sealed interface SyncCursor {

    String filterTag();

    record Snapshot(String filterTag, long watermark, int entity, UUID after) implements SyncCursor {
    }

    record Log(String filterTag, long tx, long seq) implements SyncCursor {
    }

    String VERSION = "s1";

    static String encode(SyncCursor cursor) {
        if (cursor instanceof Snapshot s) {
            return Cursors.pack(VERSION, s.filterTag(), "S", Long.toString(s.watermark()),
                    Integer.toString(s.entity()), s.after() == null ? "" : s.after().toString());
        }
        Log l = (Log) cursor;
        return Cursors.pack(VERSION, l.filterTag(), "L", Long.toString(l.tx()), Long.toString(l.seq()));
    }

    static SyncCursor decode(String text, String expectedFilterTag, int entities) {
        String[] parts = Cursors.unpack(text);
        if (parts == null || parts.length < 5 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!parts[1].equals(expectedFilterTag)) {
            throw new InvalidInputException("since", "was issued for other filters (unitId, district); "
                    + "keep the filters of a sync, or start a new one without since");
        }
        try {
            if (parts[2].equals("S") && parts.length == 6) {
                int entity = Integer.parseInt(parts[4]);
                if (entity < 0 || entity > entities) {
                    throw invalid();
                }
                return new Snapshot(parts[1], Long.parseLong(parts[3]), entity,
                        parts[5].isEmpty() ? null : UUID.fromString(parts[5]));
            }
            if (parts[2].equals("L") && parts.length == 5) {
                return new Log(parts[1], Long.parseLong(parts[3]), Long.parseLong(parts[4]));
            }
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        throw invalid();
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("since", "is not a sync cursor of this service; start again without it");
    }
}
