package ducha.notice;

public enum NoticeKind {
    BULLETIN, SUGGESTION, ACCOUNTABILITY_WARNING, REMINDER
}
