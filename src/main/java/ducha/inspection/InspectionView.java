package ducha.inspection;

import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Inspection", description = "One visit of a unit to a site.")
public record InspectionView(
        UUID id,
        UUID unitId,
        UUID siteId,
        OffsetDateTime startedAt,
        @Schema(description = "Person-visits: how many inspectors took part.") int inspectorCount,
        InspectionMethod method,
        String notes,
        @Schema(description = "Token subject of who recorded it.") String createdBy,
        @Schema(description = "Optimistic version; also sent as the ETag.") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static InspectionView of(Inspection inspection) {
        return new InspectionView(inspection.id, inspection.unitId, inspection.siteId,
                Times.utc(inspection.startedAt), inspection.inspectorCount, inspection.method, inspection.notes,
                inspection.createdBy, inspection.version, Times.utc(inspection.createdAt),
                Times.utc(inspection.updatedAt));
    }
}
