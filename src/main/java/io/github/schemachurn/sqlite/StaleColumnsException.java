package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.List;

/**
 * A read that returned no error but the wrong column set: the columns a reused statement
 * returned differ from those the same SQL returns under the schema the read ran under. Thrown by
 * a checking reader, so that {@link Operation#run} counts it as {@link ErrorClass#STALE_COLUMNS}.
 * The statement stays usable.
 */
public final class StaleColumnsException extends SQLException {
    private static final long serialVersionUID = 1L;

    public StaleColumnsException(List<String> returned, List<String> expected) {
        super("stale columns: the reused statement returned " + returned + ", the schema it ran under gives " + expected);
    }
}
