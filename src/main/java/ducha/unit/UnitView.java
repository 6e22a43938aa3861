package ducha.unit;

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

@Schema(name = "Unit", description = "A supervision unit: a commission or one of its teams.")
@Type("Unit")
@Description("A supervision unit: a commission (纪委监委) or one of its teams (督导组, 监督检查组, 纪检监察组).")
public record UnitView(
        @NonNull @Id @Description("The unit's id.") UUID id,
        @NonNull @Schema(examples = "WEISHI-G1") @Description("Unique human-readable code, e.g. WEISHI-G1.") String code,
        @NonNull @Schema(examples = "尉氏县纪委监委第一督导组") @Description("Full name.") String name,
        @NonNull @Description("What kind of unit it is.") UnitKind kind,
        @Id @Schema(description = "The unit this one belongs to; null for a root.")
        @Description("The unit this one belongs to; null for a root.") UUID parentId,
        @Description("County or district the unit works in.") String district,
        @Description("Who leads it (a title or a name).") String leader,
        @Description("False once the unit was retired; retired units keep their history.") boolean active,
        @Schema(description = "Optimistic version; also sent as the ETag.") @ToScalar(Scalar.Int.class)
        @Description("Optimistic version: pass it as expectedVersion to change the unit.") long version,
        @NonNull @Description("When it was created.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt) {

    public static UnitView of(Unit unit) {
        return new UnitView(unit.id, unit.code, unit.name, unit.kind, unit.parentId, unit.district, unit.leader,
                unit.active, unit.version, Times.utc(unit.createdAt), Times.utc(unit.updatedAt));
    }
}
