package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.NativeSqlite;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.ReaderSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trial's plumbing without JMH: readers of the user's query while the migration alternates or runs once, audited. */
@Timeout(60)
class MigratedCopyTest {
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
    void readersCountEveryReadWhileTheMigrationAlternatesAndTheAuditPasses(Shapes shape) throws Exception {
        Path file = shape.create(dir, "WAL");
        try (Preflight.Checked input = Preflight.check(file, shape.query, shape.args(), shape.upFile(dir), Optional.of(shape.downFile(dir)));
             MigratedCopy copy = new MigratedCopy(input.diagnosis(), JournalMode.WAL, 3000, false, 0)) {
            Counts counts = new Counts();
            for (int iteration = 0; iteration < 2; iteration++) {
                copy.startIteration(200_000_000);
                ReaderSession reader = copy.reader(ReaderStrategy.CACHED);
                long end = System.nanoTime() + 150_000_000;
                while (System.nanoTime() < end) {
                    reader.read(counts);
                }
                copy.endIteration();
                assertThat(copy.loop().totals().ok()).as("migration steps acknowledged").isPositive();
            }
            assertThat(counts.attempts()).isPositive().isEqualTo(counts.ok() + counts.failures());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Shapes.class, names = {"MANY_SMALL_TABLES", "TRIGGERS_AND_VIEWS"})
    void withoutARollbackEachIterationAppliesTheMigrationOnceToAFreshCopy(Shapes shape) throws Exception {
        Path file = shape.create(dir, "DELETE");
        try (Preflight.Checked input = Preflight.check(file, shape.query, shape.args(), shape.upFile(dir), Optional.empty());
             MigratedCopy copy = new MigratedCopy(input.diagnosis(), JournalMode.DELETE, 3000, true, 0)) {
            for (int iteration = 0; iteration < 2; iteration++) {
                copy.startIteration(150_000_000);
                ReaderSession reader = copy.reader(ReaderStrategy.PER_CALL);
                Counts counts = new Counts();
                long end = System.nanoTime() + 150_000_000;
                while (System.nanoTime() < end) {
                    reader.read(counts);
                }
                copy.endIteration();
                assertThat(copy.loop().totals().attempts()).as("applied once").isEqualTo(1);
                assertThat(copy.migrator().lastCommitNanos()).isPositive();
                assertThat(counts.attempts()).isEqualTo(counts.ok() + counts.failures());
            }
        }
    }

    /** A writer beside the reader counts every write, and each committed migration step's lock hold is taken once. */
    @Test
    void theWriterCountsEveryWriteAndEachStepsLockHoldIsTaken() throws Exception {
        Shapes shape = Shapes.TRIGGERS_AND_VIEWS;
        Path file = shape.create(dir, "DELETE");
        try (Preflight.Checked input = Preflight.check(file, shape.query, shape.args(), shape.upFile(dir), Optional.of(shape.downFile(dir)),
                "UPDATE orders SET total = total + 1 WHERE id = ?", List.of("1"));
             MigratedCopy copy = new MigratedCopy(input.diagnosis(), JournalMode.DELETE, 3000, false, 20)) {
            copy.startIteration(300_000_000);
            ReaderSession reader = copy.reader(ReaderStrategy.CACHED);
            long end = System.nanoTime() + 300_000_000;
            while (System.nanoTime() < end) {
                reader.read(new Counts());
            }
            copy.endIteration();
            Counts writes = copy.writes().totals();
            assertThat(writes.attempts()).as("writes").isPositive().isEqualTo(writes.ok() + writes.failures());
            assertThat(copy.migrator().takeLockHoldsNanos()).as("one hold per committed step")
                    .hasSize((int) copy.loop().totals().ok()).allSatisfy(hold -> assertThat(hold).isPositive());
            assertThat(copy.migrator().takeLockHoldsNanos()).as("taken").isEmpty();
            assertThat(copy.writer().takeLongestMicros()).isPositive();
        }
    }

    /** The legacy prepare on the system library meets SQLITE_SCHEMA after the migration's steps; the audit (sqlite-jdbc, afterwards) passes. */
    @Test
    void theLegacyReaderOnTheSystemLibraryMeetsCode17() throws Exception {
        assumeTrue(NativeSqlite.available(), "no system SQLite library");
        Shapes shape = Shapes.TABLE_PER_TENANT;
        Path file = shape.create(dir, "WAL");
        try (Preflight.Checked input = Preflight.check(file, shape.query, shape.args(), shape.upFile(dir), Optional.of(shape.downFile(dir)),
                "UPDATE tenant_3_posts SET body = 'x' WHERE id = ?", List.of("1"));
             MigratedCopy copy = new MigratedCopy(input.diagnosis(), JournalMode.WAL, 3000, false, 50, true)) {
            copy.startIteration(300_000_000);
            assertThat(copy.writer()).as("no sqlite-jdbc writer beside the system library").isNull();
            assertThatThrownBy(() -> copy.reader(ReaderStrategy.CACHED)).isInstanceOf(IllegalStateException.class);
            ReaderSession reader = copy.legacyReader();
            Counts counts = new Counts();
            long end = System.nanoTime() + 300_000_000;
            while (System.nanoTime() < end) {
                reader.read(counts);
            }
            copy.endIteration();
            assertThat(copy.loop().totals().ok()).as("migration steps").isPositive();
            assertThat(counts.failures(ErrorClass.SCHEMA)).as("code 17 reached the legacy reader").isPositive();
        }
    }
}
