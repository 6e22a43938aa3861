package ducha.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the campaign list: campaigns a unit takes part in (owned by it or by a unit above it), and campaigns
 * whose period contains an instant.
 */
public record CampaignFilter(UUID participantId, Instant activeAt) {
}
