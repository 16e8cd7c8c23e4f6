package io.github.schemachurn.cli.diagnose;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Another process on the user's database, for {@link OtherProcessTest}: {@code lock FILE} holds
 * BEGIN EXCLUSIVE, {@code write FILE} inserts rows 1, 2, 3, … into {@code live_writes} in a loop
 * with busy timeout 0 (a write that had to wait fails). Prints {@code ready} once it holds the lock
 * or has written its first row, and runs until its standard input ends; then {@code write} prints
 * {@code acknowledged N failed F}. A parent that dies closes the pipe, so the child never outlives it.
 */
public final class OtherProcess {
    public static void main(String[] args) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[1], config.toProperties());
             Statement s = c.createStatement()) {
            if (args[0].equals("lock")) {
                s.execute("BEGIN EXCLUSIVE");
                ready();
                awaitEndOfInput();
                s.execute("ROLLBACK");
                return;
            }
            Thread stop = new Thread(OtherProcess::awaitEndOfInput);
            stop.start();
            long acknowledged = 0;
            long failed = 0;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO live_writes(id) VALUES (?)")) {
                while (stop.isAlive()) {
                    insert.setLong(1, acknowledged + 1);
                    try {
                        insert.executeUpdate();
                        if (++acknowledged == 1) {
                            ready();
                        }
                    } catch (SQLException e) {
                        failed++;
                    }
                }
            }
            System.out.println("acknowledged " + acknowledged + " failed " + failed);
        }
    }

    private static void ready() {
        System.out.println("ready");
        System.out.flush();
    }

    private static void awaitEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // until the parent closes the pipe
            }
        } catch (IOException ended) {
            // the parent is gone
        }
    }
}
