package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;

/** Where the churner runs: a thread of this JVM, another process, or another process that gets killed. */
public enum ChurnerPlacement {
    /** A background thread of this JVM, with its own connection. */
    THREAD,
    /** A {@link ChurnerProcess}: same churner, other process, so SQLite's locks are taken between processes. */
    PROCESS,
    /** Crash injection: churner processes killed with SIGKILL inside DDL transactions and restarted ({@link CrashLoop}). */
    KILLED_PROCESS;

    /** The crash plan of a benchmark run: up to 20 DDL between kills, a quarter of kills in or after COMMIT. */
    static final CrashLoop.Plan BENCHMARK_PLAN = new CrashLoop.Plan(20, 0.25, 2_000, 20_26);

    /**
     * @throws IllegalArgumentException if the DDL strategy cannot work in this placement, before
     *                                  anything is created
     */
    public void check(DdlStrategy ddl) {
        if (this == PROCESS) {
            ChurnerProcess.checkStrategy(ddl, ChurnerProcess.Mode.RUN);
        } else if (this == KILLED_PROCESS) {
            ChurnerProcess.checkStrategy(ddl, ChurnerProcess.Mode.STEP);
        }
    }

    /**
     * Starts churning in the background.
     *
     * @param appLock the lock shared with readers ({@link DdlStrategy#APP_LOCK}; THREAD only)
     * @param writers the writers running beside it, which the crash checks look at
     */
    public RunningChurn start(Database database, DdlStrategy ddl, RetryPolicy retry, SchemaChange change,
                              ReadWriteLock appLock, List<WriterLoop> writers) throws SQLException {
        check(ddl);
        change.check(ddl);
        switch (this) {
            case THREAD:
                return new InThread(database, ddl, retry, change, appLock);
            case PROCESS:
                return new InProcess(ChurnerChild.start(ChildJvm.fastStarting(), database, ddl, retry, change,
                        ChurnerProcess.Mode.RUN));
            default:
                CrashLoop crashes = new CrashLoop(ChildJvm.fastStarting(), database, ddl, retry, change, writers, BENCHMARK_PLAN);
                crashes.start("schemachurn-crash-loop");
                return new Killed(crashes);
        }
    }

    /** A churner running in the background. */
    public interface RunningChurn extends AutoCloseable {
        /** DDL counts since the start and the schema's acknowledged state; after close, the final ones. */
        ChurnReport report();

        /** Kills and recoveries so far (zero unless KILLED_PROCESS). */
        default CrashStats crashes() {
            return CrashStats.ZERO;
        }

        /** What failed crash checks found. */
        default List<String> problems() {
            return List.of();
        }

        /** Stops churning and waits until it has stopped. */
        @Override
        void close();
    }

    private static final class InThread implements RunningChurn {
        private final Connection connection;
        private final Churner churner;
        private final PacedLoop loop;

        InThread(Database database, DdlStrategy ddl, RetryPolicy retry, SchemaChange change, ReadWriteLock appLock)
                throws SQLException {
            connection = database.connect();
            Retrier retrier = retry.create();
            retrier.configure(connection, database.busyTimeoutMs());
            churner = Churner.jdbc(connection, change, ddl.create(appLock), retrier);
            loop = new PacedLoop(0, churner::step);
            loop.start("schemachurn-churner");
        }

        @Override
        public ChurnReport report() {
            loop.checkHealthy();
            return ChurnReport.of(loop, churner);
        }

        @Override
        public void close() {
            try {
                loop.stop();
            } finally {
                try {
                    churner.close();
                    connection.close();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot close the churner's connection: " + e.getMessage(), e);
                }
            }
        }
    }

    static final class InProcess implements RunningChurn {
        private final ChurnerChild child;
        private ChurnReport finalReport;

        InProcess(ChurnerChild child) {
            this.child = child;
        }

        ChurnerChild child() {
            return child;
        }

        @Override
        public synchronized ChurnReport report() {
            return finalReport != null ? finalReport : child.report();
        }

        @Override
        public synchronized void close() {
            if (finalReport != null) {
                return;
            }
            List<String> lines = child.stop();
            if (lines.isEmpty() || !ChurnReport.isReport(lines.get(lines.size() - 1))) {
                throw new IllegalStateException("churner process stopped without its last report: " + child.exitDescription());
            }
            finalReport = ChurnReport.parse(lines.get(lines.size() - 1));
        }
    }

    private static final class Killed implements RunningChurn {
        private final CrashLoop crashes;

        Killed(CrashLoop crashes) {
            this.crashes = crashes;
        }

        @Override
        public ChurnReport report() {
            crashes.checkHealthy();
            return crashes.report();
        }

        @Override
        public CrashStats crashes() {
            return crashes.stats();
        }

        @Override
        public List<String> problems() {
            return crashes.problems();
        }

        @Override
        public void close() {
            crashes.stop();
        }
    }
}
