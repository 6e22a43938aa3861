package ducha.campaign;

import ducha.report.ReportSettings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * campaign_activity (V15) counts by local day of the report time zone, which is configuration: at start, when the zone
 * its days were counted in is not the configured one, the rollup is recounted in the configured zone (one statement
 * per campaign; replicas started together take turns on the campaigns' row locks). Replicas must share one zone.
 */
@ApplicationScoped
class CampaignActivityZone {

    private static final Logger LOG = Logger.getLogger(CampaignActivityZone.class);

    void sync(@Observes StartupEvent event, Pool pool, ReportSettings settings) {
        String zone = settings.timeZone().getId();
        Integer changed = pool.withTransaction(connection -> connection
                .preparedQuery("update campaign_activity_zone set zone = $1 where zone <> $1").execute(Tuple.of(zone))
                .chain(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(0)
                        : connection.query("select campaign_activity_rebuild()").execute().map(ignored -> 1)))
                .await().atMost(Duration.ofMinutes(5));
        if (changed == 1) {
            LOG.infof("Campaign coverage recounted in the report time zone %s", zone);
        }
    }
}
