package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The seed site's page requests, the PHP way: every request opens its own connection, prepares
 * its SELECT, executes it and closes everything; nothing is kept between requests. So every
 * request compiles against (and, on a new connection, first loads) the current schema, and a
 * schema change can only hit it between prepare and execute, or as a lock.
 *
 * <p>Each request is one attempt and ends as one success or one failure classified by SQLite's
 * result code; a request is not retried (the seed's site showed the error page). Connecting is
 * part of the request, with the site's busy timeout from the start.
 */
public final class WebRequests {
    private final Database database;

    public WebRequests(Database database) {
        this.database = database;
    }

    /** Serves one request for item {@code id}; true if the page could be rendered. */
    public boolean serve(int id, Tally tally) {
        return Operation.run(() -> render(id), Operation.FailureListener.NONE, (error, failedTries) -> false, tally);
    }

    private void render(int id) throws SQLException {
        try (Connection connection = database.connectAsRequest();
                PreparedStatement select = connection.prepareStatement(Workload.POINT_QUERY)) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    rows.getString(1);
                }
            }
        }
    }
}
