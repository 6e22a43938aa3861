package ducha.attachment;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
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
}
