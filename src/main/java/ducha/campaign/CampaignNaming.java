package ducha.campaign;

import ducha.common.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The rule for an inspection or finding that names its campaign (campaignId): the campaign exists, the row's unit
 * takes part in it (the campaign's unit or one below it), its site is one of the targets and its time lies in the
 * period. Strict, so that a named row is always one the campaign counts when it is written; each refusal says which
 * part failed (400 VALIDATION on campaignId). Runs in the writer's session and transaction.
 */
@ApplicationScoped
public class CampaignNaming {

    public Uni<Void> check(UUID campaignId, UUID unitId, UUID siteId, Instant at, String timeField) {
        if (campaignId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select c.code, u.code as unit_code,
                       exists(select 1 from unit_closure cl where cl.ancestor_id = c.unit_id and cl.unit_id = :unit),
                       exists(select 1 from campaign_target t where t.campaign_id = c.id and t.site_id = :site),
                       c.starts_at <= :at and :at < c.ends_at
                from campaign c join unit u on u.id = c.unit_id where c.id = :campaign""", Object[].class)
                .setParameter("unit", unitId)
                .setParameter("site", siteId)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("campaign", campaignId)
                .getResultList())
                .invoke(rows -> {
                    if (rows.isEmpty()) {
                        throw new InvalidInputException("campaignId", "names no campaign");
                    }
                    Object[] row = rows.get(0);
                    String code = (String) row[0];
                    if (!Boolean.TRUE.equals(row[2])) {
                        throw new InvalidInputException("campaignId", "campaign " + code + " is run by unit " + row[1]
                                + " and its sub-units; this unit does not take part in it");
                    }
                    if (!Boolean.TRUE.equals(row[3])) {
                        throw new InvalidInputException("campaignId",
                                "this site is not a target of campaign " + code + "; add it to the campaign's targets first");
                    }
                    if (!Boolean.TRUE.equals(row[4])) {
                        throw new InvalidInputException("campaignId",
                                timeField + " lies outside the period of campaign " + code);
                    }
                })
                .replaceWithVoid();
    }
}
