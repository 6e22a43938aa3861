package ducha.change;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers whose commits are deliberately late (a transaction takes its id and its sequence numbers, then waits
 * before it commits, while later ones commit first), some that roll back, and real API writes, while a client
 * syncs in a loop with small pages. Every committed change arrives exactly once; nothing rolled back arrives.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SyncConcurrencyTest {

    private static final int WRITERS = 6;
    private static final int TRANSACTIONS_PER_WRITER = 15;
    private static final int API_FINDINGS = 12;

    @Test
    void aSyncingClientNeverMissesALateCommitAndNeverSeesAChangeTwice() throws Exception {
        Api.World world = Api.world();
        String token = Tokens.inspector(world.unitCode());
        Map<String, String> filters = Map.of("unitId", world.unitId());
        SyncApiTest.Replica replica = new SyncApiTest.Replica();
        SyncApiTest.syncAll(token, replica, filters, 200);
        int before = replica.received.size();

        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        long seed = new Random().nextLong();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(seed + w);
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    writeLate(random, world.groupId(), writer + "-" + t, committed, rolledBack);
                }
            }));
        }
        Set<String> apiFindings = ConcurrentHashMap.newKeySet();
        writers.add(CompletableFuture.runAsync(() -> {
            for (int i = 0; i < API_FINDINGS; i++) {
                apiFindings.add(Api.reportFinding(token, Api.finding(world.groupId(), world.siteId())).getString("id"));
            }
        }));

        // The client syncs while they write, keeping up with the newest commits (where a late commit would be
        // overtaken), in pages small enough to end between the events of one transaction.
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).whenComplete((ok, e) -> writing.set(false));
        int syncs = 0;
        while (writing.get()) {
            SyncApiTest.syncAll(token, replica, filters, 10);
            syncs++;
        }
        for (CompletableFuture<Void> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        int expected = committed.size() + API_FINDINGS;
        SyncApiTest.syncUntil(token, replica, filters, r -> r.received.size() - before >= expected);

        List<Map<String, Object>> received = replica.received.subList(before, replica.received.size());
        List<String> markers = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (Map<String, Object> item : received) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) item.get("data");
            if ("finding".equals(item.get("entity"))) {
                findings.add((String) item.get("id"));
            } else {
                markers.add((String) data.get("marker"));
            }
        }
        String why = "seed " + seed + ", " + syncs + " sync rounds";
        assertThat(markers).as(why).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
        assertThat(markers).as(why).doesNotContainAnyElementsOf(rolledBack);
        assertThat(findings).as(why).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(apiFindings);
        assertThat(rolledBack).as("some writers rolled back").isNotEmpty();
    }

    /**
     * One transaction that takes its id first, writes one to three change events with pauses in between, waits,
     * then commits (or, one time in eight, rolls back).
     */
    private static void writeLate(Random random, String unitId, String name, Set<String> committed,
            Set<String> rolledBack) {
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement xid = connection.prepareStatement("select pg_current_xact_id()")) {
                xid.executeQuery().close();
            }
            List<String> written = new ArrayList<>();
            int events = 1 + random.nextInt(3);
            for (int e = 0; e < events; e++) {
                Thread.sleep(random.nextInt(40));
                String marker = name + "-" + e;
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into change_event (actor, entity, entity_id, op, version, data)
                        values ('sync-test', 'unit', ?, 'UPDATE', ?, cast(? as jsonb))""")) {
                    insert.setObject(1, UUID.fromString(unitId));
                    insert.setLong(2, e);
                    insert.setString(3, "{\"id\": \"" + unitId + "\", \"marker\": \"" + marker + "\"}");
                    insert.executeUpdate();
                }
                written.add(marker);
            }
            Thread.sleep(50 + random.nextInt(250));
            if (random.nextInt(8) == 0) {
                connection.rollback();
                rolledBack.addAll(written);
            } else {
                connection.commit();
                committed.addAll(written);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
