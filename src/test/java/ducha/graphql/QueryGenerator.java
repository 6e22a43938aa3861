package ducha.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random GraphQL queries over the read schema for PlannedReadsTest: random selections, aliases, inline and named
 * fragments, {@code @include}/{@code @skip} with literals and variables, arguments as literals and as variables
 * (nulls among them), pages continued from cursors seen before, ids that exist, do not exist or are no ids at all,
 * and now and then a field the planner leaves to the resolvers.
 */
final class QueryGenerator {

    private static final Map<String, String[]> SCALARS = Map.of(
            "Finding", new String[] {"id", "unitId", "siteId", "inspectionId", "category", "severity", "description",
                "foundAt", "dueAt", "status", "rectifiedOnSite", "rectifiedAt", "rectificationNote", "reportedBy",
                "overdue", "version", "createdAt", "updatedAt", "__typename"},
            "Unit", new String[] {"id", "code", "name", "kind", "parentId", "district", "leader", "active", "version",
                "createdAt", "updatedAt", "__typename"},
            "Site", new String[] {"id", "code", "name", "type", "district", "township", "address", "latitude",
                "longitude", "active", "version", "createdAt", "updatedAt", "lastInspectedAt", "__typename"},
            "Inspection", new String[] {"id", "unitId", "siteId", "startedAt", "inspectorCount", "method", "notes",
                "createdBy", "version", "createdAt", "updatedAt", "presence", "__typename"},
            "Notice", new String[] {"id", "unitId", "siteId", "kind", "title", "body", "issuedAt", "issuedBy",
                "findingIds", "version", "createdAt", "updatedAt", "__typename"});

    /** Object-valued fields of each type: name, target type, and whether it is a connection. */
    private record Relation(String name, String type, boolean connection) {
    }

    private static final Map<String, List<Relation>> RELATIONS = Map.of(
            "Finding", List.of(new Relation("unit", "Unit", false), new Relation("site", "Site", false),
                    new Relation("inspection", "Inspection", false)),
            "Unit", List.of(new Relation("parent", "Unit", false), new Relation("children", "Unit", false),
                    new Relation("findings", "Finding", true), new Relation("inspections", "Inspection", true)),
            "Site", List.of(new Relation("findings", "Finding", true), new Relation("inspections", "Inspection", true)),
            "Inspection", List.of(new Relation("unit", "Unit", false), new Relation("site", "Site", false),
                    new Relation("findings", "Finding", true)),
            "Notice", List.of(new Relation("unit", "Unit", false), new Relation("site", "Site", false),
                    new Relation("findings", "Finding", true)));

    private final Random random;
    private final PlannedReadsTest.Fixture fixture;
    private final List<String> cursors;
    final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> declarations = new ArrayList<>();
    private final List<String> fragments = new ArrayList<>();
    private int names;
    /**
     * The arguments each nested connection field got first in this query. SmallRye batches all calls of one field of a
     * request into one loader call with the arguments of the first (docs/graphql.md): queries that give one field two
     * sets of arguments get wrong answers from the resolvers, so the generated ones give it the same set again.
     */
    private final Map<String, String> nestedArguments = new java.util.HashMap<>();

    QueryGenerator(Random random, PlannedReadsTest.Fixture fixture, List<String> cursors) {
        this.random = random;
        this.fixture = fixture;
        this.cursors = cursors;
    }

    String query() {
        StringBuilder body = new StringBuilder();
        int roots = 1 + random.nextInt(2);
        for (int i = 0; i < roots; i++) {
            body.append(' ').append(root());
        }
        if (chance(8)) {
            body.append(" me { subject }");
        }
        String head = declarations.isEmpty() ? "query" : "query(" + String.join(", ", declarations) + ")";
        return head + " {" + body + " }" + (fragments.isEmpty() ? "" : " " + String.join(" ", fragments));
    }

    private String root() {
        String[] kinds = {"Finding", "Unit", "Site", "Inspection", "Notice"};
        String type = kinds[random.nextInt(kinds.length)];
        String list = switch (type) {
            case "Finding" -> "findings";
            case "Unit" -> "units";
            case "Site" -> "sites";
            case "Inspection" -> "inspections";
            default -> "notices";
        };
        String alias = chance(5) ? "r" + (++names) + ": " : "";
        if (chance(3)) {
            String name = Character.toLowerCase(type.charAt(0)) + type.substring(1);
            return alias + name + "(id: " + value("ID!", id(type)) + ")" + directive() + " " + selection(type, 0);
        }
        return alias + list + arguments(type, true) + directive() + " " + connection(type, 0);
    }

    private String connection(String type, int depth) {
        List<String> parts = new ArrayList<>();
        String edge = (chance(2) ? "cursor " : "") + "node " + selection(type, depth + 1);
        parts.add((chance(8) ? "e" + (++names) + ": " : "") + "edges { " + edge + (chance(6) ? " __typename" : "")
                + " }");
        if (chance(2)) {
            parts.add("pageInfo { " + (chance(2) ? "hasNextPage " : "") + "endCursor" + (chance(8) ? " __typename" : "")
                    + " }");
        }
        if (chance(8)) {
            parts.add("__typename");
        }
        return "{ " + String.join(" ", parts) + " }";
    }

