package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gives one line naming the problem and leaves nothing behind; no run (finished,
 * stopped with SIGINT or SIGTERM, or with its JVM killed) leaves a churner process or temp files.
 */
@Timeout(90)
class HygieneTest {
    @TempDir
    Path tmp;
    private String savedTmpdir;
    /** What the test started, with the churners the hosts started: all end with the test, pass or fail. */
    private final List<ProcessHandle> started = new CopyOnWriteArrayList<>();

    @BeforeEach
    void privateTmpdir() {
        savedTmpdir = System.getProperty(Database.TMPDIR_PROPERTY);
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
    }

    @AfterEach
    void endStartedProcesses() {
        List<ProcessHandle> all = new ArrayList<>(started);
        started.forEach(p -> p.descendants().forEach(all::add));
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
    }

    @AfterEach
    void restoreTmpdir() {
        if (savedTmpdir == null) {
            System.clearProperty(Database.TMPDIR_PROPERTY);
        } else {
            System.setProperty(Database.TMPDIR_PROPERTY, savedTmpdir);
        }
    }

    @Test
    void unknownParameterValueNamesTheParameterAndTheAcceptedValues() {
        assertThatThrownBy(() -> Params.parseEnum("churner", "FOO", ChurnerPlacement.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown value 'FOO' for parameter churner; accepted: THREAD, PROCESS, KILLED_PROCESS");
    }

    @Test
    void nonNumericAndNegativeNumbersAreRejected() {
        assertThatThrownBy(() -> Params.parseNonNegativeInt("rows", "abc"))
                .hasMessage("parameter rows must be a whole number, got 'abc'");
        assertThatThrownBy(() -> Params.parseNonNegativeInt("busyTimeout", "-1"))
                .hasMessage("parameter busyTimeout must not be negative, got -1");
    }

    @Test
    void tempDirectoryThatCannotBeCreatedIsOneLine() throws IOException {
        Path regularFile = Files.createFile(tmp.resolve("a-file"));
        System.setProperty(Database.TMPDIR_PROPERTY, regularFile.resolve("sub").toString());
        assertThatThrownBy(() -> Database.create(JournalMode.WAL, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot create a private database directory under " + regularFile.resolve("sub"))
                .hasMessageNotContaining("\n");
        assertThat(list(tmp)).containsExactly(regularFile);
    }

    @Test
    void badJavaPathIsOneLineAndLeavesNothing() throws Exception {
        try (Database database = Workload.createDatabase(JournalMode.WAL, 0, 10, 0)) {
            ChildJvm bad = new ChildJvm("/nonexistent/bin/java", System.getProperty("java.class.path"));
            assertThatThrownBy(() -> ChurnerChild.start(bad, database, DdlStrategy.IMMEDIATE, RetryPolicy.NONE,
                    SchemaChange.SIDE_TABLE, ChurnerProcess.Mode.RUN))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot start the churner process: Cannot run program \"/nonexistent/bin/java\"")
                    .hasMessageNotContaining("\n");
            assertThat(list(tmp)).containsExactly(database.directory());
        }
        assertThat(list(tmp)).isEmpty();
    }

    @Test
    void churnerProcessWithBadArgumentsExitsWithOneLine() throws Exception {
        try (Database database = Workload.createDatabase(JournalMode.WAL, 0, 10, 0)) {
            Process process = start(new ProcessBuilder(javaCommand(tmp, ChurnerProcess.class.getName(),
                    "--db=" + database.file(), "--ddl=FOO", "--retry=NONE", "--busy-timeout=0", "--change=SIDE_TABLE",
                    "--synchronous=NORMAL", "--mode=RUN")));
            process.getOutputStream().close();
            List<String> errors = lines(process.getErrorStream());
            assertThat(process.waitFor()).isEqualTo(2);
            assertThat(errors).containsExactly("churner process: Invalid value for option '--ddl':"
                    + " expected one of [AUTOCOMMIT, DEFERRED, IMMEDIATE, EXCLUSIVE, APP_LOCK] (case-sensitive) but was 'FOO'");
        }
    }

    @Test
    void normalRunLeavesNothing() throws Exception {
        Process host = startHost("finish");
        long childPid = awaitRunning(host);
        assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(host.exitValue()).isZero();
        assertGone(childPid);
        assertThat(list(tmp)).isEmpty();
    }

    /**
     * SIGINT is Ctrl-C; SIGTERM is what {@code kill} and {@code timeout} send. Either can arrive
     * ignored: a background job of a non-interactive shell starts with SIGINT ignored, and an
     * ignored signal stays ignored through every exec, so the JVM cannot take it and the case is
     * skipped, saying so. (No signal that runs shutdown hooks is immune: only SIGKILL and
     * SIGSTOP cannot be ignored.)
     */
    @ParameterizedTest
    @CsvSource({"INT, 2", "TERM, 15"})
    void shutdownSignalLeavesNoProcessAndNoFiles(String signal, int number) throws Exception {
        Process host = startHost("wait");
        long childPid = awaitRunning(host);
        assumeFalse(ignores(host.pid(), number), "SIG" + signal + " is ignored in the host JVM (inherited from"
                + " whatever started this test, e.g. a non-interactive shell's background job), so it cannot stop it");
        assertThat(list(tmp)).as("database, churner's private dir, native library").hasSizeGreaterThanOrEqualTo(3);
        Process kill = start(new ProcessBuilder("kill", "-" + signal, Long.toString(host.pid())));
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
        assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertGone(childPid);
        assertThat(list(tmp)).isEmpty();
    }

    @Test
    void sigkillOfTheParentLeavesNoOrphanChurner() throws Exception {
        Process host = startHost("wait");
        long childPid = awaitRunning(host);
        host.destroyForcibly().waitFor();
        // The child sees its standard input end and stops by itself. (The killed JVM's own
        // database directory and native library stay: nothing can run in a SIGKILLed JVM.)
        assertGone(childPid);
    }

    /**
     * Its standard error is copied to ours by a thread, not inherited: a host that outlived the
     * test would hold this JVM's standard error open, and Maven would wait for it.
     */
    private Process startHost(String how) throws IOException {
        Process host = start(new ProcessBuilder(javaCommand(tmp, HygieneHost.class.getName(), "DELETE", how)));
        Thread copy = new Thread(() -> {
            try (var err = host.getErrorStream()) {
                err.transferTo(System.err);
            } catch (IOException ended) {
                // The host is gone.
            }
        }, "host-stderr");
        copy.setDaemon(true);
        copy.start();
        return host;
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process.toHandle());
        return process;
    }

    /** Whether the process ignores the signal: the bit (number - 1) of SigIgn in its /proc status (Linux). */
    private static boolean ignores(long pid, int signal) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        assumeTrue(Files.isReadable(status), "cannot tell whether the host ignores the signal: no " + status);
        String mask = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .findFirst().orElseThrow().substring("SigIgn:".length()).trim();
        return (Long.parseUnsignedLong(mask, 16) & (1L << (signal - 1))) != 0;
    }

    private static List<String> javaCommand(Path tmpdir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildJvm.current().java(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmpdir, "-D" + Database.TMPDIR_PROPERTY + "=" + tmpdir,
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private long awaitRunning(Process host) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("running ");
        long childPid = Long.parseLong(line.substring("running ".length()));
        // Tracked by itself too: once its host is killed, the churner is no longer the host's descendant.
        ProcessHandle.of(childPid).ifPresent(started::add);
        return childPid;
    }

    private static void assertGone(long pid) throws InterruptedException {
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (child.isPresent() && child.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(child.map(ProcessHandle::isAlive).orElse(false)).as("churner process " + pid + " still alive").isFalse();
    }

    private static List<String> lines(java.io.InputStream stream) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
