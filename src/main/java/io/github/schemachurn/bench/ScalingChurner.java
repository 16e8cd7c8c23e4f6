package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Churner;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The unpaced churner of the scaling studies, a JMH worker: its own connection, the group's DDL strategy. */
@State(Scope.Thread)
public class ScalingChurner {
    Churner churner;
    private Connection connection;

    @Setup(Level.Trial)
    public void open(ScalingDatabase db) throws SQLException {
        connection = db.database.connect();
        churner = Churner.jdbc(connection, SchemaChange.SIDE_TABLE, db.ddlStrategy.create(db.appLock), RetryPolicy.NONE.create());
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
