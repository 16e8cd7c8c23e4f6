package io.github.schemachurn.workload.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StallsTest {
    private static final long MS = 1_000_000;

    @Test
    void theLongestStallSpansFailuresUntilTheNextSuccess() {
        Stalls stalls = new Stalls();
        stalls.read(1 * MS, 2 * MS, true, 0, 0);
        stalls.read(2 * MS, 3 * MS, false, 0, 0);
        stalls.read(3 * MS, 9 * MS, true, 0, 0);
        stalls.read(9 * MS, 10 * MS, true, 0, 0);
        assertThat(stalls.longestMicros()).isEqualTo(7_000);
        assertThat(stalls.recoveryMicros()).isZero();
    }

    @Test
    void recoveryRunsFromTheMigrationsStartToTheFirstReadBegunAfterItsCommit() {
        Stalls stalls = new Stalls();
        stalls.read(1 * MS, 2 * MS, true, 0, 0);
        stalls.read(2 * MS, 8 * MS, true, 3 * MS, 7 * MS); // began before the commit: not yet
        stalls.read(8 * MS, 9 * MS, true, 3 * MS, 7 * MS);
        assertThat(stalls.recoveryMicros()).isEqualTo(6_000);
        stalls.reset();
        stalls.read(20 * MS, 21 * MS, true, 3 * MS, 7 * MS); // the migration was before this window
        assertThat(stalls.recoveryMicros()).isZero();
    }
}
