package io.github.schemachurn.cli.diagnose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Databases of several shapes, as users have them, each with a query and a migration that
 * touches the queried table: diagnose must not depend on any one shape.
 */
enum Shapes {
    /** Many small tables, an index each. */
    MANY_SMALL_TABLES("SELECT name FROM t_7 WHERE id = ?", "ALTER TABLE t_7 ADD COLUMN extra INTEGER", "ALTER TABLE t_7 DROP COLUMN extra") {
        @Override
        void build(Statement s) throws SQLException {
            for (int i = 0; i < 300; i++) {
                s.execute("CREATE TABLE t_" + i + "(id INTEGER PRIMARY KEY, name TEXT, score INTEGER)");
                s.execute("CREATE INDEX t_" + i + "_score ON t_" + i + "(score)");
            }
            s.execute("INSERT INTO t_7(id, name) VALUES (1, 'one')");
        }
    },
    /** A few wide tables (60 columns), several indexes on each. */
    FEW_WIDE_TABLES("SELECT c3, c4 FROM wide_1 WHERE id = ? AND c5 = ?", "CREATE INDEX wide_1_c9 ON wide_1(c9, c10)",
            "DROP INDEX wide_1_c9") {
        @Override
        void build(Statement s) throws SQLException {
            for (int t = 0; t < 3; t++) {
                StringBuilder columns = new StringBuilder("id INTEGER PRIMARY KEY");
                for (int c = 0; c < 60; c++) {
                    columns.append(", c").append(c).append(c % 2 == 0 ? " TEXT" : " INTEGER");
                }
                s.execute("CREATE TABLE wide_" + t + "(" + columns + ")");
                for (int i = 0; i < 5; i++) {
                    s.execute("CREATE INDEX wide_" + t + "_i" + i + " ON wide_" + t + "(c" + (2 * i + 1) + ")");
                }
            }
            s.execute("INSERT INTO wide_1(id, c3, c5) VALUES (1, 3, 5)");
        }
    },
    /** Triggers and views over a few tables. */
    TRIGGERS_AND_VIEWS("SELECT total FROM orders_view WHERE id = ?",
            "CREATE TRIGGER orders_log AFTER INSERT ON orders BEGIN INSERT INTO log(what) VALUES ('insert; ' || new.id); END",
            "DROP TRIGGER orders_log") {
        @Override
        void build(Statement s) throws SQLException {
            s.execute("CREATE TABLE orders(id INTEGER PRIMARY KEY, total INTEGER, updated INTEGER)");
            s.execute("CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT)");
            for (int i = 0; i < 20; i++) {
                s.execute("CREATE TRIGGER orders_t" + i + " AFTER UPDATE OF total ON orders BEGIN "
                        + "INSERT INTO log(what) VALUES (CASE WHEN new.total > " + i + " THEN 'big' ELSE 'small' END); END");
                s.execute("CREATE VIEW orders_v" + i + " AS SELECT id, total * " + i + " AS scaled FROM orders");
            }
            s.execute("CREATE VIEW orders_view AS SELECT id, total FROM orders");
            s.execute("INSERT INTO orders(id, total) VALUES (1, 10)");
        }
    },
    /** A table per tenant, as sites that create one per user do. */
    TABLE_PER_TENANT("SELECT body FROM tenant_3_posts WHERE id = ?", "CREATE TABLE tenant_new_posts(id INTEGER PRIMARY KEY, body TEXT)",
            "DROP TABLE tenant_new_posts") {
        @Override
        void build(Statement s) throws SQLException {
            for (int i = 0; i < 150; i++) {
                s.execute("CREATE TABLE tenant_" + i + "_posts(id INTEGER PRIMARY KEY, body TEXT, created INTEGER)");
                s.execute("CREATE INDEX tenant_" + i + "_created ON tenant_" + i + "_posts(created)");
            }
            s.execute("INSERT INTO tenant_3_posts(id, body) VALUES (1, 'hello')");
        }
    };

    final String query;
    final List<String> up;
    final List<String> down;

    Shapes(String query, String up, String down) {
        this.query = query;
        this.up = List.of(up);
        this.down = List.of(down);
    }

    abstract void build(Statement s) throws SQLException;

    /** The arguments for the query's placeholders. */
    List<String> args() {
        return query.contains("AND") ? List.of("1", "5") : List.of("1");
    }

    /** The database file in {@code dir}, in the given journal mode ("DELETE" or "WAL"), with its migration files beside it. */
    Path create(Path dir, String journal) throws Exception {
        Path file = dir.resolve(name().toLowerCase() + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=" + journal);
            s.execute("BEGIN");
            build(s);
            s.execute("COMMIT");
        }
        Files.writeString(dir.resolve(name().toLowerCase() + "-up.sql"), String.join(";\n", up) + ";\n");
        Files.writeString(dir.resolve(name().toLowerCase() + "-down.sql"), String.join(";\n", down) + ";\n");
        return file;
    }

    Path upFile(Path dir) {
        return dir.resolve(name().toLowerCase() + "-up.sql");
    }

    Path downFile(Path dir) {
        return dir.resolve(name().toLowerCase() + "-down.sql");
    }
}
