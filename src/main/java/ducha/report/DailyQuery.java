package ducha.report;

import ducha.common.Params;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of the daily report, in each of its three forms (negotiated, .csv, .html). */
public record DailyQuery(
        @Parameter(description = "The unit (required); its sub-units are included.") @RestQuery String unitId,
        @Parameter(description = "The day (required), YYYY-MM-DD in the report time zone.", example = "2021-08-07")
        @RestQuery String date) {

    UUID unit() {
        return Params.uuid("unitId", unitId);
    }
}
