package ducha.report;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResponsiblePartyBreakdown", description = "Findings by responsible party (责任单位), most findings first.")
public record ResponsiblePartyBreakdown(
        @Schema(description = "One row per party; key is its name, null for findings handed to nobody yet.")
        List<Breakdown> byResponsibleParty) {
}
