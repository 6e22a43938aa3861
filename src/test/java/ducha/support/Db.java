package ducha.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct reads of the test database, to prove what a request did or did not write. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... args) {
        try (Connection connection = shared(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... args) {
        try (Connection connection = shared(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... args) {
        try (Connection connection = shared(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public static java.util.List<String> texts(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            java.util.List<String> texts = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a script of several statements (no parameters), e.g. a file of SQL. */
    public static void script(String sql) {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every change event ever written: a failed request must leave it unchanged. */
    public static long changeEvents() {
        return count("select count(*) from change_event");
    }

    /** The newest change event's sequence number (0 when none): pass it to {@link #actorsAfter(long)}. */
    public static long lastChangeEvent() {
        return count("select coalesce(max(seq), 0) from change_event");
    }

    /** The actor of every change event written after the given one, in order. */
    public static java.util.List<String> actorsAfter(long seq) {
        return texts("select actor from change_event where seq > ? order by seq", seq);
    }

    private static Connection shared;

    /** A connection of its own, e.g. to hold a lock or a transaction open while requests run. */
    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** One connection for the reads of this class; callers close it in try-with-resources, which this ignores. */
    private static synchronized Connection shared() throws SQLException {
        if (shared == null || shared.isClosed()) {
            Connection connection = connect();
            shared = (Connection) java.lang.reflect.Proxy.newProxyInstance(Db.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null : invoke(connection, method, args));
        }
        return shared;
    }

    private static Object invoke(Connection connection, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
