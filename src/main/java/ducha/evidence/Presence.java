package ducha.evidence;

@org.eclipse.microprofile.graphql.Description("Whether the check-in shows the inspectors at the site.")
public enum Presence {
    /** The check-in position is within the configured radius plus its accuracy of the site's coordinates. */
    VERIFIED,
    /** The check-in position is further from the site than that. */
    FAR,
    /** No check-in position, or the site had no coordinates when it was recorded. */
    UNKNOWN
}
