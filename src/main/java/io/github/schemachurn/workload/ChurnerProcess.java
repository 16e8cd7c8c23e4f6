package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.PausedCommitDdl;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sqlite.SQLiteConfig;

/**
 * A churner in its own OS process: the same {@link Churner}, DDL strategy and retry policy as
 * the in-process churner, on an existing database file. Started by {@link ChurnerChild}; talks
 * to it in lines over standard input and output.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.github.schemachurn.workload.ChurnerProcess \
 *     db=/path/bench.db ddl=IMMEDIATE retry=NONE busyTimeout=0 change=SIDE_TABLE synchronous=NORMAL mode=RUN
 * </pre>
 *
 * <p>Protocol (child to parent first): {@code ready state=N} once connected (N: the
 * {@link SchemaChange} state the file is in now, which the churner resumes from). Mode RUN churns freely; on {@code report} it answers
 * one {@link ChurnReport} line ({@code totals …}); on {@code stop} or end of input it prints a
 * last report and exits 0. Mode STEP pauses every DDL between the DDL and COMMIT: it prints
 * {@code inside} and waits for {@code commit} (then commits and prints a report line) or
 * {@code stop} (then exits 0 without committing). End of input (the parent died) ends either
 * mode: exit 0 in RUN, 3 in STEP, the open transaction rolled back.
 *
 * <p>Exit codes: 0 stopped, 2 bad arguments or database not usable (one line on standard
 * error), 3 parent gone mid-transaction.
 */
public final class ChurnerProcess {
    /** How the process churns. */
    public enum Mode {
        /** As fast as it can; counts on request. */
        RUN,
        /** One DDL at a time, pausing before each COMMIT until the parent says commit: for crash injection. */
        STEP
    }

    /** System property naming the child's private temp directory, which it removes when it exits. */
    static final String PRIVATE_TMP_PROPERTY = "schemachurn.childTmp";
    static final String READY = "ready state=";
    static final String INSIDE = "inside";
    static final String COMMIT = "commit";
    static final String REPORT = "report";
    static final String STOP = "stop";
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_PARENT_GONE = 3;
    /**
     * The busy timeout while connecting and reading the table's state: a writer may hold the
     * lock, and a kill may have left a hot journal to roll back.
     */
    private static final int STARTUP_BUSY_TIMEOUT_MS = 10_000;
    private static final List<String> KEYS = List.of("db", "ddl", "retry", "busyTimeout", "change", "synchronous", "mode");

    private final PrintStream out;
    private final BufferedReader in;

    private ChurnerProcess(PrintStream out, BufferedReader in) {
        this.out = out;
        this.in = in;
    }

    public static void main(String[] args) {
        String privateTmp = System.getProperty(PRIVATE_TMP_PROPERTY);
        if (privateTmp != null) {
            // Registered before the driver registers its extracted library, so deleted after it.
            new File(privateTmp).deleteOnExit();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code;
        try {
            code = new ChurnerProcess(System.out, in).run(Settings.parse(args));
        } catch (IllegalArgumentException | IllegalStateException | SQLException e) {
            System.err.println("churner process: " + e.getMessage());
            code = EXIT_BAD_INPUT;
        }
        System.out.flush();
        System.exit(code);
    }

    /** The parsed command line; every key is required. */
    record Settings(Path db, DdlStrategy ddl, RetryPolicy retry, int busyTimeoutMs, SchemaChange change,
                    SQLiteConfig.SynchronousMode synchronous, Mode mode) {

        static Settings parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                String key = eq > 0 ? arg.substring(0, eq) : arg;
                if (eq <= 0 || !KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; expected key=value with keys " + KEYS);
                }
                values.put(key, arg.substring(eq + 1));
            }
            for (String key : KEYS) {
                if (!values.containsKey(key)) {
                    throw new IllegalArgumentException("missing argument " + key + "=…");
                }
            }
            Path db = Paths.get(values.get("db"));
            if (!db.toFile().isFile()) {
                throw new IllegalArgumentException("database file " + db + " does not exist");
            }
            Settings settings = new Settings(db,
                    Params.parseEnum("ddl", values.get("ddl"), DdlStrategy.class),
                    Params.parseEnum("retry", values.get("retry"), RetryPolicy.class),
                    Params.parseNonNegativeInt("busyTimeout", values.get("busyTimeout")),
                    Params.parseEnum("change", values.get("change"), SchemaChange.class),
                    Params.parseEnum("synchronous", values.get("synchronous"), SQLiteConfig.SynchronousMode.class),
                    Params.parseEnum("mode", values.get("mode"), Mode.class));
            checkStrategy(settings.ddl, settings.mode);
            settings.change.check(settings.ddl);
            return settings;
        }
    }

    /**
     * @throws IllegalArgumentException for a DDL strategy that cannot work from another process
     *                                  in this mode
     */
    static void checkStrategy(DdlStrategy ddl, Mode mode) {
        if (ddl == DdlStrategy.APP_LOCK) {
            throw new IllegalArgumentException("ddl APP_LOCK needs a lock shared with the readers in one JVM;"
                    + " it cannot work from a churner process");
        }
        if (mode == Mode.STEP) {
            PausedCommitDdl.of(ddl, () -> {});
        }
    }

    int run(Settings settings) throws SQLException {
        // Opening runs PRAGMA synchronous, which reads the schema and so needs a lock: open and
        // read the schema's state with a long timeout, then switch to the churn's own.
        try (Connection connection = Database.connect(settings.db, settings.synchronous, STARTUP_BUSY_TIMEOUT_MS)) {
            long state = settings.change.stateOf(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + settings.busyTimeoutMs);
            }
            Retrier retrier = settings.retry.create();
            retrier.configure(connection, settings.busyTimeoutMs);
            return settings.mode == Mode.RUN
                    ? runFree(connection, settings, retrier, state)
                    : runStepped(connection, settings, retrier, state);
        }
    }

    private int runFree(Connection connection, Settings settings, Retrier retrier, long state) throws SQLException {
        DdlRunner ddl = settings.ddl.create(new ReentrantReadWriteLock());
        try (Churner churner = Churner.jdbc(connection, settings.change, state, ddl, retrier)) {
            ChurnLoop loop = new ChurnLoop(churner);
            Thread commands = new Thread(() -> answerCommands(loop), "commands");
            commands.setDaemon(true);
            say(READY + state);
            commands.start();
            loop.run();
            loop.checkHealthy();
            say(loop.report().toLine());
            return 0;
        }
    }

    /** Answers {@code report} until {@code stop} or end of input, then ends the loop. */
    private void answerCommands(ChurnLoop loop) {
        try {
            for (String line; (line = in.readLine()) != null && !line.equals(STOP); ) {
                if (line.equals(REPORT)) {
                    say(loop.report().toLine());
                } else {
                    System.err.println("churner process: unknown command '" + line + "' ignored");
                }
            }
        } catch (IOException e) {
            System.err.println("churner process: cannot read commands: " + e.getMessage());
        } finally {
            loop.requestStop();
        }
    }

    private int runStepped(Connection connection, Settings settings, Retrier retrier, long state) throws SQLException {
        DdlRunner ddl = PausedCommitDdl.of(settings.ddl, this::awaitCommit);
        try (Churner churner = Churner.jdbc(connection, settings.change, state, ddl, retrier)) {
            say(READY + state);
            Totals totals = Totals.ZERO;
            while (true) {
                Totals.Step step = new Totals.Step();
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
