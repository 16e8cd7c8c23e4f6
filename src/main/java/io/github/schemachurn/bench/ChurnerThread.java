package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.workload.ChurnerSession;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/** The churner thread ({@link ChurnerSession}), pinned where the group's placement puts the schema changer. */
@State(Scope.Thread)
public class ChurnerThread {
    ChurnerSession session;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        db.placement.pin(CounterNames.DDL);
        session = db.fixture.churner();
    }
}
