package ducha.site;

import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Site", description = "A place that is inspected.")
public record SiteView(
        UUID id,
        @Schema(examples = "WEISHI-CP-001") String code,
        @Schema(examples = "柳禾集卡点") String name,
        SiteType type,
        String district,
        String township,
        String address,
        Double latitude,
        Double longitude,
        boolean active,
        @Schema(description = "Optimistic version; also sent as the ETag.") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static SiteView of(Site site) {
        return new SiteView(site.id, site.code, site.name, site.type, site.district, site.township, site.address,
                site.latitude, site.longitude, site.active, site.version, Times.utc(site.createdAt),
                Times.utc(site.updatedAt));
    }
}
