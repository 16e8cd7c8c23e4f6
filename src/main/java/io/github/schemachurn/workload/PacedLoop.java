package io.github.schemachurn.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import io.github.schemachurn.sqlite.Tally;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a step over and over on a background thread of its own (not a JMH worker), paced by a
 * {@link Pacer}, between {@link #start()} and {@link #stop()}. Each run counts its outcomes in
 * {@link Totals} published after every step (so a measured thread can take differences at any
 * moment, with the loop thread's CPU time), and {@link #stop()} hands them back with the pacer's
 * achieved rate. The
 * loop waits with {@code LockSupport.parkNanos}, so stop() wakes it at once without
 * interrupting a thread that may be inside the SQLite driver.
 */
public final class PacedLoop {
    /** One step of the background work, counted in the tally. */
    @FunctionalInterface
    public interface Step {
        void run(Tally tally);
    }

    /** What one run did: its counted outcomes, the paced steps and how long it ran. */
    public record Run(Totals totals, long steps, long elapsedNanos) {
        public double achievedPerSecond() {
            return elapsedNanos <= 0 ? 0 : steps * 1e9 / elapsedNanos;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String name;
    private final double perSecond;
    private final Step step;
    private volatile boolean running;
    private Thread thread;
    private Pacer pacer;
    private volatile Totals totals = Totals.ZERO;
    private volatile long cpuNanos;
    private volatile RuntimeException crash;

    /** @param perSecond the target rate; 0 runs the step back to back (unpaced) */
    public PacedLoop(String name, double perSecond, Step step) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative, got " + perSecond);
        }
        this.name = name;
        this.perSecond = perSecond;
        this.step = step;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " is already running");
        }
        pacer = perSecond == 0
                ? Pacer.unpaced(System::nanoTime)
                : Pacer.perSecond(perSecond, System::nanoTime, nanos -> {
                    LockSupport.parkNanos(nanos);
                    return running;
                });
        totals = Totals.ZERO;
        cpuNanos = 0;
        crash = null;
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            long cpuAtStart = THREADS.getCurrentThreadCpuTime();
            while (running && pacer.awaitNext()) {
                Totals.Step one = new Totals.Step();
                step.run(one);
                totals = totals.plus(one);
                cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
            }
        } catch (RuntimeException e) {
            crash = e;
        }
    }

    /** What the current run did so far, as of its last finished step. */
    public Totals totals() {
        return totals;
    }

    /** CPU time of the loop's thread in the current run, as of its last finished step. */
    public long cpuNanos() {
        return cpuNanos;
    }

    /**
     * Stops the loop, waits for it, and returns what it did; null if it was not running.
     *
     * @throws IllegalStateException if a step threw (the run is then not to be trusted)
     */
    public synchronized Run stop() {
        if (thread == null) {
            return null;
        }
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        // After join(), everything the loop thread wrote is visible here.
        Run run = new Run(totals, pacer.events(), pacer.elapsedNanos());
        if (crash != null) {
            throw new IllegalStateException(name + " failed: " + crash, crash);
        }
        return run;
    }
}
