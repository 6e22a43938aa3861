package ducha.graphql.planner;

import ducha.common.Cursors;
import ducha.common.InvalidInputException;
import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.common.SqlFilter;
import ducha.finding.FindingCategory;
import ducha.finding.FindingFilter;
import ducha.finding.FindingGraphQLFilter;
import ducha.finding.FindingSql;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.inspection.InspectionFilter;
import ducha.inspection.InspectionGraphQLFilter;
import ducha.inspection.InspectionSql;
import ducha.notice.NoticeFilter;
import ducha.notice.NoticeGraphQLFilter;
import ducha.notice.NoticeKind;
import ducha.site.SiteFilter;
import ducha.site.SiteGraphQLFilter;
import ducha.site.SiteType;
import ducha.unit.UnitFilter;
import ducha.unit.UnitGraphQLFilter;
import ducha.unit.UnitKind;
import ducha.unit.UnitTreeSql;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a normalized query into one SQL statement whose single text column is the JSON of {@code data}: every
 * object a {@code json_build_object}, every connection a keyset page aggregated with {@code json_agg}, the same
 * filters (finding/FindingSql and the same conditions as the services), orders and cursors as the resolvers.
 * Argument values are bound as parameters. A field it does not know, or an argument the resolvers would refuse,
 * raises {@link NotPlannable}: the whole operation then runs through the resolvers, which give the answer or the error.
 */
final class ReadPlanner {

    /** This operation is answered by the resolvers instead. */
    static final class NotPlannable extends RuntimeException {
        /** True when the selection itself (not this request's arguments) is beyond the planner: never try it again. */
        final boolean field;

        NotPlannable(String reason) {
            this(reason, true);
        }

        NotPlannable(String reason, boolean field) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /**
     * A statement and its parameters; its one row's one column is the JSON of data in UTF-8. {@code timeDependent}:
     * a parameter is the time of rendering (overdue), so the statement is good for this request only.
     */
    record Statement(String sql, List<Object> parameters, boolean timeDependent) {
    }

    /** json_build_object takes at most 100 arguments. */
    private static final int MAX_KEYS = 50;

    private final GraphQLSchema schema;
    private final CoercedVariables variables;
    private final SqlFilter parameters = new SqlFilter();
    private final Instant now = Instant.now();
    private String nowParameter;
    private boolean timeDependent;
    private int aliases;

    private ReadPlanner(GraphQLSchema schema, CoercedVariables variables) {
        this.schema = schema;
        this.variables = variables;
    }

    static Statement render(GraphQLSchema schema, NormalizedOperation operation, CoercedVariables variables) {
        ReadPlanner planner = new ReadPlanner(schema, variables);
        String data = planner.object(schema.getQueryType(), operation.fields, planner::rootField);
        // UTF-8 bytes (bytea), which the client hands over as a buffer: the JSON is never a Java String.
        return new Statement("select convert_to(" + data + "::text, 'UTF8')", planner.parameters.values(),
                planner.timeDependent);
    }

    // ------------------------------------------------------------------------------------------------ objects

    private interface FieldRenderer {
        String render(GraphQLObjectType type, SelectedField field);
    }

    private String object(GraphQLObjectType type, Map<String, SelectedField> fields, FieldRenderer renderer) {
        if (fields.size() > MAX_KEYS) {
            throw new NotPlannable("more than " + MAX_KEYS + " keys in one selection");
        }
        List<String> pairs = new ArrayList<>();
        for (SelectedField field : fields.values()) {
            String value = field.name.equals("__typename") ? literal(type.getName()) : renderer.render(type, field);
            pairs.add("'" + field.key + "', " + value);
        }
        return "json_build_object(" + String.join(", ", pairs) + ")";
    }

    private String rootField(GraphQLObjectType type, SelectedField field) {
        Map<String, Object> args = arguments(type, field);
        return switch (field.name) {
            case "finding" -> byId(Entity.FINDING, field, args);
            case "unit" -> byId(Entity.UNIT, field, args);
            case "site" -> byId(Entity.SITE, field, args);
            case "inspection" -> byId(Entity.INSPECTION, field, args);
            case "notice" -> byId(Entity.NOTICE, field, args);
            case "findings" -> findings(type, field, args, null, null);
            case "inspections" -> inspections(type, field, args, null, null);
            case "notices" -> notices(type, field, args);
            case "units" -> codeOrdered(Entity.UNIT, type, field, args);
            case "sites" -> codeOrdered(Entity.SITE, type, field, args);
            default -> throw new NotPlannable("Query." + field.name);
        };
    }

