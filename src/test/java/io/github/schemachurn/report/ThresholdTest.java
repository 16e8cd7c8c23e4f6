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
        Stats.Line cost = ThresholdSection.cost(configs).orElseThrow();
        assertThat(cost.slope()).isCloseTo(3.8, within(1e-6));
        assertThat(cost.intercept()).isCloseTo(50, within(1e-6));
        // 50 + 3.8 * 2000 = 7,650 us per re-prepare: SCHEMA above about 131 DDL/s
        assertThat(ThresholdSection.boundary(cost, 2000)).isCloseTo(1e6 / 7650, within(1e-6));
    }

    @Test
    void eachChurnConfigurationWithASchemaSizeIsHeldAgainstTheBoundary() {
        List<Result> configs = Fixtures.configs(RunFixture.results(), dir);
        List<ThresholdSection.Point> points = ThresholdSection.points(configs, ThresholdSection.cost(configs).orElseThrow());
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
        assertThat(ThresholdSection.cost(Fixtures.configs(RunFixture.results().subList(0, 6), dir))).isEmpty();
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
        assertThat(ThresholdSection.cost(configs).orElseThrow().intercept()).isNegative();
        Md md = new Md(1);
        ThresholdSection.render(new Run(configs, java.util.Optional.empty(), ""), md);
        assertThat(md.toString()).contains("costs about ", "is a fit, not a cost").doesNotContain("µs plus");
    }
}
