package io.github.schemachurn.sqlite;

import static io.github.schemachurn.sqlite.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Retry policies: how many tries, how long the pauses may be, and re-preparing dead statements. */
class RetryPolicyTest {
    private static final SqlTry ALWAYS_BUSY = () -> {
        throw new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY);
    };

    private final List<Long> sleeps = new ArrayList<>();
    private final Sleeper recordingSleeper = nanos -> sleeps.add(nanos) || true;

    /** A random source that always returns the largest value below the bound. */
    private static final RandomGenerator MAXIMAL = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void noneTriesOnceAndCountsOneFailure() {
        Counts counts = new Counts();
        boolean ok = Operation.run(ALWAYS_BUSY, Operation.FailureListener.NONE, RetryPolicy.NONE.create(), counts);

        assertThat(ok).isFalse();
        assertThat(counts.attempts()).isEqualTo(1);
        assertThat(counts.failures(ErrorClass.BUSY)).isEqualTo(1);
        assertThat(counts.retries()).isZero();
    }

    @Test
    void backoffTriesUpToItsLimitWithDoublingCappedPauses() {
        Backoff backoff = new Backoff(5, 100, 500, recordingSleeper, MAXIMAL);
        Counts counts = new Counts();

        boolean ok = Operation.run(ALWAYS_BUSY, Operation.FailureListener.NONE, backoff, counts);

        assertThat(ok).isFalse();
        assertThat(counts.attempts()).isEqualTo(1);
        assertThat(counts.retries()).isEqualTo(4);
        assertThat(counts.failures(ErrorClass.BUSY)).isEqualTo(1);
        assertThat(sleeps).containsExactly(99L, 199L, 399L, 499L);
    }

    @Test
    void backoffPausesStayWithinTheirJitterBounds() {
        Backoff backoff = new Backoff(40, 100, 1_000_000, recordingSleeper, RandomGenerator.of("L64X128MixRandom"));
        for (int failedTries = 1; failedTries < 40; failedTries++) {
            assertThat(backoff.retryAfter(ErrorClass.BUSY, failedTries)).isTrue();
            long ceiling = backoff.ceilingNanos(failedTries);
            assertThat(ceiling).isEqualTo(Math.min(1_000_000, 100L << (failedTries - 1)));
            assertThat(sleeps.get(failedTries - 1)).isBetween(0L, ceiling - 1);
        }
    }

    @Test
    void backoffNeverRetriesUnclassifiedFailures() {
        Backoff backoff = new Backoff(5, 100, 500, recordingSleeper, MAXIMAL);
        assertThat(backoff.retryAfter(ErrorClass.OTHER, 1)).isFalse();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void backoffGivesUpWhenItsSleepIsInterrupted() {
        Backoff backoff = new Backoff(5, 100, 500, nanos -> false, MAXIMAL);
        assertThat(backoff.retryAfter(ErrorClass.BUSY, 1)).isFalse();
    }

    @Test
    void busyHandlerWaitsAreCountedAsRetriesUpToTheBusyTimeout() throws SQLException {
        try (Database db = Database.create(JournalMode.DELETE, 0);
             Connection reader = db.connect(); Connection holder = db.connect()) {
            exec(reader, "CREATE TABLE t(id)");
            PreparedStatement select = reader.prepareStatement("SELECT count(*) FROM t");
            select.executeQuery().close();
            FixedSleepBusyHandler handler = new FixedSleepBusyHandler(1, nanos -> true);
            handler.configure(reader, 5);
            exec(holder, "BEGIN EXCLUSIVE");

            Counts counts = new Counts();
            boolean ok = Operation.run(() -> select.executeQuery().close(), Operation.FailureListener.NONE, handler, counts);

            assertThat(ok).isFalse();
            assertThat(counts.failures(ErrorClass.BUSY)).isEqualTo(1);
            assertThat(counts.busyWaits()).isEqualTo(5);
            assertThat(counts.retries()).isZero();
            exec(holder, "COMMIT");
        }
    }

    @Test
    void reprepareRetriesOnceAfterTheDriverFinalizedTheStatement() throws SQLException {
        try (Database db = Database.create(JournalMode.WAL, 0);
             Connection reader = db.connect(); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'a')");
            Reader cached = ReaderStrategy.CACHED.open(reader, "SELECT payload FROM items WHERE id = ?", new ReentrantReadWriteLock());
            assertThat(cached.read(1)).isEqualTo("a");
            exec(churner, "DROP TABLE items");
            // The churner puts the table back just after the reader's failed try.
            Operation.FailureListener tableComesBack = error -> {
                cached.failed(error);
                try {
                    exec(churner, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'b')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };

            Counts counts = new Counts();
            String[] read = new String[1];
            boolean ok = Operation.run(() -> read[0] = cached.read(1), tableComesBack, RetryPolicy.REPREPARE.create(), counts);

            assertThat(ok).isTrue();
            assertThat(read[0]).isEqualTo("b");
            assertThat(counts.retries()).isEqualTo(1);
            assertThat(counts.ok()).isEqualTo(1);
            cached.close();
        }
    }

    @Test
    void reprepareDoesNotRetryBusyOrRetryTwice() {
        Retrier reprepare = RetryPolicy.REPREPARE.create();
        assertThat(reprepare.retryAfter(ErrorClass.BUSY, 1)).isFalse();
        assertThat(reprepare.retryAfter(ErrorClass.SCHEMA, 1)).isTrue();
        assertThat(reprepare.retryAfter(ErrorClass.SCHEMA, 2)).isFalse();
        assertThat(reprepare.retryAfter(ErrorClass.DEAD_STATEMENT, 1)).isTrue();
        assertThat(reprepare.retryAfter(ErrorClass.OTHER, 1)).isFalse();
    }
}
