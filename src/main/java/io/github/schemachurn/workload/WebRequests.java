package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.NativeReader;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.Tally;
import java.sql.SQLException;

/**
 * The seed site's page requests, the PHP way: every request opens its own connection, prepares
 * its SELECT, executes it and closes everything; nothing is kept between requests. So every
 * request compiles against (and, on a new connection, first loads) the current schema, and a
 * schema change can only hit it between prepare and execute, or as a lock.
 *
 * <p>Pages run on the system SQLite library ({@link NativeConnection}) with a chosen prepare
 * call, as the seed's PHP did: {@link PrepareMode#LEGACY} is PDO SQLite before PHP 7.2. A run
 * that serves these pages must change the schema through that library too (two SQLite copies
 * must never have one file open at once: {@code Fixture.nativeChurner}).
 *
 * <p>Each request is one attempt and ends as one success or one failure classified by SQLite's
 * result code; a request is not retried (the seed's site showed the error page). Connecting is
 * part of the request, with the site's busy timeout from the start, as PDO sets it.
 */
public final class WebRequests {
    private final Database database;
    private final PrepareMode prepare;

    public WebRequests(Database database, PrepareMode prepare) {
        this.database = database;
        this.prepare = prepare;
    }

    /** Serves one request for item {@code id}; true if the page could be rendered. */
    public boolean serve(int id, Tally tally) {
        return Operation.run(() -> render(id), Operation.FailureListener.NONE, (error, failedTries) -> false, tally);
    }

    private void render(int id) throws SQLException {
        try (NativeConnection connection = NativeConnection.openAsRequest(database.file(), database.busyTimeoutMs());
                NativeReader select = new NativeReader(connection, Workload.POINT_QUERY, prepare)) {
            select.read(id);
        }
    }
}
