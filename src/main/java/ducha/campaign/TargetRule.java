package ducha.campaign;

import ducha.common.Text;
import ducha.site.SiteType;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetRule", description = "Every active site of this type and/or district, resolved when the rule is "
        + "added (a site added or re-typed later is not picked up until the rule is added again).")
@Input("TargetRuleInput")
@Description("Every active site of this type and/or district, resolved when the rule is added.")
public record TargetRule(
        @Description("Sites of this type.") SiteType siteType,
        @Text @Size(max = 100) @Schema(description = "A district at least one site has.")
        @Description("Sites of this district (one at least one site has).") String district) {
}
