package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.SQLException;

/** One schema changer's session: its own connection and the fixture's change, DDL strategy and retry policy. */
public final class ChurnerSession implements AutoCloseable {
    private final Connection connection;
    private final Churner churner;

    ChurnerSession(Connection connection, Churner churner) {
        this.connection = connection;
        this.churner = churner;
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
