package ducha.inspection;

@org.eclipse.microprofile.graphql.Description("How a visit was made.")
public enum InspectionMethod {
    /** "Four no's, two straights": unannounced, straight to the site. */
    UNANNOUNCED,
    SCHEDULED,
    FOLLOW_UP
}
