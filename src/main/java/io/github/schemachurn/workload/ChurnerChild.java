package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.PrivateDirectory;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running {@link ChurnerProcess}, seen from the process that started it. The child is always
 * stopped: by {@link #close()} (ask, then SIGTERM, then SIGKILL after a grace period), by a
 * shutdown hook if this JVM exits or is interrupted first, and by the child itself when its
 * standard input ends (this JVM died, even by SIGKILL). Its private temp directory (where the
 * driver extracts its native library) is removed with it.
 */
public final class ChurnerChild implements AutoCloseable {
    private static final long GRACE_MS = 3_000;
    private static final int STDERR_LINES_KEPT = 5;

    private final Process process;
    private final Path privateTmp;
    private final BufferedReader out;
    private final Writer in;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrPump;
    private final Thread shutdownHook;
    private final long readyState;
    private boolean closed;

    private ChurnerChild(Process process, Path privateTmp) {
        this.process = process;
        this.privateTmp = privateTmp;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.shutdownHook = new Thread(this::forceStop, "schemachurn-churner-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.stderrPump = new Thread(this::pumpStderr, "schemachurn-churner-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
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
        Path privateTmp = PrivateDirectory.create("schemachurn-child-", "churner process");
        List<String> command = new ArrayList<>();
        command.add(jvm.java());
        command.addAll(jvm.options());
        command.add("-Djava.io.tmpdir=" + privateTmp);
        command.add("-Dorg.sqlite.tmpdir=" + privateTmp);
        command.add("-D" + ChurnerProcess.PRIVATE_TMP_PROPERTY + "=" + privateTmp);
        command.add("-cp");
        command.add(jvm.classPath());
        command.add(ChurnerProcess.class.getName());
        command.addAll(ChurnerProcess.arguments(database, ddl, retry, change, mode));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            PrivateDirectory.deleteOrWarn(privateTmp);
            throw new IllegalStateException("cannot start the churner process: " + e.getMessage()
                    + " (set -D" + ChildJvm.JAVA_PROPERTY + " to a java executable)");
        }
        return new ChurnerChild(process, privateTmp);
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
        try {
            return out.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends one command line; false if the process no longer reads. */
    public boolean send(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
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

    /**
     * SIGKILL, and waits until the process is gone. Through the process handle:
     * {@code Process.destroyForcibly()} also closes our end of its output, which would lose the
     * lines it wrote just before dying.
     */
    public void kill() {
        process.toHandle().destroyForcibly();
        waitFor(Long.MAX_VALUE);
    }

    /** The lines the process wrote that are still unread; call after it has ended. */
    public List<String> remainingLines() {
        List<String> lines = new ArrayList<>();
        for (String line; (line = readLine()) != null; ) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * Stops the process and removes its temp directory: asks it to stop, then SIGTERM, then
     * SIGKILL, each after a grace period. Returns the lines it wrote while stopping.
     */
    public List<String> stop() {
        if (closed) {
            return List.of();
        }
        send(ChurnerProcess.STOP);
        try {
            in.close();
        } catch (IOException ignored) {
            // The process is gone already.
        }
        if (!waitFor(GRACE_MS)) {
            process.toHandle().destroy();
            if (!waitFor(GRACE_MS)) {
                kill();
            }
        }
        List<String> lines = remainingLines();
        finish();
        return lines;
    }

    @Override
    public void close() {
        stop();
    }

    /** The shutdown hook: this JVM is going, so no time for a polite stop. */
    private void forceStop() {
        process.destroy();
        if (!waitFor(GRACE_MS)) {
            process.destroyForcibly();
            waitFor(GRACE_MS);
        }
        PrivateDirectory.deleteOrWarn(privateTmp);
    }

    private void finish() {
        closed = true;
        joinStderrPump();
        PrivateDirectory.deleteOrWarn(privateTmp);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run.
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }

    private boolean waitFor(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** "exit code N: <last line on standard error>", once the process has ended. */
    String exitDescription() {
        waitFor(GRACE_MS);
        joinStderrPump();
        String code = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? code : code + ": " + stderrTail.peekLast();
        }
    }

    private void joinStderrPump() {
        try {
            stderrPump.join(GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the last lines of standard error for error messages and passes every line on. */
    private void pumpStderr() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
                System.err.println("[churner " + process.pid() + "] " + line);
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }
}
