package io.github.schemachurn.report;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What JMH's results do not record about a run: the machine, the SQLite driver and library, the
 * exact command, its duration and the date, plus any extra facts ({@link #extras}: e.g. the system
 * SQLite library's version and compile options, fed by whoever runs the legacy rows). Captured
 * beside the results by {@code capture-env} ({@link EnvironmentCapture}); the report reads it back.
 *
 * @param jmhCommands the JMH invocations of the run
 * @param duration    how long the run took, as its runner wrote it ("" if not recorded)
 * @param smoke       whether the run used tiny settings to check the tooling (its numbers mean nothing)
 */
public record Environment(String cpuModel, int cores, String os, String javaVendor, String javaVersion,
                          String sqliteJdbcVersion, String sqliteVersion, String command, List<String> jmhCommands,
                          String duration, String date, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean smoke,
                          SortedMap<String, String> extras) {
    /** The extra key under which the system SQLite library's SQLITE_MAX_SCHEMA_RETRY is recorded. */
    public static final String MAX_SCHEMA_RETRY = "system SQLite MAX_SCHEMA_RETRY";
    /** The extra key under which the system SQLite library's version is recorded. */
    public static final String SYSTEM_SQLITE = "system SQLite (legacy-prepare rows)";
    /** The extra key under which results/run.sh records the commit the run started from ({@code -dirty} if src/ or pom.xml had changes). */
    public static final String COMMIT = "commit";

    public Environment {
        requireText("cpuModel", cpuModel);
        requireText("os", os);
        requireText("javaVendor", javaVendor);
        requireText("javaVersion", javaVersion);
        requireText("sqliteJdbcVersion", sqliteJdbcVersion);
        requireText("sqliteVersion", sqliteVersion);
        requireText("command", command);
        requireText("date", date);
        if (cores < 1) {
            throw new JmhJson.Invalid("cores", "must be at least 1, got " + cores);
        }
        jmhCommands = jmhCommands == null ? List.of() : List.copyOf(jmhCommands);
        duration = duration == null ? "" : duration;
        extras = extras == null ? new TreeMap<>() : new TreeMap<>(extras);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new JmhJson.Invalid(name, "is missing or empty");
        }
    }

    /** @throws ReportException with one line naming the file and the problem */
    public static Environment read(Path file) {
        JsonNode root = JmhJson.parse(file);
        if (!root.isObject()) {
            throw new ReportException(file + ": not an environment file (expected a JSON object)");
        }
        try {
            return JmhJson.bind(root, Environment.class);
        } catch (JmhJson.Invalid e) {
            throw new ReportException(file + ": not an environment file (" + e.getMessage() + ")");
        }
    }

    /**
     * What the run was, by name, for a line or a table: the machine and versions, then when and how it
     * ran, then the extras as recorded; a smoke run says so.
     */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", cpuModel + ", " + cores + " cores");
        facts.put("OS", os);
        facts.put("JDK", javaVendor + " " + javaVersion);
        facts.put("SQLite", sqliteVersion + " via sqlite-jdbc " + sqliteJdbcVersion);
        facts.put("date", date);
        facts.put("duration", duration.isEmpty() ? "not recorded" : duration);
        facts.put("command", "`" + command + "`");
        facts.putAll(extras);
        if (smoke) {
            facts.put("smoke run", "yes: its numbers mean nothing");
        }
        return facts;
    }

    /** Pretty JSON in the order of the fields above, ending in a newline. */
    public String toJson() {
        try {
            return JmhJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
