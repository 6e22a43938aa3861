package ducha.finding;

@org.eclipse.microprofile.graphql.Description("How serious a finding is.")
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
