package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema every benchmark runs on: a seeded table for point lookups ({@value #QUERIED_TABLE}),
 * an empty table for inserts ({@value #WRITE_TABLE}), and optionally extra tables, each with an
 * index, that only make the schema larger. Every automatic re-prepare reloads the whole schema,
 * so extra tables make each schema change cost readers more.
 */
public final class Workload {
    public static final String QUERIED_TABLE = "items";
    public static final String WRITE_TABLE = "writes";
    public static final String POINT_QUERY = "SELECT payload FROM " + QUERIED_TABLE + " WHERE id = ?";
    /** The point query by {@code SELECT *}: its column set follows the table's, so it can go stale. */
    public static final String STAR_QUERY = "SELECT * FROM " + QUERIED_TABLE + " WHERE id = ?";

    /** The reader's query: listed columns, or every column (to watch for stale column metadata after ALTER TABLE). */
    public enum Query {
        POINT(POINT_QUERY), STAR(STAR_QUERY);

        public final String sql;

        Query(String sql) {
            this.sql = sql;
        }
    }
    public static final String INSERT = "INSERT INTO " + WRITE_TABLE + "(id, payload) VALUES (?, ?)";

    /** The column list of the queried, the written and the churned tables. */
    static final String COLUMNS = "(id INTEGER PRIMARY KEY, payload TEXT NOT NULL)";

    private Workload() {}

    /**
     * A fresh database in a private temp directory with the schema created and seeded; removed
     * again if seeding fails.
     */
    public static Database createDatabase(JournalMode journal, int busyTimeoutMs, int rows, int extraTables)
            throws SQLException {
        Database database = Database.create(journal, busyTimeoutMs);
        try (Connection c = database.connect()) {
            create(c, rows, extraTables);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** Creates the schema and seeds {@code rows} rows with ids 1..rows, in one transaction. */
    public static void create(Connection connection, int rows, int extraTables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN");
            s.execute("CREATE TABLE " + QUERIED_TABLE + COLUMNS);
            s.execute("CREATE TABLE " + WRITE_TABLE + COLUMNS);
            for (int i = 0; i < extraTables; i++) {
                s.execute("CREATE TABLE extra_" + i + "(id INTEGER PRIMARY KEY, name TEXT, score INTEGER)");
                s.execute("CREATE INDEX extra_" + i + "_score ON extra_" + i + "(score)");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + QUERIED_TABLE + "(id, payload) VALUES (?, ?)")) {
                for (int id = 1; id <= rows; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "payload-" + id);
                    insert.executeUpdate();
                }
            }
            s.execute("COMMIT");
        }
    }

    static String createTable(String table) {
        return "CREATE TABLE " + table + COLUMNS;
    }

    public static long countRows(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** The table's column names in order (empty if there is no such table). */
    public static List<String> columns(Connection connection, String table) throws SQLException {
        return names(connection, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
    }

    public static boolean indexExists(Connection connection, String index) throws SQLException {
        return !names(connection, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name = ?", index).isEmpty();
    }

    /** The names of the tables whose name starts with {@code prefix} (matched literally). */
    public static List<String> tablesStartingWith(Connection connection, String prefix) throws SQLException {
        return names(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' AND substr(name, 1, length(?1)) = ?1",
                prefix);
    }

    private static List<String> names(Connection connection, String sql, String parameter) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
