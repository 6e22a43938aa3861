package ducha.common;

import io.smallrye.graphql.api.ErrorCode;
import java.util.Map;

/** The client's copy is older than the row: it must read again and reapply its change. */
@ErrorCode("STALE_VERSION")
public class StaleVersionException extends DomainException {

    public StaleVersionException(String entity, Object id, Long currentVersion) {
        super("The " + entity + " " + id + " was changed by someone else; read it again and retry.",
                currentVersion == null ? null : Map.of("currentVersion", currentVersion));
    }

    /** A concurrent change that only the database saw (an optimistic-lock failure at flush): no id to name. */
    public StaleVersionException() {
        super("The row was changed by someone else; read it again and retry.", null);
    }

    @Override
    public int status() {
        return 412;
    }
}
