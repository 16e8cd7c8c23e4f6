package io.github.schemachurn.workload;

import java.util.concurrent.locks.LockSupport;

/**
 * Repeats one step on its own thread until stopped. A step that throws ends the loop, and
 * {@link #stop()} rethrows it, so a broken background role fails the run instead of going quiet.
 */
abstract class BackgroundLoop implements Runnable {
    private volatile boolean stopped;
    private volatile Throwable failure;
    private Thread thread;

    /** One unit of work; SQL failures are counted inside, anything thrown is a bug. */
    abstract void step() throws Exception;

    /** Runs on the calling thread until {@link #stop()} (for a process whose main thread is the loop). */
    @Override
    public final void run() {
        try {
            while (!stopped) {
                step();
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    final boolean stopped() {
        return stopped;
    }

    /** Starts the loop on a new daemon thread. */
    public final void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the loop to end after its current step; does not wait. */
    public final void requestStop() {
        stopped = true;
    }

    /** Ends the loop, waits for its thread, and rethrows what broke it, if anything. */
    public final void stop() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread); // a step parked in a pause ends it now
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(thread.getName() + ": interrupted while stopping");
            }
        }
        checkHealthy();
    }

    /** Throws if the loop ended with an exception. */
    public final void checkHealthy() {
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " failed: " + t, t);
        }
    }
}
