package ducha.site;

import ducha.common.Times;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Site", description = "A place that is inspected.")
@Type("Site")
@Description("A place that is inspected (点位): a checkpoint, testing point, hospital, market …")
public record SiteView(
        @NonNull @Id @Description("The site's id.") UUID id,
        @NonNull @Schema(examples = "WEISHI-CP-001") @Description("Unique human-readable code.") String code,
        @NonNull @Schema(examples = "刘合集卡点") @Description("Name of the place.") String name,
        @NonNull @Description("Kind of place.") SiteType type,
        @Description("County or district.") String district,
        @Description("Township or street.") String township,
        @Description("Postal address.") String address,
        @Description("WGS-84 latitude, if known.") Double latitude,
        @Description("WGS-84 longitude, if known.") Double longitude,
        @Description("False once the site was retired; retired sites keep their history.") boolean active,
        @Schema(description = "Optimistic version; also sent as the ETag.") @ToScalar(Scalar.Int.class)
        @Description("Optimistic version: pass it as expectedVersion to change the site.") long version,
        @NonNull @Description("When it was created.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt) {

    public static SiteView of(Site site) {
        return new SiteView(site.id, site.code, site.name, site.type, site.district, site.township, site.address,
                site.latitude, site.longitude, site.active, site.version, Times.utc(site.createdAt),
                Times.utc(site.updatedAt));
    }
}
