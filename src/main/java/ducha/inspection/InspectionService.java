package ducha.inspection;

import ducha.campaign.CampaignNaming;
import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.Batches;
import ducha.common.Cursors;
import ducha.common.ExpectedVersions;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.HqlFilter;
import ducha.common.ResourceNotFoundException;
import ducha.common.Texts;
import ducha.common.Times;
import ducha.common.Versions;
import ducha.evidence.CheckIns;
import ducha.security.CurrentUser;
import ducha.security.UnitAccess;
import ducha.site.Site;
import ducha.site.SiteRepository;
import ducha.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InspectionService {

    static final String ENTITY = "inspection";
    private static final Sort NEWEST_FIRST = Sort.descending("startedAt", "id");

    private final InspectionRepository inspections;
    private final UnitRepository units;
    private final SiteRepository sites;
    private final UnitAccess access;
    private final CurrentUser user;
    private final ChangeLog changes;
    private final InspectionBatches batches;
    private final CampaignNaming campaigns;
    private final CheckIns checkIns;

    public InspectionService(InspectionRepository inspections, UnitRepository units, SiteRepository sites,
            UnitAccess access, CurrentUser user, ChangeLog changes, InspectionBatches batches, CampaignNaming campaigns,
            CheckIns checkIns) {
        this.inspections = inspections;
        this.units = units;
        this.sites = sites;
        this.access = access;
        this.user = user;
        this.changes = changes;
        this.batches = batches;
        this.campaigns = campaigns;
        this.checkIns = checkIns;
    }

    /** The row as a view, or null when there is none. */
    @WithSession
    public Uni<InspectionView> find(UUID id) {
        return inspections.findById(id).map(row -> row == null ? null : InspectionView.of(row));
    }

    @WithSession
    public Uni<InspectionView> get(UUID id) {
        return require(id).map(InspectionView::of);
    }

    /**
     * Inspections newest first; those of a unit and its sub-units by the index of inspection_scope, as
     * Unit.inspections reads them (docs/subtree.md).
     */
    @WithSession
    public Uni<Page<InspectionView>> list(InspectionFilter filter, PageRequest page) {
        if (filter.unitId() != null) {
            return batches.pages(InspectionBatches.Parent.UNIT_TREE, List.of(filter.unitId()), filter.withoutUnit(),
                    page).map(pages -> pages.get(0));
        }
        Cursors.TimeKey after = page.cursor() == null ? null : Cursors.timeKey(page.cursor());
        HqlFilter query = new HqlFilter()
                .where("siteId = :siteId", "siteId", filter.siteId())
                .where("startedAt >= :from", "from", filter.from())
                .where("startedAt < :to", "to", filter.to())
                .where("presence = :presence", "presence", filter.presence())
                .after(after, "startedAt");
        return inspections.find(query.hql(), NEWEST_FIRST, query.parameters())
                .range(0, page.limit())
                .list()
                .map(rows -> Page.of(rows, page.limit(), row -> Cursors.ofTime(row.startedAt, row.id))
                        .map(InspectionView::of));
    }

    /** The inspections of the given ids, in their order (null where none), in one query. */
    @WithSession
    public Uni<List<InspectionView>> byIds(List<UUID> ids) {
        return inspections.list("id in ?1", Batches.distinct(ids))
                .map(rows -> Batches.one(ids, rows.stream().map(InspectionView::of).toList(), InspectionView::id));
    }

    /** A retry of an earlier create with the same client id and fields answers the inspection it made. */
    @WithTransaction
    public Uni<InspectionView> create(@Valid @NotNull InspectionInput input, boolean onlyIfAbsent) {
        return changes.earlierCreate(ENTITY, input.id(), input, onlyIfAbsent, inspections::findById)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(InspectionView.of(earlier)) : insert(input));
    }

    private Uni<InspectionView> insert(InspectionInput input) {
        Inspection inspection = new Inspection();
        inspection.id = input.id() != null ? input.id() : UUID.randomUUID();
        inspection.unitId = input.unitId();
        inspection.siteId = input.siteId();
        inspection.createdBy = user.subject();
        apply(inspection, input);
        checkIns.validate(input.checkIn());
        return requireReferences(input)
                .invoke(site -> checkIns.apply(inspection, input.checkIn(), site))
                .chain(() -> access.requireWriteAccess(input.unitId()))
                .chain(() -> campaigns.check(inspection.campaignId, inspection.unitId, inspection.siteId,
                        inspection.startedAt, "startedAt"))
                .chain(() -> inspections.persistAndFlush(inspection))
                .call(saved -> changes.record(ENTITY, saved.id, ChangeOp.CREATE, saved.version,
                        InspectionView.of(saved), null))
                .map(InspectionView::of);
    }

    @WithTransaction
    public Uni<InspectionView> update(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull InspectionInput input) {
        return require(id)
                .call(inspection -> access.requireWriteAccess(inspection.unitId))
                .invoke(inspection -> {
                    if (input.id() != null && !input.id().equals(id)) {
                        throw new InvalidInputException("id", "must match the inspection being changed");
                    }
                    if (!inspection.unitId.equals(input.unitId()) || !inspection.siteId.equals(input.siteId())) {
                        throw new InvalidInputException("unitId",
                                "unit and site of an inspection cannot change; record a new inspection instead");
                    }
                    Versions.check(ENTITY, id, expectedVersion, inspection.version);
                    checkIns.validate(input.checkIn());
                    apply(inspection, input);
                    inspection.touch();
                })
                .call(inspection -> campaigns.check(inspection.campaignId, inspection.unitId, inspection.siteId,
                        inspection.startedAt, "startedAt"))
                .call(inspection -> sites.findById(inspection.siteId)
                        .invoke(site -> checkIns.apply(inspection, input.checkIn(), site)))
                .call(inspections::flush)
                .call(inspection -> changes.record(ENTITY, id, ChangeOp.UPDATE, inspection.version,
                        InspectionView.of(inspection), null))
                .map(InspectionView::of);
    }

    /** Deleting is for mistakes; an inspection with findings is refused by the database (409). */
    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .invoke(inspection -> Versions.check(ENTITY, id, expectedVersion, inspection.version))
                .call(inspection -> inspections.delete(inspection).call(inspections::flush))
                .call(inspection -> changes.record(ENTITY, id, ChangeOp.DELETE, inspection.version,
                        InspectionView.of(inspection), null))
                .replaceWithVoid();
    }

    Uni<Inspection> require(UUID id) {
        return inspections.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    /** The unit and the site must exist; answers the site (its coordinates classify the check-in). */
    private Uni<Site> requireReferences(InspectionInput input) {
        return units.findById(input.unitId())
                .onItem().ifNull().failWith(() -> new InvalidInputException("unitId", "names no unit"))
                .chain(() -> sites.findById(input.siteId()))
                .onItem().ifNull().failWith(() -> new InvalidInputException("siteId", "names no site"));
    }

    private static void apply(Inspection inspection, InspectionInput input) {
        inspection.startedAt = Times.instant(input.startedAt());
        inspection.inspectorCount = input.inspectorCount();
        inspection.method = input.method();
        inspection.notes = Texts.blankToNull(input.notes());
        inspection.campaignId = input.campaignId();
    }
}
