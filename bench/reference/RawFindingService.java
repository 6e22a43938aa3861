import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * The cost floor of HTTP + JSON + PostgreSQL for bench/run: GET /findings/{id} answers the JSON of Ducha's
 * GET /api/v1/findings/{id} (same fields, same names) straight from one pooled, pipelined, prepared statement.
 * No security, no framework. Not part of the service.
 *
 *   java -cp "$(cat target/classpath)" RawFindingService.java PORT DB_URL POOL_SIZE EVENT_LOOPS
 */
public class RawFindingService extends AbstractVerticle {

    private static final String SQL = "select id, unit_id, site_id, inspection_id, category, severity, description,"
            + " found_at, due_at, status, rectified_on_site, rectified_at, rectification_note, reported_by, version,"
            + " created_at, updated_at from finding where id = $1";
    private static final Set<String> UNRESOLVED = Set.of("OPEN", "RECTIFYING", "ESCALATED");

    private static int port;
    private static Pool pool;

    public static void main(String[] args) {
        port = Integer.parseInt(args[0]);
        int eventLoops = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        PgConnectOptions connect = PgConnectOptions.fromUri(args[1]).setUser("ducha").setPassword("ducha")
                .setCachePreparedStatements(true).setPipeliningLimit(256);
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(Integer.parseInt(args[2])))
                .connectingTo(connect).using(vertx).build();
        vertx.deployVerticle(RawFindingService.class, new DeploymentOptions().setInstances(eventLoops))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); })
                .onSuccess(id -> System.out.println("raw finding service on " + port));
    }

    @Override
    public void start() {
        PreparedQuery<RowSet<Row>> byId = pool.preparedQuery(SQL);
        vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            UUID id;
            try {
                id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            } catch (IllegalArgumentException e) {
                request.response().setStatusCode(400).end();
                return;
            }
            byId.execute(Tuple.of(id)).onComplete(result -> {
                if (result.failed()) {
                    request.response().setStatusCode(500).end();
                } else if (result.result().size() == 0) {
                    request.response().setStatusCode(404).end();
                } else {
                    Row row = result.result().iterator().next();
                    long version = row.getLong("version");
                    request.response().putHeader("Content-Type", "application/json")
                            .putHeader("ETag", "\"" + version + "\"").end(json(row, version).toBuffer());
                }
            });
        }).listen(port);
    }

    private static JsonObject json(Row row, long version) {
        OffsetDateTime due = utc(row.getOffsetDateTime("due_at"));
        String status = row.getString("status");
        return new JsonObject()
                .put("id", row.getUUID("id").toString())
                .put("unitId", row.getUUID("unit_id").toString())
                .put("siteId", row.getUUID("site_id").toString())
                .put("inspectionId", text(row.getUUID("inspection_id")))
                .put("category", row.getString("category"))
                .put("severity", row.getString("severity"))
                .put("description", row.getString("description"))
                .put("foundAt", text(utc(row.getOffsetDateTime("found_at"))))
                .put("dueAt", text(due))
                .put("status", status)
                .put("rectifiedOnSite", row.getBoolean("rectified_on_site"))
                .put("rectifiedAt", text(utc(row.getOffsetDateTime("rectified_at"))))
                .put("rectificationNote", row.getString("rectification_note"))
                .put("reportedBy", row.getString("reported_by"))
                .put("overdue", due != null && due.isBefore(OffsetDateTime.now()) && UNRESOLVED.contains(status))
                .put("version", version)
                .put("createdAt", text(utc(row.getOffsetDateTime("created_at"))))
                .put("updatedAt", text(utc(row.getOffsetDateTime("updated_at"))));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
