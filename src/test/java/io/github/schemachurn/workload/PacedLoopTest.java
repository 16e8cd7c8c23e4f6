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
        PacedLoop loop = new PacedLoop("test-loop", 0, tally -> {
            tally.attempt();
            if (++calls[0] % 3 == 0) {
                tally.failure(ErrorClass.BUSY);
            } else {
                tally.success();
            }
            tenSteps.countDown();
        });
        loop.start();
        tenSteps.await();
        PacedLoop.Run run = loop.stop();

        assertThat(run.steps()).isEqualTo(calls[0]).isGreaterThanOrEqualTo(10);
        assertThat(run.totals().attempts()).isEqualTo(run.steps());
        assertThat(run.totals().ok() + run.totals().failures()).isEqualTo(run.totals().attempts());
        assertThat(loop.stop()).as("already stopped").isNull();
    }

    @Test
    void aPacedLoopStopsAtOnceInsteadOfSleepingOutItsPeriod() throws Exception {
        CountDownLatch firstStep = new CountDownLatch(1);
        PacedLoop loop = new PacedLoop("slow-loop", 0.001, tally -> firstStep.countDown()); // one step per 1000 s
        loop.start();
        firstStep.await();
        assertThat(loop.stop().steps()).isEqualTo(1);
    }

    @Test
    void aStepThatThrowsFailsTheRun() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        PacedLoop loop = new PacedLoop("broken-loop", 0, tally -> {
            entered.countDown();
            throw new IllegalStateException("boom");
        });
        loop.start();
        entered.await();
        assertThatThrownBy(loop::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
    }
}
