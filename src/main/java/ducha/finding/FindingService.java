package ducha.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.campaign.CampaignNaming;
import ducha.change.ChangeEventView;
import ducha.change.ChangeFeed;
import ducha.change.ChangeHistory;
import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.AccessDeniedException;
import ducha.common.AuditedEntity;
import ducha.common.Batches;
import ducha.common.ConflictException;
import ducha.common.DatabaseErrors;
import ducha.common.ExpectedVersions;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.ResourceNotFoundException;
import ducha.common.Texts;
import ducha.common.Times;
import ducha.common.Versions;
import ducha.evidence.EvidenceRules;
import ducha.inspection.InspectionRepository;
import ducha.security.CurrentUser;
import ducha.security.UnitAccess;
import ducha.site.SiteRepository;
import ducha.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class FindingService {

    static final String ENTITY = "finding";
    /** A phone's clock may run a little fast; a finding further in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final FindingRepository findings;
    private final UnitRepository units;
    private final SiteRepository sites;
    private final InspectionRepository inspections;
    private final UnitAccess access;
    private final CurrentUser user;
    private final ChangeLog changes;
    private final ChangeHistory history;
    private final ChangeFeed feed;
    private final ObjectMapper json;
    private final FindingMetrics metrics;
    private final Pool pool;
    private final FindingBatches batches;
    private final CampaignNaming campaigns;
    private final EvidenceRules evidence;

    public FindingService(FindingRepository findings, UnitRepository units, SiteRepository sites,
            InspectionRepository inspections, UnitAccess access, CurrentUser user, ChangeLog changes,
            ChangeHistory history, ChangeFeed feed, ObjectMapper json, FindingMetrics metrics, Pool pool,
            FindingBatches batches, CampaignNaming campaigns, EvidenceRules evidence) {
        this.evidence = evidence;
        this.findings = findings;
        this.units = units;
        this.sites = sites;
        this.inspections = inspections;
        this.access = access;
        this.user = user;
        this.changes = changes;
        this.history = history;
        this.feed = feed;
        this.json = json;
        this.metrics = metrics;
        this.pool = pool;
        this.batches = batches;
        this.campaigns = campaigns;
    }

    /**
     * The row as a view, or null when there is none. One prepared statement on the pool, no ORM session: reads by id
     * are the mobile apps' most frequent request, and a session per read cost a sixth of its CPU (BENCHMARKS.md).
     */
    public Uni<FindingView> find(UUID id) {
        return pool.preparedQuery(FindingRows.BY_ID).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null
                : FindingRows.view(rows.iterator().next(), Instant.now()));
    }

    public Uni<FindingView> get(UUID id) {
        return find(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    /** Findings newest first; see {@link FindingBatches#list}. */
    public Uni<Page<FindingView>> list(FindingFilter filter, PageRequest page) {
        return batches.list(filter, page);
    }

    /** The findings of the given ids, in their order (null where none), in one query. */
    @WithSession
    public Uni<List<FindingView>> byIds(List<UUID> ids) {
        return findings.list("id in ?1", Batches.distinct(ids))
                .map(rows -> Batches.one(ids, rows.stream().map(FindingView::of).toList(), FindingView::id));
    }

    /** Changes of findings matching the filter, from now on, in commit order. */
    public Multi<FindingSubscriptionEvent> changes(FindingFilter filter) {
        Uni<Set<UUID>> unitScope = filter.unitId() == null
                ? Uni.createFrom().nullItem()
                : units.subtreeIds(filter.unitId()).map(Set::copyOf);
        return unitScope.onItem().transformToMulti(unitIds -> feed.changes()
                .filter(event -> ENTITY.equals(event.entity()) && event.data() != null)
                .map(event -> new FindingSubscriptionEvent(Long.toString(event.seq()), event.op(), readView(event)))
                .filter(change -> FindingSql.matches(change.finding(), filter, unitIds, Instant.now())));
    }

    /** The change history of each given finding, oldest first, in one query. */
    public Uni<List<List<ChangeEventView>>> histories(List<UUID> ids) {
        return history.of(ENTITY, Batches.distinct(ids))
                .map(events -> Batches.many(ids, events, ChangeEventView::entityId));
    }

    /**
     * Reports a finding: OPEN, or RECTIFIED at once when it was fixed on site. A retry with the same client id and
     * fields answers the finding it made.
     */
    @WithTransaction
    public Uni<FindingView> report(@Valid @NotNull FindingInput input, boolean onlyIfAbsent) {
        return changes.earlierCreate(ENTITY, input.id(), input, onlyIfAbsent, findings::findById)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(FindingView.of(earlier)) : insert(input));
    }

    private Uni<FindingView> insert(FindingInput input) {
        Instant now = AuditedEntity.now();
        Finding finding = new Finding();
        finding.id = input.id() != null ? input.id() : UUID.randomUUID();
        finding.unitId = input.unitId();
        finding.siteId = input.siteId();
        finding.inspectionId = input.inspectionId();
        finding.category = input.category();
        finding.severity = input.severity();
        finding.description = input.description().trim();
        finding.foundAt = input.foundAt() != null ? Times.instant(input.foundAt()) : now;
        finding.dueAt = Times.instant(input.dueAt());
        finding.rectifiedOnSite = Boolean.TRUE.equals(input.rectifiedOnSite());
        finding.status = FindingLifecycle.initialStatus(finding.rectifiedOnSite);
        if (finding.rectifiedOnSite) {
            finding.rectifiedAt = finding.foundAt;
            finding.rectificationNote = Texts.blankToNull(input.rectificationNote());
        }
        finding.reportedBy = user.subject();
        finding.campaignId = input.campaignId();
        finding.responsibleParty = Texts.blankToNull(input.responsibleParty());
        finding.responsibleContact = Texts.blankToNull(input.responsibleContact());
        finding.afterPhotoDueAt = evidence.afterPhotoDue(finding, now);

        List<FieldError> errors = new ArrayList<>();
        if (finding.responsibleContact != null && finding.responsibleParty == null) {
            errors.add(new FieldError("responsibleContact", "only goes with responsibleParty"));
        }
        if (finding.foundAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("foundAt", "cannot be in the future"));
        }
        if (finding.dueAt != null && !finding.dueAt.isAfter(finding.foundAt)) {
            errors.add(new FieldError("dueAt", "must be after foundAt"));
        }
        if (!finding.rectifiedOnSite && input.rectificationNote() != null) {
            errors.add(new FieldError("rectificationNote", "only goes with rectifiedOnSite; rectify it later with a note"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(errors));
        }
        return units.findById(input.unitId())
                .onItem().ifNull().failWith(() -> new InvalidInputException("unitId", "names no unit"))
                .chain(() -> sites.findById(input.siteId()))
                .onItem().ifNull().failWith(() -> new InvalidInputException("siteId", "names no site"))
                .chain(() -> checkInspection(input.inspectionId(), input.unitId(), input.siteId()))
                .chain(() -> access.requireWriteAccess(input.unitId()))
                .chain(() -> campaigns.check(finding.campaignId, finding.unitId, finding.siteId, finding.foundAt,
                        "foundAt"))
                .chain(() -> findings.persistAndFlush(finding))
                .call(saved -> changes.record(ENTITY, saved.id, ChangeOp.CREATE, saved.version, FindingView.of(saved),
                        null))
                .invoke(saved -> {
                    metrics.reported(saved);
                    Log.infof("Finding %s reported: unit %s, site %s, severity %s, status %s", saved.id, saved.unitId,
                            saved.siteId, saved.severity, saved.status);
                })
                .map(FindingView::of)
                .onFailure().transform(DatabaseErrors::translate);
    }

    @WithTransaction
    public Uni<FindingView> update(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull FindingEditInput input) {
        return require(id)
                .call(finding -> access.requireWriteAccess(finding.unitId))
                .invoke(finding -> Versions.check(ENTITY, id, expectedVersion, finding.version))
                .call(finding -> checkInspection(input.inspectionId(), finding.unitId, finding.siteId))
                .invoke(finding -> {
                    Instant dueAt = Times.instant(input.dueAt());
                    if (dueAt != null && !dueAt.isAfter(finding.foundAt)) {
                        throw new InvalidInputException("dueAt", "must be after foundAt");
                    }
                    finding.inspectionId = input.inspectionId();
                    finding.category = input.category();
                    finding.severity = input.severity();
                    finding.description = input.description().trim();
                    finding.dueAt = dueAt;
                    finding.touch();
                })
                .call(findings::flush)
                .call(finding -> changes.record(ENTITY, id, ChangeOp.UPDATE, finding.version, FindingView.of(finding),
                        null))
                .map(FindingView::of)
                .onFailure().transform(DatabaseErrors::translate);
    }

    /**
     * Hands a finding to a responsible party (责任单位), replacing the one it had: an UPDATE of the row whose change
     * event says {@code action: HAND_OVER} with the party before and after, so the history shows who it went to.
     * The unit rule and the version are checked as for any edit; the same party and contact again changes nothing.
     */
    @WithTransaction
    public Uni<FindingView> handOver(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull HandOverInput input) {
        return require(id)
                .call(finding -> access.requireWriteAccess(finding.unitId))
                .invoke(finding -> Versions.check(ENTITY, id, expectedVersion, finding.version))
                .chain(finding -> {
                    String party = input.responsibleParty().trim();
                    String contact = Texts.blankToNull(input.responsibleContact());
                    if (party.equals(finding.responsibleParty) && java.util.Objects.equals(contact,
                            finding.responsibleContact)) {
                        return Uni.createFrom().item(finding);
                    }
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("action", "HAND_OVER");
                    detail.put("from", party(finding.responsibleParty, finding.responsibleContact));
                    detail.put("to", party(party, contact));
                    detail.put("note", Texts.blankToNull(input.note()));
                    finding.responsibleParty = party;
                    finding.responsibleContact = contact;
                    finding.touch();
                    return findings.flush()
                            .chain(() -> changes.record(ENTITY, id, ChangeOp.UPDATE, finding.version,
                                    FindingView.of(finding), detail))
                            .invoke(() -> Log.infof("Finding %s handed over to %s", id, party))
                            .replaceWith(finding);
                })
                .map(FindingView::of)
                .onFailure().transform(DatabaseErrors::translate);
    }

    private static Map<String, Object> party(String name, String contact) {
        if (name == null) {
            return null;
        }
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("responsibleParty", name);
        party.put("responsibleContact", contact);
        return party;
    }

    /**
     * Moves a finding along {@link FindingLifecycle}. Checks, in order: the unit rule (403), the role the
     * action needs (403), the table (409, naming the allowed actions), the note (400), the version (412), the
     * evidence (409 EVIDENCE_REQUIRED, {@link EvidenceRules}).
     */
    @WithTransaction
    public Uni<FindingView> transition(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull TransitionInput input) {
        FindingLifecycle.Move move = FindingLifecycle.move(input.action());
        return require(id)
                .call(finding -> access.requireWriteAccess(finding.unitId))
                .chain(finding -> {
                    boolean admin = user.isAdmin();
                    if (move.adminOnly() && !admin) {
                        throw new AccessDeniedException("Only an admin may " + move.action() + " a finding.");
                    }
                    if (!move.from().contains(finding.status)) {
                        List<FindingAction> allowed = FindingLifecycle.allowedActions(finding.status, admin);
                        throw new ConflictException(FindingLifecycle.refusal(finding.status, move.action(), admin),
                                Map.of("status", finding.status, "allowedActions", allowed));
                    }
                    String note = Texts.blankToNull(input.note());
                    if (move.noteRequired() && note == null) {
                        throw new InvalidInputException("note", "is required for " + move.action());
                    }
                    Versions.check(ENTITY, id, expectedVersion, finding.version);
                    return evidence.check(finding, move.action()).replaceWith(finding);
                })
                .chain(finding -> {
                    String note = Texts.blankToNull(input.note());
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("action", move.action());
                    detail.put("from", finding.status);
                    detail.put("to", move.to());
                    detail.put("note", note);
                    FindingStatus from = finding.status;
                    apply(finding, move, note);
                    return findings.flush()
                            .chain(() -> changes.record(ENTITY, id, ChangeOp.TRANSITION, finding.version,
                                    FindingView.of(finding), detail))
                            .invoke(() -> {
                                metrics.transitioned(move.action());
                                Log.infof("Finding %s: %s, %s -> %s", id, move.action(), from, finding.status);
                            })
                            .replaceWith(finding);
                })
                .map(FindingView::of)
                .onFailure().transform(DatabaseErrors::translate);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .invoke(finding -> Versions.check(ENTITY, id, expectedVersion, finding.version))
                .call(finding -> findings.delete(finding).call(findings::flush))
                .call(finding -> changes.record(ENTITY, id, ChangeOp.DELETE, finding.version, FindingView.of(finding),
                        null))
                .replaceWithVoid()
                .onFailure().transform(DatabaseErrors::translate);
    }

    /** Every recorded change of a finding, oldest first; kept after the finding is deleted. */
    public Uni<List<ChangeEventView>> history(UUID id) {
        return history.of(ENTITY, id).chain(events -> events.isEmpty()
                ? get(id).replaceWith(events)
                : Uni.createFrom().item(events));
    }

    private FindingView readView(ChangeEventView event) {
        try {
            return json.treeToValue(event.data(), FindingView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable finding in change event " + event.seq(), e);
        }
    }

    /**
     * Counts the overdue findings for {@link FindingMetrics}: one count over the partial index of unresolved due
     * times, on a timer rather than per scrape. A failed count keeps the last value and says so in the log.
     */
    @Scheduled(every = "${ducha.metrics.overdue-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithSession
    Uni<Void> refreshOverdueGauge() {
        return findings.count("dueAt < ?1 and status in ?2", Instant.now(), FindingStatus.UNRESOLVED)
                .invoke(metrics::overdue)
                .onFailure().invoke(e -> Log.warnf("Overdue findings not counted: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    Uni<Finding> require(UUID id) {
        return findings.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    private Uni<Void> checkInspection(UUID inspectionId, UUID unitId, UUID siteId) {
        if (inspectionId == null) {
            return Uni.createFrom().voidItem();
        }
        return inspections.findById(inspectionId)
                .onItem().ifNull().failWith(() -> new InvalidInputException("inspectionId", "names no inspection"))
                .invoke(inspection -> {
                    if (!inspection.unitId.equals(unitId) || !inspection.siteId.equals(siteId)) {
                        throw new InvalidInputException("inspectionId",
                                "is a visit of another unit or site than the finding's");
                    }
                })
                .replaceWithVoid();
    }

    private static void apply(Finding finding, FindingLifecycle.Move move, String note) {
        finding.status = move.to();
        switch (move.action()) {
            case RECTIFY -> {
                finding.rectifiedAt = AuditedEntity.now();
                finding.rectificationNote = note;
            }
            case REOPEN -> {
                finding.afterPhotoDueAt = null;
                finding.rectifiedAt = null;
                finding.rectifiedOnSite = false;
                finding.rectificationNote = null;
            }
            default -> {
            }
        }
    }
}
