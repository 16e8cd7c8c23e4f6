package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Params;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pinning really restricts the thread, on a thread of its own so the test's thread stays free. */
class CpuPlacementTest {

    private static List<Integer> cpusAfterPinning(CpuPlacement placement, String role) throws InterruptedException {
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                placement.pin(role);
                seen.set(CpuPlacement.allowedCpus());
            } catch (RuntimeException e) {
                seen.set(e);
            }
        });
        thread.start();
        thread.join();
        if (seen.get() instanceof RuntimeException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<Integer> cpus = (List<Integer>) seen.get();
        return cpus;
    }

    @Test
    void sharedPutsEveryRoleOnOneAndTheSameCpu() throws InterruptedException {
        List<Integer> reader = cpusAfterPinning(CpuPlacement.SHARED, CounterNames.OPERATION);
        List<Integer> churner = cpusAfterPinning(CpuPlacement.SHARED, CounterNames.DDL);

        assertThat(reader).hasSize(1);
        assertThat(churner).isEqualTo(reader);
    }

    @Test
    void splitGivesTheTwoRolesTwoDifferentCpus() throws InterruptedException {
        assumeThat(CpuPlacement.allowedCpus()).as("this process may use 2 CPUs").hasSizeGreaterThanOrEqualTo(2);

        List<Integer> reader = cpusAfterPinning(CpuPlacement.SPLIT, CounterNames.OPERATION);
        List<Integer> churner = cpusAfterPinning(CpuPlacement.SPLIT, CounterNames.DDL);

        assertThat(reader).hasSize(1);
        assertThat(churner).hasSize(1).doesNotContainAnyElementsOf(reader);
    }

    @Test
    void aThreadStartedByAPinnedThreadCanStillGoToTheOtherCpu() throws InterruptedException {
        assumeThat(CpuPlacement.allowedCpus()).as("this process may use 2 CPUs").hasSizeGreaterThanOrEqualTo(2);
        CpuPlacement.processCpus(); // as a trial's setup does first, on an unpinned thread
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            CpuPlacement.SPLIT.pin(CounterNames.OPERATION);
            try {
                seen.set(cpusAfterPinning(CpuPlacement.SPLIT, CounterNames.DDL)); // e.g. a background churner it starts
            } catch (InterruptedException | RuntimeException e) {
                seen.set(e);
            }
        });
        reader.start();
        reader.join();

        assertThat(seen.get()).isInstanceOf(List.class);
        assertThat((List<?>) seen.get()).hasSize(1).isNotEqualTo(cpusAfterPinning(CpuPlacement.SPLIT, CounterNames.OPERATION));
    }

    @Test
    void anyLeavesTheThreadAsItWas() throws InterruptedException {
        assertThat(cpusAfterPinning(CpuPlacement.ANY, CounterNames.OPERATION)).isEqualTo(CpuPlacement.allowedCpus());
    }

    @Test
    void aBadValueIsOneLineNamingTheParameter() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Params.parseEnum("cpus", "TWO", CpuPlacement.class)))
                .hasMessage("unknown value 'TWO' for parameter cpus; accepted: ANY, SHARED, SPLIT");
    }
}
