package ducha.finding;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Finding rows read through the reactive client, for the batched reads of the GraphQL graph. */
final class FindingRows {

    static final String COLUMNS = "f.id, f.unit_id, f.site_id, f.inspection_id, f.category, f.severity, f.description, "
            + "f.found_at, f.due_at, f.status, f.rectified_on_site, f.rectified_at, f.rectification_note, f.reported_by, "
            + "f.version, f.created_at, f.updated_at, f.campaign_id";
    static final String BY_ID = "select " + COLUMNS + " from finding f where f.id = $1";

    private FindingRows() {
    }

    static FindingView view(Row row, Instant now) {
        FindingStatus status = FindingStatus.valueOf(row.getString("status"));
        OffsetDateTime dueAt = utc(row.getOffsetDateTime("due_at"));
        boolean overdue = status.overdue(dueAt == null ? null : dueAt.toInstant(), now);
        return new FindingView(row.getUUID("id"), row.getUUID("unit_id"), row.getUUID("site_id"),
                row.getUUID("inspection_id"), FindingCategory.valueOf(row.getString("category")),
                Severity.valueOf(row.getString("severity")), row.getString("description"),
                utc(row.getOffsetDateTime("found_at")), dueAt, status, row.getBoolean("rectified_on_site"),
                utc(row.getOffsetDateTime("rectified_at")), row.getString("rectification_note"),
                row.getString("reported_by"), overdue, row.getLong("version"), utc(row.getOffsetDateTime("created_at")),
                utc(row.getOffsetDateTime("updated_at")), row.getUUID("campaign_id"));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }
}
