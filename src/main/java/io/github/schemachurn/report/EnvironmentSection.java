package io.github.schemachurn.report;

/** The machine and versions behind the numbers, the run's command and duration; from the environment file and JMH's own fields. */
final class EnvironmentSection {
    private EnvironmentSection() {}

    static void render(Run run, Md md) {
        md.section("Environment", s -> {
            Result any = run.configs.get(0);
            Md.Table table = new Md.Table("", "");
            table = table.with("JMH", any.jmhVersion()).with("JVM (from JMH)", any.vmName() + " " + any.jdkVersion());
            // The machine's speed: preparing the point query, CPU-bound SQLite work with no concurrency. A
            // shared machine's speed drifts between runs far beyond the intervals within one run.
            for (Result r : run.configs) {
                if (r.method().equals(Run.FRESH_PREPARE_METHOD) && "0".equals(r.params().get(Run.EXTRA_TABLES))) {
                    Result.Metric m = r.metrics().get(r.method());
                    table = table.with("Machine speed", Estimate.of(m).text() + " " + m.unit() + " to prepare the point query ("
                            + r.benchmarkClass() + "." + Run.FRESH_PREPARE_METHOD + ", " + Run.EXTRA_TABLES + "=0); compare it before "
                            + "comparing figures across runs or machines");
                }
            }
            if (run.environment.isEmpty()) {
                s.table(table);
                s.para("No environment file: record one with `Report capture-env --command ... --duration ...` beside the results.");
                return;
            }
            Environment e = run.environment.get();
            table = table.with("CPU", e.cpuModel() + ", " + e.cores() + " cores available to the JVM").with("OS", e.os())
                    .with("JDK", e.javaVendor() + " " + e.javaVersion())
                    .with("sqlite-jdbc / its SQLite", e.sqliteJdbcVersion() + " / " + e.sqliteVersion());
            for (var extra : e.extras().entrySet()) {
                table = table.with(extra.getKey(), extra.getValue());
            }
            table = table.with("Date", e.date()).with("Command", "`" + e.command() + "`")
                    .with("Duration", e.duration().isEmpty() ? "not recorded" : e.duration());
            s.table(table);
            if (!e.jmhCommands().isEmpty()) {
                s.para("The JMH invocations of that run:\n\n```\n" + String.join("\n", e.jmhCommands()) + "\n```");
            }
            if (e.smoke()) {
                s.para("**Placeholder: a smoke run with tiny settings; its numbers mean nothing.**");
            }
        });
    }

}
