package ducha.unit;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * unit_closure, finding_scope and inspection_scope (V7__unit_subtree.sql) stay what the plain recursive definition
 * of a subtree gives, whatever the writes: units created, moved (through the API, one by one or several in one
 * statement) and deleted, findings and inspections inserted, moved to another unit or time and deleted; and the
 * subtree reads (Unit.findings, Unit.inspections, GET /findings and /inspections?unitId=) answer what the recursive
 * definition selects.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class UnitSubtreeTest {

    /** Every unit with every unit below it, walked down from each unit: the definition the tables must equal. */
    private static final String TREE = """
            with recursive tree(ancestor_id, unit_id, depth) as (
                select id, id, 0 from unit
                union all
                select t.ancestor_id, u.id, t.depth + 1 from tree t join unit u on u.parent_id = t.unit_id
                where t.depth < 32
            )""";

    /** Rows of the table missing from the definition's and the other way round, as text (empty when equal). */
    private static final String DIFFERENCES = TREE + """
            ,
            closure(r) as (select (ancestor_id, unit_id, depth)::text from tree),
            findings(r) as (select (t.ancestor_id, f.found_at, f.id)::text from tree t join finding f on f.unit_id = t.unit_id),
            inspections(r) as (select (t.ancestor_id, i.started_at, i.id)::text
                               from tree t join inspection i on i.unit_id = t.unit_id)
            select * from (
                (select 'closure missing ' || r from closure
                 except all select 'closure missing ' || (ancestor_id, unit_id, depth)::text from unit_closure)
                union all
                (select 'closure extra ' || (ancestor_id, unit_id, depth)::text from unit_closure
                 except all select 'closure extra ' || r from closure)
                union all
                (select 'finding missing ' || r from findings
                 except all select 'finding missing ' || (ancestor_id, found_at, finding_id)::text from finding_scope)
                union all
                (select 'finding extra ' || (ancestor_id, found_at, finding_id)::text from finding_scope
                 except all select 'finding extra ' || r from findings)
                union all
                (select 'inspection missing ' || r from inspections
                 except all select 'inspection missing ' || (ancestor_id, started_at, inspection_id)::text
                 from inspection_scope)
                union all
                (select 'inspection extra ' || (ancestor_id, started_at, inspection_id)::text from inspection_scope
                 except all select 'inspection extra ' || r from inspections)
            ) d limit 20""";

    private static final Instant EPOCH = Instant.parse("2021-08-01T00:00:00Z");

    private final long seed = Long.getLong("subtree.seed", System.nanoTime());
    private final Random random = new Random(seed);
    /** The units of this test: id → parent id (null at the top). */
    private final Map<String, String> parents = new LinkedHashMap<>();
    private String site;

    @Test
    void randomInsertsMovesAndDeletesKeepTheTablesEqualToTheRecursiveDefinition() {
        System.out.println("UnitSubtreeTest seed " + seed + " (-Dsubtree.seed=" + seed + " repeats it)");
        site = Api.createSite(Api.code("S"), "CHECKPOINT", "测试区").getString("id");
        String root = unit(null);
        for (int i = 0; i < 4; i++) {
            unit(randomUnit());
        }
        assertExact("start");
        for (int round = 1; round <= 6; round++) {
            String at = "round " + round + " (seed " + seed + ")";
            for (int i = 0; i < 3; i++) {
                unit(randomUnit());
            }
            unitsInOneStatement();
            insertFindings(30);
            reportFindingsThroughTheApi(3);
            insertInspections(12);
            assertExact(at + ", after inserts");

            for (int i = 0; i < 3; i++) {
                moveThroughTheApi();
            }
            moveSeveralInOneStatement();
            if (round % 3 == 0) {
                // To the top and back again below the root.
                String unit = randomUnitExcept(root);
                move(unit, null);
                move(unit, root);
            }
            refusedMoves();
            assertExact(at + ", after moves");

            changeFindings(6);
            changeInspections(4);
            deleteSome();
            assertExact(at + ", after changes and deletes");

            for (int i = 0; i < 3; i++) {
                assertSubtreeReadsExact(randomUnit(), at);
            }
        }
        assertSubtreeReadsExact(root, "the root at the end");
    }

    @Test
    void aMoveThroughRestKeepsUnitFindingsAndTheUnitIdFilterExact() {
        site = Api.createSite(Api.code("S"), "CHECKPOINT", "测试区").getString("id");
        String r = unit(null);
        String a = unit(r);
        String a1 = unit(a);
        String a2 = unit(a1);
        String b = unit(r);
        String b1 = unit(b);
        // Findings and visits at times that interleave across the units, some at the same time (the id decides).
        List<String> units = List.of(r, a, a1, a2, b, b1);
        for (int i = 0; i < 36; i++) {
            String unit = units.get(i % units.size());
            Map<String, Object> body = Api.finding(unit, site);
            body.put("foundAt", EPOCH.plus(i / 2 * 7 % 29, ChronoUnit.HOURS).toString());
            body.put("severity", i % 3 == 0 ? "HIGH" : "LOW");
            Api.reportFinding(Tokens.admin(), body);
            if (i % 2 == 0) {
                Api.createInspection(Tokens.admin(), unit, site, EPOCH.plus(i / 4 * 5 % 17, ChronoUnit.HOURS).toString());
            }
        }
        for (String unit : units) {
            assertSubtreeReadsExact(unit, "before the move");
        }

        // A1 (with A2) moves from A to B, through REST.
        move(a1, b);
        assertThat(Db.count("select count(*) from unit_closure where ancestor_id = ?::uuid", b)).isEqualTo(4);
        for (String unit : units) {
            assertSubtreeReadsExact(unit, "after A1 moved to B");
        }
        assertThat(restList("/api/v1/findings", a)).hasSize(6);
        assertThat(restList("/api/v1/findings", b)).hasSize(24);

        // Under its own sub-unit: refused by the service (and by the trigger, were the service to let it through).
        Map<String, Object> body = unitBody(b, a2);
        as(Tokens.admin()).header("If-Match", "*").body(body).put("/api/v1/units/" + b).then().statusCode(400);
        assertExact("after a refused move");
    }

    @Test
    void racingMovesCannotMakeACycleAndAFindingFiledMeanwhileLandsUnderTheNewParent() throws Exception {
        site = Api.createSite(Api.code("S"), "CHECKPOINT", "测试区").getString("id");
        String r = unit(null);
        String a = unit(r);
        String b = unit(r);
        String c = unit(r);
        try (Connection first = Db.connect(); Connection second = Db.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // Each move alone is fine; together they would make A and B each other's parent.
            execute(first, "update unit set parent_id = ?::uuid where id = ?::uuid", b, a);
            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> {
                try {
                    execute(second, "update unit set parent_id = ?::uuid where id = ?::uuid", a, b);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(racing).isNotDone(); // waits for the first move
            first.commit();
            assertThatThrownBy(() -> racing.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("cannot move below itself");
            second.rollback();

            // A finding filed in C while C moves below B: it waits for the move and is filed under B.
            execute(first, "update unit set parent_id = ?::uuid where id = ?::uuid", b, c);
            CompletableFuture<Void> filing = CompletableFuture.runAsync(() -> {
                try {
                    execute(second, """
                            insert into finding (id, unit_id, site_id, category, severity, description, found_at,
                                                 status, reported_by)
                            values (gen_random_uuid(), ?::uuid, ?::uuid, 'OTHER', 'LOW', 'race', now(), 'OPEN', 't')""",
                            c, site);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(filing).isNotDone();
            first.commit();
            filing.get(10, TimeUnit.SECONDS);
        }
        assertThat(Db.text("select parent_id::text from unit where id = ?::uuid", b)).isEqualTo(r);
        assertThat(Db.count("""
                select count(*) from finding_scope s join finding f on f.id = s.finding_id
                where f.unit_id = ?::uuid and s.ancestor_id = ?::uuid""", c, b)).isEqualTo(1);
        assertExact("after the races");
    }

    // ------------------------------------------------------------------------------------------------ writes

    private String unit(String parentId) {
        String id = Api.createUnit(Api.code("T"), parentId).getString("id");
        parents.put(id, parentId);
        return id;
    }

    /** A parent and its child in one INSERT, the child's row first. */
    private void unitsInOneStatement() {
        String parent = UUID.randomUUID().toString();
        String child = UUID.randomUUID().toString();
        String above = randomUnit();
        Db.execute("""
                insert into unit (id, code, name, kind, parent_id)
                values (?::uuid, ?, 'child', 'OTHER', ?::uuid), (?::uuid, ?, 'parent', 'OTHER', ?::uuid)""",
                child, Api.code("T"), parent, parent, Api.code("T"), above);
        parents.put(parent, above);
        parents.put(child, parent);
    }

    private void insertFindings(int count) {
        List<String> units = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        List<String> severities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(randomUnit());
            hours.add(Integer.toString(random.nextInt(40))); // few distinct times: ties are common
            severities.add(random.nextBoolean() ? "HIGH" : "LOW");
        }
        Db.execute("""
                insert into finding (id, unit_id, site_id, category, severity, description, found_at, status,
                                     reported_by)
                select gen_random_uuid(), u::uuid, ?::uuid, 'OTHER', s, 'subtree',
                       ?::timestamptz + h::int * interval '1 hour', 'OPEN', 'test'
                from unnest(string_to_array(?, ','), string_to_array(?, ','), string_to_array(?, ',')) as x(u, h, s)""",
                site, EPOCH.toString(), String.join(",", units), String.join(",", hours), String.join(",", severities));
    }

    private void reportFindingsThroughTheApi(int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = Api.finding(randomUnit(), site);
            body.put("foundAt", EPOCH.plus(random.nextInt(40), ChronoUnit.HOURS).toString());
            Api.reportFinding(Tokens.admin(), body);
        }
    }

    private void insertInspections(int count) {
        List<String> units = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(randomUnit());
            hours.add(Integer.toString(random.nextInt(40)));
        }
        Db.execute("""
                insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, created_by)
                select gen_random_uuid(), u::uuid, ?::uuid, ?::timestamptz + h::int * interval '1 hour', 1, 'SCHEDULED',
                       'test'
                from unnest(string_to_array(?, ','), string_to_array(?, ',')) as x(u, h)""",
                site, EPOCH.toString(), String.join(",", units), String.join(",", hours));
    }

    private void moveThroughTheApi() {
        String unit = randomUnitExcept(null);
        List<String> targets = parents.keySet().stream()
                .filter(other -> !subtreeOf(unit).contains(other) && !other.equals(parents.get(unit))).toList();
        if (!targets.isEmpty()) {
            move(unit, targets.get(random.nextInt(targets.size())));
        }
    }

    /** Two units, where one may be below the other, move in one UPDATE. */
    private void moveSeveralInOneStatement() {
        String one = randomUnitExcept(null);
        String other = randomUnitExcept(one);
        if (one == null || other == null) {
            return;
        }
        List<String> targets = parents.keySet().stream()
                .filter(t -> !subtreeOf(one).contains(t) && !subtreeOf(other).contains(t)).toList();
        if (targets.isEmpty()) {
            return;
        }
        String target = targets.get(random.nextInt(targets.size()));
        Db.execute("update unit set parent_id = ?::uuid where id in (?::uuid, ?::uuid)", target, one, other);
        parents.put(one, target);
        parents.put(other, target);
    }

    private void refusedMoves() {
        String unit = parents.keySet().stream().filter(u -> subtreeOf(u).size() > 1).findAny().orElseThrow();
        List<String> below = subtreeOf(unit).stream().filter(u -> !u.equals(unit)).toList();
        String target = below.get(random.nextInt(below.size()));
        as(Tokens.admin()).header("If-Match", "*").body(unitBody(unit, target)).put("/api/v1/units/" + unit)
                .then().statusCode(400);
        assertThatThrownBy(() -> Db.execute("update unit set parent_id = ?::uuid where id = ?::uuid", target, unit))
                .hasMessageContaining("cannot move below itself");
    }

    private void changeFindings(int count) {
        List<String> ids = Db.texts("select id::text from finding where unit_id = any(string_to_array(?, ',')::uuid[]) "
                + "order by id", String.join(",", parents.keySet()));
        for (int i = 0; i < count && !ids.isEmpty(); i++) {
            String id = ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(3)) {
                case 0 -> Db.execute("update finding set unit_id = ?::uuid where id = ?::uuid", randomUnit(), id);
                case 1 -> Db.execute("update finding set found_at = ?::timestamptz where id = ?::uuid",
                        EPOCH.plus(random.nextInt(40), ChronoUnit.HOURS).toString(), id);
                default -> Db.execute("update finding set status = 'RECTIFYING', description = 'changed' "
                        + "where id = ?::uuid", id);
            }
        }
    }

    private void changeInspections(int count) {
        List<String> ids = Db.texts("select id::text from inspection where unit_id = any(string_to_array(?, ',')::uuid[]) "
                + "order by id", String.join(",", parents.keySet()));
        for (int i = 0; i < count && !ids.isEmpty(); i++) {
            Db.execute("update inspection set unit_id = ?::uuid, started_at = started_at + interval '1 hour' "
                    + "where id = ?::uuid", randomUnit(), ids.get(random.nextInt(ids.size())));
        }
    }

    /** Some findings (by SQL and through the API) and visits, and an empty leaf unit through the API. */
    private void deleteSome() {
        String units = String.join(",", parents.keySet());
        Db.execute("""
                delete from finding where id in (select id from finding
                    where unit_id = any(string_to_array(?, ',')::uuid[]) order by md5(id::text || ?) limit 8)""",
                units, Long.toString(random.nextLong()));
        String one = Db.text("select id::text from finding where unit_id = any(string_to_array(?, ',')::uuid[]) "
                + "order by md5(id::text || ?) limit 1", units, Long.toString(random.nextLong()));
        if (one != null) {
            as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/findings/" + one).then().statusCode(204);
        }
        Db.execute("""
                delete from inspection where id in (select i.id from inspection i
                    where i.unit_id = any(string_to_array(?, ',')::uuid[])
                      and not exists (select from finding f where f.inspection_id = i.id)
                    order by md5(i.id::text || ?) limit 4)""", units, Long.toString(random.nextLong()));
        String leaf = unit(randomUnit());
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/units/" + leaf).then().statusCode(204);
        parents.remove(leaf);
    }

    private void move(String unit, String parent) {
        as(Tokens.admin()).header("If-Match", "*").body(unitBody(unit, parent)).put("/api/v1/units/" + unit)
                .then().statusCode(200);
        parents.put(unit, parent);
    }

    private static Map<String, Object> unitBody(String unit, String parent) {
        JsonPath current = as(Tokens.admin()).get("/api/v1/units/" + unit).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        body.put("code", current.getString("code"));
        body.put("name", current.getString("name"));
        body.put("kind", current.getString("kind"));
        body.put("district", current.getString("district"));
        body.put("parentId", parent);
        return body;
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void assertExact(String when) {
        assertThat(Db.texts(DIFFERENCES)).as("scope tables against the recursive definition, " + when).isEmpty();
    }

    /**
     * The subtree's findings and visits, newest first, as Unit.findings / Unit.inspections (a page, then the next by
     * its cursor), GET /findings and /inspections?unitId= and a filtered page answer them, against the recursive
     * definition.
     */
    private void assertSubtreeReadsExact(String unit, String when) {
        List<String> findings = expected("finding", "found_at", unit, "");
        List<String> inspections = expected("inspection", "started_at", unit, "");
        String admin = Tokens.admin();

        List<String> viaGraphQL = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", unit);
            variables.put("after", after);
            JsonPath page = Gql.query(admin, """
                    query($id: ID!, $after: String) { unit(id: $id) { findings(first: 7, after: $after) {
                      edges { node { id } } pageInfo { hasNextPage endCursor } } } }""", variables);
            assertThat(page.getString("errors")).isNull();
            viaGraphQL.addAll(page.getList("data.unit.findings.edges.node.id"));
            after = page.getBoolean("data.unit.findings.pageInfo.hasNextPage")
                    ? page.getString("data.unit.findings.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(viaGraphQL).as("Unit.findings, " + when).isEqualTo(findings);

        assertThat(graphQL(unit, "inspections(first: 200)", "inspections")).as("Unit.inspections, " + when)
                .isEqualTo(inspections);
        assertThat(graphQL(unit, "findings(first: 200, filter: {severity: HIGH})", "findings"))
                .as("Unit.findings(severity), " + when)
                .isEqualTo(expected("finding", "found_at", unit, "and x.severity = 'HIGH'"));
        assertThat(graphQL(unit, "findings(first: 200, filter: {from: \"2021-08-01T05:00:00Z\", "
                + "to: \"2021-08-01T20:00:00Z\"})", "findings"))
                .as("Unit.findings(from, to), " + when)
                .isEqualTo(expected("finding", "found_at", unit,
                        "and x.found_at >= '2021-08-01T05:00:00Z' and x.found_at < '2021-08-01T20:00:00Z'"));

        assertThat(restList("/api/v1/findings", unit)).as("GET /findings?unitId=, " + when).isEqualTo(findings);
        assertThat(restList("/api/v1/inspections", unit)).as("GET /inspections?unitId=, " + when)
                .isEqualTo(inspections);
    }

    /** The ids of one connection field of the unit. */
    private static List<String> graphQL(String unit, String field, String name) {
        JsonPath answer = Gql.query(Tokens.admin(), "query($id: ID!) { unit(id: $id) { " + field
                + " { edges { node { id } } } } }", Map.of("id", unit));
        assertThat(answer.getString("errors")).isNull();
        return answer.getList("data.unit." + name + ".edges.node.id");
    }

    /** Every id of the list, following nextCursor, 200 at a time. */
    private static List<String> restList(String path, String unit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(Tokens.admin()).queryParam("unitId", unit).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> expected(String table, String time, String unit, String condition) {
        return Db.texts("""
                with recursive tree(id, depth) as (
                    select ?::uuid, 0
                    union all
                    select u.id, t.depth + 1 from unit u join tree t on u.parent_id = t.id where t.depth < 32
                )
                select x.id::text from %s x where x.unit_id in (select id from tree) %s
                order by x.%s desc, x.id desc""".formatted(table, condition, time), unit);
    }

    // ------------------------------------------------------------------------------------------------ the model

    private List<String> subtreeOf(String unit) {
        List<String> subtree = new ArrayList<>(List.of(unit));
        for (int i = 0; i < subtree.size(); i++) {
            String above = subtree.get(i);
            parents.forEach((child, parent) -> {
                if (above.equals(parent)) {
                    subtree.add(child);
                }
            });
        }
        return subtree;
    }

    private String randomUnit() {
        List<String> units = new ArrayList<>(parents.keySet());
        return units.get(random.nextInt(units.size()));
    }

    /** A unit other than {@code except} and other than the first (the root), or null when there is none. */
    private String randomUnitExcept(String except) {
        List<String> units = new ArrayList<>(parents.keySet()).subList(1, parents.size()).stream()
                .filter(u -> !u.equals(except)).toList();
        return units.isEmpty() ? null : units.get(random.nextInt(units.size()));
    }

    private static void execute(Connection connection, String sql, Object... args) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        }
    }
}
