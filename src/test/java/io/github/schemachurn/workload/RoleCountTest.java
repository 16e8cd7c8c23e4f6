package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Tally;
import org.junit.jupiter.api.Test;

/** The measured-window rule without JMH: only calls that start between JMH's two flags count. */
class RoleCountTest {

    private static void oneCall(Tally tally, boolean ok) {
        tally.attempt();
        if (ok) {
            tally.success();
        } else {
            tally.failure(ErrorClass.BUSY);
        }
    }

    @Test
    void callsBeforeTheMeasurementAndAfterItAreNotCounted() {
        RoleCount count = new RoleCount();
        count.reset();
        oneCall(count.enter(false, false), true); // warmup-wait loop
        oneCall(count.enter(true, false), true); // measured
        oneCall(count.enter(true, false), false); // measured
        oneCall(count.enter(true, true), true); // warmdown-wait loop
        oneCall(count.enter(true, false), true); // a stale flag read after the window closed
        count.close();

        assertThat(count.attempts()).isEqualTo(2);
        assertThat(count.ok()).isEqualTo(1);
        assertThat(count.failures(ErrorClass.BUSY)).isEqualTo(1);
        assertThat(count.threads()).isEqualTo(1);
        assertThat(count.attemptRate()).isPositive();
    }

    @Test
    void aThreadThatWasNeverMeasuredReportsNothing() {
        RoleCount count = new RoleCount();
        count.reset();
        oneCall(count.enter(false, false), true);
        count.close();

        assertThat(count.attempts()).isZero();
        assertThat(count.threads()).isZero();
        assertThat(count.windowMicros()).isZero();
        assertThat(count.cpuMicros()).isZero();
        assertThat(count.attemptRate()).isZero();
    }

    @Test
    void aBackgroundRoleIsCountedByDifferenceOverTheWindow() {
        Counts one = new Counts();
        one.attempt();
        one.success();
        Counts[] running = {new Counts().plus(one)};
        long[] cpu = {5_000};
        RoleCount count = new RoleCount();
        count.reset();

        count.enterWithBackground(false, false, () -> running[0], () -> cpu[0]);
        running[0] = running[0].plus(one); // before the window: not counted
        count.enterWithBackground(true, false, () -> running[0], () -> cpu[0]);
        running[0] = running[0].plus(one).plus(one);
        cpu[0] = 9_000;
        count.enterWithBackground(true, true, () -> running[0], () -> cpu[0]);
        running[0] = running[0].plus(one); // after the window: not counted
        count.close();

        assertThat(count.attempts()).isEqualTo(2);
        assertThat(count.ok()).isEqualTo(2);
        assertThat(count.cpuMicros()).isEqualTo(4);
    }

    @Test
    void resetStartsTheNextIterationFromZero() {
        RoleCount count = new RoleCount();
        count.reset();
        oneCall(count.enter(true, false), true);
        count.close();
        count.reset();

        assertThat(count.attempts()).isZero();
        oneCall(count.enter(true, false), true);
        assertThat(count.attempts()).isEqualTo(1);
    }
}
