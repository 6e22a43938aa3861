package ducha.webhook;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where and what to send; the stream's position and leases are in webhook_stream, written by the dispatcher. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends AuditedEntity {

    public String url;
    public String description;

    /** Comma-separated wire names. */
    @Column(name = "event_types")
    public String eventTypes;

    @Column(name = "unit_id")
    public UUID unitId;

    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
}
