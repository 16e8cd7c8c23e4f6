package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.WalIndex;
import org.junit.jupiter.api.Test;

/** The window's arithmetic on hand-made wal-index samples: commits counter, rewinds (salt-1), frames. */
class WalWindowTest {
    private static final int PAGE = 4096;

    private static WalIndex.State state(int commits, int resets, long frames) {
        return new WalIndex.State(commits, resets, frames, PAGE);
    }

    @Test
    void commitsOnAWalAlreadyPastTheAutocheckpointSizeAreIncompleteCheckpoints() {
        WalWindow window = new WalWindow(1000);
        window.observe(state(10, 7, 990), 0);
        window.observe(state(15, 7, 1010), 0); // which of these five came after the one that reached 1000 frames is unknown: none counted
        window.observe(state(18, 7, 1020), 0); // three commits, each after a checkpoint that left the WAL in place
        window.observe(state(20, 7, 1030), 0);
        assertThat(window.incompleteCheckpoints()).isEqualTo(5);
        assertThat(window.peakBytes()).isEqualTo(32 + 1030L * (24 + PAGE));
        assertThat(window.samples()).isEqualTo(4);
    }

    @Test
    void aRewindBetweenTwoSamplesCountsNothingAndTheCommitCounterMayWrap() {
        WalWindow window = new WalWindow(1000);
        window.observe(state(-5, 7, 1200), 0);
        window.observe(state(-2, 8, 6), 0); // rewound: the checkpoint had completed
        window.observe(state(-1, 8, 1100), 0);
        window.observe(state(1, 8, 1105), 0); // -1 to 1 across 2^32: two commits past the size
        assertThat(window.incompleteCheckpoints()).isEqualTo(2);
        assertThat(window.peakBytes()).isEqualTo(32 + 1200L * (24 + PAGE));
    }

    @Test
    void aFileThatGrewInTheWindowGivesItsExactPeakAndAnOldSizeDoesNot() {
        WalWindow grew = new WalWindow(1000);
        grew.observe(state(1, 1, 10), 1_000_000);
        grew.observe(state(2, 1, 20), 9_000_000);
        assertThat(grew.peakBytes()).isEqualTo(9_000_000);

        WalWindow old = new WalWindow(1000);
        old.observe(state(1, 1, 10), 9_000_000);
        old.observe(state(2, 1, 20), 9_000_000);
        assertThat(old.peakBytes()).isEqualTo(32 + 20L * (24 + PAGE));
    }

    @Test
    void noSampleNoCount() {
        WalWindow window = new WalWindow(1000);
        window.observe(null, 5_000_000);
        assertThat(window.samples()).isZero();
        assertThat(window.peakBytes()).isZero();
    }

    @Test
    void withAutocheckpointOffNoCheckpointRunsSoNoneIsIncomplete() {
        WalWindow window = new WalWindow(0);
        window.observe(state(1, 1, 5000), 0);
        window.observe(state(9, 1, 5100), 0);
        assertThat(window.incompleteCheckpoints()).isZero();
    }
}
