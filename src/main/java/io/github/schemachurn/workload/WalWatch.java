package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.WalIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches a WAL database's write-ahead log during measured windows ({@link WalWindow}): a
 * background thread samples the wal-index and the {@code -wal} file's size every
 * {@value #PERIOD_MILLIS} ms while a window is open, and not at all otherwise. A sampler, not a
 * hook in every role that commits, so it sees every writer alike (churners, writers, another
 * process, the system library) and costs the measured threads nothing; it reads, never
 * checkpoints, so it does not change what it measures. Windows are taken one at a time: the
 * first thread of a group to enter its measured window carries the iteration's WAL counts
 * ({@link Carrier}), the others count nothing, so JMH's sum over threads is the window's count.
 */
public final class WalWatch extends BackgroundLoop implements AutoCloseable {
    static final long PERIOD_MILLIS = 5;

    private final Path database;
    private final long autocheckpointPages;
    private WalIndex index;
    private WalWindow open;
    private boolean started;

    public WalWatch(Path database, long autocheckpointPages) {
        this.database = database;
        this.autocheckpointPages = autocheckpointPages;
    }

    @Override
    void step() throws IOException {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
        sampleIfOpen();
    }

    /** Samples now if a window is open: the sampler's step, and what a test calls after each commit. */
    synchronized void sampleIfOpen() throws IOException {
        if (open != null) {
            sample();
        }
    }

    /** A window of this thread's own, or null if another thread has one open. */
    synchronized WalWindow claim() {
        if (open != null) {
            return null;
        }
        try {
            if (index == null) {
                index = WalIndex.open(database);
            }
            if (!started) {
                started = true;
                start("wal-watch");
            }
            open = new WalWindow(autocheckpointPages);
            sample();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open;
    }

    /** Takes the window's last sample and closes it. */
    synchronized void release(WalWindow window) {
        if (open != window) {
            return;
        }
        try {
            sample();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            open = null;
        }
        checkHealthy();
    }

    private void sample() throws IOException {
        open.observe(index == null ? null : index.read(), WalIndex.walFileBytes(database));
    }

    /**
     * Stops the sampler and closes the wal-index: only after every connection of this process to
     * the database is closed ({@link WalIndex}).
     */
    @Override
    public void close() throws IOException {
        stop();
        synchronized (this) {
            if (index != null) {
                index.close();
            }
        }
    }

    /**
     * One thread's part in the WAL counts of an iteration, taken only inside JMH's measured window
     * as {@link RoleCount} takes its counts: {@link #enter} with JMH's two flags at every call,
     * {@link #close} at the iteration's end.
     */
    public static final class Carrier {
        private WalWatch watch;
        private WalWindow window;
        private boolean entered;
        private boolean closed;

        /** @param watch the database's watch, or null if it is not in WAL mode (nothing is counted) */
        public void enter(WalWatch watch, boolean measurementStarted, boolean measurementStopped) {
            if (!measurementStarted || closed || watch == null) {
                return;
            }
            if (measurementStopped) {
                close();
                return;
            }
            if (!entered) {
                entered = true;
                this.watch = watch;
                window = watch.claim();
            }
        }

        /** Ends this thread's window, if it carries one; the counts stay readable until {@link #reset}. */
        public void close() {
            if (!closed && window != null) {
                watch.release(window);
            }
            closed = true;
        }

        /** Forgets the last window: call at the start of every iteration. */
        public void reset() {
            watch = null;
            window = null;
            entered = closed = false;
        }

        public long peakBytes() { return window == null ? 0 : window.peakBytes(); }

        public long incompleteCheckpoints() { return window == null ? 0 : window.incompleteCheckpoints(); }

        public long samples() { return window == null ? 0 : window.samples(); }
    }
}
