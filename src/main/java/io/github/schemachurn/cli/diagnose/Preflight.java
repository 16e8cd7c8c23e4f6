package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.workload.diagnosis.Case;
import io.github.schemachurn.workload.diagnosis.Schema;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.JournalMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the user's input before anything is measured, each problem one line
 * ({@link DiagnoseException}): the file, the query and its arguments, the migration, the rollback
 * (one up/down pair must leave the schema as it was). Leaves a private master copy of the file,
 * taken once from the read-only original, that every trial copies again.
 */
final class Preflight {
    /**
     * How long diagnose waits for a lock another process holds on the user's file (a write
     * transaction in a rollback-journal database, BEGIN EXCLUSIVE) before it says the file is locked.
     */
    static final int LOCK_WAIT_MS = 5_000;

    private Preflight() {}

    /**
     * The checked input.
     *
     * @param notes facts about the migration the page should say (it does not change the schema; the query
     *              does not prepare after it)
     */
    record Checked(Database master, Case diagnosis, Profile profile, String sqliteVersion, String driverVersion, List<String> notes)
            implements AutoCloseable {
        @Override
        public void close() {
            master.close();
        }
    }

    static Checked check(Path file, String query, List<String> args, Path migration, Optional<Path> rollback) {
        return check(file, query, args, migration, rollback, "", List.of());
    }

    /** @param write the writers' statement, empty if writers are not measured */
    static Checked check(Path file, String query, List<String> args, Path migration, Optional<Path> rollback,
            String write, List<String> writeArgs) {
        if (write.isBlank() && !writeArgs.isEmpty()) {
            throw new DiagnoseException("--write-arg needs --write: the arguments are for the writers' statement");
        }
        if (!Files.exists(file)) {
            throw new DiagnoseException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DiagnoseException(file + ": not a regular file");
        }
        List<String> up = Script.withoutOuterTransaction(Script.read(migration, "migration"), "migration " + migration);
        List<String> down = rollback.isEmpty() ? List.of()
                : Script.withoutOuterTransaction(Script.read(rollback.get(), "rollback"), "rollback " + rollback.get());
        Profile profile;
        String version;
        String driver;
        try (Connection original = Database.openReadOnly(file, LOCK_WAIT_MS)) {
            profile = Profile.of(original);
            version = text(original, "SELECT sqlite_version()");
            driver = original.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            throw ErrorClass.of(e) == ErrorClass.BUSY ? locked(file)
                    : new DiagnoseException(file + " is not an SQLite database SQLite can read (" + e.getMessage() + ")");
        }
        Database master = copyOriginal(file);
        try {
            Case diagnosis = new Case(master.file().toString(), query, args, up, down, write.strip(), writeArgs);
            List<String> notes = checkOnCopy(diagnosis, file);
            return new Checked(master, diagnosis, profile, version, driver, notes);
        } catch (RuntimeException e) {
            master.close();
            throw e;
        }
    }

    private static DiagnoseException locked(Path file) {
        return new DiagnoseException(file + " is locked by another process: it was still locked after " + LOCK_WAIT_MS / 1000
                + " s (a write transaction, or BEGIN EXCLUSIVE, holds it); run diagnose again once it is free");
    }

