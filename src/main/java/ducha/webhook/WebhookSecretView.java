package ducha.webhook;

import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSecret", description = "A new signing secret, shown once. The previous one signs too until "
        + "previousSecretUntil: each request then carries both signatures.")
@Type("WebhookSecret")
@Description("A new signing secret, shown this once. The previous one signs too until previousSecretUntil.")
public record WebhookSecretView(
        @NonNull @Description("The new secret (whsec_…); keep it.") String secret,
        @Description("Until when the previous secret signs too.") OffsetDateTime previousSecretUntil,
        @ToScalar(Scalar.Int.class) @Description("The endpoint's version after the rotation.") long version) {
}
