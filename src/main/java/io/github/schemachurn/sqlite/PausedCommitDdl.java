package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.Arrays;
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
        String begin = strategy.begin().orElseThrow(() -> new IllegalArgumentException("ddl " + strategy
                + " has no explicit transaction to kill the churner in; use " + transactional()));
        return new PausedCommitDdl(begin, beforeCommit);
    }

    /** The strategies that open a transaction, e.g. "DEFERRED, IMMEDIATE or EXCLUSIVE". */
    private static String transactional() {
        List<String> names = Arrays.stream(DdlStrategy.values()).filter(DdlStrategy::opensTransaction).map(Enum::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    @Override
    public void run(SqlExecutor sql, List<String> ddl) throws SQLException {
        Transactions.inTransaction(sql, begin, () -> {
            DdlRunner.each(sql, ddl);
            beforeCommit.run();
        });
    }
}
