package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.CounterNames;
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

        Latency.Recording recording = new Latency.Recording();
        count.enterWithBackground(false, false, () -> running[0], () -> cpu[0], recording::take);
        running[0] = running[0].plus(one); // before the window: not counted
        oneCall(recording.timing(Tally.NONE), true);
        count.enterWithBackground(true, false, () -> running[0], () -> cpu[0], recording::take);
        running[0] = running[0].plus(one).plus(one);
        oneCall(recording.timing(Tally.NONE), true);
        oneCall(recording.timing(Tally.NONE), true);
        oneCall(recording.timing(Tally.NONE), false);
        cpu[0] = 9_000;
        count.enterWithBackground(true, true, () -> running[0], () -> cpu[0], recording::take);
        running[0] = running[0].plus(one); // after the window: not counted
        oneCall(recording.timing(Tally.NONE), true);
        count.close();

        assertThat(count.attempts()).isEqualTo(2);
        assertThat(count.ok()).isEqualTo(2);
        assertThat(count.cpuMicros()).isEqualTo(4);
        assertThat(count.latency().okCount()).isEqualTo(2);
        assertThat(count.latency().failedCount()).isEqualTo(1);
    }

    @Test
    void latencyIsRecordedInsideTheWindowOnlySuccessesApartFromFailures() {
        RoleCount count = new RoleCount();
        count.reset();
        oneCall(count.enter(false, false), true); // warmup-wait loop
        oneCall(count.enter(true, false), true);
        oneCall(count.enter(true, false), true);
        oneCall(count.enter(true, false), false);
        oneCall(count.enter(true, true), false); // warmdown-wait loop
        count.close();

        assertThat(count.latency().okCount()).isEqualTo(2);
        assertThat(count.latency().failedCount()).isEqualTo(1);
    }

    @Test
    void aFastRoleTimesASampleButCountsEveryOperation() {
        RoleCount count = new RoleCount();
        count.reset();
        oneCall(count.enter(true, false), true);
        count.close(); // a window of one call a few microseconds long: well above the timed rate
        count.reset();
        Tally tally = count.enter(true, false);
        int calls = 100_000;
        for (int i = 0; i < calls; i++) {
            oneCall(tally, i % 10 != 0);
        }
        count.close();

        assertThat(count.attempts()).isEqualTo(calls);
        assertThat(count.ok()).isEqualTo(calls - calls / 10);
        assertThat(count.failures(ErrorClass.BUSY)).isEqualTo(calls / 10);
        long timed = count.latency().okCount() + count.latency().failedCount();
        assertThat(timed).isBetween(calls / 128L, calls / 2L).isLessThan(calls);
        assertThat((double) count.latency().failedCount() / timed).isBetween(0.07, 0.13); // the sample is unbiased
        assertThat(count.windowMicros()).isPositive();
    }

    @Test
    void aRoleUnderTwiceTheTimedRateTimesEveryOperationAFasterOneASample() {
        assertThat(RoleCount.timeOneIn(0)).isEqualTo(1);
        assertThat(RoleCount.timeOneIn(20_000)).isEqualTo(1);
        assertThat(RoleCount.timeOneIn(133_000)).isEqualTo(6);
        assertThat(RoleCount.timeOneIn(10_000_000)).isEqualTo(64);
    }

    @Test
    void aSlowRoleTimesEveryOperation() {
        RoleCount count = new RoleCount();
        count.reset();
        for (int window = 0; window < 2; window++) {
            Tally tally = count.enter(true, false);
            tally.attempt();
            sleepMillis(2); // 500 attempts per second: below the timed rate
            tally.success();
            oneCall(tally, false);
            count.close();
            assertThat(count.latency().okCount()).isEqualTo(1);
            assertThat(count.latency().failedCount()).isEqualTo(1);
            count.reset();
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyLatencyCounterIsPublishedAndZeroWhenNothingWasRecorded() {
        RoleCount count = new RoleCount();
        count.reset();
        oneCall(count.enter(true, false), true);
        Published published = new Published();
        count.publishTo(published, CounterNames.OPERATION);

        assertThat(count.latency().okCount()).isEqualTo(1);
        assertThat(published.opOkMaxMicros).isGreaterThanOrEqualTo(published.opOkP50Micros).isNotNegative();
        assertThat(published.opFailP50Micros).isZero();
        assertThat(published.opFailP99Micros).isZero();
        assertThat(published.opLockWaitMicros).isZero();
    }

    @Test
    void lockWaitIsSummedInTheWindow() {
        RoleCount count = new RoleCount();
        count.reset();
        Tally tally = count.enter(true, false);
        tally.attempt();
        tally.lockWaitNanos(3_000);
        tally.lockWaitNanos(2_000);
        tally.success();
        Published published = new Published();
        count.publishTo(published, CounterNames.OPERATION);

        assertThat(published.opLockWaitMicros).isEqualTo(5.0);
    }

    /** The fields an op role's counter class has, as {@code bench/OpCounters} spells them. */
    public static class Published {
        public long opAttempts, opOk, opSchema, opNoSuchTable, opBusy, opBusySnapshot, opLocked, opDeadStatement,
                opStaleColumns, opOther, opRetries, opBusyWaits, opWindowMicros, opThreads, opCpuMicros;
        public double opAttemptRate, opOkP50Micros, opOkP90Micros, opOkP99Micros, opOkP999Micros, opOkMaxMicros,
                opFailP50Micros, opFailP99Micros, opLockWaitMicros;
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
