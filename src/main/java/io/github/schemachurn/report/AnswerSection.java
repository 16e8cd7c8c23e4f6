package io.github.schemachurn.report;

import io.github.schemachurn.report.DecisionRule.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The first screen: decision tables computed from every comparison in the run, first for the
 * regimes people run (a driver's own busy timeout, churn at rates applications produce), then for
 * the stress regimes (unpaced churn, readers failing fast), each row naming its regime; between
 * them the verdict on the seed's claim ({@link SeedClaim}). Each row is decided by {@link DecisionRule}
 * from the comparisons of one choice within one {@link Regime}.
 */
public final class AnswerSection {
    private AnswerSection() {}

    static final String DETAIL = "Answer in detail";
    static final String METHOD = "How verdicts are decided";

    static void render(Run run, Md md) {
        md.section(DETAIL, s -> {
            s.para("Each row pools every comparison of one choice with all else equal, in one regime; its example is the row's median "
                    + "comparison, with both options' figures, the paired test and the charts. \"DDL failed\" is the schema changer's own "
                    + "failure share. The rule: [" + METHOD.toLowerCase(java.util.Locale.ROOT) + "](" + Md.anchor(METHOD) + ").");
            s.para("**Realistic regimes.**");
            table(s, run, true, "No realistic-regime comparison in this run (busy timeout ≥ "
                    + Regime.duration(Regime.REALISTIC_MIN_BUSY_TIMEOUT_MS) + " with paced churn).");
            s.para(SeedClaim.verdict(run));
            s.para("**Stress regimes.**");
            table(s, run, false, "No stress-regime comparison in this run.");
        });
    }

    /** The rule every verdict of the report follows, and the regimes, said once ({@link DecisionRule#text}). */
    static void renderMethod(Run run, Md md) {
        md.section(METHOD, s -> {
            s.para(DecisionRule.text(run));
            s.para("**Realistic** regimes: a busy timeout as drivers set it (at least " + Regime.duration(Regime.REALISTIC_MIN_BUSY_TIMEOUT_MS)
                    + "; sqlite-jdbc's default is 3 s, PHP's PDO 60 s) and schema changes paced at most "
                    + Fmt.num(Regime.REALISTIC_MAX_DDL_PER_SECOND) + " per second (registrations, per-tenant tables, migrations). "
                    + "**Stress** regimes: unpaced churn (thousands of DDL/s) or readers failing fast (busy_timeout 0); they show where "
                    + "things break, not what to run.");
            s.para(DecisionRule.poolingText());
        });
    }

    private static void table(Md s, Run run, boolean realistic, String none) {
        List<Row> rows = rows(run, realistic);
        if (rows.isEmpty()) {
            s.para(none);
            return;
        }
        for (Row row : rows) {
            s.para("**" + row.workload() + "** (" + row.regime() + "): " + row.advice());
            List<String> facts = new ArrayList<>();
            int example = row.because().indexOf(EXAMPLE);
            facts.add(example < 0 ? row.because() : row.because().substring(0, example));
            row.example().ifPresent(e -> {
                List<String> lines = DecisionRule.exampleLines(e);
                facts.add("e.g. " + lines.get(0));
                facts.add("vs " + lines.get(1));
                facts.add(lines.get(2).replaceFirst("^[,;] ", ""));
            });
            String charts = ComparisonCharts.links(run, tablePrefix(realistic) + row.workload());
            if (!charts.isEmpty()) {
                facts.add(charts);
            }
            s.bullets(facts);
        }
    }

    /** Where a row's reason turns to its typical example. */
    private static final String EXAMPLE = "; e.g. ";

    /** Every row of both tables, each workload prefixed with its table's regime ("realistic: ", "stress: "). */
    static List<Row> rows(Run run) {
        List<Row> rows = new ArrayList<>();
        for (boolean realistic : List.of(true, false)) {
            rows(run, realistic).forEach(r -> rows.add(r.withWorkload(tablePrefix(realistic) + r.workload())));
        }
        return rows;
    }

    static List<Row> rows(Run run, boolean realistic) {
        Predicate<Result> regime = c -> Regime.realistic(c) == realistic;
        String table = tablePrefix(realistic);
        List<Row> rows = new ArrayList<>();
        Predicate<Result> notMigration = c -> !MIGRATION.equals(c.param(Run.CHANGE));
        decide(table, run, Run.JOURNAL, regime.and(notMigration), ANY_CHURN).ifPresent(rows::add);
        for (String journal : run.values(Run.JOURNAL)) {
            Predicate<Result> inJournal = regime.and(c -> journal.equals(c.param(Run.JOURNAL)));
            decide(table, run, Run.DDL, inJournal.and(AnswerSection::smallSchema).and(notMigration), journal + ": how to wrap DDL")
                    .ifPresent(rows::add);
            decide(table, run, Run.DDL, inJournal.and(c -> MIGRATION.equals(c.param(Run.CHANGE))),
                    journal + ": how to wrap a migration (several ALTERs)").ifPresent(rows::add);
        }
        if (!realistic) {
            largestSchema(run).ifPresent(max -> {
                Predicate<Result> large = regime.and(c -> max.equals(c.param(Run.EXTRA_TABLES)));
                decide(table, run, Run.READER, large, "large schema (" + max + " extra tables) under churn: how to read").ifPresent(rows::add);
                decide(table, run, Run.DDL, large, "large schema (" + max + " extra tables): how to wrap DDL").ifPresent(rows::add);
            });
        }
        decide(table, run, Run.PREPARE, regime, PREPARE_ROW).ifPresent(rows::add);
        if (!realistic) {
            Threshold.model(run.configs).ifPresent(cost -> rows.add(new Row("fast churn on a large schema",
                    "DDL faster than one re-prepare", "keep DDL commits below 1 / re-prepare cost",
                    "a stale re-prepare costs " + Fmt.num(cost.slope()) + " µs per extra table: at 1,000 tables that is "
                            + Fmt.num(Threshold.boundary(cost, 1000)) + " DDL/s (see the threshold model)",
                    "keep DDL commits below 1 / re-prepare cost", "", 0)));
        }
        for (String param : List.of(Run.READER, Run.RETRY)) {
            for (String journal : run.values(Run.JOURNAL)) {
                Predicate<Result> inJournal = regime.and(c -> journal.equals(c.param(Run.JOURNAL)));
                decide(table, run, param, inJournal.and(AnswerSection::smallSchema).and(notMigration), journal + ": choosing `" + param + "`")
                        .ifPresent(rows::add);
            }
        }
        return rows;
    }

    /** The row that pools every comparison of the journal mode. */
    static final String ANY_CHURN = "any schema churn";
    /** The row that compares the driver's prepare call. */
    static final String PREPARE_ROW = "your driver's prepare call (PHP's PDO before 7.2 used the legacy one)";

    private static final String MIGRATION = io.github.schemachurn.workload.SchemaChange.MIGRATION.name();

    private static boolean smallSchema(Result c) {
        return c.param(Run.EXTRA_TABLES) == null || Double.parseDouble(c.param(Run.EXTRA_TABLES)) == 0;
    }

    /** The largest schema (extra tables) of the stress configurations under churn: the large-schema rows' and key figures'. */
    static Optional<String> largestSchema(Run run) {
        return run.configs.stream().filter(Result::churn).filter(c -> !Regime.realistic(c)).map(c -> c.param(Run.EXTRA_TABLES))
                .filter(v -> v != null && !v.equals("0")).max(Comparator.comparingDouble(Double::parseDouble));
    }

    /** The table a row is in, as its name in compare and its charts' names and titles (the same question is asked in both tables). */
    static String tablePrefix(boolean realistic) {
        return realistic ? "realistic: " : "stress: ";
    }

    /** One row, its comparisons' charts drawn for the row's links. */
    private static Optional<Row> decide(String tablePrefix, Run run, String param, Predicate<Result> filter, String workload) {
        List<Comparison> comparisons = DecisionRule.comparisons(run, param, filter);
        if (!comparisons.isEmpty()) {
            ComparisonCharts.answer(run, param, comparisons, tablePrefix + workload);
        }
        return DecisionRule.decide(param, comparisons, workload);
    }
}
