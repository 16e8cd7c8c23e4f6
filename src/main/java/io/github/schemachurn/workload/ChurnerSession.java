package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.SQLException;

/** One schema changer's session: its own connection and the fixture's change, DDL strategy and retry policy. */
public final class ChurnerSession implements AutoCloseable {
    private final Connection connection;
    private final Churner churner;

    private ChurnerSession(Connection connection, Churner churner) {
        this.connection = connection;
        this.churner = churner;
    }

    static ChurnerSession open(Fixture fixture) throws SQLException {
        Connection connection = fixture.database.connect();
        try {
            Retrier retrier = fixture.retry.create();
            retrier.configure(connection, fixture.database.busyTimeoutMs());
            return new ChurnerSession(connection,
                    Churner.jdbc(connection, fixture.change, fixture.ddl.create(fixture.appLock), retrier));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** One schema change, counted in {@code tally}. */
    public boolean step(Tally tally) {
        return churner.step(tally);
    }

    public Churner churner() {
        return churner;
    }

    @Override
    public void close() throws SQLException {
        try {
            churner.close();
        } finally {
            connection.close();
        }
    }
}
