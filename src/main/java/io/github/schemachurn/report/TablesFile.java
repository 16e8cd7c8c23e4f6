package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.List;

/** The companion file: for every configuration, every role's totals and per-fork rates, and every other counter. */
final class TablesFile {
    private TablesFile() {}

    static String render(Run run) {
        Md md = new Md(1);
        md.heading("Every counter of the run");
        md.para("Generated with benchmarks.md from the same results. Totals are sums over measured iterations and forks; "
                + "rates are per second of measured time, per fork.");
        StudiesSection.byClass(run.configs).forEach((name, configs) -> md.section(name, s -> {
            List<String> labels = StudiesSection.labels(configs);
            List<String> header = new ArrayList<>(List.of("configuration", "role", "attempts", "ok"));
            for (ErrorClass e : ErrorClass.values()) {
                header.add(e.counterSuffix());
            }
            header.addAll(List.of("retries", "busy waits", "measured s", "CPU/window", "ok/s per fork"));
            Md.Table roles = new Md.Table(header, List.of());
            Md.Table others = new Md.Table("configuration", "counter", "total");
            for (int i = 0; i < configs.size(); i++) {
                Result c = configs.get(i);
                for (Role r : List.of(c.op(), c.ddl()).stream().flatMap(java.util.Optional::stream).toList()) {
                    List<String> row = new ArrayList<>(List.of(labels.get(i), r.prefix(), Fmt.count(r.total(Role.Iteration::attempts)),
                            Fmt.count(r.total(Role.Iteration::ok))));
                    for (ErrorClass e : ErrorClass.values()) {
                        row.add(Fmt.count(r.failures(e)));
                    }
                    row.addAll(List.of(Fmt.count(r.total(Role.Iteration::retries)), Fmt.count(r.total(Role.Iteration::busyWaits)),
                            Fmt.num(r.total(Role.Iteration::seconds)), Fmt.num(r.cpuShare()), Fmt.forks(r.rate().forks())));
                    roles = roles.with(row);
                }
                for (String counter : c.otherCounters()) {
                    others = others.with(labels.get(i), counter, Fmt.count(c.total(counter)));
                }
            }
            if (!roles.rows().isEmpty()) {
                s.table(roles);
            }
            if (!others.rows().isEmpty()) {
                s.table(others);
            }
        }));
        return md.toString();
    }
}
