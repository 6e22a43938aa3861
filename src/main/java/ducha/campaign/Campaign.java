package ducha.campaign;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A supervision drive (专项督查) of a unit over a period [startsAt, endsAt): the unit and its sub-units take part, and
 * its target sites are in campaign_target. Coverage is read from campaign_activity (V15, CampaignCoverageService).
 */
@Entity
@Table(name = "campaign")
public class Campaign extends AuditedEntity {

    public String code;
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "created_by", updatable = false)
    public String createdBy;
}
