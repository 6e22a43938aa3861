package ducha.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.finding.FindingAction;
import ducha.finding.FindingMetrics;
import ducha.finding.FindingRows;
import ducha.finding.FindingStatus;
import ducha.finding.FindingView;
import ducha.finding.Severity;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The periodic sweep that chases due times: DUE_SOON and OVERDUE reminders, and the escalation of findings overdue
 * past their severity's threshold. Every replica sweeps; each reminder still happens exactly once:
 *
 * <ul>
 * <li>candidates are taken with {@code FOR UPDATE SKIP LOCKED}, so two sweepers never work on one finding at once
 * and never wait for each other;</li>
 * <li>the (finding, kind, due time) row of {@code finding_reminder}, its change event and (escalation) the status
 * change are written in one transaction, and every statement after the lock reads afresh (READ COMMITTED), so a
 * sweeper that takes a finding after another committed it sees that row; the row's key refuses a second one
 * regardless;</li>
 * <li>nothing is kept in memory between sweeps, so a restart changes nothing.</li>
 * </ul>
 *
 * The sweep takes its clock as an argument: the schedule passes the real time, tests a chosen one.
 */
@ApplicationScoped
public class ReminderSweep {

    static final String SYSTEM = "system";

    private static final String CANDIDATES = """
            select f.id, f.severity, f.status, f.due_at, f.unit_id, coalesce(u.parent_id, u.id) as parent_unit_id,
                   exists (select from finding_reminder r where r.finding_id = f.id and r.due_at = f.due_at
                           and r.kind = 'DUE_SOON') as has_due_soon,
                   exists (select from finding_reminder r where r.finding_id = f.id and r.due_at = f.due_at
                           and r.kind = 'OVERDUE') as has_overdue,
                   exists (select from finding_reminder r where r.finding_id = f.id and r.due_at = f.due_at
                           and r.kind = 'ESCALATED') as has_escalated
            from finding f join unit u on u.id = f.unit_id
            where f.status in ('OPEN', 'RECTIFYING', 'ESCALATED') and f.due_at <= $2::timestamptz
              and ($3::uuid is null or f.unit_id in (select unit_id from unit_closure where ancestor_id = $3::uuid))
              and ((f.due_at >= $1::timestamptz and not exists (select from finding_reminder r where r.finding_id = f.id
                                                    and r.due_at = f.due_at and r.kind = 'DUE_SOON'))
                   or (f.due_at < $1::timestamptz and not exists (select from finding_reminder r where r.finding_id = f.id
                                                      and r.due_at = f.due_at and r.kind = 'OVERDUE'))
                   or (f.status in ('OPEN', 'RECTIFYING')
                       and f.due_at < case f.severity when 'CRITICAL' then $4::timestamptz when 'HIGH' then $5::timestamptz
                                                      when 'MEDIUM' then $6::timestamptz else $7::timestamptz end
                       and not exists (select from finding_reminder r where r.finding_id = f.id
                                       and r.due_at = f.due_at and r.kind = 'ESCALATED')))
            order by f.due_at, f.id
            limit $8::int
            for update of f skip locked""";

    private final Pool pool;
    private final FollowThroughSettings settings;
    private final ObjectMapper json;
    private final ReminderMetrics metrics;
    private final FindingMetrics findingMetrics;

    public ReminderSweep(Pool pool, FollowThroughSettings settings, ObjectMapper json, ReminderMetrics metrics,
            FindingMetrics findingMetrics) {
        this.pool = pool;
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
        this.findingMetrics = findingMetrics;
    }

