package io.github.schemachurn.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.schemachurn.sqlite.Counts;

/**
 * What a churner reports: its DDL outcome counts and its {@link SchemaChange} state after every
 * acknowledged change (ok counts the acknowledged changes). A churner process writes it as one
 * JSON line, {@code {"totals":{"attempts":…,"ok":…,"failures":{"SCHEMA":…},…},"state":1}}.
 */
public record ChurnReport(Counts totals, long state) {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    /**
     * What a churner running in a {@link PacedLoop} has done so far. The two are read one after
     * the other, not as one snapshot: while a DDL is finishing, the state may already be one
     * change ahead of the counts. Once the loop has stopped they agree exactly.
     */
    static ChurnReport of(PacedLoop loop, Churner churner) {
        return new ChurnReport(loop.totals(), churner.state());
    }

    public String toLine() {
        return json(this);
    }

    /** Whether a churner process's output line is a report rather than a word of the protocol. */
    public static boolean isReport(String line) {
        return line.startsWith("{");
    }

    /** @throws IllegalArgumentException naming the line if it is not a complete report */
    public static ChurnReport parse(String line) {
        try {
            return JSON.readValue(line, ChurnReport.class);
        } catch (JsonProcessingException e) {
            String why = e.getCause() instanceof IllegalArgumentException ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("not a churner report: '" + line + "' (" + why.lines().findFirst().orElse("") + ")");
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
