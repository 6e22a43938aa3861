package ducha.notice;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bulletin, suggestion, accountability warning or reminder a unit issues; cited findings live in notice_finding. */
@Entity
@Table(name = "notice")
public class Notice extends AuditedEntity {

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "site_id")
    public UUID siteId;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    public String title;
    @Column(columnDefinition = "text")
    public String body;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by", updatable = false)
    public String issuedBy;
}
