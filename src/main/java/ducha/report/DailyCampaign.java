package ducha.report;

import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Target coverage of one campaign active during the daily report's day. */
@Schema(name = "DailyCampaign", description = "Target coverage of one campaign active during the day.")
@Type("DailyCampaign")
@Description("Target coverage of one campaign active during the day.")
public record DailyCampaign(
        @NonNull @Id @Description("The campaign.") UUID campaignId,
        @NonNull @Description("Its name.") String name,
        @Schema(description = "Its target sites (retired sites excluded).")
        @Description("Its target sites (retired sites excluded).") int targets,
        @Schema(description = "Targets visited from the campaign's start to statusAt.")
        @Description("Targets visited from the campaign's start to statusAt.") int targetsVisited,
        @Schema(description = "Targets visited during the day.")
        @Description("Targets visited during the day.") int targetsVisitedToday,
        @Schema(description = "targetsVisited ÷ targets, 0–1 rounded to 4 places; null without targets.")
        @Description("targetsVisited ÷ targets, 0–1 rounded to 4 places; null without targets.") Double coverage) {
}
