package io.github.schemachurn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                          String duration, String date, boolean smoke, SortedMap<String, String> extras) {
    /** The extra key under which the system SQLite library's SQLITE_MAX_SCHEMA_RETRY is recorded. */
    public static final String MAX_SCHEMA_RETRY = "system SQLite MAX_SCHEMA_RETRY";

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
            throw new IllegalArgumentException("'cores' must be at least 1, got " + cores);
        }
        jmhCommands = List.copyOf(jmhCommands);
        duration = duration == null ? "" : duration;
        extras = new TreeMap<>(extras);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing or empty");
        }
    }

    public static Environment read(Path file) {
        JsonNode root = JmhJson.parse(file);
        if (!root.isObject()) {
            throw new ReportException(file + ": not an environment file (expected a JSON object)");
        }
        try {
            List<String> commands = new ArrayList<>();
            root.path("jmhCommands").forEach(c -> commands.add(c.asText()));
            JsonNode cores = root.get("cores");
            if (cores == null || !cores.canConvertToInt()) {
                throw new IllegalArgumentException("'cores' is missing or not a whole number");
            }
            SortedMap<String, String> extras = new TreeMap<>();
            root.path("extras").fields().forEachRemaining(e -> extras.put(e.getKey(), e.getValue().asText()));
            return new Environment(text(root, "cpuModel"), cores.intValue(), text(root, "os"),
                    text(root, "javaVendor"), text(root, "javaVersion"), text(root, "sqliteJdbcVersion"),
                    text(root, "sqliteVersion"), text(root, "command"), commands, text(root, "duration"), text(root, "date"),
                    root.path("smoke").asBoolean(false), extras);
        } catch (IllegalArgumentException e) {
            throw new ReportException(file + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode root, String name) {
        JsonNode value = root.get(name);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    /** Pretty JSON with a fixed field order, ending in a newline. */
    public String toJson() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("cpuModel", cpuModel);
        root.put("cores", cores);
        root.put("os", os);
        root.put("javaVendor", javaVendor);
        root.put("javaVersion", javaVersion);
        root.put("sqliteJdbcVersion", sqliteJdbcVersion);
        root.put("sqliteVersion", sqliteVersion);
        root.put("command", command);
        jmhCommands.forEach(root.putArray("jmhCommands")::add);
        root.put("duration", duration);
        root.put("date", date);
        root.put("smoke", smoke);
        ObjectNode extraNode = root.putObject("extras");
        extras.forEach(extraNode::put);
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
