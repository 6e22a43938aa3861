package ducha.finding;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
