package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.PrepareMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Page workers in processes of their own, on a database nobody changes; they end with the test. */
class PageWorkersTest {

    @Test
    @Timeout(120)
    void workersServePagesReportTotalsThatAddUpAndEndWhenClosed() throws Exception {
        try (Database database = Workload.createDatabase(JournalMode.WAL, 1_000, 100, 20)) {
            PageTotals totals;
            Latency latency;
            try (PageWorkers workers = PageWorkers.start(ChildJvm.fastStarting(), database, PrepareMode.LEGACY, 1, 2,
                    200, 1, 100)) {
                PageTotals atStart = workers.poll();
                workers.takeLatency();
                do {
                    Thread.sleep(50);
                    totals = workers.poll().minus(atStart);
                } while (totals.counts().attempts() < 20);
                latency = workers.takeLatency();
            }
            assertThat(totals.counts().attempts()).isEqualTo(totals.counts().ok() + totals.counts().failures());
            assertThat(totals.counts().ok()).as("nobody changes the schema: every page is served").isEqualTo(totals.counts().attempts());
            assertThat(totals.timed()).isEqualTo(totals.counts().attempts());
            assertThat(totals.schemaLoadNanos()).isPositive();
            assertThat(totals.cpuNanos()).isPositive();
            assertThat(latency.okCount()).isPositive();
            try (Stream<Path> siblings = Files.list(database.directory().getParent())) {
                assertThat(siblings.map(p -> p.getFileName().toString()))
                        .as("the workers' private directories are removed with them")
                        .noneMatch(name -> name.startsWith("schemachurn-child-"));
            }
        }
    }

    @Test
    void aReportLineCarriesTotalsAndLatencyAcrossAndABrokenOneIsNamed() {
        Latency latency = new Latency();
        latency.ok(1_500_000);
        latency.failed(40_000);
        PageReport report = new PageReport(PageTotals.ZERO, latency.encode());

        PageReport parsed = PageReport.parse(report.toLine());

        assertThat(parsed.totals()).usingRecursiveComparison().isEqualTo(PageTotals.ZERO);
        assertThat(parsed.latency().okCount()).isEqualTo(1);
        assertThat(parsed.latency().failedCount()).isEqualTo(1);
        assertThat(parsed.latency().plus(latency).okCount()).isEqualTo(2);
        assertThatThrownBy(() -> PageReport.parse("{\"totals\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a page worker report: '{\"totals\":1}'");
    }
}
