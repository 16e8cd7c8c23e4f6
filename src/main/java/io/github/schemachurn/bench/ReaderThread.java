package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.ReaderSession;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/** A reader thread ({@link ReaderSession}), pinned where the group's placement puts readers; the fixture closes it. */
@State(Scope.Thread)
public class ReaderThread {
    /** How the point query is prepared and run: {@link ReaderStrategy}. */
    @Param({"CACHED"})
    public String reader;

    /**
     * The query: POINT lists its column, STAR is {@code SELECT *}; with
     * {@code reader=COLUMN_CHECKED} and {@code change=ADD_COLUMN}, STAR watches for stale column metadata.
     */
    @Param({"POINT"})
    public String query;

    ReaderSession session;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        ReaderStrategy strategy = Params.parseEnum("reader", reader, ReaderStrategy.class);
        Workload.Query sql = Params.parseEnum("query", query, Workload.Query.class);
        db.placement.pin(CounterNames.OPERATION);
        session = db.fixture.reader(strategy, sql.sql);
    }
}
