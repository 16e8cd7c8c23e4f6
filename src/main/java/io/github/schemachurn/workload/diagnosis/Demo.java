package io.github.schemachurn.workload.diagnosis;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A small application schema with a query and a migration, for the diagnose benchmarks' default
 * params (they run without a user's database, e.g. in the smoke test): a shop's orders with a
 * trigger, a view and twenty small side tables; the migration adds a column and its index.
 */
public final class Demo {
    static final String QUERY = "SELECT total FROM orders WHERE id = ?";
    static final List<String> UP = List.of("ALTER TABLE orders ADD COLUMN note TEXT", "CREATE INDEX orders_note ON orders(note)");
    static final List<String> DOWN = List.of("DROP INDEX orders_note", "ALTER TABLE orders DROP COLUMN note");
    static final String WRITE = "UPDATE orders SET total = total + 1 WHERE id = ?";

    private Demo() {}

    /** The demo database in a private directory; the caller closes it. */
    public static Database create() throws SQLException {
        Database db = Database.create(JournalMode.WAL, 0);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)");
            s.execute("CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), "
                    + "total INTEGER NOT NULL, updated INTEGER)");
            s.execute("CREATE INDEX orders_customer ON orders(customer_id)");
            s.execute("CREATE TRIGGER orders_touch AFTER UPDATE ON orders BEGIN "
                    + "UPDATE orders SET updated = unixepoch() WHERE id = new.id; END");
            s.execute("CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 1000");
            for (int i = 0; i < 20; i++) {
                s.execute("CREATE TABLE side_" + i + "(id INTEGER PRIMARY KEY, name TEXT)");
            }
            s.execute("INSERT INTO customers(id, email) VALUES (1, 'a@example.org')");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                    + "INSERT INTO orders(id, customer_id, total) SELECT i, 1, i * 7 FROM n");
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The demo's query (one argument), migration and rollback, and a writer's update, on the demo database {@code db}. */
    public static Case of(Database db) {
        return new Case(db.file().toString(), QUERY, List.of("42"), UP, DOWN, WRITE, List.of("7"));
    }
}
