package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gives one line naming the problem and leaves nothing behind; no run (finished,
 * interrupted with SIGINT, or with its JVM killed) leaves a churner process or temp files.
 */
class HygieneTest {
    @TempDir
    Path tmp;
    private String savedTmpdir;

    @BeforeEach
    void privateTmpdir() {
        savedTmpdir = System.getProperty(Database.TMPDIR_PROPERTY);
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
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
            Process process = new ProcessBuilder(javaCommand(tmp, ChurnerProcess.class.getName(),
                    "--db=" + database.file(), "--ddl=FOO", "--retry=NONE", "--busy-timeout=0", "--change=SIDE_TABLE",
                    "--synchronous=NORMAL", "--mode=RUN")).start();
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

    @Test
    void sigintLeavesNoProcessAndNoFiles() throws Exception {
        Process host = startHost("wait");
        long childPid = awaitRunning(host);
        assertThat(list(tmp)).as("database, churner's private dir, native library").hasSizeGreaterThanOrEqualTo(3);
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(host.pid())).start().waitFor()).isZero();
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

    private Process startHost(String how) throws IOException {
        return new ProcessBuilder(javaCommand(tmp, HygieneHost.class.getName(), "DELETE", how))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> javaCommand(Path tmpdir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildJvm.current().java(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmpdir, "-D" + Database.TMPDIR_PROPERTY + "=" + tmpdir,
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static long awaitRunning(Process host) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("running ");
        return Long.parseLong(line.substring("running ".length()));
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
