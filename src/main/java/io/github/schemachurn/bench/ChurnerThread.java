package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.workload.Churner;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The churner thread: its own connection, the group's DDL strategy and retry policy. */
@State(Scope.Thread)
public class ChurnerThread {
    Churner churner;
    private Connection connection;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        connection = db.database.connect();
        Retrier retrier = db.retryPolicy.create();
        retrier.configure(connection, db.database.busyTimeoutMs());
        churner = Churner.jdbc(connection, db.churnTarget, db.ddlStrategy.create(db.appLock), retrier);
        db.churner = churner;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (churner != null) {
            churner.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
