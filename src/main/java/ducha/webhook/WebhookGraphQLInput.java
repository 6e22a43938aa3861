package ducha.webhook;

import ducha.common.Params;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WebhookInput")
@Description("A webhook endpoint to register, or the new state of one.")
public record WebhookGraphQLInput(
        @NonNull @Description("Where events are POSTed: an https URL whose host resolves to public addresses.") String url,
        @Description("What the endpoint is for (at most 500 characters).") String description,
        @NonNull @Description("The event types it receives (1 to 10): finding.reported, finding.transitioned, "
                + "finding.escalated, finding.overdue, finding.due_soon, notice.issued, inspection.recorded.") List<@NonNull String> eventTypes,
        @Id @Description("Only events of this unit and the units below it; omitted: every unit.") String unitId,
        @Description("Whether events are sent; true by default. Enabling an endpoint that was disabled for failing "
                + "starts its retries afresh.") Boolean enabled) {

    WebhookInput toInput() {
        return new WebhookInput(url, description, eventTypes, Params.uuid("unitId", unitId), enabled);
    }
}
