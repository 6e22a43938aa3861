package ducha.me;

import ducha.unit.UnitView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Me", description = "The caller as the service sees the token.")
@org.eclipse.microprofile.graphql.Type("Me")
@org.eclipse.microprofile.graphql.Description("The caller as the service sees the token.")
public record MeView(
        @Schema(description = "The token's subject; the actor of every change you make.")
        @org.eclipse.microprofile.graphql.NonNull @org.eclipse.microprofile.graphql.Description("The token's subject; the actor of every change you make.") String subject,
        @org.eclipse.microprofile.graphql.Description("The preferred user name.") String username,
        @org.eclipse.microprofile.graphql.NonNull @org.eclipse.microprofile.graphql.Description("Your roles: inspector, admin.") List<String> roles,
        @Schema(description = "The unit code the token names, if any.")
        @org.eclipse.microprofile.graphql.Description("The unit code the token names, if any.") String unitCode,
        @Schema(description = "That unit, if it exists. Inspectors write for it and its sub-units.")
        @org.eclipse.microprofile.graphql.Description("That unit, if it exists. Inspectors write for it and its sub-units.") UnitView unit) {
}
