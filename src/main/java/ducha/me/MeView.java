package ducha.me;

import ducha.unit.UnitView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Me", description = "The caller as the service sees the token.")
public record MeView(
        @Schema(description = "The token's subject; the actor of every change you make.") String subject,
        String username,
        List<String> roles,
        @Schema(description = "The unit code the token names, if any.") String unitCode,
        @Schema(description = "That unit, if it exists. Inspectors write for it and its sub-units.") UnitView unit) {
}
