package io.github.schemachurn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What JMH's results do not record about a run: the machine, the SQLite driver and library, the
 * exact command and the date. Captured beside the results by {@code capture-env}
 * ({@link EnvironmentCapture}); the report reads it back.
 *
 * @param jmhCommands the JMH invocations of the run, each as "file: command"
 * @param smoke       whether the run used tiny settings to check the tooling (its numbers mean nothing)
 */
public record Environment(String cpuModel, int cores, String os, String javaVendor, String javaVersion,
                          String sqliteJdbcVersion, String sqliteVersion, String command, List<String> jmhCommands,
                          String date, boolean smoke) {

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
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing or empty");
        }
    }

    public static Environment read(Path file) {
        JsonNode root = ResultsFile.parse(file);
        if (!root.isObject()) {
            throw new ReportException(file + ": not an environment file (expected a JSON object)");
        }
        try {
            List<String> commands = new ArrayList<>();
            JsonNode list = root.get("jmhCommands");
            if (list != null) {
                if (!list.isArray()) {
                    throw new IllegalArgumentException("'jmhCommands' is not an array");
                }
                list.forEach(c -> commands.add(c.asText()));
            }
            JsonNode cores = root.get("cores");
            if (cores == null || !cores.canConvertToInt()) {
                throw new IllegalArgumentException("'cores' is missing or not a whole number");
            }
            return new Environment(text(root, "cpuModel"), cores.intValue(), text(root, "os"),
                    text(root, "javaVendor"), text(root, "javaVersion"), text(root, "sqliteJdbcVersion"),
                    text(root, "sqliteVersion"), text(root, "command"), commands, text(root, "date"),
                    root.path("smoke").asBoolean(false));
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
        ArrayNode commands = root.putArray("jmhCommands");
        jmhCommands.forEach(commands::add);
        root.put("date", date);
        root.put("smoke", smoke);
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
