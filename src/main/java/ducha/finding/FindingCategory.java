package ducha.finding;

@org.eclipse.microprofile.graphql.Description("Kind of problem found.")
public enum FindingCategory {
    DISINFECTION, DUTY_ROSTER, CROWD_CONTROL, TESTING_PROCEDURE, SUPPLIES, PRICING, FOOD_SAFETY, RECORD_KEEPING,
    OTHER
}