    private String byId(Entity entity, SelectedField field, Map<String, Object> args) {
        UUID id = valid(() -> Params.requiredUuid("id", (String) args.get("id")));
        String alias = alias(entity);
        return "(select " + entity(entity, alias, field) + " from " + entity.table + " " + alias + " where " + alias
                + ".id = " + parameters.param(id) + ")";
    }

    /** The JSON object of the row {@code alias} of an entity, with the selected fields. */
    private String entity(Entity entity, String alias, SelectedField field) {
        GraphQLObjectType type = schema.getObjectType(entity.typeName);
        return object(type, field.children, (t, f) -> entityField(entity, alias, t, f));
    }

    private String entityField(Entity entity, String a, GraphQLObjectType type, SelectedField field) {
        String column = entity.column(field.name, a);
        if (column != null) {
            return column;
        }
        switch (entity) {
            case FINDING -> {
                switch (field.name) {
                    case "overdue":
                        return "(" + FindingSql.overdue(a, now()) + ")";
                    case "unit":
                        return related(Entity.UNIT, a + ".unit_id", field);
                    case "site":
                        return related(Entity.SITE, a + ".site_id", field);
                    case "inspection":
                        return related(Entity.INSPECTION, a + ".inspection_id", field);
                    default:
                        break;
                }
            }
            case UNIT -> {
                switch (field.name) {
                    case "parent":
                        return related(Entity.UNIT, a + ".parent_id", field);
                    case "children": {
                        String c = alias(Entity.UNIT);
                        return "coalesce((select json_agg(" + entity(Entity.UNIT, c, field) + " order by " + c
                                + ".code) from unit " + c + " where " + c + ".parent_id = " + a + ".id), '[]'::json)";
                    }
                    case "findings":
                        return findings(type, field, arguments(type, field), Parent.UNIT_TREE, a + ".id");
                    case "inspections":
                        return inspections(type, field, arguments(type, field), Parent.UNIT_TREE, a + ".id");
                    default:
                        break;
                }
            }
            case SITE -> {
                switch (field.name) {
                    case "lastInspectedAt": {
                        String i = alias(Entity.INSPECTION);
                        return "(select gql_time(max(" + i + ".started_at)) from inspection " + i + " where " + i
                                + ".site_id = " + a + ".id)";
                    }
                    case "findings":
                        return findings(type, field, arguments(type, field), Parent.SITE, a + ".id");
                    case "inspections":
                        return inspections(type, field, arguments(type, field), Parent.SITE, a + ".id");
                    default:
                        break;
                }
            }
            case INSPECTION -> {
                switch (field.name) {
                    case "unit":
                        return related(Entity.UNIT, a + ".unit_id", field);
                    case "site":
                        return related(Entity.SITE, a + ".site_id", field);
                    case "findings":
                        return findings(type, field, arguments(type, field), Parent.INSPECTION, a + ".id");
                    case "checkIn":
                        return checkIn(a, field);
                    default:
                        break;
                }
            }
            case NOTICE -> {
                switch (field.name) {
                    case "unit":
                        return related(Entity.UNIT, a + ".unit_id", field);
                    case "site":
                        return related(Entity.SITE, a + ".site_id", field);
                    case "findingIds":
                        return "coalesce((select json_agg(nf.finding_id order by nf.finding_id) from notice_finding nf"
                                + " where nf.notice_id = " + a + ".id), '[]'::json)";
                    case "findings":
                        return findings(type, field, arguments(type, field), Parent.NOTICE, a + ".id");
                    default:
                        break;
                }
            }
        }
        throw new NotPlannable(type.getName() + "." + field.name);
    }

