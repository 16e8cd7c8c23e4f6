package io.github.schemachurn.sqlite;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One page of the seed's site as PHP's PDO SQLite served it: a fresh connection opened as PDO
 * opens one ({@link NativeConnection#openAsPage}), its query (one bound id, at most one row) prepared with the given call,
 * executed, everything closed. The first prepare on the fresh connection loads the whole schema;
 * from then until the step takes its read lock the page is exposed: with the legacy prepare, a
 * schema change committed in that window fails the step with SQLITE_SCHEMA (17). A page times the
 * window's two parts on its first try: the first prepare (the schema load) and from the prepare's
 * end to the step's start.
 *
 * <p>Its busy timeout is SQLite's own, re-made so its sleeps are timed ({@link TimedBusyTimeout}):
 * they are counted as busy waits and lock wait, and left out of the schema load (a page that waits
 * for a registration's lock loads the schema after that registration, so the wait exposes nothing).
 *
 * <p>With {@code retries} above 0 the page does what sqlite.org tells callers of the legacy call to
 * do: on SQLITE_SCHEMA it prepares the statement again and executes it again, on the same
 * connection, up to that many times. Each extra try is a retry ({@link Tally#retries}).
 */
public final class PhpPage {
    /** What one page did: its outcome and, if its first try got as far as the step, the two times. */
    public record Served(boolean ok, boolean timed, long schemaLoadNanos, long prepareToStepNanos) {}

    private final Path file;
    private final int busyTimeoutMs;
    private final String sql;
    private final PrepareMode prepare;
    private final int retries;
    private final Runnable betweenPrepareAndStep;
    private final TimedBusyTimeout busyTimeout;
    private final Retrier retrier;

    /** @param retries how many times a page prepares and executes again after SQLITE_SCHEMA; 0 for none */
    public PhpPage(Path file, int busyTimeoutMs, String sql, PrepareMode prepare, int retries) {
        this(file, busyTimeoutMs, sql, prepare, retries, () -> {});
    }

    /** @param betweenPrepareAndStep runs in every try between the prepare and the step: for tests that force a change there */
    PhpPage(Path file, int busyTimeoutMs, String sql, PrepareMode prepare, int retries, Runnable betweenPrepareAndStep) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        this.file = file;
        this.busyTimeoutMs = busyTimeoutMs;
        this.sql = sql;
        this.prepare = prepare;
        this.retries = retries;
        this.betweenPrepareAndStep = betweenPrepareAndStep;
        this.busyTimeout = new TimedBusyTimeout(busyTimeoutMs, Sleeper.SYSTEM);
        this.retrier = new Retrier() {
            @Override
            public boolean retryAfter(ErrorClass error, int failedTries) {
                return error == ErrorClass.SCHEMA && failedTries <= retries;
            }

            @Override
            public long takeBusyWaits() {
                return busyTimeout.takeWaits();
            }

            @Override
            public long takeBusyWaitNanos() {
                return busyTimeout.takeWaitNanos();
            }
        };
    }

    /** Serves the page of item {@code id}, counted in {@code tally}: one attempt, one outcome. One thread at a time. */
    public Served serve(int id, Tally tally) {
        try (Try page = new Try(id)) {
            boolean ok = Operation.run(page::run, Operation.FailureListener.NONE, retrier, tally);
            return new Served(ok, page.timed, page.schemaLoadNanos, page.prepareToStepNanos);
        }
    }

    /** The page's connection and its tries: the first opens it, every one prepares and steps. */
    private final class Try implements AutoCloseable {
        private final int id;
        private NativeConnection connection;
        private boolean timed;
        private long schemaLoadNanos;
        private long prepareToStepNanos;

        Try(int id) {
            this.id = id;
        }

        void run() throws SQLException {
            boolean first = connection == null;
            if (first) {
                connection = NativeConnection.openAsPage(file, busyTimeoutMs);
                connection.busyHandler(busyTimeout);
            }
            long waitedBefore = busyTimeout.waitNanos();
            long start = System.nanoTime();
            Pointer statement = connection.prepare(sql, prepare);
            try {
                long prepared = System.nanoTime();
                long waited = busyTimeout.waitNanos() - waitedBefore;
                connection.api().sqlite3_bind_int(statement, 1, id);
                betweenPrepareAndStep.run();
                if (first) {
                    timed = true;
                    schemaLoadNanos = prepared - start - waited;
                    prepareToStepNanos = System.nanoTime() - prepared;
                }
                connection.stepOneRow(statement, sql);
            } finally {
                connection.finalizeStatement(statement);
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
