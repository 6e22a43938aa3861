package ducha.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import ducha.change.ChangeEventView;
import ducha.change.ChangeFeed;
import ducha.change.ChangeOp;
import ducha.common.AccessDeniedException;
import ducha.common.Cursors;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.finding.Severity;
import ducha.security.CurrentUser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reminders feed. A reminder is addressed to a unit (the finding's; an escalation to its parent) and is read by
 * those above it: an admin reads every one; an inspector those addressed to their own unit or a unit below it, so
 * the inspectors of a parent unit see their children's escalations, and a group does not see the escalation of its
 * own finding (that went to its parent; the finding's history shows it).
 */
@ApplicationScoped
public class ReminderService {

    private static final String LIST = """
            select r.seq, r.kind, r.finding_id, r.unit_id, r.audience_unit_id, r.severity, r.due_at, r.sent_at
            from finding_reminder r
            where ($1::uuid is null or r.audience_unit_id in (select unit_id from unit_closure where ancestor_id = $1::uuid))
              and ($2::text is null or r.kind = $2::text)
              and r.seq > 0 and r.seq < $3
            order by r.seq desc
            limit $4""";

    private final Pool pool;
    private final CurrentUser user;
    private final ChangeFeed feed;

    public ReminderService(Pool pool, CurrentUser user, ChangeFeed feed) {
        this.pool = pool;
        this.user = user;
        this.feed = feed;
    }

    /** Reminders newest first, of what the caller may read within the filter. */
    public Uni<Page<ReminderView>> list(ReminderFilter filter, PageRequest page) {
        long before = page.cursor() == null ? Long.MAX_VALUE : seqOf(page.cursor());
        return scope(filter.unitId(), user.isAdmin(), user.unitCode().orElse(null))
                .chain(root -> pool.preparedQuery(LIST).execute(Tuple.tuple().addUUID(root)
                        .addString(filter.kind() == null ? null : filter.kind().name()).addLong(before)
                        .addInteger(page.limit() + 1)))
                .map(rows -> {
                    List<ReminderView> views = new ArrayList<>();
                    for (Row row : rows) {
                        views.add(new ReminderView(Long.toString(row.getLong("seq")),
                                ReminderKind.valueOf(row.getString("kind")), row.getUUID("finding_id"),
                                row.getUUID("unit_id"), row.getUUID("audience_unit_id"),
                                Severity.valueOf(row.getString("severity")), utc(row.getOffsetDateTime("due_at")),
                                utc(row.getOffsetDateTime("sent_at"))));
                    }
                    return Page.of(views, page.limit(), reminder -> Cursors.ofText(reminder.seq()));
                });
    }

    /** Reminders matching the filter as they commit, on any replica, of what the caller may read. */
    public Multi<ReminderView> changes(ReminderFilter filter) {
        boolean admin = user.isAdmin();
        String unitCode = user.unitCode().orElse(null);
        return scope(filter.unitId(), admin, unitCode)
                .chain(root -> root == null ? Uni.createFrom().<Set<UUID>>nullItem() : subtree(root))
                .onItem().transformToMulti(units -> feed.changes()
                        .map(ReminderService::reminderOf)
                        .filter(reminder -> reminder != null
                                && (filter.kind() == null || filter.kind() == reminder.kind())
                                && (units == null || units.contains(reminder.audienceUnitId()))));
    }

    /** The reminder a change event records, or null when it records none. */
    static ReminderView reminderOf(ChangeEventView event) {
        if (!"finding".equals(event.entity()) || event.detail() == null || !event.detail().hasNonNull("kind")
                || !(event.op() == ChangeOp.REMINDER || event.op() == ChangeOp.TRANSITION)
                || !ReminderSweep.SYSTEM.equals(event.actor())) {
            return null;
        }
        JsonNode detail = event.detail();
        JsonNode data = event.data();
        return new ReminderView(Long.toString(event.seq()), ReminderKind.valueOf(detail.get("kind").asText()),
                event.entityId(), UUID.fromString(data.get("unitId").asText()),
                UUID.fromString(detail.get("audienceUnitId").asText()), Severity.valueOf(data.get("severity").asText()),
                OffsetDateTime.parse(detail.get("dueAt").asText()).withOffsetSameInstant(ZoneOffset.UTC),
                event.at().withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * The unit whose subtree the caller reads: an admin, the one asked for (null: everything); an inspector, the
     * one asked for when it is theirs or below it (else 403), their own without one.
     */
    private Uni<UUID> scope(UUID requested, boolean admin, String unitCode) {
        if (admin) {
            return Uni.createFrom().item(requested);
        }
        if (unitCode == null) {
            return Uni.createFrom().failure(new AccessDeniedException(
                    "Your token names no unit; reminders are read by the inspectors of the unit they are addressed to."));
        }
        return pool.preparedQuery("""
                        select u.id, $2::uuid is null or exists (select from unit_closure c
                                 where c.ancestor_id = u.id and c.unit_id = $2::uuid) as within
                        from unit u where u.code = $1""")
                .execute(Tuple.tuple().addString(unitCode).addUUID(requested))
                .map(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    if (row == null || !row.getBoolean("within")) {
                        throw new AccessDeniedException(row == null
                                ? "Your unit " + unitCode + " is not known; you may read no reminders."
                                : "You may read the reminders of your unit and the units below it, not of "
                                        + requested + ".");
                    }
                    return requested != null ? requested : row.getUUID("id");
                });
    }

    private Uni<Set<UUID>> subtree(UUID root) {
        return pool.preparedQuery("select unit_id from unit_closure where ancestor_id = $1").execute(Tuple.of(root))
                .map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getUUID("unit_id")));
                    return ids;
                });
    }

    private static long seqOf(String cursor) {
        try {
            return Long.parseLong(Cursors.textKey(cursor));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this list");
        }
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
