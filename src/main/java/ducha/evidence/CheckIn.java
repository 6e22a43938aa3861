package ducha.evidence;

import ducha.common.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckIn", description = "The device's position at arrival and its distance to the site.")
@Type("CheckIn")
@Description("The device's position at arrival and its distance to the site.")
public record CheckIn(
        @Schema(description = "Degrees north.") @Description("Degrees north.") double latitude,
        @Schema(description = "Degrees east.") @Description("Degrees east.") double longitude,
        @Schema(description = "Uncertainty of the fix in metres.") @Description("Uncertainty of the fix in metres.")
        double accuracy,
        @NonNull @Schema(description = "The device's time of the fix.") @Description("The device's time of the fix.")
        OffsetDateTime recordedAt,
        @Schema(description = "Great-circle metres to the site's coordinates when the check-in was recorded; null "
                + "when the site had none.")
        @Description("Great-circle metres to the site's coordinates when the check-in was recorded; null when the "
                + "site had none.") Integer distance) {

    /** The check-in of stored columns, or null when there is none. */
    public static CheckIn of(Double latitude, Double longitude, Double accuracy, Instant recordedAt,
            Integer distance) {
        return latitude == null ? null
                : new CheckIn(latitude, longitude, accuracy, Times.utc(recordedAt), distance);
    }
}
