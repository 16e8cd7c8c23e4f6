package io.github.schemachurn.report;

import static io.github.schemachurn.report.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.report.WindowModel.Figures;
import io.github.schemachurn.sqlite.CounterNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window model on the seed's site served by worker processes: agreement, the portable figure, saturation, the workaround. */
class SeedSiteSectionTest {
    @TempDir
    Path dir;

    /** The seed's site at PDO's timeout in DELETE mode with the legacy prepare, and these params besides. */
    private static Map<String, String> site(String... more) {
        Map<String, String> p = params("prepare", "LEGACY", "journal", "DELETE", "ddl", "AUTOCOMMIT", "busyTimeout", "60000",
                "registrationsPerSecond", "20", "existingUsers", "200", "retries", "0");
        p.putAll(params(more));
        return p;
    }

    private List<Figures> figures(ObjectNode... results) {
        return WindowModel.of(Fixtures.configs(List.of(results), dir));
    }

    /** 20 registrations/s x a 2 ms window predicts 4 % of pages; forks measuring 3.5-4.5 % agree, forks at 10-12 % do not. */
    @Test
    void predictedAndMeasuredAgreeWithinTheirIntervalsOrTheReportSaysWhereNot() {
        List<Figures> all = figures(
                Fixtures.site(site(), 1000, 20, 2000, 400, 0.01, 0.035, 0.04, 0.045).node,
                Fixtures.site(site("existingUsers", "1000"), 1000, 20, 2000, 2000, 0.01, 0.10, 0.11, 0.12).node);
        Figures near = all.get(0);
        assertThat(near.registrations().value()).isCloseTo(20, within(1e-9));
        assertThat(near.windowMicros()).isCloseTo(2000, within(1e-6));
        assertThat(near.predicted().value()).isCloseTo(0.04, within(1e-9));
        assertThat(near.agree()).contains(true);
        assertThat(near.agreement()).isEqualTo("agree");
        Figures far = all.get(1);
        assertThat(far.agree()).contains(false);
        assertThat(far.agreement()).startsWith("**no**: measured above the model");
        assertThat(SeedSiteSection.findings(all)).contains("agree within their intervals in 1 of 2 legacy configurations; not in "
                + "existingUsers=1000 (");
    }

    /** The portable figure: the measured share / registrations per second / (schema objects / 1,000), per fork, then the mean. */
    @Test
    void thePortableFigureIsTheSharePerRegistrationPerSecondPerThousandObjects() {
        Figures f = figures(Fixtures.site(site(), 1000, 20, 2000, 400, 0.01, 0.035, 0.04, 0.045).node).get(0);
        double expected = Stats.mean(f.measured().forks().stream().map(share -> share / 20 / 0.4).toList());
        assertThat(f.objects()).isEqualTo(400);
        assertThat(f.portable().value()).isCloseTo(expected, within(1e-12)).isCloseTo(0.005, within(2e-4));
        assertThat(WindowModel.portable(List.of(f)).orElseThrow()[0]).isEqualTo(f.portable().value());
        assertThat(WindowModel.portableText(new double[] {0.005, 0.004, 0.006}, 3))
                .isEqualTo("0.50 % of pages per registration/s per 1,000 schema objects (0.40–0.60 % over 3 configurations)");
    }

    /** Over 5 % of pages late is saturated: flagged in the table, counted in the findings, left out of the portable figure. */
    @Test
    void aConfigurationWithManyLatePagesIsFlaggedSaturated() {
        List<Figures> all = figures(
                Fixtures.site(site(), 1000, 20, 2000, 400, 0.02, 0.035, 0.04, 0.045).node,
                Fixtures.site(site("registrationsPerSecond", "80"), 1000, 80, 2000, 400, 0.20, 0.30, 0.32, 0.34).node);
        assertThat(all.get(0).saturated()).isFalse();
        assertThat(all.get(1).saturated()).isTrue();
        assertThat(all.get(1).lateShare()).isCloseTo(0.20, within(0.001));
        assertThat(WindowModel.portableRows(all)).containsExactly(all.get(0));
        assertThat(SeedSiteSection.findings(all)).contains("1 of 2 configurations ran saturated (⚠)");
        Run run = new Run(Fixtures.configs(List.of(
                Fixtures.site(site(), 1000, 20, 2000, 400, 0.02, 0.035, 0.04, 0.045).node,
                Fixtures.site(site("registrationsPerSecond", "80"), 1000, 80, 2000, 400, 0.20, 0.30, 0.32, 0.34).node), dir),
                Optional.empty(), "charts/");
        Md md = new Md(1);
        SeedSiteSection.render(run, md);
        assertThat(md.toString()).contains("## " + SeedSiteSection.TITLE, "20.00 % ⚠", "charts/SeedSiteBenchmark-window-model.png");
        assertThat(run.charts).containsKey("SeedSiteBenchmark-window-model.png");
    }

