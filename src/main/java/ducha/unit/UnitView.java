package ducha.unit;

import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit", description = "A supervision unit: a commission or one of its teams.")
public record UnitView(
        UUID id,
        @Schema(examples = "WEISHI-G1") String code,
        @Schema(examples = "尉氏县纪委监委第一督导组") String name,
        UnitKind kind,
        @Schema(description = "The unit this one belongs to; null for a root.") UUID parentId,
        String district,
        String leader,
        boolean active,
        @Schema(description = "Optimistic version; also sent as the ETag.") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static UnitView of(Unit unit) {
        return new UnitView(unit.id, unit.code, unit.name, unit.kind, unit.parentId, unit.district, unit.leader,
                unit.active, unit.version, Times.utc(unit.createdAt), Times.utc(unit.updatedAt));
    }
}