    /** An inspection's check-in (docs/evidence.md): an object of its check_in_* columns, null without a position. */
    private String checkIn(String a, SelectedField field) {
        Map<String, String> columns = Map.of("latitude", a + ".check_in_latitude", "longitude", a + ".check_in_longitude",
                "accuracy", a + ".check_in_accuracy", "recordedAt", "gql_time(" + a + ".check_in_at)",
                "distance", a + ".check_in_distance");
        String object = object(schema.getObjectType("CheckIn"), field.children, (t, f) -> {
            String column = columns.get(f.name);
            if (column == null) {
                throw new NotPlannable("CheckIn." + f.name);
            }
            return column;
        });
        return "(case when " + a + ".check_in_latitude is null then null else " + object + " end)";
    }

    private String related(Entity entity, String idExpression, SelectedField field) {
        String alias = alias(entity);
        return "(select " + entity(entity, alias, field) + " from " + entity.table + " " + alias + " where " + alias
                + ".id = " + idExpression + ")";
    }

    // ------------------------------------------------------------------------------------------------ connections

    /** Whose rows a nested connection holds. */
    private enum Parent {
        UNIT_TREE, SITE, INSPECTION, NOTICE
    }

    private String findings(GraphQLObjectType type, SelectedField field, Map<String, Object> args, Parent parent,
            String parentId) {
        FindingFilter filter = valid(() -> findingFilter(args.get("filter")));
        timeDependent |= filter.overdue() != null;
        PageRequest page = page(args);
        Cursors.TimeKey after = page.cursor() == null ? null : valid(() -> Cursors.timeKey(page.cursor()));
        String limit = parameters.param(page.limit()) + "::int";
        String fetch = fetch(field, limit);
        String subtree = parent == Parent.UNIT_TREE ? parentId
                : parent == null && filter.unitId() != null ? parameters.param(filter.unitId()) + "::uuid" : null;
        String rows;
        if (subtree != null) {
            FindingFilter rest = parent == null ? filter.withoutUnit() : filter;
            // A unit without children is its own subtree: its rows by finding_unit_idx, one index read. Any other
            // unit: its rows of finding_scope, newest first by that table's key (docs/subtree.md), as
            // finding/FindingBatches reads them; the period and the cursor go on the key too.
            // PostgreSQL evaluates each branch's (not) exists once and runs only the branch that applies.
            String f = alias(Entity.FINDING);
            SqlFilter own = FindingSql.where(parameters.nested().where(f + ".unit_id = " + subtree)
                    .where("not exists (select from unit c where c.parent_id = " + subtree + ")"), f, rest, now)
                    .after(after, f + ".found_at", f + ".id");
            String g = alias(Entity.FINDING);
            String s = "sc" + (++aliases);
            SqlFilter scoped = parameters.nested().where(s + ".ancestor_id = " + subtree)
                    .where("exists (select from unit c where c.parent_id = " + subtree + ")");
            FindingSql.periodOnScope(FindingSql.where(scoped, g, rest, now), s, filter)
                    .after(after, s + ".found_at", s + ".finding_id");
            rows = "(" + keyed(f, f + ".found_at", f + ".id", "finding " + f, own, fetch) + ") union all ("
                    + keyed(g, s + ".found_at", s + ".finding_id", "finding_scope " + s + " join finding " + g + " on "
                            + g + ".id = " + s + ".finding_id", scoped, fetch) + ")";
        } else {
            String f = alias(Entity.FINDING);
            SqlFilter where = parameters.nested();
            if (parent != null) {
                where.where(switch (parent) {
                    case SITE -> f + ".site_id = " + parentId;
                    case INSPECTION -> f + ".inspection_id = " + parentId;
                    case NOTICE -> f + ".id in (select nf.finding_id from notice_finding nf where nf.notice_id = "
                            + parentId + ")";
                    case UNIT_TREE -> throw new IllegalStateException("read from finding_scope above");
                });
            }
            FindingSql.where(where, f, filter, now).after(after, f + ".found_at", f + ".id");
            rows = keyed(f, f + ".found_at", f + ".id", "finding " + f, where, fetch);
        }
        return connection(Entity.FINDING, type, field, rows, limit, true);
    }

