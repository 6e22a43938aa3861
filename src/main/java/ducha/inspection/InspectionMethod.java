package ducha.inspection;

public enum InspectionMethod {
    /** "Four no's, two straights": unannounced, straight to the site. */
    UNANNOUNCED,
    SCHEDULED,
    FOLLOW_UP
}
