package ducha.finding;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One problem seen at a site by a unit; its status only moves through {@link FindingLifecycle}. */
@Entity
@Table(name = "finding")
public class Finding extends AuditedEntity {

    /** Its name in the change log (change_event.entity) and in the problems that name it. */
    public static final String ENTITY = "finding";

    @Column(name = "unit_id", updatable = false)
    public UUID unitId;

    @Column(name = "site_id", updatable = false)
    public UUID siteId;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Enumerated(EnumType.STRING)
    public FindingCategory category;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "found_at")
    public Instant foundAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public FindingStatus status;

    @Column(name = "rectified_on_site")
    public boolean rectifiedOnSite;

    @Column(name = "rectified_at")
    public Instant rectifiedAt;

    @Column(name = "rectification_note", columnDefinition = "text")
    public String rectificationNote;

    @Column(name = "reported_by", updatable = false)
    public String reportedBy;

    /** The campaign it names, if any (V11); set when reported. */
    @Column(name = "campaign_id", updatable = false)
    public UUID campaignId;

    /** The organisation answerable for rectifying it (责任单位); null until named. Changed by a hand-over. */
    @Column(name = "responsible_party")
    public String responsibleParty;

    @Column(name = "responsible_contact")
    public String responsibleContact;

    /** A fix on the spot that needs an AFTER photo: by when (docs/evidence.md); null otherwise or once judged. */
    @Column(name = "after_photo_due_at")
    public Instant afterPhotoDueAt;

    public boolean isOverdue(Instant now) {
        return status.overdue(dueAt, now);
    }
}
