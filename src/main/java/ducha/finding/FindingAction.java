package ducha.finding;

public enum FindingAction {
    START, RECTIFY, VERIFY, REOPEN, ESCALATE
}
