package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database's schema cookie ({@code PRAGMA schema_version}): SQLite adds one to it with every
 * committed schema change, and a prepared statement compiled against an older value is stale.
 */
public final class SchemaVersion {
    private SchemaVersion() {}

    public static long read(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
