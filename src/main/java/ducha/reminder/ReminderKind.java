package ducha.reminder;

@org.eclipse.microprofile.graphql.Description("What a reminder says: DUE_SOON (due within the lead time), OVERDUE "
        + "(past its due time, not rectified), ESCALATED (overdue past its severity's threshold: moved to ESCALATED "
        + "and addressed to the parent unit).")
public enum ReminderKind {
    DUE_SOON, OVERDUE, ESCALATED
}
