package ducha.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the warnings and errors of a few log categories from before the application starts (a test resource
 * starts first), so that a test can check what a start logged. Global, so that it costs no start of its own. The
 * handlers sit on the categories, not on the root, which Quarkus configures at start.
 */
public class LogCapture implements QuarkusTestResourceLifecycleManager {

    /** Where the noise came from: Micrometer's double registrations and Hibernate's SQL error lines. */
    public static final List<String> CATEGORIES = List.of("io.micrometer.core.instrument.MeterRegistry",
            "org.hibernate.orm.jdbc.error");

    private static final List<String> RECORDS = new CopyOnWriteArrayList<>();
    /** Held, so that the loggers with the handler are not collected and made anew without it. */
    private static final List<Logger> LOGGERS = new CopyOnWriteArrayList<>();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                RECORDS.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** The warnings and errors logged in {@link #CATEGORIES} since the application started. */
    public static List<String> warnings() {
        return List.copyOf(RECORDS);
    }

    @Override
    public Map<String, String> start() {
        RECORDS.clear();
        for (String category : CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.addHandler(HANDLER);
            LOGGERS.add(logger);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        LOGGERS.forEach(logger -> logger.removeHandler(HANDLER));
        LOGGERS.clear();
    }
}
