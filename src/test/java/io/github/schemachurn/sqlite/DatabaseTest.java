package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(Database.TMPDIR_PROPERTY);
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void createsAPrivateDirectoryAndRemovesItWithEverythingInIt() throws Exception {
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
        Database db = Database.create(JournalMode.WAL, 0);
        Path dir = db.directory();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id)");
            assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString())
                    .contains("bench.db", "bench.db-wal", "bench.db-shm");
        }
        assertThat(dir.getParent()).isEqualTo(tmp);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

        db.close();

        assertThat(dir).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void setsJournalModeAndBusyTimeoutOnEveryConnection() throws SQLException {
        try (Database db = Database.create(JournalMode.DELETE, 1234); Connection c = db.connect()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("delete");
            assertThat(pragma(c, "busy_timeout")).isEqualTo("1234");
        }
        try (Database db = Database.create(JournalMode.WAL, 0); Connection c = db.connect()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "busy_timeout")).as("never the driver's default of 3000").isEqualTo("0");
        }
    }

    @Test
    void anUnusableTempDirectoryGivesAOneLineError() throws IOException {
        Path notADirectory = Files.createFile(tmp.resolve("plain-file"));
        System.setProperty(Database.TMPDIR_PROPERTY, notADirectory.toString());

        assertThatThrownBy(() -> Database.create(JournalMode.WAL, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot create a private database directory under " + notADirectory)
                .hasMessageNotContaining("\n");
    }

    @Test
    void paramsNameTheParameterAndWhatItAccepts() {
        assertThatThrownBy(() -> Params.parseEnum("journal", "FOO", JournalMode.class))
                .hasMessage("unknown value 'FOO' for parameter journal; accepted: WAL, DELETE");
        assertThatThrownBy(() -> Params.parseNonNegativeInt("busyTimeout", "soon"))
                .hasMessage("parameter busyTimeout must be a whole number, got 'soon'");
        assertThatThrownBy(() -> Params.parseNonNegativeInt("extraTables", "-1"))
                .hasMessage("parameter extraTables must not be negative, got -1");
        assertThat(Params.parseNonNegativeInt("rows", "10")).isEqualTo(10);
    }
}
