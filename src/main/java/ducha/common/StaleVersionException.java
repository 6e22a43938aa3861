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

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String code() {
        return "STALE_VERSION";
    }
}
