package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top of a report answers a reader with one minute: numbered findings with their numbers
 * first, compact tables, the advice for the seed's reader in words; and a run that lacks the data
 * for a finding says so instead of dropping it. The published report is read as committed
 * ({@link PublishedReportTest} proves it is what the generator makes of the committed results);
 * a run with part of them is rendered in memory.
 */
class FirstScreenTest {
    private static final Path RESULTS = Path.of("results");

    private static List<String> render(List<Path> inputs, Path dir) {
        String markdown = ReportGenerator.render(inputs, Optional.empty(), dir.resolve("report.md"), dir.resolve("charts"),
                dir.resolve("tables.md")).markdown();
        return markdown.lines().toList();
    }

    @Test
    void thePublishedReportAnswersInItsFirstLines() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("benchmarks.md"));

        assertThat(lines.subList(0, 25).stream().filter(l -> l.matches("\\d\\. \\*\\*.*\\d.*")).count())
                .as("numbered findings with a number in the first 25 lines").isGreaterThanOrEqualTo(3);
        String first40 = String.join("\n", lines.subList(0, 40));
        assertThat(first40).contains("prepare_v2").contains("PHP 7.2").contains("Upgrade the driver").contains("which-row-is-yours-drivers");
        for (String line : lines.subList(0, 80)) {
            if (line.startsWith("|")) {
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    assertThat(cell.strip().length()).as("a table cell in the first 80 lines: %s", cell).isLessThanOrEqualTo(160);
                }
            } else {
                assertThat(line.length()).as("a paragraph in the first 80 lines: %s", line).isLessThanOrEqualTo(600);
            }
        }
    }

    @Test
    void aNoiseLeadUnderTheFloorSaysSoInItsCell() throws Exception {
        String realistic = Files.readString(Path.of("benchmarks.md")).split("### The seed's claim")[0];

        assertThat(realistic).contains("| ~ (").as("noise is marked ~ with its p");
        assertThat(realistic.lines().filter(l -> l.contains("under floor")).toList())
                .allSatisfy(l -> assertThat(l).contains("~ +"));
    }

    @Test
    void aRunWithoutTheSeedsSiteSaysWhatItDidNotMeasure(@TempDir Path dir) throws Exception {
        Path only = Files.createDirectories(dir.resolve("run"));
        Files.copy(RESULTS.resolve("paced-ddl.json"), only.resolve("paced-ddl.json"));

        String screen = String.join("\n", render(List.of(only), dir)).split("## Answer in detail")[0];

        assertThat(screen).contains("**Code 17 on the seed's site:** not measured in this run")
                .contains("**`BEGIN EXCLUSIVE` against code 17:** not measured in this run")
                .contains("no read failed")
                .contains("is not in this run");
    }
}
