package ducha.evidence;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The device's position at arrival; REST and GraphQL take the same shape. */
@Schema(name = "CheckInInput", description = "The device's position at arrival (WGS 84), as the phone recorded it.")
@Input("CheckInInput")
@Description("The device's position at arrival (WGS 84), as the phone recorded it.")
public record CheckInInput(
        @Schema(description = "Degrees north, -90 to 90.", examples = "34.4012")
        @Description("Degrees north, -90 to 90.") @NonNull @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(description = "Degrees east, -180 to 180.", examples = "114.2571")
        @Description("Degrees east, -180 to 180.") @NonNull @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(description = "Radius of the fix's uncertainty in metres (the phone's horizontal accuracy): more than "
                + "0, at most ducha.evidence.max-accuracy (2000).", examples = "12.5")
        @Description("Radius of the fix's uncertainty in metres: more than 0, at most the configured maximum (2000).")
        @NonNull @NotNull @Positive Double accuracy,
        @Schema(description = "The device's time of the fix; not more than the clock-skew tolerance (5 minutes) in "
                + "the future of the server's time.")
        @Description("The device's time of the fix; not more than 5 minutes in the future.") @NonNull @NotNull
        OffsetDateTime recordedAt) {
}