    /** The workaround: the retrying configuration beside the same one without retries, in the section and the first screen's sentence. */
    @Test
    void theWorkaroundLineGivesPagesStillFailedRetriesPerPageAndServedLatency() {
        Fixtures.Bench retrying = Fixtures.site(site("retries", "3"), 1000, 20, 2000, 400, 0.01, 0.001, 0.001, 0.001)
                .counter(CounterNames.OPERATION + CounterNames.RETRIES, (f, i) -> 40.0)
                .counter(CounterNames.PAGE_RETRIED, (f, i) -> 38.0);
        List<Figures> all = figures(Fixtures.site(site(), 1000, 20, 2000, 400, 0.01, 0.035, 0.04, 0.045).node, retrying.node);
        Figures r = all.get(1);
        assertThat(r.modelled()).isFalse();
        assertThat(r.retriesPerPage()).isCloseTo(40.0 / 1001, within(1e-9));
        assertThat(r.retried()).isCloseTo(38.0 / 1001, within(1e-9));
        assertThat(SeedSiteSection.workaroundLine(all).orElseThrow())
                .startsWith("with up to 3 retries per page at 20.0 registrations/s, 0.10 % (")
                .contains("of pages still failed with code 17 (4.00 % (", " without), 0.040 retries per page, served p99 ");
        assertThat(SeedSiteSection.workaroundLine(List.of(all.get(0)))).isEmpty();
        List<ObjectNode> both = new ArrayList<>(List.of(Fixtures.site(site(), 1000, 20, 2000, 400, 0.01, 0.035, 0.04, 0.045).node,
                retrying.node));
        Md md = new Md(1);
        SeedSiteSection.render(new Run(Fixtures.configs(both, dir), Optional.empty(), ""), md);
        assertThat(md.toString()).contains("**The workaround**", "| configuration | retries | code 17 still | failed | pages retried |",
                "| 3 | 0.10 % (");
    }

    /**
     * With the in-process variant in the run too, the claim is decided on the served site: its ground
     * first, both labelled, IMMEDIATE beside DEFERRED, and the first screen gives the workaround's share
     * and the portable figure.
     */
    @Test
    void theSeedsClaimIsDecidedOnTheServedSiteWithTheWorkaroundAndThePortableFigureOnTheFirstScreen() {
        List<ObjectNode> results = new ArrayList<>();
        for (String ddl : List.of("AUTOCOMMIT", "EXCLUSIVE", "DEFERRED", "IMMEDIATE")) {
            results.add(Fixtures.site(site("ddl", ddl), 1000, 20, 2000, 400, 0.01, 0.035, 0.04, 0.045).node);
        }
        results.add(Fixtures.site(site("retries", "1"), 1000, 20, 2000, 400, 0.01, 0.002, 0.003, 0.002).node);
        for (String ddl : List.of("AUTOCOMMIT", "EXCLUSIVE")) {
            results.add(new Fixtures.Bench("SeedScenarioBenchmark", "site", 3, params("ddl", ddl, "prepare", "LEGACY", "journal", "DELETE",
                    "busyTimeout", "60000", "registrationsPerSecond", "20"))
                    .role(CounterNames.OPERATION, "request", 600, io.github.schemachurn.sqlite.ErrorClass.SCHEMA, 0.067)
                    .role(CounterNames.DDL, "registrations", 20, io.github.schemachurn.sqlite.ErrorClass.BUSY, 0).node);
        }
        Run run = new Run(Fixtures.configs(results, dir), Optional.empty(), "");
        List<SeedClaim.Site> sites = SeedClaim.siteTable(run);
        assertThat(sites).hasSize(2);
        assertThat(sites.get(0).served()).isTrue();
        assertThat(sites.get(0).immediate()).isPresent();
        assertThat(sites.get(1).served()).isFalse();
        assertThat(SeedClaim.verdict(run)).contains("on its own ground (busy timeout 60 s; paced 20 registrations/s; pages served by "
                + "worker processes, prepare=LEGACY, journal=DELETE");
        Md md = new Md(1);
        FirstScreen.render(run, Optional.empty(), "README.md", md);
        List<String> lines = md.toString().lines().toList();
        String first = String.join("\n", lines.subList(0, Math.min(60, lines.size())));
        assertThat(first).contains("of the seed site's pages fail with it (DELETE, worker processes)",
                "per registration/s per 1,000 schema objects", "| DEFERRED | IMMEDIATE | verdict |",
                "| LEGACY, DELETE, worker processes (the seed's PHP 5 setup) |", "| LEGACY, DELETE, threads of one process |",
                "Can't upgrade? Catching code 17 and running prepare + execute again is SQLite's documented remedy for the legacy "
                        + "call: with up to 1 retry per page at 20.0 registrations/s, 0.23 % (");
    }
}
