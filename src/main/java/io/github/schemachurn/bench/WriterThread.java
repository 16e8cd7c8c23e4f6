package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.workload.WriterSession;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/** A writer thread ({@link WriterSession}); the fixture audits its inserts by id at the end. */
@State(Scope.Thread)
public class WriterThread {
    WriterSession session;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        db.placement.pin(CounterNames.OPERATION);
        session = db.fixture.writer();
    }
}
