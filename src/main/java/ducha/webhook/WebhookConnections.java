package ducha.webhook;

import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The GraphQL pages of webhooks, their deliveries and their messages; the cursors are those of the REST lists. */
public final class WebhookConnections {

    private WebhookConnections() {
    }

    @Type("WebhookConnection")
    @Description("A page of webhook endpoints in id order.")
    public record Endpoints(
            @NonNull @Description("The endpoints of this page, each with its cursor.") List<@NonNull EndpointEdge> edges,
            @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

        static Endpoints of(Page<WebhookView> page) {
            return Connections.of(page, view -> view.id().toString(), EndpointEdge::new, Endpoints::new);
        }
    }

    @Type("WebhookEdge")
    @Description("An endpoint and its cursor.")
    public record EndpointEdge(@NonNull @Description("The endpoint.") WebhookView node,
            @NonNull @Description("Pass as after: to continue behind this endpoint.") String cursor) {
    }

    @Type("WebhookDeliveryConnection")
    @Description("A page of an endpoint's delivery log, newest attempt first.")
    public record Deliveries(
            @NonNull @Description("The attempts of this page, each with its cursor.") List<@NonNull DeliveryEdge> edges,
            @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

        static Deliveries of(Page<WebhookDelivery> page) {
            return Connections.of(page, delivery -> Long.toString(delivery.id()), DeliveryEdge::new, Deliveries::new);
        }
    }

    @Type("WebhookDeliveryEdge")
    @Description("An attempt and its cursor.")
    public record DeliveryEdge(@NonNull @Description("The attempt.") WebhookDelivery node,
            @NonNull @Description("Pass as after: to continue behind this attempt.") String cursor) {
    }

    @Type("WebhookMessageConnection")
    @Description("A page of the events queued for an endpoint, newest first.")
    public record Messages(
            @NonNull @Description("The messages of this page, each with its cursor.") List<@NonNull MessageEdge> edges,
            @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

        static Messages of(Page<WebhookMessageView> page) {
            return Connections.of(page, message -> Long.toString(message.id()), MessageEdge::new, Messages::new);
        }
    }

    @Type("WebhookMessageEdge")
    @Description("A message and its cursor.")
    public record MessageEdge(@NonNull @Description("The message.") WebhookMessageView node,
            @NonNull @Description("Pass as after: to continue behind this message.") String cursor) {
    }

    @Type("CreatedWebhook")
    @Description("A new endpoint and its signing secret, shown this once.")
    public record Created(@NonNull @Description("The endpoint.") WebhookView webhook,
            @NonNull @Description("The signing secret (whsec_…): keep it; it is never shown again.") String secret) {
    }
}
