package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.capi.NativeSqlite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Captures the {@link Environment} of the machine this JVM runs on. */
public final class EnvironmentCapture {
    static final String SYSTEM_SQLITE = "system SQLite";

    private EnvironmentCapture() {}

    /**
     * Records the system SQLite library's facts by itself ({@link #systemSqlite()}).
     *
     * @param extras more facts to record as they are (key=value); they override captured ones of the same key
     */
    public static Environment capture(String command, List<String> jmhCommands, String duration, String date, boolean smoke,
                                      java.util.Map<String, String> extras) {
        String[] sqlite = sqliteVersions();
        java.util.Map<String, String> facts = new java.util.TreeMap<>(systemSqlite());
        facts.putAll(extras);
        String when = date != null ? date : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(), os(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                sqlite[0], sqlite[1], command, jmhCommands, duration, when, smoke, new java.util.TreeMap<>(facts));
    }

    /** The "model name" of /proc/cpuinfo on Linux; the architecture elsewhere. */
    static String cpuModel() {
        return linuxField(Path.of("/proc/cpuinfo"), "model name", ':')
                .orElse(System.getProperty("os.arch") + " (CPU model not readable)");
    }

    /** E.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0 amd64". */
    static String os() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return linuxField(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
                .map(name -> name.replace("\"", "") + ", " + kernel)
                .orElse(kernel);
    }

    private static Optional<String> linuxField(Path file, String key, char separator) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int at = line.indexOf(separator);
                if (at > 0 && line.substring(0, at).trim().equals(key)) {
                    return Optional.of(line.substring(at + 1).trim());
                }
            }
        } catch (IOException e) {
            // Not Linux, or not readable: the caller falls back to the JVM's properties.
        }
        return Optional.empty();
    }

    /**
     * The system SQLite library that the legacy-prepare rows call through JNA: its version,
     * MAX_SCHEMA_RETRY and every compile option; "not installed" (and why) if it cannot be loaded.
     * An {@code --extra} with the same key overrides these.
     */
    static java.util.Map<String, String> systemSqlite() {
        try {
            return java.util.Map.of(SYSTEM_SQLITE, NativeSqlite.version(),
                    Environment.MAX_SCHEMA_RETRY, String.valueOf(NativeSqlite.maxSchemaRetry()),
                    SYSTEM_SQLITE + " compile options", String.join(" ", NativeSqlite.compileOptions()));
        } catch (IllegalStateException missing) {
            return java.util.Map.of(SYSTEM_SQLITE, "not installed (" + missing.getMessage() + ")");
        }
    }

    /** {driver version, SQLite library version}, from an in-memory database. */
    static String[] sqliteVersions() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("select sqlite_version()")) {
            version.next();
            return new String[] {connection.getMetaData().getDriverVersion(), version.getString(1)};
        } catch (SQLException e) {
            throw new ReportException("cannot open SQLite to read its version: " + JmhJson.oneLine(e.getMessage()));
        }
    }
}
