package ducha.finding;

import ducha.campaign.CampaignNaming;
import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.AccessDeniedException;
import ducha.common.AuditedEntity;
import ducha.common.ConflictException;
import ducha.common.ExpectedVersions;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
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
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The writes of findings, for both doors: each in its own transaction, ending in {@link #recorded} so that the row
 * and its change event commit together. What PostgreSQL refuses is translated where the request came in
 * (ProblemMapper, GraphQLBoundaryInterceptor), not here. The reads are {@link FindingQueries}.
 */
@ApplicationScoped
public class FindingCommands {

    private static final String ENTITY = Finding.ENTITY;
    /** A phone's clock may run a little fast; a finding further in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final FindingRepository findings;
    private final UnitRepository units;
    private final SiteRepository sites;
    private final InspectionRepository inspections;
    private final UnitAccess access;
    private final CurrentUser user;
    private final ChangeLog changes;
    private final FindingMetrics metrics;
    private final CampaignNaming campaigns;
    private final EvidenceRules evidence;

    public FindingCommands(FindingRepository findings, UnitRepository units, SiteRepository sites,
            InspectionRepository inspections, UnitAccess access, CurrentUser user, ChangeLog changes,
            FindingMetrics metrics, CampaignNaming campaigns, EvidenceRules evidence) {
        this.findings = findings;
        this.units = units;
        this.sites = sites;
        this.inspections = inspections;
        this.access = access;
        this.user = user;
        this.changes = changes;
        this.metrics = metrics;
        this.campaigns = campaigns;
        this.evidence = evidence;
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
                .chain(() -> findings.persist(finding))
                .chain(() -> recorded(finding, ChangeOp.CREATE, null))
                .invoke(() -> {
                    metrics.reported(finding);
                    Log.infof("Finding %s reported: unit %s, site %s, severity %s, status %s", finding.id,
                            finding.unitId, finding.siteId, finding.severity, finding.status);
                });
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
                .chain(finding -> recorded(finding, ChangeOp.UPDATE, null));
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
                    if (party.equals(finding.responsibleParty) && Objects.equals(contact, finding.responsibleContact)) {
                        return Uni.createFrom().item(FindingView.of(finding));
                    }
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("action", "HAND_OVER");
                    detail.put("from", party(finding.responsibleParty, finding.responsibleContact));
                    detail.put("to", party(party, contact));
                    detail.put("note", Texts.blankToNull(input.note()));
                    finding.responsibleParty = party;
                    finding.responsibleContact = contact;
                    finding.touch();
                    return recorded(finding, ChangeOp.UPDATE, detail)
                            .invoke(() -> Log.infof("Finding %s handed over to %s", id, party));
                });
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
                    return recorded(finding, ChangeOp.TRANSITION, detail).invoke(() -> {
                        metrics.transitioned(move.action());
                        Log.infof("Finding %s: %s, %s -> %s", id, move.action(), from, finding.status);
                    });
                });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .invoke(finding -> Versions.check(ENTITY, id, expectedVersion, finding.version))
                .call(finding -> findings.delete(finding).chain(() -> recorded(finding, ChangeOp.DELETE, null)))
                .replaceWithVoid();
    }

    /**
     * The tail of every write: the flush (so that the event holds the version the row commits with; a deleted row's
     * last one), the change event in the same transaction, and the finding as the caller sees it.
     */
    private Uni<FindingView> recorded(Finding finding, ChangeOp op, Map<String, Object> detail) {
        return findings.flush().chain(() -> {
            FindingView view = FindingView.of(finding);
            return changes.record(ENTITY, finding.id, op, finding.version, view, detail).replaceWith(view);
        });
    }

    private Uni<Finding> require(UUID id) {
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