    private String selection(String type, int depth) {
        List<String> fields = new ArrayList<>();
        String[] scalars = SCALARS.get(type);
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String field = scalars[random.nextInt(scalars.length)];
            fields.add((chance(6) ? "s" + (++names) + ": " : "") + field + directive());
        }
        if (depth < 3 && chance(depth == 0 ? 1 : 2)) {
            List<Relation> relations = RELATIONS.get(type);
            Relation relation = relations.get(random.nextInt(relations.size()));
            String alias = chance(5) ? "n" + (++names) + ": " : "";
            if (relation.connection()) {
                String arguments = nestedArguments.computeIfAbsent(type + "." + relation.name(),
                        field -> arguments(relation.type(), false));
                fields.add(alias + relation.name() + arguments + directive() + " "
                        + connection(relation.type(), depth + 1));
            } else {
                fields.add(alias + relation.name() + directive() + " " + selection(relation.type(), depth + 1));
            }
        }
        if (type.equals("Finding") && chance(25)) {
            fields.add("history { op actor }");
        }
        String inner = String.join(" ", fields);
        if (chance(6)) {
            return "{ id ... on " + type + " { " + inner + " } }";
        }
        if (chance(8)) {
            String name = "F" + (++names);
            fragments.add("fragment " + name + " on " + type + " { " + inner + " }");
            return "{ ..." + name + (chance(3) ? " version" : "") + " }";
        }
        return "{ " + inner + " }";
    }

    private String arguments(String type, boolean root) {
        List<String> args = new ArrayList<>();
        if (chance(root ? 2 : 3)) {
            int first = chance(20) ? (chance(2) ? 0 : 201) : 1 + random.nextInt(root ? 8 : 4);
            args.add("first: " + value("Int", first));
        }
        if (chance(5) && !cursors.isEmpty()) {
            args.add("after: " + value("String", cursors.get(random.nextInt(cursors.size()))));
        }
        String filter = filter(type);
        if (filter != null) {
            args.add("filter: " + filter);
        }
        return args.isEmpty() ? "" : "(" + String.join(", ", args) + ")";
    }

    private String filter(String type) {
        if (!chance(2)) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        switch (type) {
            case "Finding" -> {
                if (chance(3)) fields.add("unitId: " + value("ID", pick(fixture.unitIds())));
                if (chance(5)) fields.add("siteId: " + value("ID", pick(fixture.siteIds())));
                if (chance(4)) fields.add("status: " + pick(List.of("OPEN", "RECTIFYING", "RECTIFIED", "ESCALATED")));
                if (chance(5)) fields.add("severity: " + pick(List.of("LOW", "HIGH", "CRITICAL")));
                if (chance(6)) fields.add("category: DISINFECTION");
                if (chance(4)) fields.add("overdue: " + value("Boolean", random.nextBoolean()));
                if (chance(5)) fields.add("text: " + value("String", pick(List.of("消毒", "100%", "too_", " x ", ""))));
                if (chance(6)) fields.add("from: " + value("DateTime", "2021-08-12T00:00:00Z"));
                if (chance(6)) fields.add("to: \"2021-08-15T12:00:00+08:00\"");
                if (chance(15)) fields.add("unitId: null");
            }
            case "Inspection" -> {
                if (chance(2)) fields.add("unitId: " + value("ID", pick(fixture.unitIds())));
                if (chance(4)) fields.add("siteId: " + value("ID", pick(fixture.siteIds())));
                if (chance(4)) fields.add("from: \"2021-08-03T00:00:00Z\"");
            }
            case "Unit" -> {
                if (chance(3)) fields.add("parentId: " + value("ID", pick(fixture.unitIds())));
                if (chance(3)) fields.add("text: " + value("String", PlannedReadsTest.run(fixture)));
                if (chance(5)) fields.add("active: true");
                if (chance(6)) fields.add("kind: SUPERVISION_GROUP");
            }
            case "Site" -> {
                if (chance(3)) fields.add("district: " + value("String", pick(List.of("规划甲区", "规划乙区"))));
                if (chance(4)) fields.add("type: TESTING_POINT");
                if (chance(4)) fields.add("text: \"刘合集\"");
            }
            default -> {
                if (chance(2)) fields.add("unitId: " + value("ID", pick(fixture.unitIds())));
                if (chance(3)) fields.add("kind: ACCOUNTABILITY_WARNING");
            }
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private String directive() {
        if (!chance(10)) {
            return "";
        }
        String name = random.nextBoolean() ? "include" : "skip";
        return " @" + name + "(if: " + (chance(2) ? value("Boolean!", random.nextBoolean()) : random.nextBoolean()) + ")";
    }

    /** A literal, or now and then a variable holding it. */
    private String value(String graphQLType, Object value) {
        if (!chance(3)) {
            return value instanceof String text ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : String.valueOf(value);
        }
        String name = "v" + (++names);
        declarations.add("$" + name + ": " + graphQLType);
        variables.put(name, value);
        return "$" + name;
    }

    private String id(String type) {
        if (chance(12)) {
            return chance(2) ? UUID.randomUUID().toString() : "not-an-id";
        }
        return switch (type) {
            case "Finding" -> pick(fixture.findingIds());
            case "Unit" -> pick(fixture.unitIds());
            case "Site" -> pick(fixture.siteIds());
            case "Inspection" -> pick(fixture.inspectionIds());
            default -> pick(fixture.noticeIds());
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }
}
