package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.List;

/**
 * DDL inside the explicit transaction of a {@link DdlStrategy}, with a pause between the DDL
 * and COMMIT: the point at which crash injection kills the churner process, certain that the
 * DDL is executed but not committed (the schema change is in the page cache and, in a
 * rollback-journal database, the original pages are in the journal).
 */
public final class PausedCommitDdl implements DdlRunner {
    private final String begin;
    private final SqlTry beforeCommit;

    private PausedCommitDdl(String begin, SqlTry beforeCommit) {
        this.begin = begin;
        this.beforeCommit = beforeCommit;
    }

    /**
     * @param beforeCommit runs after the DDL and before COMMIT; it may block
     * @throws IllegalArgumentException for a strategy without an explicit transaction to pause in
     */
    public static DdlRunner of(DdlStrategy strategy, SqlTry beforeCommit) {
        switch (strategy) {
            case DEFERRED:
            case IMMEDIATE:
            case EXCLUSIVE:
                // The BEGIN keyword is the constant's own name: no outside text reaches the SQL.
                return new PausedCommitDdl("BEGIN " + strategy.name(), beforeCommit);
            default:
                throw new IllegalArgumentException("ddl " + strategy
                        + " has no explicit transaction to kill the churner in; use DEFERRED, IMMEDIATE or EXCLUSIVE");
        }
    }

    @Override
    public void run(SqlExecutor sql, List<String> ddl) throws SQLException {
        Transactions.inTransaction(sql, begin, () -> {
            DdlRunner.each(sql, ddl);
            beforeCommit.run();
        });
    }
}
