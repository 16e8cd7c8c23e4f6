package io.github.schemachurn.cli.diagnose;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a schema reload has to parse, and the file's settings: every re-prepare after a schema
 * change reloads all of {@code sqlite_schema} (tables, indexes, triggers, views), so its cost
 * follows these counts and the schema text's size, not the data.
 *
 * @param indexes     every index, the automatic ones of UNIQUE and PRIMARY KEY constraints included
 * @param schemaBytes the length of all the schema's SQL text
 */
record Profile(long tables, long indexes, long automaticIndexes, long triggers, long views, long schemaBytes,
               long pages, long pageSize, String journalMode) {

    /** Read through a connection that only reads (the user's own file). */
    static Profile of(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return new Profile(
                    count(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"),
                    count(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"),
                    count(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NULL"),
                    count(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"),
                    count(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'"),
                    count(s, "SELECT coalesce(sum(length(sql)), 0) FROM sqlite_schema"),
                    count(s, "PRAGMA page_count"),
                    count(s, "PRAGMA page_size"),
                    text(s, "PRAGMA journal_mode").toUpperCase(java.util.Locale.ROOT));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
