package ducha.common;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Id, optimistic version and timestamps shared by every mutable row. Extends PanacheEntityBase only so that
 * Quarkus generates accessors for the public fields (dirty tracking); queries go through repositories.
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void beforeInsert() {
        Instant now = now();
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }

    /**
     * Marks the row changed even when every field kept its value, so that each acknowledged update has its own
     * version and change event.
     */
    public void touch() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds; truncating here makes what we return equal what we stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
