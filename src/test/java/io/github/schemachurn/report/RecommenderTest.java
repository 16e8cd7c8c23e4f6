package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recommendation and the verdict follow the numbers: change a number, and they change. */
class RecommenderTest {
    @TempDir
    Path dir;
    Path results;

    @BeforeEach
    void copyFixtures() {
        results = Fixtures.copyRun(dir);
    }

    private List<BenchmarkRow> rows() {
        return ReportGenerator.readResults(results, results.resolve("environment.json"));
    }

    private Recommender.Advice advice(String workload) {
        return Recommender.advice(rows()).stream().filter(a -> a.workload().equals(workload)).findFirst().orElseThrow();
    }

    @Test
    void theFastestStrategyIsRecommendedForThroughput() {
        // Fixture, WAL: AUTOCOMMIT 128,614 reads/s, DEFERRED 117,519, EXCLUSIVE 95,534, IMMEDIATE 40,685.
        Recommender.Advice fastest = advice("WAL: most successful reads per second");
        assertThat(fastest.use()).isEqualTo("DDL as AUTOCOMMIT");
        assertThat(fastest.because()).startsWith("128,614 successful reads/s against 117,519 with DEFERRED; 0 % of reads failed");
    }

    @Test
    void anotherStrategyWinsWhenItsNumbersDo() {
        Fixtures.edit(results.resolve("ddl.json"), "WAL", "DEFERRED", row -> Fixtures.scale(row, "reader", 2));
        Recommender.Advice fastest = advice("WAL: most successful reads per second");
        assertThat(fastest.use()).isEqualTo("DDL as DEFERRED");
        assertThat(fastest.because()).startsWith("235,038 successful reads/s against 128,614 with AUTOCOMMIT");
    }

    @Test
    void fewestFailuresDecidesForReadersThatMustNotFail() {
        // Fixture, DELETE: reads failed 52.33 % (AUTOCOMMIT), 72.90 % (DEFERRED), 65.36 % (IMMEDIATE), 81.97 % (EXCLUSIVE).
        assertThat(advice("DELETE: readers must not see errors while DDL runs").use()).isEqualTo("DDL as AUTOCOMMIT");
        // Turn IMMEDIATE's BUSY failures into successes: now it fails least.
        Fixtures.edit(results.resolve("ddl.json"), "DELETE", "IMMEDIATE", row -> Fixtures.moveAll(row, "opBusy", "opOk"));
        Recommender.Advice safest = advice("DELETE: readers must not see errors while DDL runs");
        assertThat(safest.use()).isEqualTo("DDL as IMMEDIATE");
        assertThat(safest.because()).contains("against 81.97 % (mostly BUSY) with EXCLUSIVE");
    }

    @Test
    void rankingOrdersBySuccessfulReadsAndMarksTies() {
        List<BenchmarkRow> ddl = Rows.inJournal(Rows.of(rows(), Question.DDL), "WAL");
        List<Recommender.Place> ranking = Recommender.ranking(Recommender.candidates(ddl, Recommender.READER));
        assertThat(ranking).extracting(p -> p.candidate().label()).containsExactly("AUTOCOMMIT", "DEFERRED", "EXCLUSIVE", "IMMEDIATE");
        // Two 300 ms iterations per fork: error bars wider than the differences.
        assertThat(ranking).extracting(Recommender.Place::tiesWithFirst).containsExactly(false, true, true, true);
    }

    @Test
    void withNoSchemaFailuresAnywhereTheSeedsClaimDoesNotHold() {
        Recommender.Verdict verdict = Recommender.verdict(rows());
        assertThat(verdict.headline()).startsWith("The claim does not hold with this driver: no reader met");
        assertThat(verdict.findings()).hasSize(2);
        assertThat(verdict.findings().get(1)).startsWith("DELETE: with plain autocommit DDL 0 of 99345 (0 %) of reads failed with SCHEMA")
                .contains("reads failing for any reason 52.33 % → 81.97 % (mostly BUSY), successful reads/s 38,910 → 9,655 (-75 %)");
    }

    @Test
    void whenPlainDdlMeetsSchemaAndExclusiveDoesNotTheClaimHolds() {
        for (String journal : List.of("WAL", "DELETE")) {
            Fixtures.edit(results.resolve("ddl.json"), journal, "AUTOCOMMIT", row -> Fixtures.moveCount(row, "opOk", "opSchema", 100));
        }
        assertThat(Recommender.verdict(rows()).headline())
                .startsWith("The claim holds: BEGIN EXCLUSIVE removed every SCHEMA failure that plain autocommit DDL caused (WAL, DELETE)");

        Fixtures.edit(results.resolve("ddl.json"), "WAL", "EXCLUSIVE", row -> Fixtures.moveCount(row, "opOk", "opSchema", 100));
        Recommender.Verdict partly = Recommender.verdict(rows());
        assertThat(partly.headline()).isEqualTo("The claim holds only in part: it holds in DELETE (EXCLUSIVE removed the SCHEMA failures); "
                + "it fails in WAL (SCHEMA failures remain under EXCLUSIVE).");
        assertThat(partly.findings().get(0)).contains("EXCLUSIVE reduces them but does not remove them.");
    }
}
