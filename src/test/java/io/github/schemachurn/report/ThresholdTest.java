package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdTest {
    @TempDir
    Path dir;

    @Test
    void costPerTableIsFittedFromTheStalePrepareTimings() {
        List<Result> configs = Fixtures.configs(RunFixture.results(), dir);
        Threshold.Model cost = Threshold.cost(configs).orElseThrow();
        assertThat(cost.slope()).isCloseTo(3.8, within(1e-6));
        assertThat(cost.intercept()).isCloseTo(50, within(1e-6));
        // 50 + 3.8 * 2000 = 7,650 us per re-prepare: SCHEMA above about 131 DDL/s
        assertThat(Threshold.boundary(cost, 2000)).isCloseTo(1e6 / 7650, within(1e-6));
    }

    @Test
    void eachChurnConfigurationWithASchemaSizeIsHeldAgainstTheBoundary() {
        List<Result> configs = Fixtures.configs(RunFixture.results(), dir);
        List<Threshold.Point> points = Threshold.points(configs, Threshold.cost(configs).orElseThrow());
        assertThat(points).hasSize(4);
        // 3,000 DDL/s at 2000 tables is far above 131/s: predicted, and measured 100 % SCHEMA
        assertThat(points).filteredOn(p -> p.extraTables() == 2000)
                .allSatisfy(p -> assertThat(p.predicted()).isTrue())
                .allSatisfy(p -> assertThat(p.schemaShare()).isEqualTo(1.0));
        // 15,000 DDL/s at 0 tables is below 1 / 50 us = 20,000/s: not predicted, and none measured
        assertThat(points).filteredOn(p -> p.extraTables() == 0).allSatisfy(p -> assertThat(p.predicted()).isFalse());
    }

    @Test
    void noReloadStudyNoModel() {
        assertThat(Threshold.cost(Fixtures.configs(RunFixture.results().subList(0, 6), dir))).isEmpty();
    }

    /** The published run's line had a negative intercept (the cost grows faster than linearly), once printed as a cost. */
    @Test
    void aNegativeInterceptIsNotPrintedAsACost() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> results = new java.util.ArrayList<>(RunFixture.results().subList(0, 6));
        for (int tables : List.of(0, 100, 500, 2000)) {
            results.add(Fixtures.timing("SchemaReloadBenchmark", Run.STALE_PREPARE_METHOD,
                    Fixtures.params("extraTables", String.valueOf(tables)), tables == 2000 ? 12_000 : 30 + 4.0 * tables));
        }
        List<Result> configs = Fixtures.configs(results, dir);
        assertThat(Threshold.cost(configs).orElseThrow().intercept()).isNegative();
        Md md = new Md(1);
        ThresholdSection.render(new Run(configs, java.util.Optional.empty(), ""), md);
        assertThat(md.toString()).contains("costs about ", "is a fit, not a cost").doesNotContain("µs plus");
    }

    /**
     * A sweep result: fork f times the fresh prepare (fresh[f] µs) and the stale cached statement at
     * 0, 100, 500 and 2000 tables (base[f] + perTable[f] x tables) in a rotated order, one level per iteration.
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode sweep(double[] fresh, double[] base, double[] perTable) {
        var node = Fixtures.timing("SchemaReloadBenchmark", Threshold.SWEEP_METHOD, Fixtures.params(), fresh);
        var histogram = ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("primaryMetric")).putArray("rawDataHistogram");
        var secondary = node.putObject("secondaryMetrics");
        var tablesRaw = secondary.putObject(Threshold.SWEEP_TABLES).put("scoreUnit", "#").putArray("rawData");
        var staleRaw = secondary.putObject(Threshold.SWEEP_STALE).put("scoreUnit", "#").putArray("rawData");
        int[] sizes = {0, 100, 500, 2000};
        for (int f = 0; f < fresh.length; f++) {
            var fork = histogram.addArray();
            var forkTables = tablesRaw.addArray();
            var forkStale = staleRaw.addArray();
            for (int i = 0; i < 5; i++) {
                int level = (f + i) % 5; // each fork starts elsewhere
                double value = level == 0 ? fresh[f] : base[f] + perTable[f] * sizes[level - 1];
                fork.addArray().addArray().add(value).add(10);
                forkTables.add(level == 0 ? 0 : sizes[level - 1]);
                forkStale.add(level == 0 ? 0 : 1);
            }
        }
        return node;
    }

    @Test
    void theSweepFitsEachForkItsOwnLineAndReportsTheMedianAsARatioToTheSameForksFreshPrepare() {
        // The machine is 1.5x slower in fork 2 and 2x in fork 3: raw slopes spread, ratios to the fork's own fresh prepare do not.
        var results = List.of(sweep(new double[] {10, 15, 20}, new double[] {40, 60, 80}, new double[] {3.8, 5.7, 7.6}));
        Threshold.Model model = Threshold.model(Fixtures.configs(results, dir)).orElseThrow();
        assertThat(model.perFork()).isTrue();
        assertThat(model.forks()).hasSize(3);
        assertThat(model.slope()).isCloseTo(5.7, within(1e-9));
        assertThat(model.minSlope()).isCloseTo(3.8, within(1e-9));
        assertThat(model.maxSlope()).isCloseTo(7.6, within(1e-9));
        assertThat(model.slopeInFreshPrepares()).isCloseTo(0.38, within(1e-9));
        assertThat(model.sizes()).containsExactly(0.0, 100.0, 500.0, 2000.0);
    }

    @Test
    void oneSlowPointMovesTheRobustLineLittle() {
        var results = new java.util.ArrayList<com.fasterxml.jackson.databind.node.ObjectNode>();
        for (int tables : List.of(0, 100, 500, 2000)) {
            results.add(Fixtures.timing("SchemaReloadBenchmark", Threshold.STALE_CACHED_METHOD,
                    Fixtures.params("extraTables", String.valueOf(tables)), 50 + 3.8 * tables, 50 + 3.8 * tables,
                    tables == 500 ? 5 * (50 + 3.8 * tables) : 50 + 3.8 * tables));
        }
        Threshold.Model model = Threshold.model(Fixtures.configs(results, dir)).orElseThrow();
        assertThat(model.perFork()).isFalse();
        assertThat(model.slope()).isCloseTo(3.8, within(1e-9));
    }

    @Test
    void theThresholdSentenceNamesOneSizeOnceAndSaysWhereSchemaStartsNotItsShare() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> results = new java.util.ArrayList<>();
        for (int tables : List.of(0, 2000)) {
            results.add(Fixtures.timing("SchemaReloadBenchmark", Threshold.STALE_CACHED_METHOD,
                    Fixtures.params("extraTables", String.valueOf(tables)), 50 + 3.8 * tables));
        }
        Md md = new Md(1);
        ThresholdSection.render(new Run(Fixtures.configs(results, dir), java.util.Optional.empty(), ""), md);
        assertThat(md.toString()).contains("Where SCHEMA starts", "not how much of it there is", "DDL/s at 2,000 extra tables.")
                .doesNotContain("at 2,000 extra tables, above");
    }
}
