package ducha.finding;

@org.eclipse.microprofile.graphql.Description("A move of a finding's lifecycle.")
public enum FindingAction {
    START, RECTIFY, VERIFY, REOPEN, ESCALATE
}
