package io.github.schemachurn.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audit and crash totals: every counter outside the two roles whose name starts with one of
 * {@link #PREFIXES}, summed per configuration, so kills, corruptions and lost writes are never hidden.
 */
final class AuditSection {
    static final List<String> PREFIXES = List.of("crash", "audit");

    private AuditSection() {}

    static void render(Run run, Md md) {
        Map<String, List<Result>> classes = new TreeMap<>(StudiesSection.byClass(run.configs));
        classes.values().removeIf(cs -> cs.stream().allMatch(c -> audited(c).isEmpty()));
        if (classes.isEmpty()) {
            return;
        }
        md.section("Audits and crashes", s -> classes.forEach((name, configs) -> {
            List<String> counters = configs.stream().flatMap(c -> audited(c).stream()).distinct().sorted().toList();
            List<String> header = new java.util.ArrayList<>(List.of(name));
            header.addAll(counters);
            Md.Table table = new Md.Table(header, List.of());
            List<String> labels = StudiesSection.labels(configs);
            for (int i = 0; i < configs.size(); i++) {
                Result c = configs.get(i);
                List<String> row = new java.util.ArrayList<>(List.of(labels.get(i)));
                counters.forEach(n -> row.add(Fmt.count(c.total(n))));
                table = table.with(row);
            }
            List<String> totals = new java.util.ArrayList<>(List.of("**total**"));
            counters.forEach(n -> totals.add("**" + Fmt.count(configs.stream().mapToDouble(c -> c.total(n)).sum()) + "**"));
            s.table(table.with(totals));
        }));
    }

    private static List<String> audited(Result c) {
        return c.otherCounters().stream().filter(n -> PREFIXES.stream().anyMatch(n::startsWith)).toList();
    }
}
