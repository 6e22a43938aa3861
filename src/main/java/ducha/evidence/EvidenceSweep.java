package ducha.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.change.ChangeOp;
import ducha.common.AuditedEntity;
import ducha.finding.Finding;
import ducha.finding.FindingAction;
import ducha.finding.FindingRepository;
import ducha.finding.FindingStatus;
import ducha.finding.FindingView;
import ducha.notice.Notice;
import ducha.notice.NoticeKind;
import ducha.notice.NoticeRepository;
import ducha.notice.NoticeView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reopens findings fixed on the spot whose AFTER photo did not come in time (docs/evidence.md): each goes back to
 * OPEN with a REMINDER notice citing it, both written by the actor {@code system}. Exactly once per finding: the
 * rows are taken with FOR UPDATE SKIP LOCKED (another replica's sweep skips them) and the due time is cleared in the
 * same transaction. The time is a parameter, so tests pass theirs; production passes the clock.
 */
@ApplicationScoped
public class EvidenceSweep {

    public static final String ACTOR = "system";
    /** Findings per transaction; the next run takes the rest. */
    private static final int BATCH = 100;
    /** The status as the SQL literal the sweep compares with, from the enum rather than spelt again. */
    private static final String RECTIFIED = "'" + FindingStatus.RECTIFIED.name() + "'";

    private final FindingRepository findings;
    private final NoticeRepository notices;
    private final EvidenceSettings settings;
    private final ObjectMapper json;

    public EvidenceSweep(FindingRepository findings, NoticeRepository notices, EvidenceSettings settings,
            ObjectMapper json) {
        this.findings = findings;
        this.notices = notices;
        this.settings = settings;
        this.json = json;
    }

    @Scheduled(every = "${ducha.evidence.sweep-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(Instant.now())
                .onFailure().invoke(e -> Log.warnf("Evidence sweep failed, retried at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Reopens the findings whose AFTER photo was due before {@code now} and is missing; answers their ids. An AFTER
     * photo counts when its own time (EXIF, bounded by its upload) is within the grace of the finding's foundAt:
     * both are the device's times, so a phone that was offline is judged by when things happened.
     */
    @WithTransaction
    public Uni<List<UUID>> sweep(Instant now) {
        long grace = settings.onSiteGrace().toSeconds();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update finding f set after_photo_due_at = null
                        where f.after_photo_due_at < :now
                          and (f.status <> %s or not f.rectified_on_site or exists (
                               select 1 from attachment a where a.finding_id = f.id and a.%s
                               and coalesce(a.taken_at, a.created_at) <= f.found_at + make_interval(secs => :grace)))
                        """.formatted(RECTIFIED, EvidenceRules.AFTER_PHOTO.replace(" media_type", " a.media_type")))
                        .setParameter("now", now)
                        .setParameter("grace", (double) grace)
                        .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                        select f.id from finding f
                        where f.after_photo_due_at < :now and f.status = %s and f.rectified_on_site
                        order by f.after_photo_due_at, f.id
                        limit :batch
                        for update skip locked""".formatted(RECTIFIED), UUID.class)
                        .setParameter("now", now)
                        .setParameter("batch", BATCH)
                        .getResultList()))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(this::reopen)
                        .collect().asList());
    }

    private Uni<UUID> reopen(UUID id) {
        String note = "No AFTER photo within " + settings.onSiteGrace() + " of the fix on the spot; reopened for "
                + "follow-up.";
        return findings.findById(id).chain(finding -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("action", FindingAction.REOPEN);
            detail.put("from", finding.status);
            detail.put("to", FindingStatus.OPEN);
            detail.put("note", note);
            detail.put("rule", "AFTER_PHOTO_MISSING");
            finding.status = FindingStatus.OPEN;
            finding.rectifiedOnSite = false;
            finding.rectifiedAt = null;
            finding.rectificationNote = null;
            finding.afterPhotoDueAt = null;
            finding.touch();
            Notice reminder = new Notice();
            reminder.id = UUID.randomUUID();
            reminder.unitId = finding.unitId;
            reminder.siteId = finding.siteId;
            reminder.kind = NoticeKind.REMINDER;
            reminder.title = "现场整改缺少整改后照片 (AFTER photo missing)";
            reminder.body = "The finding " + finding.id + " (" + finding.severity + ") was reported as fixed on the "
                    + "spot, but no AFTER photo came within " + settings.onSiteGrace() + ". It is OPEN again: upload "
                    + "the photo of the fix and RECTIFY it.";
            reminder.issuedAt = AuditedEntity.now();
            reminder.issuedBy = ACTOR;
            return findings.flush()
                    .call(() -> record("finding", id, ChangeOp.TRANSITION, finding.version, FindingView.of(finding),
                            detail))
                    .call(() -> notices.persistAndFlush(reminder))
                    .call(() -> notices.replaceCitations(reminder.id, List.of(id)))
                    .call(() -> record("notice", reminder.id, ChangeOp.CREATE, reminder.version,
                            NoticeView.of(reminder, List.of(id)), null))
                    .invoke(() -> Log.infof("Finding %s reopened by the evidence sweep: no AFTER photo", id))
                    .replaceWith(id);
        });
    }

    /** A change event by the actor {@code system}, in the sweep's transaction (ChangeLog writes the caller's). */
    private Uni<Void> record(String entity, UUID id, ChangeOp op, long version, Object data, Object detail) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into change_event (actor, entity, entity_id, op, version, data, detail)
                values (:actor, :entity, :entityId, :op, :version,
                        cast(cast(:data as text) as jsonb), cast(cast(:detail as text) as jsonb))""")
                .setParameter("actor", ACTOR)
                .setParameter("entity", entity)
                .setParameter("entityId", id)
                .setParameter("op", op.name())
                .setParameter("version", version)
                .setParameter("data", toJson(data))
                .setParameter("detail", toJson(detail))
                .executeUpdate())
                .replaceWithVoid();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
