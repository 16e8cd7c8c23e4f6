package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.SchemaVersion;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Counts the schema changes committed during one measurement period, from the
 * {@code PRAGMA schema_version} delta on a connection of its own. Several threads finish the
 * same period; {@link #claimChanges()} hands the delta to the first of them and 0 to the
 * others, so a sum over threads counts every change once.
 */
public final class SchemaChangeProbe {
    private final Connection connection;
    private long startVersion;
    private boolean claimed = true;

    /** @param connection used by this probe alone */
    public SchemaChangeProbe(Connection connection) {
        this.connection = connection;
    }

    /** Starts a period at the current schema version. */
    public synchronized void begin() throws SQLException {
        startVersion = SchemaVersion.read(connection);
        claimed = false;
    }

    /** The changes since {@link #begin()} for the first caller of the period, 0 for every later one. */
    public synchronized long claimChanges() throws SQLException {
        if (claimed) {
            return 0;
        }
        claimed = true;
        return SchemaVersion.read(connection) - startVersion;
    }
}
