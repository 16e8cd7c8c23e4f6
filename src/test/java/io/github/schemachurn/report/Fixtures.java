package io.github.schemachurn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fixture run (src/test/resources/report/run): results of a tiny run of this suite's own jar
 * ({@code -f 2 -wi 0 -i 2 -r 300ms}), and helpers to copy it and edit one number in a copy.
 */
final class Fixtures {
    static final List<String> FILES = List.of("ceiling.json", "ddl.json", "environment.json", "latency.json",
            "reader-applock.json", "writes.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Fixtures() {}

    /** A copy of the fixture run in {@code dir}/results. */
    static Path copyRun(Path dir) {
        Path results = dir.resolve("results");
        try {
            Files.createDirectories(results);
            for (String name : FILES) {
                try (InputStream in = Fixtures.class.getResourceAsStream("/report/run/" + name)) {
                    Files.copy(in, results.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    /** Edits the result of {@code file} whose params match journal and ddl. */
    static void edit(Path file, String journal, String ddl, Consumer<ObjectNode> change) {
        try {
            ArrayNode rows = (ArrayNode) JSON.readTree(file.toFile());
            boolean found = false;
            for (JsonNode row : rows) {
                if (row.path("params").path("journal").asText().equals(journal)
                        && row.path("params").path("ddl").asText().equals(ddl)) {
                    change.accept((ObjectNode) row);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no " + journal + "/" + ddl + " row in " + file);
            }
            JSON.writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Multiplies every measured value of a metric (score, error and raw data) by {@code factor}. */
    static void scale(ObjectNode row, String metric, double factor) {
        ObjectNode node = (ObjectNode) row.path("secondaryMetrics").path(metric);
        node.put("score", node.get("score").asDouble() * factor);
        if (node.get("scoreError").isNumber()) {
            node.put("scoreError", node.get("scoreError").asDouble() * factor);
        }
        for (JsonNode fork : node.get("rawData")) {
            ArrayNode iterations = (ArrayNode) fork;
            for (int i = 0; i < iterations.size(); i++) {
                iterations.set(i, iterations.get(i).asDouble() * factor);
            }
        }
    }

    /** Multiplies the raw data of one fork of a metric by {@code factor}. */
    static void scaleFork(ObjectNode row, String metric, int fork, double factor) {
        ArrayNode iterations = (ArrayNode) row.path("secondaryMetrics").path(metric).path("rawData").get(fork);
        for (int i = 0; i < iterations.size(); i++) {
            iterations.set(i, iterations.get(i).asDouble() * factor);
        }
    }

    /** Moves {@code count} outcomes of the first iteration of fork 1 from one counter to another (totals stay equal). */
    static void moveCount(ObjectNode row, String from, String to, long count) {
        ArrayNode fromData = (ArrayNode) row.path("secondaryMetrics").path(from).path("rawData").get(0);
        ArrayNode toData = (ArrayNode) row.path("secondaryMetrics").path(to).path("rawData").get(0);
        fromData.set(0, fromData.get(0).asDouble() - count);
        toData.set(0, toData.get(0).asDouble() + count);
    }

    /** Moves every outcome counted in {@code from} to {@code to}, in every fork and iteration. */
    static void moveAll(ObjectNode row, String from, String to) {
        JsonNode fromForks = row.path("secondaryMetrics").path(from).path("rawData");
        JsonNode toForks = row.path("secondaryMetrics").path(to).path("rawData");
        for (int fork = 0; fork < fromForks.size(); fork++) {
            ArrayNode fromData = (ArrayNode) fromForks.get(fork);
            ArrayNode toData = (ArrayNode) toForks.get(fork);
            for (int i = 0; i < fromData.size(); i++) {
                toData.set(i, toData.get(i).asDouble() + fromData.get(i).asDouble());
                fromData.set(i, 0.0);
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
