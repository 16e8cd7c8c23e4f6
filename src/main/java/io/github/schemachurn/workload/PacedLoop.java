package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Tally;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link BackgroundLoop} (a thread of its own, not a JMH worker) that runs a step paced by a
 * {@link Pacer}, or back to back, and counts its outcomes in {@link Counts} published after every
 * step with the thread's CPU time (and times its operations, {@link Latency.Recording}), so a measured thread can take differences at any moment. It
 * waits with {@code LockSupport.parkNanos}, so stop() wakes it at once without interrupting a
 * thread that may be inside the SQLite driver.
 */
public final class PacedLoop extends BackgroundLoop {
    /** One step of the background work, counted in the tally. */
    @FunctionalInterface
    public interface Step {
        void run(Tally tally);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Step step;
    private final Pacer pacer;
    private long cpuAtStart = -1;
    private volatile Counts totals = new Counts();
    private volatile long cpuNanos;
    private final Latency.Recording latency = new Latency.Recording();

    /** @param perSecond the target rate; 0 runs the step back to back (unpaced) */
    public PacedLoop(double perSecond, Step step) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative, got " + perSecond);
        }
        this.step = step;
        this.pacer = perSecond == 0
                ? Pacer.unpaced(System::nanoTime)
                : Pacer.perSecond(perSecond, System::nanoTime, nanos -> {
                    LockSupport.parkNanos(nanos);
                    return !stopped();
                });
    }

    @Override
    void step() {
        if (cpuAtStart < 0) {
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
            pacer.start();
        }
        if (!pacer.awaitNext()) {
            return;
        }
        Counts one = new Counts();
        step.run(latency.timing(one));
        totals = totals.plus(one);
        cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
    }

    /** What the loop did so far, as of its last finished step. */
    public Counts totals() {
        return totals;
    }

    /** Latency of the steps' operations since the last call. */
    public Latency takeLatency() {
        return latency.take();
    }

    /** CPU time of the loop's thread, as of its last finished step. */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** The paced steps taken; read after {@link #stop()}. */
    public long steps() {
        return pacer.events();
    }
}
