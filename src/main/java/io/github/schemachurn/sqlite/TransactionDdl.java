package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.List;

/** DDL inside an explicit transaction opened by the given BEGIN statement. */
final class TransactionDdl implements DdlRunner {
    private final String begin;

    TransactionDdl(String begin) {
        this.begin = begin;
    }

    @Override
    public void run(SqlExecutor sql, List<String> ddl) throws SQLException {
        Transactions.inTransaction(sql, begin, () -> DdlRunner.each(sql, ddl));
    }
}
