package ducha.unit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    /** Deep enough for any real organisation chart; stops a corrupt tree from recursing for ever. */
    private static final int MAX_DEPTH = 32;

    public Uni<Unit> findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** The unit and all its descendants (none when there is no such unit), from the closure table. */
    public Uni<List<UUID>> subtreeIds(UUID root) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select unit_id from unit_closure where ancestor_id = :root", UUID.class)
                .setParameter("root", root)
                .getResultList());
    }

    /** True when {@code unitId} is the unit with code {@code ancestorCode} or one of its descendants. */
    public Uni<Boolean> isWithin(UUID unitId, String ancestorCode) {
        return getSession().chain(session -> session.createNativeQuery("""
                with recursive up(id, parent_id, code, depth) as (
                    select id, parent_id, code, 0 from unit where id = :unit
                    union all
                    select u.id, u.parent_id, u.code, up.depth + 1 from unit u join up on u.id = up.parent_id
                    where up.depth < :maxDepth
                )
                select exists(select 1 from up where code = :code)""", Boolean.class)
                .setParameter("unit", unitId)
                .setParameter("code", ancestorCode)
                .setParameter("maxDepth", MAX_DEPTH)
                .getSingleResult());
    }

    /** What still points at the unit, by kind of row, or empty when it may be deleted. */
    public Uni<Optional<String>> firstReference(UUID unitId) {
        return getSession().chain(session -> session.createNativeQuery("""
                select case
                    when exists(select 1 from unit where parent_id = :id) then 'sub-units'
                    when exists(select 1 from inspection where unit_id = :id) then 'inspections'
                    when exists(select 1 from finding where unit_id = :id) then 'findings'
                    when exists(select 1 from notice where unit_id = :id) then 'notices'
                end""", String.class)
                .setParameter("id", unitId)
                .getSingleResult()
                .map(Optional::ofNullable));
    }
}
