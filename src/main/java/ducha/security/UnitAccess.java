package ducha.security;

import ducha.common.AccessDeniedException;
import ducha.unit.UnitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The unit rule: an admin may write for any unit; an inspector only for the unit named in the token and the
 * units below it.
 */
@ApplicationScoped
public class UnitAccess {

    private final CurrentUser user;
    private final UnitRepository units;

    public UnitAccess(CurrentUser user, UnitRepository units) {
        this.user = user;
        this.units = units;
    }

    public Uni<Void> requireWriteAccess(UUID unitId) {
        if (user.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        String ownCode = user.unitCode().orElse(null);
        if (ownCode == null) {
            return Uni.createFrom().failure(new AccessDeniedException(
                    "Your token names no unit, so you may not record or change work for any unit."));
        }
        return units.isWithin(unitId, ownCode).chain(within -> within
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new AccessDeniedException(
                        "This belongs to another unit; inspectors may only write for unit " + ownCode
                                + " and its sub-units.")));
    }
}
