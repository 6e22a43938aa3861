package ducha.site;

import ducha.common.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A place that is inspected: a checkpoint, a testing point, a hospital, a market … */
@Entity
@Table(name = "site")
public class Site extends AuditedEntity {

    public String code;
    public String name;

    @Enumerated(EnumType.STRING)
    public SiteType type;

    public String district;
    public String township;
    public String address;
    public Double latitude;
    public Double longitude;
    public boolean active = true;
}
