package ducha.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by their wire names. */
public enum WebhookEventType {
    FINDING_REPORTED("finding.reported"),
    FINDING_TRANSITIONED("finding.transitioned"),
    FINDING_ESCALATED("finding.escalated"),
    NOTICE_ISSUED("notice.issued"),
    INSPECTION_RECORDED("inspection.recorded"),
    CAMPAIGN_CREATED("campaign.created"),
    CAMPAIGN_UPDATED("campaign.updated");

    /** The type of the "send test event" action; never subscribed to, always sent when asked. */
    public static final String TEST = "webhook.test";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(WebhookEventType::wireName).toList());
    }
}
