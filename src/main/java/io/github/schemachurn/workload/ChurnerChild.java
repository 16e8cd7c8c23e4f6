package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.util.List;

/**
 * A running {@link ChurnerProcess}, seen from the process that started it: a {@link ChildProcess}
 * (always stopped, its temp directory removed) that speaks the churner's protocol.
 */
public final class ChurnerChild implements AutoCloseable {
    private final ChildProcess process;
    private final long readyState;

    private ChurnerChild(ChildProcess process) {
        this.process = process;
        try {
            this.readyState = awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts a churner process on the database's file, with the database's busy timeout and
     * synchronous setting, and waits until it has connected.
     *
     * @throws IllegalStateException with one line naming the problem if the process cannot be
     *                               started or ends before it is ready
     */
    public static ChurnerChild start(ChildJvm jvm, Database database, DdlStrategy ddl, RetryPolicy retry,
                                     SchemaChange change, ChurnerProcess.Mode mode) {
        ChurnerProcess.checkStrategy(ddl, mode);
        change.check(ddl);
        return new ChurnerChild(ChildProcess.start(jvm, ChurnerProcess.class,
                ChurnerProcess.arguments(database, ddl, retry, change, mode), "churner"));
    }

    private long awaitReady() {
        String line = readLine();
        if (line == null) {
            throw new IllegalStateException("churner process ended before it was ready: " + exitDescription());
        }
        if (!ChurnReport.isReport(line)) {
            throw new IllegalStateException("churner process said '" + line + "' instead of its first report");
        }
        return ChurnReport.parse(line).state();
    }

    /** The schema change's state the process found in the file when it connected. */
    public long readyState() {
        return readyState;
    }

    public long pid() {
        return process.pid();
    }

    /** The next line the process wrote, or null once it has ended. */
    public String readLine() {
        return process.readLine();
    }

    /** Sends one command line; false if the process no longer reads. */
    public boolean send(String command) {
        return process.send(command);
    }

    /** Asks a running (mode RUN) process for its counts so far. */
    public ChurnReport report() {
        if (!send(ChurnerProcess.REPORT)) {
            throw new IllegalStateException("churner process does not take commands: " + exitDescription());
        }
        String line = readLine();
        if (line == null) {
            throw new IllegalStateException("churner process ended: " + exitDescription());
        }
        return ChurnReport.parse(line);
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.kill();
    }

    /** The lines the process wrote that are still unread; call after it has ended. */
    public List<String> remainingLines() {
        return process.remainingLines();
    }

    /**
     * Stops the process and removes its temp directory: asks it to stop, then SIGTERM, then
     * SIGKILL, each after a grace period. Returns the lines it wrote while stopping.
     */
    public List<String> stop() {
        return process.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** "exit code N: <last line on standard error>", once the process has ended. */
    String exitDescription() {
        return process.exitDescription();
    }
}
