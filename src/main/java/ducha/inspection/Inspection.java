package ducha.inspection;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One visit: one unit at one site at one time, with so many people. */
@Entity
@Table(name = "inspection")
public class Inspection extends AuditedEntity {

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "site_id")
    public UUID siteId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "inspector_count")
    public int inspectorCount;

    @Enumerated(EnumType.STRING)
    public InspectionMethod method;

    @Column(columnDefinition = "text")
    public String notes;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    /** The campaign it names, if any (V11); it counts toward a campaign by its site, unit and time either way. */
    @Column(name = "campaign_id")
    public UUID campaignId;
}
