package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.ErrorClass;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The background loop: counts every step, stops on demand, and does not hide a crashed step. */
class PacedLoopTest {

    @Test
    void everyStepIsCountedAndStopHandsBackTheRun() throws Exception {
        CountDownLatch tenSteps = new CountDownLatch(10);
        int[] calls = {0};
        PacedLoop loop = new PacedLoop(0, tally -> {
            tally.attempt();
            if (++calls[0] % 3 == 0) {
                tally.failure(ErrorClass.BUSY);
            } else {
                tally.success();
            }
            tenSteps.countDown();
        });
        loop.start("test-loop");
        tenSteps.await();
        loop.stop();

        assertThat(loop.steps()).isEqualTo(calls[0]).isGreaterThanOrEqualTo(10);
        assertThat(loop.totals().attempts()).isEqualTo(loop.steps());
        assertThat(loop.totals().ok() + loop.totals().failures()).isEqualTo(loop.totals().attempts());
    }

    @Test
    void aPacedLoopStopsAtOnceInsteadOfSleepingOutItsPeriod() throws Exception {
        CountDownLatch firstStep = new CountDownLatch(1);
        PacedLoop loop = new PacedLoop(0.001, tally -> firstStep.countDown()); // one step per 1000 s
        loop.start("test-loop");
        firstStep.await();
        loop.stop();
        assertThat(loop.steps()).isEqualTo(1);
    }

    @Test
    void aStepThatThrowsFailsTheRun() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        PacedLoop loop = new PacedLoop(0, tally -> {
            entered.countDown();
            throw new IllegalStateException("boom");
        });
        loop.start("test-loop");
        entered.await();
        assertThatThrownBy(loop::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
    }
}
