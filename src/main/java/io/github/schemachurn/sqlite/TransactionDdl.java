package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.sql.Statement;

/** DDL inside an explicit transaction opened by the given BEGIN statement. */
final class TransactionDdl implements DdlRunner {
    private final String begin;

    TransactionDdl(String begin) {
        this.begin = begin;
    }

    @Override
    public void run(Statement statement, String ddl) throws SQLException {
        Transactions.inTransaction(statement, begin, () -> statement.execute(ddl));
    }
}
