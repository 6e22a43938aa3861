package ducha.attachment;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Evidence for a finding (a photo or a PDF). Immutable once stored; its bytes live in attachment_chunk. */
@Entity
@Table(name = "attachment")
public class Attachment extends AuditedEntity {

    @Column(name = "finding_id", updatable = false)
    public UUID findingId;

    @Column(name = "file_name", updatable = false)
    public String fileName;

    @Column(name = "media_type", updatable = false)
    public String mediaType;

    @Column(name = "size_bytes", updatable = false)
    public long sizeBytes;

    @Column(updatable = false, columnDefinition = "char(64)")
    public String sha256;

    @Column(name = "uploaded_by", updatable = false)
    public String uploadedBy;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public AttachmentRole role = AttachmentRole.EVIDENCE;

    /** The photo's own time (EXIF), never later than the upload; null when it has none. */
    @Column(name = "taken_at", updatable = false)
    public Instant takenAt;

    /** The photo's own position (EXIF GPS), kept even when the stored copy was stripped of it. */
    @Column(updatable = false)
    public Double latitude;

    @Column(updatable = false)
    public Double longitude;

    @Column(name = "distance_m", updatable = false)
    public Integer distance;

    /** Comma-separated flags (AttachmentFlags), empty when none. */
    @Column(updatable = false)
    public String flags = "";

    @Column(name = "gps_stripped", updatable = false)
    public boolean gpsStripped;
}
