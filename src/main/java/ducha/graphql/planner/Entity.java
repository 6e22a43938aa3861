package ducha.graphql.planner;

import java.util.Map;

/**
 * The tables the planner reads and, for each GraphQL field that is a column, the SQL that gives its JSON value
 * ({@code %s} is the row's alias). Times are written as the DateTime scalar writes them (gql_time, V8).
 */
enum Entity {
    UNIT("unit", "Unit", Map.ofEntries(
            Map.entry("id", "%s.id"), Map.entry("code", "%s.code"), Map.entry("name", "%s.name"),
            Map.entry("kind", "%s.kind"), Map.entry("parentId", "%s.parent_id"), Map.entry("district", "%s.district"),
            Map.entry("leader", "%s.leader"), Map.entry("active", "%s.active"), Map.entry("version", "%s.version"),
            Map.entry("createdAt", "gql_time(%s.created_at)"), Map.entry("updatedAt", "gql_time(%s.updated_at)"))),
    SITE("site", "Site", Map.ofEntries(
            Map.entry("id", "%s.id"), Map.entry("code", "%s.code"), Map.entry("name", "%s.name"),
            Map.entry("type", "%s.type"), Map.entry("district", "%s.district"), Map.entry("township", "%s.township"),
            Map.entry("address", "%s.address"), Map.entry("latitude", "%s.latitude"),
            Map.entry("longitude", "%s.longitude"), Map.entry("active", "%s.active"),
            Map.entry("version", "%s.version"), Map.entry("createdAt", "gql_time(%s.created_at)"),
            Map.entry("updatedAt", "gql_time(%s.updated_at)"))),
    INSPECTION("inspection", "Inspection", Map.ofEntries(
            Map.entry("id", "%s.id"), Map.entry("unitId", "%s.unit_id"), Map.entry("siteId", "%s.site_id"),
            Map.entry("startedAt", "gql_time(%s.started_at)"), Map.entry("inspectorCount", "%s.inspector_count"),
            Map.entry("method", "%s.method"), Map.entry("notes", "%s.notes"), Map.entry("createdBy", "%s.created_by"),
            Map.entry("version", "%s.version"), Map.entry("createdAt", "gql_time(%s.created_at)"),
            Map.entry("updatedAt", "gql_time(%s.updated_at)"), Map.entry("campaignId", "%s.campaign_id"))),
    FINDING("finding", "Finding", Map.ofEntries(
            Map.entry("id", "%s.id"), Map.entry("unitId", "%s.unit_id"), Map.entry("siteId", "%s.site_id"),
            Map.entry("inspectionId", "%s.inspection_id"), Map.entry("category", "%s.category"),
            Map.entry("severity", "%s.severity"), Map.entry("description", "%s.description"),
            Map.entry("foundAt", "gql_time(%s.found_at)"), Map.entry("dueAt", "gql_time(%s.due_at)"),
            Map.entry("status", "%s.status"), Map.entry("rectifiedOnSite", "%s.rectified_on_site"),
            Map.entry("rectifiedAt", "gql_time(%s.rectified_at)"),
            Map.entry("rectificationNote", "%s.rectification_note"), Map.entry("reportedBy", "%s.reported_by"),
            Map.entry("version", "%s.version"), Map.entry("createdAt", "gql_time(%s.created_at)"),
            Map.entry("updatedAt", "gql_time(%s.updated_at)"), Map.entry("campaignId", "%s.campaign_id"))),
    NOTICE("notice", "Notice", Map.ofEntries(
            Map.entry("id", "%s.id"), Map.entry("unitId", "%s.unit_id"), Map.entry("siteId", "%s.site_id"),
            Map.entry("kind", "%s.kind"), Map.entry("title", "%s.title"), Map.entry("body", "%s.body"),
            Map.entry("issuedAt", "gql_time(%s.issued_at)"), Map.entry("issuedBy", "%s.issued_by"),
            Map.entry("version", "%s.version"), Map.entry("createdAt", "gql_time(%s.created_at)"),
            Map.entry("updatedAt", "gql_time(%s.updated_at)")));

    final String table;
    final String typeName;
    private final Map<String, String> columns;

    Entity(String table, String typeName, Map<String, String> columns) {
        this.table = table;
        this.typeName = typeName;
        this.columns = columns;
    }

    /** The SQL of a column field on the row {@code alias}, or null when the field is not a column. */
    String column(String field, String alias) {
        String template = columns.get(field);
        return template == null ? null : template.replace("%s", alias);
    }
}
