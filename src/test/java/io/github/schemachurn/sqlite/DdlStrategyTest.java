package io.github.schemachurn.sqlite;

import static io.github.schemachurn.sqlite.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.ProgressHandler;

/**
 * Each DDL strategy does what it claims. A progress handler on the churner's connection runs a
 * probe while the strategy's DDL statement executes, i.e. inside its transaction.
 */
class DdlStrategyTest {
    private Database db;

    @AfterEach
    void removeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** Runs {@code ddl} under {@code strategy}; returns what a reader saw each time it probed meanwhile. */
    private List<String> readerOutcomesDuring(JournalMode journal, DdlStrategy strategy) throws SQLException {
        db = Database.create(journal, 0);
        List<String> outcomes = new ArrayList<>();
        try (Connection churner = db.connect(); Connection reader = db.connect()) {
            exec(churner, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
            PreparedStatement select = reader.prepareStatement("SELECT count(*) FROM t");
            select.executeQuery().close();
            ProgressHandler.setHandler(churner, 1, new ProgressHandler() {
                @Override
                protected int progress() {
                    try {
                        select.executeQuery().close();
                        outcomes.add("ok");
                    } catch (SQLException e) {
                        outcomes.add(ErrorClass.of(e).name());
                    }
                    return 0;
                }
            });
            try (Statement s = churner.createStatement()) {
                strategy.create(new ReentrantReadWriteLock()).run(s::execute, List.of("CREATE TABLE churned(id INTEGER PRIMARY KEY)"));
            }
            ProgressHandler.clearHandler(churner);
        }
        return outcomes;
    }

    @Test
    void exclusiveShutsReadersOutInRollbackJournalMode() throws SQLException {
        assertThat(readerOutcomesDuring(JournalMode.DELETE, DdlStrategy.EXCLUSIVE)).contains("BUSY");
    }

    @Test
    void exclusiveLetsReadersReadInWal() throws SQLException {
        assertThat(readerOutcomesDuring(JournalMode.WAL, DdlStrategy.EXCLUSIVE)).isNotEmpty().containsOnly("ok");
    }

    @Test
    void immediateLetsReadersReadWhileItsDdlRunsInRollbackJournalMode() throws SQLException {
        // IMMEDIATE holds RESERVED, which still admits SHARED readers until the commit.
        assertThat(readerOutcomesDuring(JournalMode.DELETE, DdlStrategy.IMMEDIATE)).isNotEmpty().containsOnly("ok");
    }

    @Test
    void immediateTakesTheWriteLockAtBegin() throws SQLException {
        db = Database.create(JournalMode.WAL, 0);
        try (Connection churner = db.connect(); Connection writer = db.connect(); Statement s = churner.createStatement()) {
            exec(churner, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
            exec(churner, "BEGIN IMMEDIATE");
            assertThat(Sql.failureOf(() -> exec(writer, "INSERT INTO t VALUES (1)"))).isEqualTo(ErrorClass.BUSY);
            exec(churner, "ROLLBACK");
            exec(churner, "BEGIN DEFERRED");
            exec(writer, "INSERT INTO t VALUES (1)");
            exec(churner, "ROLLBACK");
        }
    }

    @Test
    void everyStrategyCommitsItsDdlAndLeavesNoTransactionOpen() throws SQLException {
        db = Database.create(JournalMode.WAL, 0);
        try (Connection churner = db.connect(); Statement s = churner.createStatement()) {
            int n = 0;
            for (DdlStrategy strategy : DdlStrategy.values()) {
                strategy.create(new ReentrantReadWriteLock()).run(s::execute, List.of("CREATE TABLE t" + n++ + "(id)"));
                exec(churner, "BEGIN", "COMMIT"); // fails if a transaction were still open
            }
            try (var rows = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(DdlStrategy.values().length);
            }
        }
    }

    /**
     * What a strategy says of itself is what its runner does: SchemaChange, PausedCommitDdl and the
     * churner process ask it, so a strategy that opened no transaction but said it did would run a
     * migration half-applied.
     */
    @ParameterizedTest
    @EnumSource(DdlStrategy.class)
    void aStrategyOpensATransactionAndTakesTheAppLockExactlyWhenItSaysSo(DdlStrategy strategy) throws SQLException {
        ReentrantReadWriteLock appLock = new ReentrantReadWriteLock();
        List<String> sent = new ArrayList<>();
        List<Boolean> lockedDuringDdl = new ArrayList<>();
        strategy.create(appLock).run(sql -> {
            sent.add(sql);
            if (sql.startsWith("CREATE")) {
                lockedDuringDdl.add(appLock.isWriteLockedByCurrentThread());
            }
        }, List.of("CREATE TABLE a(id)", "CREATE TABLE b(id)"));
        if (strategy.opensTransaction()) {
            assertThat(sent).containsExactly(strategy.begin().orElseThrow(), "CREATE TABLE a(id)", "CREATE TABLE b(id)", "COMMIT");
        } else {
            assertThat(sent).containsExactly("CREATE TABLE a(id)", "CREATE TABLE b(id)");
        }
        assertThat(lockedDuringDdl).containsOnly(strategy.needsInJvmLock());
        assertThat(appLock.isWriteLocked()).isFalse();
    }

    @Test
    void aFailedDdlRollsItsTransactionBack() throws SQLException {
        db = Database.create(JournalMode.WAL, 0);
        try (Connection churner = db.connect(); Statement s = churner.createStatement()) {
            exec(churner, "CREATE TABLE t(id)");
            DdlRunner immediate = DdlStrategy.IMMEDIATE.create(new ReentrantReadWriteLock());
            assertThat(Sql.failureOf(() -> immediate.run(s::execute, List.of("CREATE TABLE t(id)")))).isEqualTo(ErrorClass.OTHER);
            exec(churner, "BEGIN", "COMMIT");
        }
    }

    @Test
    void appLockKeepsDdlOutWhileAReaderIsInsideItsRead() throws Exception {
        db = Database.create(JournalMode.WAL, 0);
        ReentrantReadWriteLock appLock = new ReentrantReadWriteLock();
        try (Connection reader = db.connect(); Connection churner = db.connect(); Statement s = churner.createStatement()) {
            exec(reader, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'a')");
            Reader locked = ReaderStrategy.APP_READ_LOCK.open(reader, "SELECT payload FROM items WHERE id = ?", appLock);
            DdlRunner ddl = DdlStrategy.APP_LOCK.create(appLock);
            Thread ddlThread = new Thread(() -> {
                try {
                    ddl.run(s::execute, List.of("DROP TABLE items"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Thread.State> ddlStatesDuringRead = new ArrayList<>();
            ProgressHandler.setHandler(reader, 1, new ProgressHandler() {
                @Override
                protected int progress() {
                    if (ddlThread.getState() == Thread.State.NEW) {
                        ddlThread.start();
                        // Wait until the DDL thread has either finished or parked on the lock.
                        while (ddlThread.getState() != Thread.State.WAITING && ddlThread.isAlive()) {
                            Thread.onSpinWait();
                        }
                        ddlStatesDuringRead.add(ddlThread.getState());
                    }
                    return 0;
                }
            });

            assertThat(locked.read(1)).isEqualTo("a");
            ProgressHandler.clearHandler(reader);
            ddlThread.join();

            assertThat(ddlStatesDuringRead).containsExactly(Thread.State.WAITING);
            assertThat(Sql.failureOf(() -> locked.read(1))).isEqualTo(ErrorClass.NO_SUCH_TABLE);
            locked.close();
        }
    }
}
