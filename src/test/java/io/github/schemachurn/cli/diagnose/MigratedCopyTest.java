package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.ReaderSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
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
}
