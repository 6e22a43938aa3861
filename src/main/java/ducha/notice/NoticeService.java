package ducha.notice;

import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.AuditedEntity;
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
import ducha.security.CurrentUser;
import ducha.site.SiteRepository;
import ducha.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoticeService {

    static final String ENTITY = "notice";
    private static final Sort NEWEST_FIRST = Sort.descending("issuedAt", "id");

    private final NoticeRepository notices;
    private final UnitRepository units;
    private final SiteRepository sites;
    private final CurrentUser user;
    private final ChangeLog changes;

    public NoticeService(NoticeRepository notices, UnitRepository units, SiteRepository sites, CurrentUser user,
            ChangeLog changes) {
        this.notices = notices;
        this.units = units;
        this.sites = sites;
        this.user = user;
        this.changes = changes;
    }

    /** The notice, or null when there is none. */
    @WithSession
    public Uni<NoticeView> find(UUID id) {
        return notices.findById(id).chain(notice -> notice == null ? Uni.createFrom().nullItem() : view(notice));
    }

    /** The notices of the given ids, in their order (null where none), with their citations: two queries. */
    @WithSession
    public Uni<List<NoticeView>> byIds(List<UUID> ids) {
        return notices.list("id in ?1", Batches.distinct(ids)).chain(rows -> notices.citedFindings(
                        rows.stream().map(notice -> notice.id).toList())
                .map(cited -> Batches.one(ids, rows.stream()
                        .map(notice -> NoticeView.of(notice, cited.getOrDefault(notice.id, List.of()))).toList(),
                        NoticeView::id)));
    }

    @WithSession
    public Uni<NoticeView> get(UUID id) {
        return require(id).chain(this::view);
    }

    /** Notices newest first. */
    @WithSession
    public Uni<Page<NoticeView>> list(NoticeFilter filter, PageRequest page) {
        Cursors.TimeKey after = page.cursor() == null ? null : Cursors.timeKey(page.cursor());
        return units.scope(filter.unitId()).chain(unitIds -> {
            if (unitIds != null && unitIds.isEmpty()) {
                return Uni.createFrom().item(new Page<NoticeView>(List.of(), null));
            }
            HqlFilter query = new HqlFilter()
                    .where("unitId in :unitIds", "unitIds", unitIds)
                    .where("kind = :kind", "kind", filter.kind())
                    .where("issuedAt >= :from", "from", filter.from())
                    .where("issuedAt < :to", "to", filter.to())
                    .after(after, "issuedAt");
            return notices.find(query.hql(), NEWEST_FIRST, query.parameters())
                    .range(0, page.limit())
                    .list()
                    .chain(rows -> {
                        Page<Notice> found = Page.of(rows, page.limit(), row -> Cursors.ofTime(row.issuedAt, row.id));
                        return notices.citedFindings(found.items().stream().map(notice -> notice.id).toList())
                                .map(cited -> found.map(notice -> NoticeView.of(notice,
                                        cited.getOrDefault(notice.id, List.of()))));
                    });
        });
    }

    /** A retry of an earlier create with the same client id and fields answers the notice it made. */
    @WithTransaction
    public Uni<NoticeView> issue(@Valid @NotNull NoticeInput input, boolean onlyIfAbsent) {
        return changes.earlierCreate(ENTITY, input.id(), input, onlyIfAbsent, notices::findById)
                .chain(earlier -> earlier != null ? view(earlier) : insert(input));
    }

    private Uni<NoticeView> insert(NoticeInput input) {
        Notice notice = new Notice();
        notice.id = input.id() != null ? input.id() : UUID.randomUUID();
        notice.issuedBy = user.subject();
        List<UUID> findingIds = distinct(input.findingIds());
        return checkReferences(input, findingIds)
                .invoke(() -> apply(notice, input))
                .chain(() -> notices.persistAndFlush(notice))
                .call(saved -> notices.replaceCitations(saved.id, findingIds))
                .map(saved -> NoticeView.of(saved, findingIds))
                .call(view -> changes.record(ENTITY, view.id(), ChangeOp.CREATE, view.version(), view, null));
    }

    @WithTransaction
    public Uni<NoticeView> update(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull NoticeInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must match the notice being changed"));
        }
        List<UUID> findingIds = distinct(input.findingIds());
        return require(id)
                .invoke(notice -> Versions.check(ENTITY, id, expectedVersion, notice.version))
                .call(() -> checkReferences(input, findingIds))
                .invoke(notice -> apply(notice, input))
                .invoke(Notice::touch)
                .call(notices::flush)
                .call(notice -> notices.replaceCitations(id, findingIds))
                .map(notice -> NoticeView.of(notice, findingIds))
                .call(view -> changes.record(ENTITY, id, ChangeOp.UPDATE, view.version(), view, null));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .invoke(notice -> Versions.check(ENTITY, id, expectedVersion, notice.version))
                .chain(this::view)
                .call(view -> notices.deleteById(id).call(notices::flush))
                .call(view -> changes.record(ENTITY, id, ChangeOp.DELETE, view.version(), view, null))
                .replaceWithVoid();
    }

    Uni<Notice> require(UUID id) {
        return notices.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    private Uni<NoticeView> view(Notice notice) {
        return notices.citedFindings(List.of(notice.id))
                .map(cited -> NoticeView.of(notice, cited.getOrDefault(notice.id, List.of())));
    }

    private Uni<Void> checkReferences(NoticeInput input, List<UUID> findingIds) {
        Uni<Void> site = input.siteId() == null
                ? Uni.createFrom().voidItem()
                : sites.findById(input.siteId())
                        .onItem().ifNull().failWith(() -> new InvalidInputException("siteId", "names no site"))
                        .replaceWithVoid();
        return units.findById(input.unitId())
                .onItem().ifNull().failWith(() -> new InvalidInputException("unitId", "names no unit"))
                .chain(() -> site)
                .chain(() -> notices.existingFindings(findingIds))
                .invoke(existing -> {
                    if (existing.size() != findingIds.size()) {
                        List<UUID> missing = findingIds.stream().filter(id -> !existing.contains(id)).toList();
                        throw new InvalidInputException("findingIds", "name no findings: " + missing);
                    }
                })
                // A notice speaks for its unit: it cites only what that unit and its sub-units found.
                .chain(() -> notices.findingsOutside(input.unitId(), findingIds))
                .invoke(outside -> {
                    if (!outside.isEmpty()) {
                        throw new InvalidInputException("findingIds",
                                "name findings of units outside the issuing unit and its sub-units: " + outside);
                    }
                })
                .replaceWithVoid();
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    private static void apply(Notice notice, NoticeInput input) {
        notice.unitId = input.unitId();
        notice.siteId = input.siteId();
        notice.kind = input.kind();
        notice.title = input.title().trim();
        notice.body = Texts.blankToNull(input.body());
        notice.issuedAt = input.issuedAt() != null ? Times.instant(input.issuedAt())
                : notice.issuedAt != null ? notice.issuedAt : AuditedEntity.now();
    }
}
