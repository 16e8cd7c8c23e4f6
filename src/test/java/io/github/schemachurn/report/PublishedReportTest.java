package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The committed benchmarks.md, tables file and charts are exactly what the generator makes from the
 * committed results: regenerating them (in memory, no benchmark run) changes no byte. Runs in the
 * project directory, where Maven runs tests.
 */
class PublishedReportTest {
    private static final Path RESULTS = Path.of("results");
    private static final Path MARKDOWN = Path.of("benchmarks.md");

    @Test
    void regeneratingTheCommittedReportChangesNothing() throws IOException {
        ReportGenerator.Rendered rendered = ReportGenerator.render(List.of(RESULTS), Optional.empty(), MARKDOWN,
                RESULTS.resolve("charts"), RESULTS.resolve("tables.md"));
        assertThat(rendered.markdown()).isEqualTo(Files.readString(MARKDOWN, StandardCharsets.UTF_8));
        assertThat(rendered.tables()).isEqualTo(Files.readString(RESULTS.resolve("tables.md"), StandardCharsets.UTF_8));
        for (Map.Entry<Path, byte[]> chart : rendered.charts().entrySet()) {
            assertThat(Files.readAllBytes(chart.getKey())).as(chart.getKey().toString()).isEqualTo(chart.getValue());
        }
        try (var committed = Files.list(RESULTS.resolve("charts"))) {
            assertThat(committed.map(p -> RESULTS.resolve("charts").resolve(p.getFileName())))
                    .as("no stale chart beside the generated ones").containsExactlyInAnyOrderElementsOf(rendered.charts().keySet());
        }
    }
}