    /** A consistent copy of the user's file, read-only, waiting at most {@link #LOCK_WAIT_MS} for another process's lock. */
    private static Database copyOriginal(Path file) {
        try {
            return Database.copyOf(file, LOCK_WAIT_MS, JournalMode.DELETE, 0);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof SQLException sql && ErrorClass.of(sql) == ErrorClass.BUSY) {
                throw locked(file);
            }
            throw new DiagnoseException(e.getMessage());
        }
    }

    private static Database copy(Path file) {
        try {
            return Database.copyOf(file, JournalMode.DELETE, 0);
        } catch (IllegalArgumentException e) {
            throw new DiagnoseException(e.getMessage());
        }
    }

    private static List<String> checkOnCopy(Case diagnosis, Path file) {
        List<String> notes = new ArrayList<>();
        try (Database copy = copy(Path.of(diagnosis.source()));
             Connection c = copy.connect();
             Statement s = c.createStatement()) {
            checkQuery(c, diagnosis, "the query does not prepare on " + file);
            if (diagnosis.writes()) {
                checkWrite(c, diagnosis, file);
            }
            Schema before = Schema.of(c);
            apply(s, diagnosis.up(), "the migration fails on a copy of " + file);
            Schema migrated = Schema.of(c);
            if (migrated.differenceFrom(before).isEmpty()) {
                notes.add("the migration does not change the schema, so readers never see a schema change");
            }
            try (PreparedStatement after = c.prepareStatement(diagnosis.query())) {
                after.getMetaData();
            } catch (SQLException e) {
                notes.add("after the migration the query no longer prepares (" + e.getMessage() + "): readers fail once it commits");
            }
            if (diagnosis.writes()) {
                try (PreparedStatement after = c.prepareStatement(diagnosis.write())) {
                    after.getParameterMetaData();
                } catch (SQLException e) {
                    notes.add("after the migration the write statement no longer prepares (" + e.getMessage()
                            + "): writers fail once it commits");
                }
            }
            if (diagnosis.alternates()) {
                apply(s, diagnosis.down(), "the rollback fails on a copy of " + file + " after the migration");
                Optional<String> difference = Schema.of(c).differenceFrom(before);
                if (difference.isPresent()) {
                    throw new DiagnoseException("the rollback does not restore the schema after the migration: " + difference.get());
                }
            }
        } catch (SQLException e) {
            throw new DiagnoseException("cannot check the input on a copy of " + file + ": " + e.getMessage());
        }
        return notes;
    }

    private static void checkQuery(Connection c, Case diagnosis, String fails) {
        try (PreparedStatement statement = c.prepareStatement(diagnosis.query())) {
            int placeholders = statement.getParameterMetaData().getParameterCount();
            if (placeholders != diagnosis.args().size()) {
                throw new DiagnoseException("the query has " + placeholders + " placeholder(s) but " + diagnosis.args().size()
                        + " --arg value(s) were given");
            }
            diagnosis.binder().bind(statement, 1);
            // Run once on the copy: a statement that returns no result set is no reader's query.
            if (!statement.execute()) {
                throw new DiagnoseException("the query returns no columns: diagnose runs it as your readers' query (a SELECT)");
            }
            try (ResultSet rows = statement.getResultSet()) {
                rows.next();
            }
        } catch (SQLException e) {
            throw new DiagnoseException(fails + ": " + e.getMessage());
        }
    }

    /** The writers' statement must prepare, take its arguments, and change a row on the copy: else there is no writer to measure. */
    private static void checkWrite(Connection c, Case diagnosis, Path file) {
        String write = "the write statement (" + abbreviate(diagnosis.write()) + ")";
        try (PreparedStatement statement = c.prepareStatement(diagnosis.write())) {
            int placeholders = statement.getParameterMetaData().getParameterCount();
            if (placeholders != diagnosis.writeArgs().size()) {
                throw new DiagnoseException(write + " has " + placeholders + " placeholder(s) but " + diagnosis.writeArgs().size()
                        + " --write-arg value(s) were given");
            }
            diagnosis.writeBinder().bind(statement, 1);
            if (statement.execute()) {
                throw new DiagnoseException(write + " returns rows: give a statement that changes a row (UPDATE, INSERT, DELETE)");
            }
            if (statement.getUpdateCount() == 0) {
                throw new DiagnoseException(write + " changes no row on a copy of " + file
                        + (diagnosis.writeArgs().isEmpty() ? "" : " with --write-arg " + String.join(", ", diagnosis.writeArgs()))
                        + ": writers are measured by the rows they change");
            }
        } catch (SQLException e) {
            throw new DiagnoseException(write + " does not run on a copy of " + file + ": " + e.getMessage());
        }
    }

    /** Runs the statements in one transaction, as the migrator does; a failure names the statement. */
    private static void apply(Statement s, List<String> statements, String fails) throws SQLException {
        s.execute("BEGIN IMMEDIATE");
        for (int i = 0; i < statements.size(); i++) {
            try {
                s.execute(statements.get(i));
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw new DiagnoseException(fails + ": statement " + (i + 1) + " (" + abbreviate(statements.get(i)) + "): "
                        + e.getMessage());
            }
        }
        s.execute("COMMIT");
    }

    static String abbreviate(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
