package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.PrivateDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * A JVM this one started (a churner, a page worker), talking in lines over its standard input and
 * output. The child is always stopped: by {@link #close()} (ask, then SIGTERM, then SIGKILL after
 * a grace period), by a shutdown hook if this JVM exits or is interrupted first, and by the child
 * itself when its standard input ends (this JVM died, even by SIGKILL). Its private temp directory
 * (where the driver or JNA extracts its native library) is removed with it.
 */
final class ChildProcess implements AutoCloseable {
    private static final long GRACE_MS = 3_000;
    private static final int STDERR_LINES_KEPT = 5;
    /** The property naming the child's private temp directory, which it removes when it exits. */
    static final String PRIVATE_TMP_PROPERTY = "schemachurn.childTmp";
    /** A child's exit code for bad arguments or a database it cannot use. */
    static final int EXIT_BAD_INPUT = 2;
    /** What a child is told to end with. */
    static final String STOP = "stop";
    /** What a child is asked for its running totals with. */
    static final String REPORT = "report";

    /**
     * The child's side of the protocol: answers each {@value #REPORT} with {@code report}'s line on
     * standard output until {@value #STOP} or end of input (the parent died); any other command is
     * named on standard error and ignored.
     */
    static void answerReports(BufferedReader commands, String role, java.util.function.Supplier<String> report) throws IOException {
        for (String line; (line = commands.readLine()) != null && !line.equals(STOP); ) {
            if (line.equals(REPORT)) {
                String answer = report.get();
                synchronized (System.out) {
                    System.out.println(answer);
                    System.out.flush();
                }
            } else {
                System.err.println(role + " process: unknown command '" + line + "' ignored");
            }
        }
    }

    private final Process process;
    private final String role;
    private final Path privateTmp;
    private final BufferedReader out;
    private final Writer in;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrPump;
    private final Thread shutdownHook;
    private boolean closed;

    private ChildProcess(Process process, String role, Path privateTmp) {
        this.process = process;
        this.role = role;
        this.privateTmp = privateTmp;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.shutdownHook = new Thread(this::forceStop, "schemachurn-" + role + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.stderrPump = new Thread(this::pumpStderr, "schemachurn-" + role + "-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
    }

    /**
     * Starts {@code main} in a new JVM with these arguments, in a private temp directory of its own.
     *
     * @param role names the child in messages, e.g. "churner"
     * @throws IllegalStateException with one line if the process cannot be started
     */
    static ChildProcess start(ChildJvm jvm, Class<?> main, List<String> arguments, String role) {
        Path privateTmp = PrivateDirectory.create("schemachurn-child-", role + " process");
        List<String> command = new ArrayList<>();
        command.add(jvm.java());
        command.addAll(jvm.options());
        command.add("-Djava.io.tmpdir=" + privateTmp);
        command.add("-Dorg.sqlite.tmpdir=" + privateTmp);
        command.add("-Djna.tmpdir=" + privateTmp);
        command.add("-D" + PRIVATE_TMP_PROPERTY + "=" + privateTmp);
        command.add("-cp");
        command.add(jvm.classPath());
        command.add(main.getName());
        command.addAll(arguments);
        try {
            return new ChildProcess(new ProcessBuilder(command).start(), role, privateTmp);
        } catch (IOException e) {
            PrivateDirectory.deleteOrWarn(privateTmp);
            throw new IllegalStateException("cannot start the " + role + " process: " + e.getMessage()
                    + " (set -D" + ChildJvm.JAVA_PROPERTY + " to a java executable)");
        }
    }

    /**
     * A child's main: removes its private temp directory when it exits, runs the picocli command,
     * and exits with its code; bad arguments, and a command's IllegalArgumentException,
     * IllegalStateException or SQLException, are one line on standard error ("role process: …")
     * and exit code {@value #EXIT_BAD_INPUT}.
     */
    static void main(Object command, String role, String[] args) {
        String privateTmp = System.getProperty(PRIVATE_TMP_PROPERTY);
        if (privateTmp != null) {
            // Registered before the driver registers its extracted library, so deleted after it.
            new java.io.File(privateTmp).deleteOnExit();
        }
        CommandLine commandLine = new CommandLine(command)
                .setParameterExceptionHandler((e, a) -> badInput(role, e.getMessage()))
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                            || e instanceof SQLException) {
                        return badInput(role, e.getMessage());
                    }
                    throw e;
                });
        int code = commandLine.execute(args);
        System.out.flush();
        System.exit(code);
    }

    private static int badInput(String role, String message) {
        System.err.println(role + " process: " + message);
        return EXIT_BAD_INPUT;
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
        send(STOP);
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
                System.err.println("[" + role + " " + process.pid() + "] " + line);
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }
}
