package ducha.me;

import ducha.security.CurrentUser;
import ducha.unit.UnitRepository;
import ducha.unit.UnitView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MeService {

    private final CurrentUser user;
    private final UnitRepository units;

    public MeService(CurrentUser user, UnitRepository units) {
        this.user = user;
        this.units = units;
    }

    @WithSession
    public Uni<MeView> me() {
        String unitCode = user.unitCode().orElse(null);
        Uni<UnitView> unit = unitCode == null
                ? Uni.createFrom().nullItem()
                : units.findByCode(unitCode).map(found -> found == null ? null : UnitView.of(found));
        return unit.map(view -> new MeView(user.subject(), user.displayName(),
                user.roles().stream().sorted().toList(), unitCode, view));
    }
}
