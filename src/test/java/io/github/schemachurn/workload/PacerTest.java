package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The rate limiter on a fake clock: time moves only when the pacer sleeps or the "work" says so. */
class PacerTest {

    /** A clock whose sleeps overshoot by a fixed amount, as real sleeps do. */
    static final class FakeClock {
        long now = 1_000_000_000L;
        final long overshootNanos;
        long sleeps;

        FakeClock(long overshootNanos) {
            this.overshootNanos = overshootNanos;
        }

        boolean sleep(long nanos) {
            sleeps++;
            now += nanos + overshootNanos;
            return true;
        }
    }

    @Test
    void holdsItsRateWhenTheWorkIsFasterThanThePeriod() {
        FakeClock clock = new FakeClock(80_000);
        Pacer pacer = Pacer.perSecond(100, () -> clock.now, clock::sleep);
        for (int i = 0; i < 1_000; i++) {
            assertThat(pacer.awaitNext()).isTrue();
            clock.now += 300_000; // 0.3 ms of work per event
        }
        assertThat(pacer.events()).isEqualTo(1_000);
        assertThat(pacer.achievedPerSecond()).isCloseTo(100, within(1.0));
    }

    @Test
    void sleepOvershootIsMadeUpByTheSchedule() {
        FakeClock clock = new FakeClock(400_000); // each sleep 0.4 ms late at a 1 ms period
        Pacer pacer = Pacer.perSecond(1_000, () -> clock.now, clock::sleep);
        for (int i = 0; i < 10_000; i++) {
            pacer.awaitNext();
        }
        assertThat(pacer.achievedPerSecond()).isCloseTo(1_000, within(10.0));
    }

    @Test
    void reportsTheLowerRateItReallyAchievedWhenTheWorkIsTooSlow() {
        FakeClock clock = new FakeClock(0);
        Pacer pacer = Pacer.perSecond(100, () -> clock.now, clock::sleep);
        for (int i = 0; i < 100; i++) {
            pacer.awaitNext();
            clock.now += 20_000_000; // 20 ms of work against a 10 ms period
        }
        assertThat(pacer.achievedPerSecond()).isCloseTo(50, within(1.0));
    }

    @Test
    void doesNotBurstToCatchUpAfterAStall() {
        FakeClock clock = new FakeClock(0);
        Pacer pacer = Pacer.perSecond(100, () -> clock.now, clock::sleep);
        pacer.awaitNext();
        clock.now += 1_000_000_000L; // stalled for 100 periods
        pacer.awaitNext();
        long sleepsBefore = clock.sleeps;
        pacer.awaitNext(); // the next slot is a full period after the late one, not overdue
        assertThat(clock.sleeps).isEqualTo(sleepsBefore + 1);
    }

    @Test
    void unpacedNeverSleepsAndStillReportsItsRate() {
        FakeClock clock = new FakeClock(0);
        Pacer pacer = Pacer.unpaced(() -> clock.now);
        for (int i = 0; i < 500; i++) {
            pacer.awaitNext();
            clock.now += 1_000_000;
        }
        assertThat(clock.sleeps).isZero();
        assertThat(pacer.achievedPerSecond()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void countsNothingWhenTheSleeperGivesUp() {
        long[] now = {0};
        Pacer pacer = Pacer.perSecond(10, () -> now[0], nanos -> false);
        pacer.awaitNext(); // the first slot is due at once
        assertThat(pacer.awaitNext()).isFalse();
        assertThat(pacer.events()).isEqualTo(1);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> Pacer.perSecond(0, System::nanoTime, nanos -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
    }
}
