package ducha.finding;

import static ducha.finding.FindingAction.ESCALATE;
import static ducha.finding.FindingAction.RECTIFY;
import static ducha.finding.FindingAction.REOPEN;
import static ducha.finding.FindingAction.START;
import static ducha.finding.FindingAction.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lifecycle table alone, without the service or a database: what each role may do from each status. */
class FindingLifecycleTableTest {

    @Test
    void everyActionHasExactlyOneRow() {
        assertThat(FindingLifecycle.MOVES).extracting(FindingLifecycle.Move::action)
                .containsExactlyInAnyOrder(FindingAction.values());
    }

    @Test
    void inspectorsAndAdminsMayDoWhatTheTableSaysFromEachStatus() {
        assertThat(FindingLifecycle.allowedActions(FindingStatus.OPEN, false)).containsExactly(START, RECTIFY);
        assertThat(FindingLifecycle.allowedActions(FindingStatus.OPEN, true)).containsExactly(START, RECTIFY, ESCALATE);
        assertThat(FindingLifecycle.allowedActions(FindingStatus.RECTIFYING, false)).containsExactly(RECTIFY);
        assertThat(FindingLifecycle.allowedActions(FindingStatus.ESCALATED, false)).containsExactly(RECTIFY);
        assertThat(FindingLifecycle.allowedActions(FindingStatus.RECTIFIED, false)).isEmpty();
        assertThat(FindingLifecycle.allowedActions(FindingStatus.RECTIFIED, true)).containsExactly(VERIFY, REOPEN);
        assertThat(FindingLifecycle.allowedActions(FindingStatus.VERIFIED, true)).isEmpty();
    }

    @Test
    void notesAreRequiredToRectifyAndToReopenOnly() {
        assertThat(Arrays.stream(FindingAction.values()).filter(a -> FindingLifecycle.move(a).noteRequired()))
                .containsExactlyInAnyOrder(RECTIFY, REOPEN);
    }

    @Test
    void aNewFindingStartsOpenUnlessRectifiedOnSite() {
        assertThat(FindingLifecycle.initialStatus(false)).isEqualTo(FindingStatus.OPEN);
        assertThat(FindingLifecycle.initialStatus(true)).isEqualTo(FindingStatus.RECTIFIED);
    }

    @Test
    void aRefusalSaysWhatTheCallerOrAnAdminMayDoInstead() {
        assertThat(FindingLifecycle.refusal(FindingStatus.OPEN, VERIFY, false))
                .isEqualTo("A finding that is OPEN cannot take VERIFY; allowed now: [START, RECTIFY].");
        assertThat(FindingLifecycle.refusal(FindingStatus.RECTIFIED, START, false))
                .isEqualTo("A finding that is RECTIFIED cannot take START; nothing is allowed to you now; an admin may VERIFY or REOPEN.");
        assertThat(FindingLifecycle.refusal(FindingStatus.VERIFIED, REOPEN, true))
                .isEqualTo("A finding that is VERIFIED cannot take REOPEN; it is VERIFIED, and no action leads on from there.");
    }
}
