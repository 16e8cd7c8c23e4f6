package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A page of the seed's site with a schema change forced between its prepare and its step: the
 * window the model counts. The change commits on another connection of the same library, once.
 */
class PhpPageTest {
    private Database db;
    private NativeConnection changing;

    private PhpPage page(JournalMode journal, PrepareMode mode, int retries, AtomicInteger changes) throws SQLException {
        db = Workload.createDatabase(journal, 0, 3, 0);
        changing = NativeConnection.open(db.file(), 0);
        return new PhpPage(db.file(), 0, Workload.POINT_QUERY, mode, retries, () -> {
            if (changes.getAndIncrement() == 0) {
                try {
                    changing.execute("CREATE TABLE registered_" + changes.get() + "(id INTEGER PRIMARY KEY)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @AfterEach
    void close() {
        if (changing != null) {
            changing.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void aLegacyPageHitByAChangeBetweenPrepareAndStepFailsWithCode17(JournalMode journal) throws SQLException {
        Counts counts = new Counts();
        PhpPage.Served served = page(journal, PrepareMode.LEGACY, 0, new AtomicInteger()).serve(2, counts);

        assertThat(served.ok()).isFalse();
        assertThat(counts.failures(ErrorClass.SCHEMA)).as(counts.toString()).isEqualTo(1);
        assertThat(counts.attempts()).isEqualTo(counts.ok() + counts.failures());
        assertThat(served.timed()).as("the first try reached its step").isTrue();
        assertThat(served.schemaLoadNanos()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void theRetryModePreparesAndExecutesAgainAndServesThePage(JournalMode journal) throws SQLException {
        Counts counts = new Counts();
        AtomicInteger tries = new AtomicInteger();
        PhpPage.Served served = page(journal, PrepareMode.LEGACY, 3, tries).serve(2, counts);

        assertThat(served.ok()).isTrue();
        assertThat(counts.ok()).isEqualTo(1);
        assertThat(counts.retries()).as("one retry: the change was made once").isEqualTo(1);
        assertThat(tries).hasValue(2);
    }

    @Test
    void aPageThatMeetsALockSleepsAsSqlitesBusyTimeoutWouldAndCountsItsWaits() throws SQLException {
        db = Workload.createDatabase(JournalMode.DELETE, 0, 3, 0);
        changing = NativeConnection.open(db.file(), 0);
        changing.execute("BEGIN EXCLUSIVE");
        Counts counts = new Counts();
        try {
            new PhpPage(db.file(), 30, Workload.POINT_QUERY, PrepareMode.LEGACY, 0).serve(2, counts);
        } finally {
            changing.execute("ROLLBACK");
        }

        assertThat(counts.failures(ErrorClass.BUSY)).as(counts.toString()).isEqualTo(1);
        assertThat(counts.busyWaits()).as("1 + 2 + 5 + 10 + 12 ms, then the 30 ms are spent").isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void prepareV2RecoversByItselfWithoutARetry(JournalMode journal) throws SQLException {
        Counts counts = new Counts();
        PhpPage.Served served = page(journal, PrepareMode.V2, 0, new AtomicInteger()).serve(2, counts);

        assertThat(served.ok()).isTrue();
        assertThat(counts.retries()).isZero();
    }
}
