package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Small helpers for tests that drive SQLite directly. */
final class Sql {
    private Sql() {}

    static void exec(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The class of the SQLException the call throws; fails the test if it throws none. */
    static ErrorClass failureOf(ThrowingCallable call) {
        SQLException e = catchThrowableOfType(SQLException.class, call);
        if (e == null) {
            throw new AssertionError("expected an SQLException, none was thrown");
        }
        return ErrorClass.of(e);
    }
}
