package io.github.schemachurn.report;

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
    private EnvironmentCapture() {}

    /** @param extras more facts to record as they are (key=value), e.g. the system SQLite library's compile options */
    public static Environment capture(String command, List<String> jmhCommands, String duration, String date, boolean smoke,
                                      java.util.Map<String, String> extras) {
        String[] sqlite = sqliteVersions();
        String when = date != null ? date : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        java.util.SortedMap<String, String> facts = new java.util.TreeMap<>(systemSqlite());
        facts.putAll(extras);
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(), os(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                sqlite[0], sqlite[1], command, jmhCommands, duration, when, smoke, facts);
    }

    /**
     * The system SQLite library the legacy-prepare rows ran on: its version, its schema-retry
     * limit (SQLITE_MAX_SCHEMA_RETRY, 50 unless compiled otherwise; Debian builds 25) and every
     * compile option. Empty if the library is not installed.
     */
    static java.util.Map<String, String> systemSqlite() {
        if (!io.github.schemachurn.sqlite.NativeSqlite.available()) {
            return java.util.Map.of();
        }
        List<String> options = io.github.schemachurn.sqlite.NativeSqlite.compileOptions();
        String retry = options.stream().filter(o -> o.startsWith("MAX_SCHEMA_RETRY="))
                .map(o -> o.substring("MAX_SCHEMA_RETRY=".length())).findFirst().orElse("50 (SQLite's default)");
        return java.util.Map.of(Environment.SYSTEM_SQLITE, io.github.schemachurn.sqlite.NativeSqlite.version(),
                Environment.MAX_SCHEMA_RETRY, retry,
                "system SQLite compile options", String.join(" ", options));
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
