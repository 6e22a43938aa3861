package ducha.unit;

import ducha.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A commission or one of its teams; units form a tree through {@code parentId}. */
@Entity
@Table(name = "unit")
public class Unit extends AuditedEntity {

    public String code;
    public String name;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    public String district;
    public String leader;
    public boolean active = true;
}
