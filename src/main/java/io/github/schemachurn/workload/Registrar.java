package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed site's registration: every new user gets a table of their own,
 * {@code user_<n>} with a generated n (never a user-supplied name), created through a DDL
 * locking strategy. The schema therefore grows with every registration. A number moves on only
 * when its CREATE was acknowledged, so {@link #verify} can check the tables against the count.
 */
public final class Registrar implements AutoCloseable {
    static final String TABLE_PREFIX = "user_";

    private final Statement statement;
    private final DdlRunner ddl;
    private final Retrier retrier;
    private volatile long registered;

    public Registrar(Connection connection, DdlRunner ddl, Retrier retrier) throws SQLException {
        this.statement = connection.createStatement();
        this.ddl = ddl;
        this.retrier = retrier;
    }

    /** Registers one user: one CREATE TABLE; true if it was committed. */
    public boolean step(Tally tally) {
        String sql = "CREATE TABLE " + TABLE_PREFIX + registered + "(id INTEGER PRIMARY KEY, name TEXT, score INTEGER)";
        boolean committed = Operation.run(() -> ddl.run(statement::execute, List.of(sql)), Operation.FailureListener.NONE, retrier, tally);
        if (committed) {
            registered++;
        }
        return committed;
    }

    /** Users whose table creation was acknowledged. */
    public long registered() {
        return registered;
    }

    /**
     * Checks that exactly the acknowledged user tables exist and the file passes integrity_check.
     *
     * @throws IllegalStateException naming every mismatch, with the numbers
     */
    public static void verify(Connection connection, long acknowledged) throws SQLException {
        List<String> problems = new ArrayList<>();
        String integrity = Audit.integrityCheck(connection);
        if (!integrity.equals("ok")) {
            problems.add("integrity_check says '" + integrity + "'");
        }
        long tables;
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name LIKE ? ESCAPE '\\'")) {
            s.setString(1, TABLE_PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                tables = rs.getLong(1);
            }
        }
        if (tables != acknowledged) {
            problems.add(acknowledged + " registrations acknowledged but " + tables + " user tables found");
        }
        if (acknowledged > 0 && !Workload.tableExists(connection, TABLE_PREFIX + (acknowledged - 1))) {
            problems.add("table " + TABLE_PREFIX + (acknowledged - 1) + " of the last acknowledged registration is missing");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("registration audit failed: " + String.join("; ", problems));
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
