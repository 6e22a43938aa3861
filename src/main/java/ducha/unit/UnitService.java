package ducha.unit;

import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.Batches;
import ducha.common.ConflictException;
import ducha.common.Cursors;
import ducha.common.ExpectedVersions;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.HqlFilter;
import ducha.common.ResourceNotFoundException;
import ducha.common.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import static ducha.common.Texts.blankToNull;

@ApplicationScoped
public class UnitService {

    static final String ENTITY = "unit";

    private final UnitRepository units;
    private final ChangeLog changes;

    public UnitService(UnitRepository units, ChangeLog changes) {
        this.units = units;
        this.changes = changes;
    }

    @WithSession
    public Uni<UnitView> get(UUID id) {
        return require(id).map(UnitView::of);
    }

    /** The unit, or null when there is none. */
    @WithSession
    public Uni<UnitView> find(UUID id) {
        return units.findById(id).map(unit -> unit == null ? null : UnitView.of(unit));
    }

    /** Units in code order. */
    @WithSession
    public Uni<Page<UnitView>> list(UnitFilter filter, PageRequest page) {
        HqlFilter query = new HqlFilter()
                .where("parentId = :parentId", "parentId", filter.parentId())
                .where("district = :district", "district", filter.district())
                .where("kind = :kind", "kind", filter.kind())
                .where("active = :active", "active", filter.active())
                .text(filter.text(), "code", "name");
        if (page.cursor() != null) {
            query.where("code > :afterCode", "afterCode", Cursors.textKey(page.cursor()));
        }
        return units.find(query.hql(), Sort.by("code"), query.parameters())
                .range(0, page.limit())
                .list()
                .map(rows -> Page.of(rows, page.limit(), unit -> Cursors.ofText(unit.code)).map(UnitView::of));
    }

    /** The units of the given ids, in their order (null where none), in one query. */
    @WithSession
    public Uni<List<UnitView>> byIds(List<UUID> ids) {
        return units.list("id in ?1", Batches.distinct(ids))
                .map(rows -> Batches.one(ids, rows.stream().map(UnitView::of).toList(), UnitView::id));
    }

    /** The direct sub-units of each given unit, in code order, in one query. */
    @WithSession
    public Uni<List<List<UnitView>>> childrenOf(List<UUID> parentIds) {
        return units.list("parentId in ?1", Sort.by("code"), Batches.distinct(parentIds))
                .map(rows -> Batches.many(parentIds, rows.stream().map(UnitView::of).toList(), UnitView::parentId));
    }

    /** A retry of an earlier create with the same client id and fields answers the unit it made. */
    @WithTransaction
    public Uni<UnitView> create(@Valid @NotNull UnitInput input, boolean onlyIfAbsent) {
        return changes.earlierCreate(ENTITY, input.id(), input, onlyIfAbsent, units::findById)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(UnitView.of(earlier)) : insert(input));
    }

    private Uni<UnitView> insert(UnitInput input) {
        Unit unit = new Unit();
        unit.id = input.id() != null ? input.id() : UUID.randomUUID();
        return checkParent(unit.id, input.parentId())
                .chain(() -> {
                    apply(unit, input);
                    return units.persistAndFlush(unit);
                })
                .call(saved -> changes.record(ENTITY, saved.id, ChangeOp.CREATE, saved.version, UnitView.of(saved), null))
                .map(UnitView::of);
    }

    @WithTransaction
    public Uni<UnitView> update(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull UnitInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must match the unit being changed"));
        }
        return require(id)
                .invoke(unit -> Versions.check(ENTITY, id, expectedVersion, unit.version))
                .call(unit -> checkParent(id, input.parentId()))
                .invoke(unit -> {
                    apply(unit, input);
                    unit.touch();
                })
                .call(units::flush)
                .call(unit -> changes.record(ENTITY, id, ChangeOp.UPDATE, unit.version, UnitView.of(unit), null))
                .map(UnitView::of);
    }

    /** Only an unreferenced unit can go; one with history is deactivated instead. */
    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .invoke(unit -> Versions.check(ENTITY, id, expectedVersion, unit.version))
                .call(unit -> units.firstReference(id).invoke(reference -> reference.ifPresent(what -> {
                    throw new ConflictException("Unit " + unit.code + " still has " + what
                            + "; set it inactive instead of deleting it.");
                })))
                .call(unit -> units.delete(unit).call(units::flush))
                .call(unit -> changes.record(ENTITY, id, ChangeOp.DELETE, unit.version, UnitView.of(unit), null))
                .replaceWithVoid();
    }

    Uni<Unit> require(UUID id) {
        return units.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    /** The parent must exist and must not be the unit itself or one of its descendants. */
    private Uni<Void> checkParent(UUID unitId, UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        if (parentId.equals(unitId)) {
            return Uni.createFrom().failure(new InvalidInputException("parentId", "cannot be the unit itself"));
        }
        return units.findById(parentId)
                .onItem().ifNull().failWith(() -> new InvalidInputException("parentId", "names no unit"))
                .chain(() -> units.subtreeIds(unitId))
                .invoke(subtree -> {
                    if (subtree.contains(parentId)) {
                        throw new InvalidInputException("parentId", "cannot be one of the unit's own sub-units");
                    }
                })
                .replaceWithVoid();
    }

    private static void apply(Unit unit, UnitInput input) {
        unit.code = input.code();
        unit.name = input.name().trim();
        unit.kind = input.kind();
        unit.parentId = input.parentId();
        unit.district = blankToNull(input.district());
        unit.leader = blankToNull(input.leader());
        unit.active = input.active() == null || input.active();
    }
}
