package io.github.schemachurn.report;

import io.github.schemachurn.report.WindowModel.Figures;
import io.github.schemachurn.report.chart.WindowModelChart;
import io.github.schemachurn.sqlite.DdlStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The seed's site as PHP served it ({@value WindowModel#BENCHMARK}): per configuration the measured
 * code-17 share beside the window model's prediction, whether they agree, the cost and pace of the
 * pages and the portable figure; then the workaround for drivers that cannot be upgraded (catch code
 * 17, prepare and execute again). Nothing when the run lacks the benchmark.
 */
final class SeedSiteSection {
    static final String TITLE = "The seed's site served by worker processes: the window model";
    static final String ANCHOR = Md.anchor(TITLE);
    private static final String CHART = WindowModel.BENCHMARK + "-window-model.png";

    private SeedSiteSection() {}

    static void render(Run run, Md md) {
        List<Figures> all = WindowModel.of(run.configs);
        if (all.isEmpty()) {
            return;
        }
        md.section(TITLE, s -> {
            s.para("Pages served by worker processes (as PHP-FPM runs them), each a fresh connection that prepares, executes and "
                    + "closes; pages and registrations (a `CREATE TABLE` each) arrive at random. A legacy-prepared page is exposed from "
                    + "its first prepare (which loads the whole schema) until its step takes the read lock, so the **predicted** share "
                    + "of pages with code 17 is registrations/s (as achieved) x that window (schema load + prepare-to-step, timed on the "
                    + "same pages); the **measured** share is opSchema / opAttempts. Both per fork, with 95 % intervals; they agree when "
                    + "the intervals overlap. The **portable figure** is the measured share per registration/s per 1,000 schema objects. "
                    + "A configuration is **saturated** (⚠) when over " + Fmt.pct(100 * WindowModel.SATURATED_LATE_SHARE) + " of its pages "
                    + "started more than 10 ms after their arrival: the workers did not keep their pace, queued pages stretch the "
                    + "window, and its share is the harness's, not the site's.");
            s.para(findings(all));
            chart(run, all).ifPresent(link -> s.image("code-17 share against registrations per second, with the model's lines", link));
            List<String> varied = Result.varied(all.stream().map(Figures::config).toList()).stream()
                    .filter(p -> !p.equals(WindowModel.RETRIES)).toList();
            Md.Table model = new Md.Table("configuration", "reg./s", "window (ms)", "code 17 measured", "predicted", "agree?",
                    "CPU/page (ms)", "late", "lag (ms)", "per reg./s per 1k objects");
            for (Figures f : all.stream().filter(f -> f.retries() == 0).toList()) {
                model = model.with(RunComparison.label(f.config(), varied), Fmt.num(f.registrations().value()), ms(f.windowMicros()),
                        f.measured().percent(), f.modelled() ? shareInterval(f.predicted()) : "–", f.agreement(),
                        ms(f.cpuMicrosPerPage()), Fmt.pct(100 * f.lateShare()) + (f.saturated() ? " ⚠" : ""), ms(f.lagMicros()),
                        Double.isNaN(f.portable().value()) ? "–" : Fmt.pct(100 * f.portable().value()) + " (" + Fmt.num(f.objects()) + " objects)");
            }
            s.table(model);
            workaround(all, varied, s);
        });
    }

    /** The agreement in one sentence, where it fails, and the portable figure. */
    static String findings(List<Figures> all) {
        List<Figures> modelled = all.stream().filter(Figures::modelled).toList();
        List<Figures> judged = modelled.stream().filter(f -> f.agree().isPresent()).toList();
        List<Figures> apart = judged.stream().filter(f -> !f.agree().get()).toList();
        long saturated = all.stream().filter(Figures::saturated).count();
        List<String> varied = Result.varied(all.stream().map(Figures::config).toList());
        StringBuilder text = new StringBuilder();
        if (modelled.isEmpty()) {
            text.append("No legacy-prepared configuration without retries: the model has nothing to predict.");
        } else if (judged.isEmpty()) {
            text.append("One fork per configuration: no intervals, so agreement is not judged.");
        } else {
            text.append("Measured and predicted shares agree within their intervals in ").append(judged.size() - apart.size())
                    .append(" of ").append(judged.size()).append(" legacy configurations");
            text.append(apart.isEmpty() ? "." : "; not in " + apart.stream().map(f -> RunComparison.label(f.config(), varied) + " ("
                    + f.measured().percent() + " measured, " + shareInterval(f.predicted()) + " predicted" + (f.saturated() ? ", saturated" : "")
                    + ")").collect(Collectors.joining("; ")) + ".");
        }
        text.append(' ').append(saturated == 0 ? "No configuration ran saturated."
                : saturated + " of " + all.size() + " configurations ran saturated (⚠): their shares overstate the site's.");
        WindowModel.portable(all).ifPresent(p -> text.append(" Portable figure: ")
                .append(WindowModel.portableText(p, WindowModel.portableRows(all).size())).append(" (legacy prepare, plain DDL")
                .append(WindowModel.portableRows(all).stream().anyMatch(Figures::saturated) ? "" : ", unsaturated").append(")."));
        return text.toString();
    }

