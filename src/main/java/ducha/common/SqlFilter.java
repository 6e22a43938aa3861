package ducha.common;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** A SQL where-clause for the reactive client, built from optional filters with positional parameters. */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters;

    public SqlFilter() {
        this(new ArrayList<>());
    }

    private SqlFilter(List<Object> parameters) {
        this.parameters = parameters;
    }

    /** A where-clause of its own for a sub-select of the same statement: the parameters are numbered together. */
    public SqlFilter nested() {
        return new SqlFilter(parameters);
    }

    /** Adds a parameter and returns its placeholder ($n). */
    public String param(Object value) {
        parameters.add(value);
        return "$" + parameters.size();
    }

    /** Adds {@code condition}, in which {@code ?} stands for the value, unless the value is null. */
    public SqlFilter where(String condition, Object value) {
        if (value != null) {
            conditions.add(condition.replace("?", param(value)));
        }
        return this;
    }

    public SqlFilter where(String condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * A case-insensitive substring match of any of the columns, with LIKE wildcards taken literally; blank text
     * matches everything. {@link #textMatches} is the same match in memory.
     */
    public SqlFilter contains(String text, String... columns) {
        if (text != null && !text.isBlank()) {
            String escaped = lower(text.trim()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String pattern = param("%" + escaped + "%");
            List<String> any = new ArrayList<>();
            for (String column : columns) {
                any.add("lower(" + column + ") like " + pattern);
            }
            conditions.add("(" + String.join(" or ", any) + ")");
        }
        return this;
    }

    /** {@link #contains(String, String...)} on one value in memory, for rows that do not come from SQL. */
    public static boolean textMatches(String value, String text) {
        return text == null || text.isBlank() || value != null && lower(value).contains(lower(text.trim()));
    }

    /**
     * Lower case as PostgreSQL's lower() makes it: code point by code point, without a locale (no Turkish dotless
     * i) and without context (no final sigma), which String.toLowerCase would apply.
     */
    static String lower(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        text.codePoints().forEach(c -> lowered.appendCodePoint(Character.toLowerCase(c)));
        return lowered.toString();
    }

    /** Newest-first keyset: rows strictly after the cursor's (time, id). */
    public SqlFilter after(Cursors.TimeKey key, String timeColumn, String idColumn) {
        if (key != null) {
            String at = param(key.at().atOffset(java.time.ZoneOffset.UTC));
            String id = param(key.id());
            conditions.add("(" + timeColumn + ", " + idColumn + ") < (" + at + ", " + id + ")");
        }
        return this;
    }

    public String sql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    public Tuple tuple() {
        return Tuple.from(parameters);
    }

    /** The parameters in their order, for a caller that binds them itself. */
    public List<Object> values() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
