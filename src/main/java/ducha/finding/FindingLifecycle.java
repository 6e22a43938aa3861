package ducha.finding;

import static ducha.finding.FindingStatus.ESCALATED;
import static ducha.finding.FindingStatus.OPEN;
import static ducha.finding.FindingStatus.RECTIFIED;
import static ducha.finding.FindingStatus.RECTIFYING;
import static ducha.finding.FindingStatus.VERIFIED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of allowed moves of a finding. REST and GraphQL both go through it; any other move is a 409.
 */
public final class FindingLifecycle {

    /** One row of the table: from which statuses an action leads where, and who may take it. */
    public record Move(FindingAction action, Set<FindingStatus> from, FindingStatus to, boolean adminOnly,
            boolean noteRequired) {
    }

    public static final List<Move> MOVES = List.of(
            new Move(FindingAction.START, EnumSet.of(OPEN), RECTIFYING, false, false),
            new Move(FindingAction.RECTIFY, EnumSet.of(OPEN, RECTIFYING, ESCALATED), RECTIFIED, false, true),
            new Move(FindingAction.VERIFY, EnumSet.of(RECTIFIED), VERIFIED, true, false),
            new Move(FindingAction.REOPEN, EnumSet.of(RECTIFIED), OPEN, true, true),
            new Move(FindingAction.ESCALATE, EnumSet.of(OPEN, RECTIFYING), ESCALATED, true, false));

    private FindingLifecycle() {
    }

    /** The status a new finding starts in. */
    public static FindingStatus initialStatus(boolean rectifiedOnSite) {
        return rectifiedOnSite ? RECTIFIED : OPEN;
    }

    public static Move move(FindingAction action) {
        return MOVES.stream().filter(move -> move.action() == action).findFirst().orElseThrow();
    }

    /** The actions a user may take from a status, in table order. */
    public static List<FindingAction> allowedActions(FindingStatus from, boolean admin) {
        return MOVES.stream()
                .filter(move -> move.from().contains(from) && (admin || !move.adminOnly()))
                .map(Move::action)
                .toList();
    }

    /**
     * Why {@code action} cannot be taken from {@code from}: what the caller may do instead or, when that is nothing,
     * who may act next, so that an inspector is not left with a bare "none".
     */
    public static String refusal(FindingStatus from, FindingAction action, boolean admin) {
        String refused = "A finding that is " + from + " cannot take " + action + "; ";
        List<FindingAction> allowed = allowedActions(from, admin);
        if (!allowed.isEmpty()) {
            return refused + "allowed now: " + allowed + ".";
        }
        List<String> adminActions = allowedActions(from, true).stream().map(FindingAction::name).toList();
        if (!adminActions.isEmpty()) {
            return refused + "nothing is allowed to you now; an admin may " + String.join(" or ", adminActions) + ".";
        }
        return refused + "it is " + from + ", and no action leads on from there.";
    }
}