    /** The scheduled sweep, on every replica ({@code ducha.follow-through.sweep-every}, "off" to stop it). */
    @Scheduled(identity = "follow-through-sweep", every = "${ducha.follow-through.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(Instant.now(), null)
                .invoke(sent -> {
                    if (sent > 0) {
                        Log.infof("Follow-through sweep: %d reminders and escalations sent", sent);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Follow-through sweep failed; the next one retries: %s",
                        e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Sends what is due at {@code now} for the findings of {@code withinUnit}'s subtree (all when null), in one
     * transaction; answers how many reminders and escalations it committed.
     */
    public Uni<Integer> sweep(Instant now, UUID withinUnit) {
        Escalation cutoffs = new Escalation(now, settings.escalateAfter());
        Tuple args = Tuple.tuple().addOffsetDateTime(utc(now)).addOffsetDateTime(utc(now.plus(settings.leadTime())))
                .addUUID(withinUnit)
                .addOffsetDateTime(utc(cutoffs.before(Severity.CRITICAL)))
                .addOffsetDateTime(utc(cutoffs.before(Severity.HIGH)))
                .addOffsetDateTime(utc(cutoffs.before(Severity.MEDIUM)))
                .addOffsetDateTime(utc(cutoffs.before(Severity.LOW)))
                .addInteger(settings.maxPerSweep());
        List<ReminderKind> committed = new ArrayList<>();
        return pool.withTransaction(connection -> connection.preparedQuery(CANDIDATES).execute(args)
                        .chain(rows -> {
                            List<Candidate> candidates = new ArrayList<>();
                            rows.forEach(row -> candidates.add(Candidate.of(row)));
                            return Multi.createFrom().iterable(candidates)
                                    .onItem().transformToUniAndConcatenate(candidate ->
                                            send(connection, candidate, now, cutoffs))
                                    .collect().asList();
                        })
                        .invoke(sent -> sent.forEach(committed::addAll)))
                .invoke(() -> committed.forEach(metrics::sent)) // counted once committed
                .map(sent -> committed.size());
    }

    /** The reminders due for one locked finding, in the order they would have come: due soon, overdue, escalated. */
    private Uni<List<ReminderKind>> send(SqlConnection connection, Candidate candidate, Instant now,
            Escalation cutoffs) {
        List<ReminderKind> kinds = new ArrayList<>();
        if (!candidate.dueAt.isBefore(now)) {
            if (!candidate.hasDueSoon) {
                kinds.add(ReminderKind.DUE_SOON);
            }
        } else {
            // One that was already overdue when first seen (reported late, or the service was down) is told it is
            // overdue, not that it is due soon.
            if (!candidate.hasOverdue) {
                kinds.add(ReminderKind.OVERDUE);
            }
            if (!candidate.hasEscalated && candidate.status != FindingStatus.ESCALATED
                    && candidate.dueAt.isBefore(cutoffs.before(candidate.severity))) {
                kinds.add(ReminderKind.ESCALATED);
            }
        }
        return Multi.createFrom().iterable(kinds)
                .onItem().transformToUniAndConcatenate(kind -> one(connection, candidate, kind, now, cutoffs)
                        .map(done -> done ? kind : null))
                .filter(kind -> kind != null)
                .collect().asList();
    }

    /** One reminder: its key row (the exactly-once guard), the escalation if it is one, and its change event. */
    private Uni<Boolean> one(SqlConnection connection, Candidate candidate, ReminderKind kind, Instant now,
            Escalation cutoffs) {
        UUID audience = kind == ReminderKind.ESCALATED ? candidate.parentUnitId : candidate.unitId;
        return connection.preparedQuery("""
                        insert into finding_reminder (finding_id, kind, due_at, seq, sent_at, unit_id,
                                                      audience_unit_id, severity)
                        values ($1, $2, $3, 0, $4, $5, $6, $7)
                        on conflict do nothing returning finding_id""")
                .execute(Tuple.of(candidate.id, kind.name(), utc(candidate.dueAt), utc(now))
                        .addUUID(candidate.unitId).addUUID(audience).addString(candidate.severity.name()))
                .chain(claimed -> {
                    if (claimed.size() == 0) {
                        return Uni.createFrom().item(false); // sent already: by another sweeper, or before a restart
                    }
                    Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> change = kind == ReminderKind.ESCALATED
                            ? connection.preparedQuery("update finding f set status = 'ESCALATED', "
                                    + "version = f.version + 1, updated_at = $2 where f.id = $1 returning "
                                    + FindingRows.COLUMNS).execute(Tuple.of(candidate.id, utc(now)))
                            : connection.preparedQuery("select " + FindingRows.COLUMNS + " from finding f where f.id = $1")
                                    .execute(Tuple.of(candidate.id));
                    return change
                            .chain(rows -> {
                                FindingView finding = FindingRows.view(rows.iterator().next(), now);
                                Map<String, Object> detail = new LinkedHashMap<>();
                                if (kind == ReminderKind.ESCALATED) {
                                    detail.put("action", FindingAction.ESCALATE);
                                    detail.put("from", candidate.status);
                                    detail.put("to", FindingStatus.ESCALATED);
                                    detail.put("note", "Overdue for more than " + describe(settings.escalateAfter()
                                            .of(candidate.severity)) + " (" + candidate.severity + "): escalated by "
                                            + "the system to the parent unit.");
                                }
                                detail.put("kind", kind);
                                // Instant.toString always writes the seconds; OffsetDateTime drops ":00".
                                detail.put("dueAt", candidate.dueAt.toString());
                                detail.put("audienceUnitId", audience);
                                return connection.preparedQuery("""
                                                insert into change_event (actor, entity, entity_id, op, version, data,
                                                                          detail)
                                                values ($1, 'finding', $2, $3, $4, $5::text::jsonb, $6::text::jsonb)
                                                returning seq""")
                                        .execute(Tuple.of(SYSTEM, candidate.id,
                                                kind == ReminderKind.ESCALATED ? "TRANSITION" : "REMINDER",
                                                finding.version(), write(finding), write(detail)));
                            })
                            .chain(events -> connection.preparedQuery("""
                                            update finding_reminder set seq = $4
                                            where finding_id = $1 and kind = $2 and due_at = $3""")
                                    .execute(Tuple.of(candidate.id, kind.name(), utc(candidate.dueAt),
                                            events.iterator().next().getLong("seq"))))
                            .invoke(() -> {
                                if (kind == ReminderKind.ESCALATED) {
                                    findingMetrics.transitioned(FindingAction.ESCALATE);
                                }
                                Log.infof("Finding %s: %s reminder for due time %s", candidate.id, kind,
                                        candidate.dueAt);
                            })
                            .replaceWith(true);
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a reminder's change event", e);
        }
    }

    private static String describe(Duration duration) {
        long days = duration.toDays();
        return days > 0 && duration.equals(Duration.ofDays(days)) ? days + (days == 1 ? " day" : " days")
                : duration.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The latest due time at which a finding of each severity is to be escalated at {@code now}. */
    private record Escalation(Instant now, FollowThroughSettings.Escalation after) {
        Instant before(Severity severity) {
            return now.minus(after.of(severity));
        }
    }

    private record Candidate(UUID id, Severity severity, FindingStatus status, Instant dueAt, UUID unitId,
            UUID parentUnitId, boolean hasDueSoon, boolean hasOverdue, boolean hasEscalated) {
        static Candidate of(Row row) {
            return new Candidate(row.getUUID("id"), Severity.valueOf(row.getString("severity")),
                    FindingStatus.valueOf(row.getString("status")), row.getOffsetDateTime("due_at").toInstant(),
                    row.getUUID("unit_id"), row.getUUID("parent_unit_id"), row.getBoolean("has_due_soon"),
                    row.getBoolean("has_overdue"), row.getBoolean("has_escalated"));
        }
    }
}
