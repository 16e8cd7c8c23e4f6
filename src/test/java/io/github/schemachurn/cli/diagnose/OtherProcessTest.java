package io.github.schemachurn.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Diagnose on a file another process uses, with a real second process ({@link OtherProcess}): a
 * locked file is named as locked within the bounded wait; a live WAL database keeps its writer's
 * every write while diagnose copies it and runs.
 */
class OtherProcessTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmpRoot;
    private Process other;

    @BeforeEach
    void privateTmpRoot() {
        System.setProperty(Database.TMPDIR_PROPERTY, tmpRoot.toString());
    }

    @AfterEach
    void endTheOtherProcess() throws Exception {
        System.clearProperty(Database.TMPDIR_PROPERTY);
        if (other != null) {
            other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void aFileLockedByAnotherProcessIsNamedLockedInOneLine() throws Exception {
        Shapes shape = Shapes.TABLE_PER_TENANT;
        Path db = shape.create(dir, "DELETE");
        BufferedReader output = start("lock", db);
        assertThat(output.readLine()).isEqualTo("ready");
        StringWriter errors = new StringWriter();
        int code = Diagnose.run(new String[] {"--db", db.toString(), "--query", shape.query, "--arg", "1", "--migration",
                shape.upFile(dir).toString(), "--quick"}, new PrintWriter(new StringWriter()), new PrintWriter(errors));
        assertThat(code).isEqualTo(1);
        assertThat(errors.toString()).isEqualTo("diagnose: " + db + " is locked by another process: it was still locked after "
                + Preflight.LOCK_WAIT_MS / 1000 + " s (a write transaction, or BEGIN EXCLUSIVE, holds it); run diagnose again once it is free\n");
        other.getOutputStream().close();
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** The writer runs with busy timeout 0, so a write diagnose had blocked at all would fail. */
    @Test
    @Timeout(180)
    void aLiveWalDatabaseLosesNoWriteAndTheRunCompletes() throws Exception {
        Shapes shape = Shapes.TRIGGERS_AND_VIEWS;
        Path db = shape.create(dir, "WAL");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE live_writes(id INTEGER PRIMARY KEY)");
        }
        BufferedReader output = start("write", db);
        assertThat(output.readLine()).isEqualTo("ready");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Diagnose.run(new String[] {"--db", db.toString(), "--query", shape.query, "--arg", "1",
                "--migration", shape.upFile(dir).toString(), "--rollback", shape.downFile(dir).toString(), "--rate", "20",
                "--write", "UPDATE orders SET total = total + 1 WHERE id = ?", "--write-arg", "1",
                "--quick", "--out", dir.resolve("report").toString()}, new PrintWriter(out), new PrintWriter(err), OtherProcessTest::tiny);
        other.getOutputStream().close();
        String[] summary = output.readLine().split(" ");
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(code).as(err.toString()).isZero();
        long acknowledged = Long.parseLong(summary[1]);
        assertThat(summary[3]).as("writes that failed").isEqualTo("0");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*), coalesce(max(id), 0) FROM live_writes")) {
            rows.next();
            assertThat(List.of(rows.getLong(1), rows.getLong(2))).as("rows kept").containsExactly(acknowledged, acknowledged);
        }
        assertThat(Files.readString(dir.resolve("report").resolve("diagnosis.md"))).contains("Diagnosis of");
    }

    private BufferedReader start(String mode, Path db) throws Exception {
        ChildJvm jvm = ChildJvm.current();
        other = new ProcessBuilder(jvm.java(), "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", jvm.classPath(),
                "-Dorg.sqlite.tmpdir=" + tmpRoot, OtherProcess.class.getName(), mode, db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    }

    private static Plan tiny(Plan plan) {
        return new Plan(true, plan.rates(), plan.journals(), List.of(ReaderStrategy.CACHED), false, 2, 0, TimeValue.milliseconds(100), 1,
                TimeValue.milliseconds(300), List.of("stalePrepare"));
    }
}