    private String inspections(GraphQLObjectType type, SelectedField field, Map<String, Object> args, Parent parent,
            String parentId) {
        InspectionFilter filter = valid(() -> inspectionFilter(args.get("filter")));
        PageRequest page = page(args);
        Cursors.TimeKey after = page.cursor() == null ? null : valid(() -> Cursors.timeKey(page.cursor()));
        String limit = parameters.param(page.limit()) + "::int";
        String fetch = fetch(field, limit);
        String subtree = parent == Parent.UNIT_TREE ? parentId
                : parent == null && filter.unitId() != null ? parameters.param(filter.unitId()) + "::uuid" : null;
        String rows;
        if (subtree != null) {
            // As findings above: a unit without children by inspection_unit_idx, any other by inspection_scope.
            String i = alias(Entity.INSPECTION);
            SqlFilter own = inspectionWhere(parameters.nested().where(i + ".unit_id = " + subtree)
                    .where("not exists (select from unit c where c.parent_id = " + subtree + ")"), i, filter, parent,
                    parentId, i + ".started_at", i + ".id", after);
            String j = alias(Entity.INSPECTION);
            String s = "sc" + (++aliases);
            SqlFilter scoped = inspectionWhere(parameters.nested().where(s + ".ancestor_id = " + subtree)
                    .where("exists (select from unit c where c.parent_id = " + subtree + ")"), j, filter, parent,
                    parentId, s + ".started_at", s + ".inspection_id", after);
            rows = "(" + keyed(i, i + ".started_at", i + ".id", "inspection " + i, own, fetch) + ") union all ("
                    + keyed(j, s + ".started_at", s + ".inspection_id", "inspection_scope " + s + " join inspection "
                            + j + " on " + j + ".id = " + s + ".inspection_id", scoped, fetch) + ")";
        } else {
            String i = alias(Entity.INSPECTION);
            SqlFilter where = inspectionWhere(parameters.nested(), i, filter, parent, parentId, i + ".started_at",
                    i + ".id", after);
            rows = keyed(i, i + ".started_at", i + ".id", "inspection " + i, where, fetch);
        }
        return connection(Entity.INSPECTION, type, field, rows, limit, true);
    }

    /** The inspection filter (inspection/InspectionSql) on alias {@code i}, within a site when that is the parent. */
    private SqlFilter inspectionWhere(SqlFilter where, String i, InspectionFilter filter, Parent parent,
            String parentId, String time, String id, Cursors.TimeKey after) {
        if (parent == Parent.SITE) {
            where.where(i + ".site_id = " + parentId);
        }
        // The root list's unitId is the subtree it reads already.
        InspectionFilter rest = parent == null
                ? new InspectionFilter(null, filter.siteId(), filter.from(), filter.to(), filter.presence()) : filter;
        return InspectionSql.where(where, i, rest, time, id, after);
    }

    /**
     * A page of rows of {@code alias} newest first, with their key as k_time and k_id: the connection orders by the
     * same output columns, so PostgreSQL keeps the index's order instead of sorting again.
     */
    private static String keyed(String alias, String time, String id, String from, SqlFilter where, String fetch) {
        return "select " + alias + ".*, " + time + " as k_time, " + id + " as k_id from " + from + " where "
                + where.sql() + " order by " + time + " desc, " + id + " desc limit " + fetch;
    }

    /** The page, and one row more when pageInfo asks whether more follow. */
    private static String fetch(SelectedField connection, String limit) {
        return connection.children.values().stream().anyMatch(f -> f.name.equals("pageInfo")) ? limit + " + 1" : limit;
    }

    private String notices(GraphQLObjectType type, SelectedField field, Map<String, Object> args) {
        NoticeFilter filter = valid(() -> noticeFilter(args.get("filter")));
        PageRequest page = page(args);
        Cursors.TimeKey after = page.cursor() == null ? null : valid(() -> Cursors.timeKey(page.cursor()));
        String n = alias(Entity.NOTICE);
        SqlFilter where = parameters.nested();
        if (filter.unitId() != null) {
            where.where(n + ".unit_id in " + UnitTreeSql.subtreeOf(parameters.param(filter.unitId()) + "::uuid"));
        }
        where.where(n + ".kind = ?", filter.kind() == null ? null : filter.kind().name())
                .where(n + ".issued_at >= ?", utc(filter.from()))
                .where(n + ".issued_at < ?", utc(filter.to()))
                .after(after, n + ".issued_at", n + ".id");
        String limit = parameters.param(page.limit()) + "::int";
        String rows = keyed(n, n + ".issued_at", n + ".id", "notice " + n, where, fetch(field, limit));
        return connection(Entity.NOTICE, type, field, rows, limit, true);
    }

