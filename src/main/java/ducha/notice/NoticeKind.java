package ducha.notice;

@org.eclipse.microprofile.graphql.Description("Kind of notice a unit issues.")
public enum NoticeKind {
    BULLETIN, SUGGESTION, ACCOUNTABILITY_WARNING, REMINDER
}