    /** The workaround: each legacy configuration that retried, beside the same configuration without retries. */
    private static void workaround(List<Figures> all, List<String> varied, Md md) {
        List<Figures> retrying = all.stream().filter(f -> f.legacy() && f.retries() > 0).toList();
        if (retrying.isEmpty()) {
            md.para("The workaround (catch code 17, prepare and execute again) is not in this run (no `" + WindowModel.RETRIES
                    + "` above 0 with the legacy prepare).");
            return;
        }
        List<String> context = varied.stream().filter(p -> !p.equals(WindowModel.RETRIES)).toList();
        Map<String, List<Figures>> groups = new LinkedHashMap<>();
        all.stream().filter(Figures::legacy).forEach(f -> groups.computeIfAbsent(f.config().label(context), k -> new ArrayList<>()).add(f));
        Md.Table table = new Md.Table("configuration", "retries", "code 17 still", "failed", "pages retried", "retries/page",
                "served p50 / p99 (ms)");
        for (List<Figures> group : groups.values()) {
            if (group.stream().noneMatch(f -> f.retries() > 0)) {
                continue;
            }
            for (Figures f : group.stream().sorted(java.util.Comparator.comparingInt(Figures::retries)).toList()) {
                table = table.with(RunComparison.label(f.config(), context), String.valueOf(f.retries()), f.measured().percent(),
                        f.failed().percent(), Fmt.pct(100 * f.retried()), Fmt.num(f.retriesPerPage()),
                        f.p50().map(SeedSiteSection::ms).orElse("–") + " / " + f.p99().map(SeedSiteSection::ms).orElse("–"));
            }
        }
        md.para("**The workaround** for drivers that cannot be upgraded: a page that meets code 17 prepares and executes again, at "
                + "most `" + WindowModel.RETRIES + "` times. " + workaroundLine(all).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .orElse(""));
        md.table(table);
    }

    /**
     * The workaround's result in a sentence (lower case, to follow a colon), for the first screen: pages still failing with code 17 at
     * the most retries measured, against none, where the run has both. Empty if it has no retrying page.
     */
    static Optional<String> workaroundLine(List<Figures> all) {
        Optional<Figures> most = all.stream().filter(f -> f.legacy() && f.retries() > 0)
                .filter(f -> DdlStrategy.AUTOCOMMIT.name().equals(f.config().param(Run.DDL)))
                .max(java.util.Comparator.comparingInt(Figures::retries).thenComparingDouble(f -> f.registrations().value()));
        if (most.isEmpty()) {
            return Optional.empty();
        }
        Figures m = most.get();
        Optional<Figures> none = all.stream().filter(f -> f.modelled() && sameBut(f, m)).findFirst();
        return Optional.of("with up to " + m.retries() + (m.retries() == 1 ? " retry" : " retries") + " per page at " + Fmt.num(m.registrations().value()) + " registrations/s, "
                + m.measured().percent() + " of pages still failed with code 17" + none.map(n -> " (" + n.measured().percent()
                + " without)").orElse("") + ", " + Fmt.num(m.retriesPerPage()) + " retries per page, served p99 "
                + m.p99().map(SeedSiteSection::ms).orElse("–") + " ms" + none.flatMap(Figures::p99).map(p -> " (" + ms(p) + " without)")
                .orElse("") + ".");
    }

    private static boolean sameBut(Figures a, Figures b) {
        Map<String, String> x = new java.util.TreeMap<>(a.config().params());
        Map<String, String> y = new java.util.TreeMap<>(b.config().params());
        x.remove(WindowModel.RETRIES);
        y.remove(WindowModel.RETRIES);
        return x.equals(y);
    }

    /** The chart of code 17 against registrations/s: legacy and prepare_v2 under plain DDL without retries, a model line per legacy series. */
    private static Optional<String> chart(Run run, List<Figures> all) {
        List<Figures> plain = all.stream().filter(f -> f.retries() == 0)
                .filter(f -> DdlStrategy.AUTOCOMMIT.name().equals(f.config().param(Run.DDL))).toList();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        List<String> by = Result.varied(plain.stream().map(Figures::config).toList()).stream()
                .filter(p -> List.of(Run.PREPARE, Run.JOURNAL, WindowModel.EXISTING_USERS).contains(p)).toList();
        List<WindowModelChart.Point> points = new ArrayList<>();
        Map<String, List<Double>> windows = new LinkedHashMap<>();
        for (Figures f : plain) {
            String series = by.isEmpty() ? f.config().param(Run.PREPARE) : f.config().label(by);
            Estimate m = f.measured();
            points.add(new WindowModelChart.Point(series, f.registrations().value(), 100 * m.value(), 100 * m.low(), 100 * m.high()));
            if (f.modelled() && !Double.isNaN(f.windowMicros())) {
                windows.computeIfAbsent(series, k -> new ArrayList<>()).add(f.windowMicros() / 1e6);
            }
        }
        List<WindowModelChart.Line> lines = new ArrayList<>();
        windows.forEach((series, w) -> lines.add(new WindowModelChart.Line(series, Stats.mean(w))));
        return Optional.of(run.chart(CHART, WindowModelChart.png(points, lines)));
    }

    private static String shareInterval(Estimate e) {
        if (Double.isNaN(e.value())) {
            return "–";
        }
        String v = Fmt.pct(100 * e.value());
        return Double.isNaN(e.error()) ? v : v + " (" + Fmt.pctRange(100 * Math.max(0, e.low()), 100 * e.high()) + ")";
    }

    private static String ms(double micros) {
        return Double.isNaN(micros) ? "–" : Fmt.num(micros / 1000);
    }
}
