package io.github.schemachurn.workload;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What a page worker process reports, as one JSON line: its running {@link PageTotals}, and the
 * latency of its pages since its previous report ({@link Latency#encode()}).
 */
record PageReport(@JsonProperty("totals") PageTotals totals, @JsonProperty("latency") String encodedLatency) {

    Latency latency() {
        return Latency.decode(encodedLatency);
    }

    String toLine() {
        return ChurnReport.json(this);
    }

    /** @throws IllegalArgumentException naming the line if it is not a complete report */
    static PageReport parse(String line) {
        try {
            return ChurnReport.JSON.readValue(line, PageReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a page worker report: '" + line + "' ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
