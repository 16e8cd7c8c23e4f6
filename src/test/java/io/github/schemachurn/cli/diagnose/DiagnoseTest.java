package io.github.schemachurn.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.NativeSqlite;
import io.github.schemachurn.sqlite.ReaderStrategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.TimeValue;

/** The command: bad input is one line and exit 1; one end-to-end run through JMH at tiny settings. */
class DiagnoseTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmpRoot;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void privateTmpRoot() {
        System.setProperty(Database.TMPDIR_PROPERTY, tmpRoot.toString());
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        System.clearProperty(Database.TMPDIR_PROPERTY);
        try (var left = Files.list(tmpRoot)) {
            assertThat(left).as("left in the temp root").isEmpty();
        }
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() throws Exception {
        Shapes shape = Shapes.TABLE_PER_TENANT;
        Path db = shape.create(dir, "DELETE");
        String up = shape.upFile(dir).toString();
        assertOneLineError(List.of("--db", dir.resolve("missing.db").toString(), "--query", shape.query, "--arg", "1",
                "--migration", up), "diagnose: " + dir.resolve("missing.db") + ": no such file");
        assertOneLineError(List.of("--db", db.toString(), "--query", shape.query, "--migration", up),
                "diagnose: the query has 1 placeholder(s) but 0 --arg value(s) were given");
        assertOneLineError(List.of("--db", db.toString(), "--query", shape.query, "--arg", "1", "--migration", up, "--rate", "10"),
                "diagnose: --rate needs --rollback");
        assertOneLineError(List.of("--db", db.toString(), "--query", shape.query), "diagnose: Missing required option: '--migration=FILE'");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("diagnosis");
    }

    private void assertOneLineError(List<String> args, String message) {
        StringWriter errors = new StringWriter();
        int code = Diagnose.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(errors));
        assertThat(code).as(String.join(" ", args)).isNotZero();
        assertThat(errors.toString()).startsWith(message).doesNotContain("\tat ").hasLineCount(1);
    }

    /** The whole way through JMH (two rounds, forked JVMs), shrunk to two readers and one short iteration; the readers are compared within rounds. */
    @Test
    @Timeout(120)
    void aTinyDiagnosisWritesThePageAndLeavesTheFileAlone() throws Exception {
        Shapes shape = Shapes.TRIGGERS_AND_VIEWS;
        Path db = shape.create(dir, "WAL");
        byte[] bytes = Files.readAllBytes(db);
        FileTime modified = Files.getLastModifiedTime(db);
        Path outDir = dir.resolve("report");
        int code = Diagnose.run(new String[] {"--db", db.toString(), "--query", shape.query, "--arg", "1",
                "--migration", shape.upFile(dir).toString(), "--rollback", shape.downFile(dir).toString(), "--rate", "20",
                "--write", "UPDATE orders SET total = total + 1 WHERE id = ?", "--write-arg", "1",
                "--quick", "--out", outDir.toString()}, new PrintWriter(out), new PrintWriter(err), DiagnoseTest::tiny);
        assertThat(code).as(err.toString()).isZero();
        String page = Files.readString(outDir.resolve("diagnosis.md"));
        assertThat(page).contains("Rough answer (`--quick`)", "| 2 | 0 (0) | 20 | 21 |", "stalePrepare",
                "schema changes per second** on this schema", "| WAL | at 20 steps/s | CACHED |", "Reproduce: `java -jar", "paired over 2 rounds",
                "Each migration step held the write lock p50 ", "writes failed, longest write ", "busy timeout 3000 ms")
                .doesNotContain("(unpaired:");
        assertThat(page.lines().filter(line -> !line.isBlank()).skip(2).findFirst().orElseThrow()).as("the verdict after the title and the --quick note")
                .startsWith("**WAL, your migration and its rollback at 20 steps/s**: safe for readers: none of ");
        if (NativeSqlite.available()) {
            assertThat(page).contains("## What a legacy driver would meet", "With the legacy `sqlite3_prepare` (PHP's PDO SQLite before PHP 7.2)");
        }
        Files.writeString(Path.of("target/diagnose-test-page.md"), page);
        assertThat(outDir.resolve(DiagnosisPage.CHART)).isNotEmptyFile();
        assertThat(out.toString()).contains("one stale re-prepare of", "WAL, your migration and its rollback at 20 steps/s: ", "wrote " + outDir.resolve("diagnosis.md"));
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(modified);
    }

    private static Plan tiny(Plan plan) {
        return new Plan(true, plan.rates(), plan.journals(), List.of(ReaderStrategy.CACHED, ReaderStrategy.PER_CALL), plan.legacy(), 2, 0, TimeValue.milliseconds(100), 1,
                TimeValue.milliseconds(300), List.of("stalePrepare"));
    }
}
