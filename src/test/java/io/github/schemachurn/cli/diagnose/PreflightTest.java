package io.github.schemachurn.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The input checks on databases of several shapes: what they accept, each bad input's one line, the original untouched. */
class PreflightTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmpRoot;

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

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void acceptsEveryShapeProfilesItAndLeavesTheOriginalAlone(Shapes shape) throws Exception {
        for (String journal : List.of("DELETE", "WAL")) {
            Path file = shape.create(Files.createDirectories(dir.resolve(journal)), journal);
            byte[] bytes = Files.readAllBytes(file);
            FileTime modified = Files.getLastModifiedTime(file);
            List<String> filesBefore = list(file.getParent());
            try (Preflight.Checked checked = Preflight.check(file, shape.query, shape.args(), shape.upFile(file.getParent()),
                    Optional.of(shape.downFile(file.getParent())))) {
                assertThat(checked.profile().journalMode()).isEqualTo(journal);
                assertThat(checked.diagnosis().up()).isEqualTo(shape.up);
                assertThat(checked.notes()).isEmpty();
                assertThat(Path.of(checked.diagnosis().source())).startsWith(tmpRoot);
            }
            assertThat(Files.readAllBytes(file)).as("the original's bytes").isEqualTo(bytes);
            assertThat(Files.getLastModifiedTime(file)).as("the original's mtime").isEqualTo(modified);
            List<String> made = new java.util.ArrayList<>(list(file.getParent()));
            made.removeAll(filesBefore);
            if (journal.equals("DELETE")) {
                assertThat(made).as("nothing made beside it").isEmpty();
            } else {
                // SQLite's read-only open of a WAL file makes the -wal and -shm files if they are missing, as any reader does.
                assertThat(made).isSubsetOf(file.getFileName() + "-wal", file.getFileName() + "-shm");
                Path wal = file.resolveSibling(file.getFileName() + "-wal");
                assertThat(Files.exists(wal) ? Files.size(wal) : 0).as("nothing written to the WAL").isZero();
            }
        }
    }

    @Test
    void profileCountsWhatAReloadParses() throws Exception {
        Path file = Shapes.TRIGGERS_AND_VIEWS.create(dir, "DELETE");
        try (Preflight.Checked checked = check(Shapes.TRIGGERS_AND_VIEWS, file)) {
            Profile p = checked.profile();
            assertThat(List.of(p.tables(), p.indexes(), p.triggers(), p.views())).containsExactly(2L, 0L, 20L, 21L);
            assertThat(p.schemaBytes()).isPositive();
        }
        Path many = Shapes.MANY_SMALL_TABLES.create(dir, "DELETE");
        try (Preflight.Checked checked = check(Shapes.MANY_SMALL_TABLES, many)) {
            assertThat(checked.profile().tables()).isEqualTo(300);
            assertThat(checked.profile().indexes()).isEqualTo(300);
        }
    }

    @Test
    void eachBadInputIsOneLineNamingIt() throws Exception {
        Shapes shape = Shapes.FEW_WIDE_TABLES;
        Path file = shape.create(dir, "DELETE");
        Path up = shape.upFile(dir);
        Path down = shape.downFile(dir);
        assertBad(() -> Preflight.check(dir.resolve("missing.db"), shape.query, shape.args(), up, Optional.empty()),
                "missing.db: no such file");
        Path text = Files.writeString(dir.resolve("notes.db"), "not a database, just text\n".repeat(50));
        assertBad(() -> Preflight.check(text, shape.query, shape.args(), up, Optional.empty()), "is not an SQLite database");
        assertBad(() -> Preflight.check(file, "SELECT nope FROM wide_1 WHERE id = ?", List.of("1"), up, Optional.empty()),
                "the query does not prepare on " + file + ": [SQLITE_ERROR] SQL error or missing database (no such column: nope)");
        assertBad(() -> Preflight.check(file, shape.query, List.of("1"), up, Optional.empty()),
                "the query has 2 placeholder(s) but 1 --arg value(s) were given");
        assertBad(() -> Preflight.check(file, "DELETE FROM wide_1 WHERE id = ?", List.of("1"), up, Optional.empty()),
                "the query returns no columns");
        Path failing = Files.writeString(dir.resolve("failing.sql"), "CREATE TABLE ok_1(x);\nALTER TABLE missing ADD COLUMN y;\n");
        assertBad(() -> Preflight.check(file, shape.query, shape.args(), failing, Optional.empty()),
                "the migration fails on a copy of " + file + ": statement 2 (ALTER TABLE missing ADD COLUMN y)");
        Path partial = Files.writeString(dir.resolve("partial.sql"), "SELECT 1;\n");
        assertBad(() -> Preflight.check(file, shape.query, shape.args(), up, Optional.of(partial)),
                "the rollback does not restore the schema after the migration: index wide_1_c9 is left over");
        Path addsColumn = Files.writeString(dir.resolve("adds.sql"), "ALTER TABLE wide_2 ADD COLUMN extra TEXT;\n");
        assertBad(() -> Preflight.check(file, shape.query, shape.args(), addsColumn, Optional.of(partial)),
                "table wide_2 differs: `,extra TEXT` was added");
        assertBad(() -> Preflight.check(file, shape.query, shape.args(), dir.resolve("none.sql"), Optional.of(down)),
                "none.sql: no such file");
    }

    @Test
    void aWriteStatementThatDoesNotPrepareOrChangesNoRowIsOneLine() throws Exception {
        Shapes shape = Shapes.TRIGGERS_AND_VIEWS;
        Path file = shape.create(dir, "WAL");
        assertBad(() -> check(shape, file, "UPDATE nope SET total = 1 WHERE id = ?", List.of("1")),
                "the write statement (UPDATE nope SET total = 1 WHERE id = ?) does not run on a copy of " + file
                        + ": [SQLITE_ERROR] SQL error or missing database (no such table: nope)");
        assertBad(() -> check(shape, file, "UPDATE orders SET total = 1 WHERE id = ?", List.of("999")),
                "the write statement (UPDATE orders SET total = 1 WHERE id = ?) changes no row on a copy of " + file
                        + " with --write-arg 999: writers are measured by the rows they change");
        assertBad(() -> check(shape, file, "UPDATE orders SET total = 1 WHERE id = ?", List.of()),
                "has 1 placeholder(s) but 0 --write-arg value(s) were given");
        assertBad(() -> check(shape, file, "SELECT total FROM orders", List.of()), "returns rows");
        assertBad(() -> check(shape, file, "", List.of("1")), "--write-arg needs --write");
        try (Preflight.Checked checked = check(shape, file, "UPDATE orders SET total = total + 1 WHERE id = ?", List.of("1"))) {
            assertThat(checked.diagnosis().writes()).isTrue();
            assertThat(checked.notes()).isEmpty();
        }
    }

    private Preflight.Checked check(Shapes shape, Path file, String write, List<String> writeArgs) {
        return Preflight.check(file, shape.query, shape.args(), shape.upFile(file.getParent()),
                Optional.of(shape.downFile(file.getParent())), write, writeArgs);
    }

    @Test
    void notesAMigrationAfterWhichTheQueryNoLongerPrepares() throws Exception {
        Path file = Shapes.TABLE_PER_TENANT.create(dir, "WAL");
        Path drop = Files.writeString(dir.resolve("drop.sql"), "DROP TABLE tenant_3_posts;\n");
        try (Preflight.Checked checked = Preflight.check(file, Shapes.TABLE_PER_TENANT.query, List.of("1"), drop, Optional.empty())) {
            assertThat(checked.notes()).singleElement().asString().contains("no longer prepares");
        }
    }

    private Preflight.Checked check(Shapes shape, Path file) {
        return Preflight.check(file, shape.query, shape.args(), shape.upFile(file.getParent()), Optional.of(shape.downFile(file.getParent())));
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(DiagnoseException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static List<String> list(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
