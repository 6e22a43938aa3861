package ducha.unit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

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

    /**
     * The units a unitId filter covers, "this unit and every unit below it", for the reads that filter by a set of
     * units (the notice list, the finding subscription, sync): null without a unit (any unit); empty when it names no
     * unit. The finding and inspection lists read a subtree through their scope tables instead (docs/subtree.md).
     */
    public Uni<Set<UUID>> scope(UUID unitId) {
        return unitId == null ? Uni.createFrom().nullItem() : subtreeIds(unitId).map(Set::copyOf);
    }

    /**
     * True when {@code unitId} is the unit with code {@code ancestorCode} or one of its descendants: its ancestors are
     * its rows of unit_closure (V7__unit_subtree.sql), one index range, no walk up the tree.
     */
    public Uni<Boolean> isWithin(UUID unitId, String ancestorCode) {
        return getSession().chain(session -> session.createNativeQuery("""
                select exists(select 1 from unit_closure c join unit a on a.id = c.ancestor_id
                              where c.unit_id = :unit and a.code = :code)""", Boolean.class)
                .setParameter("unit", unitId)
                .setParameter("code", ancestorCode)
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
