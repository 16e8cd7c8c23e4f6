package io.github.schemachurn.sqlite;

import static io.github.schemachurn.sqlite.Sql.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StaleColumnsProbeTest {
    static String describe(PreparedStatement s) {
        StringBuilder b = new StringBuilder();
        try (ResultSet rs = s.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            b.append("count=").append(md.getColumnCount()).append(" names=");
            for (int i = 1; i <= md.getColumnCount(); i++) b.append(md.getColumnName(i)).append(',');
            rs.next();
            for (int i = 1; i <= 4; i++) {
                try { b.append(" get(").append(i).append(")=").append(rs.getString(i)); }
                catch (SQLException e) { b.append(" get(").append(i).append(")!").append(e.getMessage()); }
            }
            try { b.append(" byName(extra)=").append(rs.getString("extra")); }
            catch (SQLException e) { b.append(" byName(extra)!").append(e.getMessage()); }
        } catch (SQLException e) {
            b.append("execute! ").append(ErrorClass.of(e)).append(' ').append(e.getMessage());
        }
        try { b.append(" | stmtMeta=").append(s.getMetaData().getColumnCount()); } catch (SQLException e) { b.append(" | stmtMeta!").append(e.getMessage()); }
        return b.toString();
    }

    void probe(String ddl, boolean executeFirst) throws SQLException {
        try (Database db = Database.create(JournalMode.WAL, 0);
             Connection reader = db.connect(); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'a')");
            PreparedStatement s = reader.prepareStatement("SELECT * FROM items WHERE id = 1");
            PreparedStatement l = reader.prepareStatement("SELECT id, payload FROM items WHERE id = 1");
            try (PreparedStatement f = reader.prepareStatement("SELECT * FROM items WHERE id = ?")) { System.out.println("fresh meta before execute: " + f.getMetaData().getColumnCount() + " " + f.getMetaData().getColumnName(2)); }
            if (executeFirst) { System.out.println("  before: " + describe(s)); describe(l); }
            exec(churner, ddl);
            System.out.println(ddl + " executeFirst=" + executeFirst + " star: " + describe(s));
            System.out.println(ddl + " executeFirst=" + executeFirst + " listed: " + describe(l));
            System.out.println(ddl + " executeFirst=" + executeFirst + " again star: " + describe(s));
        }
    }

    @Test
    void probeAll() throws SQLException {
        for (boolean first : new boolean[] {false, true}) {
            probe("ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'x'", first);
            probe("ALTER TABLE items RENAME COLUMN payload TO body", first);
            probe("ALTER TABLE items DROP COLUMN payload", first);
        }
    }
}