    /** Units and sites: in code order, the cursor is the code. */
    private String codeOrdered(Entity entity, GraphQLObjectType type, SelectedField field, Map<String, Object> args) {
        PageRequest page = page(args);
        String after = page.cursor() == null ? null : valid(() -> Cursors.textKey(page.cursor()));
        String a = alias(entity);
        SqlFilter where = parameters.nested();
        if (entity == Entity.UNIT) {
            UnitFilter filter = valid(() -> unitFilter(args.get("filter")));
            where.where(a + ".parent_id = ?", filter.parentId())
                    .where(a + ".district = ?", filter.district())
                    .where(a + ".kind = ?", filter.kind() == null ? null : filter.kind().name())
                    .where(a + ".active = ?", filter.active())
                    .contains(filter.text(), a + ".code", a + ".name");
        } else {
            SiteFilter filter = valid(() -> siteFilter(args.get("filter")));
            where.where(a + ".type = ?", filter.type() == null ? null : filter.type().name())
                    .where(a + ".district = ?", filter.district())
                    .where(a + ".township = ?", filter.township())
                    .where(a + ".active = ?", filter.active())
                    .contains(filter.text(), a + ".code", a + ".name", a + ".address");
        }
        where.where(a + ".code > ?", after);
        String limit = parameters.param(page.limit()) + "::int";
        String rows = "select " + a + ".* from " + entity.table + " " + a + " where " + where.sql() + " order by " + a
                + ".code limit " + fetch(field, limit);
        return connection(entity, type, field, rows, limit, false);
    }

    /**
     * A Relay connection over {@code rows}: the page, newest first by (k_time, k_id) when {@code keyed}, else by code.
     * When pageInfo is selected the rows hold one more than the page, which only tells whether more follow, and are
     * numbered in their order; otherwise they are the page.
     */
    private String connection(Entity entity, GraphQLObjectType parentType, SelectedField field, String rows,
            String limit, boolean keyed) {
        GraphQLObjectType connectionType = (GraphQLObjectType) graphql.schema.GraphQLTypeUtil.unwrapAll(
                parentType.getFieldDefinition(field.name).getType());
        GraphQLObjectType edgeType = (GraphQLObjectType) graphql.schema.GraphQLTypeUtil.unwrapAll(
                connectionType.getFieldDefinition("edges").getType());
        GraphQLObjectType pageInfoType = schema.getObjectType("PageInfo");
        boolean numbered = !fetch(field, limit).equals(limit);
        String x = alias(entity);
        String order = keyed ? x + ".k_time desc, " + x + ".k_id desc" : x + ".code";
        String cursor = keyed ? "gql_cursor(gql_instant(" + x + ".k_time), " + x + ".k_id::text)"
                : "gql_cursor(" + x + ".code)";
        String inPage = numbered ? " filter (where " + x + ".n <= " + limit + ")" : "";
        String json = object(connectionType, field.children, (t, f) -> switch (f.name) {
            case "edges" -> "coalesce(json_agg(" + object(edgeType, f.children, (et, ef) -> switch (ef.name) {
                case "node" -> entity(entity, x, ef);
                case "cursor" -> cursor;
                default -> throw new NotPlannable(et.getName() + "." + ef.name);
            }) + " order by " + order + ")" + inPage + ", '[]'::json)";
            case "pageInfo" -> object(pageInfoType, f.children, (pt, pf) -> switch (pf.name) {
                case "hasNextPage" -> "count(*) > " + limit;
                case "endCursor" -> "(array_agg(" + cursor + " order by " + order + ")" + inPage + ")[least(count(*), "
                        + limit + ")]";
                default -> throw new NotPlannable(pt.getName() + "." + pf.name);
            });
            default -> throw new NotPlannable(t.getName() + "." + f.name);
        });
        if (!numbered) {
            return "(select " + json + " from (" + rows + ") " + x + ")";
        }
        String z = alias(entity);
        String zOrder = keyed ? z + ".k_time desc, " + z + ".k_id desc" : z + ".code";
        return "(select " + json + " from (select " + z + ".*, row_number() over (order by " + zOrder + ") as n from ("
                + rows + ") " + z + ") " + x + ")";
    }

