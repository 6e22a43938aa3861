package ducha.inspection;

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

@Schema(name = "Inspection", description = "One visit of a unit to a site.")
@Type("Inspection")
@Description("One visit (监督检查): one unit at one site at one time, with so many people.")
public record InspectionView(
        @NonNull @Id @Description("The inspection's id.") UUID id,
        @NonNull @Id @Description("The unit that inspected.") UUID unitId,
        @NonNull @Id @Description("The site inspected.") UUID siteId,
        @NonNull @Description("When the visit started.") OffsetDateTime startedAt,
        @Schema(description = "Person-visits: how many inspectors took part.")
        @Description("Person-visits (人次): how many inspectors took part.") int inspectorCount,
        @NonNull @Description("Announced, unannounced (四不两直) or a follow-up.") InspectionMethod method,
        @Description("Free notes.") String notes,
        @NonNull @Schema(description = "Token subject of who recorded it.")
        @Description("Token subject of who recorded it.") String createdBy,
        @Schema(description = "Optimistic version; also sent as the ETag.") @ToScalar(Scalar.Int.class)
        @Description("Optimistic version: pass it as expectedVersion to change the inspection.") long version,
        @NonNull @Description("When it was recorded.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt,
        @Id @Schema(description = "The campaign it names, if any.") @Description("The campaign it names, if any.") UUID campaignId) {

    public static InspectionView of(Inspection inspection) {
        return new InspectionView(inspection.id, inspection.unitId, inspection.siteId,
                Times.utc(inspection.startedAt), inspection.inspectorCount, inspection.method, inspection.notes,
                inspection.createdBy, inspection.version, Times.utc(inspection.createdAt),
                Times.utc(inspection.updatedAt), inspection.campaignId);
    }
}
