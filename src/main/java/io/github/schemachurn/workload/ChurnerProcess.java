package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.PausedCommitDdl;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A churner in its own OS process: the same {@link Churner}, DDL strategy and retry policy as
 * the in-process churner, on an existing database file. Started by {@link ChurnerChild}; talks
 * to it in lines over standard input and output.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.github.schemachurn.workload.ChurnerProcess --db=/path/bench.db \
 *     --ddl=IMMEDIATE --retry=NONE --busy-timeout=0 --change=SIDE_TABLE --synchronous=NORMAL --mode=RUN
 * </pre>
 *
 * <p>Protocol (child to parent first): a {@link ChurnReport} line with zero counts once
 * connected (its state: the {@link SchemaChange} state the file is in now, which the churner
 * resumes from). Mode RUN churns freely; on {@code report} it answers one report line; on
 * {@code stop} or end of input it prints a last report and exits 0. Mode STEP pauses every DDL
 * between the DDL and COMMIT: it prints {@code inside} and waits for {@code commit} (then
 * commits and prints a report line) or {@code stop} (then exits 0 without committing). End of
 * input (the parent died) ends either mode: exit 0 in RUN, 3 in STEP, the open transaction
 * rolled back.
 *
 * <p>Exit codes: 0 stopped, 2 bad arguments or database not usable (one line on standard
 * error), 3 parent gone mid-transaction.
 */
@Command(name = "churner-process", mixinStandardHelpOptions = true,
        description = "A churner in its own process; started and driven by ChurnerChild.")
public final class ChurnerProcess implements Callable<Integer> {
    /** How the process churns. */
    public enum Mode {
        /** As fast as it can; counts on request. */
        RUN,
        /** One DDL at a time, pausing before each COMMIT until the parent says commit: for crash injection. */
        STEP
    }

    static final String INSIDE = "inside";
    static final String COMMIT = "commit";
    static final String REPORT = ChildProcess.REPORT;
    static final String STOP = ChildProcess.STOP;
    static final int EXIT_PARENT_GONE = 3;
    /**
     * The busy timeout while connecting and reading the table's state: a writer may hold the
     * lock, and a kill may have left a hot journal to roll back.
     */
    private static final int STARTUP_BUSY_TIMEOUT_MS = 10_000;

    @Option(names = "--db", required = true, description = "an existing database file")
    Path db;
    @Option(names = "--ddl", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    DdlStrategy ddl;
    @Option(names = "--retry", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    RetryPolicy retry;
    @Option(names = "--busy-timeout", required = true, description = "milliseconds")
    int busyTimeoutMs;
    @Option(names = "--change", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    SchemaChange change;
    @Option(names = "--synchronous", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    SQLiteConfig.SynchronousMode synchronous;
    @Option(names = "--mode", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    Mode mode;

    private final PrintStream out = System.out;
    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** The arguments a parent passes to start one. */
    static List<String> arguments(Database database, DdlStrategy ddl, RetryPolicy retry, SchemaChange change, Mode mode) {
        return List.of("--db=" + database.file(), "--ddl=" + ddl.name(), "--retry=" + retry.name(),
                "--busy-timeout=" + database.busyTimeoutMs(), "--change=" + change.name(),
                "--synchronous=" + database.synchronous().name(), "--mode=" + mode.name());
    }

    public static void main(String[] args) {
        ChildProcess.main(new ChurnerProcess(), "churner", args);
    }

    /**
     * @throws IllegalArgumentException for a DDL strategy that cannot work from another process
     *                                  in this mode
     */
    static void checkStrategy(DdlStrategy ddl, Mode mode) {
        if (ddl.needsInJvmLock()) {
            throw new IllegalArgumentException("ddl " + ddl + " needs a lock shared with the readers in one JVM;"
                    + " it cannot work from a churner process");
        }
        if (mode == Mode.STEP) {
            PausedCommitDdl.of(ddl, () -> {});
        }
    }

    @Override
    public Integer call() throws SQLException {
        if (!db.toFile().isFile()) {
            throw new IllegalArgumentException("database file " + db + " does not exist");
        }
        if (busyTimeoutMs < 0) {
            throw new IllegalArgumentException("--busy-timeout must not be negative, got " + busyTimeoutMs);
        }
        checkStrategy(ddl, mode);
        change.check(ddl);
        // Opening runs PRAGMA synchronous, which reads the schema and so needs a lock: open and
        // read the schema's state with a long timeout, then switch to the churn's own.
        try (Connection connection = Database.connect(db, synchronous, STARTUP_BUSY_TIMEOUT_MS)) {
            long state = change.stateOf(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + busyTimeoutMs);
            }
            Retrier retrier = retry.create();
            retrier.configure(connection, busyTimeoutMs);
            return mode == Mode.RUN ? runFree(connection, retrier, state) : runStepped(connection, retrier, state);
        }
    }

    private int runFree(Connection connection, Retrier retrier, long state) throws SQLException {
        DdlRunner runner = ddl.create(new ReentrantReadWriteLock());
        try (Churner churner = Churner.jdbc(connection, change, state, runner, retrier)) {
            PacedLoop loop = new PacedLoop(0, churner::step);
            Thread commands = new Thread(() -> answerCommands(loop, churner), "commands");
            commands.setDaemon(true);
            say(new ChurnReport(new Counts(), state).toLine());
            commands.start();
            loop.run();
            loop.checkHealthy();
            say(ChurnReport.of(loop, churner).toLine());
            return 0;
        }
    }

    /** Answers {@code report} until {@code stop} or end of input, then ends the loop. */
    private void answerCommands(PacedLoop loop, Churner churner) {
        try {
            ChildProcess.answerReports(in, "churner", () -> ChurnReport.of(loop, churner).toLine());
        } catch (IOException e) {
            System.err.println("churner process: cannot read commands: " + e.getMessage());
        } finally {
            loop.requestStop();
        }
    }

    private int runStepped(Connection connection, Retrier retrier, long state) throws SQLException {
        DdlRunner runner = PausedCommitDdl.of(ddl, this::awaitCommit);
        try (Churner churner = Churner.jdbc(connection, change, state, runner, retrier)) {
            say(new ChurnReport(new Counts(), state).toLine());
            Counts totals = new Counts();
            while (true) {
                Counts step = new Counts();
                try {
                    churner.step(step);
                } catch (Stopped stopped) {
                    // The transaction is still open; closing the connection rolls it back.
                    return stopped.parentGone ? EXIT_PARENT_GONE : 0;
                }
                totals = totals.plus(step);
                say(new ChurnReport(totals, churner.state()).toLine());
            }
        }
    }

    /** Between the DDL and COMMIT: tell the parent, then wait for its word. */
    private void awaitCommit() {
        say(INSIDE);
        String command;
        try {
            command = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (command == null) {
            throw new Stopped(true);
        }
        if (command.equals(STOP)) {
            throw new Stopped(false);
        }
        if (!command.equals(COMMIT)) {
            throw new IllegalStateException("expected '" + COMMIT + "' or '" + STOP + "', got '" + command + "'");
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Ends a stepped run before COMMIT. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean parentGone;

        Stopped(boolean parentGone) {
            super(null, null, false, false);
            this.parentGone = parentGone;
        }
    }
}