    // ------------------------------------------------------------------------------------------------ arguments

    private Map<String, Object> arguments(GraphQLObjectType type, SelectedField field) {
        GraphQLFieldDefinition definition = type.getFieldDefinition(field.name);
        if (definition == null) {
            throw new NotPlannable(type.getName() + "." + field.name);
        }
        try {
            return ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(),
                    field.arguments, variables, GraphQLContext.getDefault(), Locale.ROOT);
        } catch (RuntimeException e) {
            throw new NotPlannable("arguments of " + type.getName() + "." + field.name, false);
        }
    }

    private PageRequest page(Map<String, Object> args) {
        // SmallRye's Int coerces to a BigDecimal.
        Number first = (Number) args.get("first");
        return valid(() -> PageRequest.of(first == null ? null : first.intValue(), (String) args.get("after")));
    }

    /** The resolvers refuse what these conversions refuse, with their error: leave it to them. */
    private static <T> T valid(java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidInputException | ClassCastException | IllegalArgumentException | DateTimeParseException e) {
            throw new NotPlannable("an argument the resolvers refuse: " + e.getMessage(), false);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static FindingFilter findingFilter(Object value) {
        if (value == null) {
            return FindingGraphQLFilter.toFilter(null);
        }
        Map<String, Object> m = map(value);
        return FindingGraphQLFilter.toFilter(new FindingGraphQLFilter((String) m.get("unitId"),
                (String) m.get("siteId"), (String) m.get("inspectionId"),
                enumOf(FindingStatus.class, m.get("status")), enumOf(FindingCategory.class, m.get("category")),
                enumOf(Severity.class, m.get("severity")), (Boolean) m.get("overdue"), time(m.get("from")),
                time(m.get("to")), (String) m.get("text"), (String) m.get("responsibleParty")));
    }

    static InspectionFilter inspectionFilter(Object value) {
        if (value == null) {
            return InspectionGraphQLFilter.toFilter(null);
        }
        Map<String, Object> m = map(value);
        return InspectionGraphQLFilter.toFilter(new InspectionGraphQLFilter((String) m.get("unitId"),
                (String) m.get("siteId"), time(m.get("from")), time(m.get("to")),
                enumOf(ducha.evidence.Presence.class, m.get("presence"))));
    }

    static NoticeFilter noticeFilter(Object value) {
        if (value == null) {
            return NoticeGraphQLFilter.toFilter(null);
        }
        Map<String, Object> m = map(value);
        return NoticeGraphQLFilter.toFilter(new NoticeGraphQLFilter((String) m.get("unitId"),
                enumOf(NoticeKind.class, m.get("kind")), time(m.get("from")), time(m.get("to"))));
    }

    static UnitFilter unitFilter(Object value) {
        if (value == null) {
            return UnitGraphQLFilter.toFilter(null);
        }
        Map<String, Object> m = map(value);
        return new UnitGraphQLFilter((String) m.get("parentId"), (String) m.get("district"),
                enumOf(UnitKind.class, m.get("kind")), (Boolean) m.get("active"), (String) m.get("text")).toFilter();
    }

    static SiteFilter siteFilter(Object value) {
        if (value == null) {
            return SiteGraphQLFilter.toFilter(null);
        }
        Map<String, Object> m = map(value);
        return SiteGraphQLFilter.toFilter(new SiteGraphQLFilter(enumOf(SiteType.class, m.get("type")),
                (String) m.get("district"), (String) m.get("township"), (Boolean) m.get("active"),
                (String) m.get("text")));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
        if (value == null) {
            return null;
        }
        return type.isInstance(value) ? type.cast(value) : Enum.valueOf(type, value.toString());
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof TemporalAccessor temporal) {
            return OffsetDateTime.from(temporal);
        }
        return OffsetDateTime.parse(value.toString());
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------------------------ SQL

    private String now() {
        if (nowParameter == null) {
            timeDependent = true;
            nowParameter = parameters.param(now.atOffset(ZoneOffset.UTC));
        }
        return nowParameter;
    }

    private String alias(Entity entity) {
        return entity.table.charAt(0) + Integer.toString(++aliases);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'::text";
    }
}
