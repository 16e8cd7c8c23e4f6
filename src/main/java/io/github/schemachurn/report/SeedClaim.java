package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The seed's claim, "code 17 during a spike; BEGIN EXCLUSIVE around DDL fixes it; DEFERRED is
 * unusable", held against every result of the run: where SCHEMA reached the operation at all
 * (churn, scale, seed scenario, legacy prepare), whether EXCLUSIVE lowered it significantly where
 * autocommit DDL met it, whether DEFERRED made most operations fail, and silent stale columns.
 * The claim names three strategies; they are taken from {@link DdlStrategy}, never spelled here.
 */
final class SeedClaim {
    private static final String FIX = DdlStrategy.EXCLUSIVE.name();
    private static final String PLAIN = DdlStrategy.AUTOCOMMIT.name();
    private static final String BLAMED = DdlStrategy.DEFERRED.name();

    private SeedClaim() {}

    static String verdict(Run run) {
        List<Result> measured = run.configs.stream().filter(c -> c.op().isPresent()).toList();
        List<Result> schema = measured.stream().filter(c -> c.op().get().failures(ErrorClass.SCHEMA) > 0).toList();
        List<String> parts = new ArrayList<>();
        String seen = schema.isEmpty() ? "SCHEMA (code 17) reached the operation in none of " + measured.size() + " configurations"
                : "SCHEMA (code 17) reached the operation in " + schema.size() + " of " + measured.size() + " configurations ("
                + worst(schema, ErrorClass.SCHEMA) + ")";
        parts.add(seen);

        int met = 0;
        int fixed = 0;
        int broke = 0;
        int pairs = 0;
        for (Comparison c : Comparison.of(run.configs, Run.DDL, x -> true)) {
            Optional<Comparison.Option> fix = option(c, FIX);
            Optional<Comparison.Option> plain = option(c, PLAIN);
            if (fix.isEmpty() || plain.isEmpty()) {
                continue;
            }
            pairs++;
            Estimate before = plain.get().config().op().get().share(ErrorClass.SCHEMA);
            Estimate after = fix.get().config().op().get().share(ErrorClass.SCHEMA);
            if (before.value() > 0) {
                met++;
                if (after.value() < before.value() && Stats.significant(before.forks(), after.forks())) {
                    fixed++;
                }
            }
            if (fix.get().majorityFails() && !plain.get().majorityFails()) {
                broke++;
            }
        }
        if (pairs > 0) {
            parts.add(met == 0 ? "in the " + pairs + " comparisons of " + FIX + " with " + PLAIN + " DDL, " + PLAIN
                    + " met no SCHEMA, so there was nothing for " + FIX + " to fix"
                    : FIX + " lowered SCHEMA significantly in " + fixed + " of the " + met + " comparisons where " + PLAIN
                    + " DDL met it");
            if (broke > 0) {
                parts.add(FIX + " made most operations fail in " + broke + " of " + pairs + " comparisons where " + PLAIN + " did not");
            }
        }
        List<Comparison> blamed = Comparison.of(run.configs, Run.DDL, x -> true).stream()
                .filter(c -> option(c, BLAMED).isPresent() && option(c, FIX).isPresent()).toList();
        if (!blamed.isEmpty()) {
            long blamedFails = blamed.stream().filter(c -> option(c, BLAMED).get().majorityFails()).count();
            long fixFails = blamed.stream().filter(c -> option(c, FIX).get().majorityFails()).count();
            parts.add("most operations failed under " + BLAMED + " in " + blamedFails + " of " + blamed.size()
                    + " comparisons, under " + FIX + " in " + fixFails);
        }
        for (String prepare : run.values(Run.PREPARE)) {
            List<Result> rows = measured.stream().filter(c -> prepare.equals(c.param(Run.PREPARE))).toList();
            List<Result> hit = rows.stream().filter(c -> c.op().get().failures(ErrorClass.SCHEMA) > 0).toList();
            parts.add(Run.PREPARE + "=" + prepare + ": SCHEMA in " + hit.size() + " of " + rows.size() + " configurations"
                    + (hit.isEmpty() ? "" : " (" + worst(hit, ErrorClass.SCHEMA) + ")"));
        }
        List<Result> stale = measured.stream().filter(c -> c.op().get().failures(ErrorClass.STALE_COLUMNS) > 0).toList();
        if (!stale.isEmpty()) {
            parts.add("silent stale columns (a wrong result, no error) in " + stale.size() + " configurations ("
                    + worst(stale, ErrorClass.STALE_COLUMNS) + ")");
        } else {
            long checked = measured.stream().filter(c -> COLUMN_CHECKED.equals(c.param(Run.READER))).count();
            if (checked > 0) {
                parts.add("no stale column metadata in " + checked + " configurations that checked every result's columns"
                        + " against the schema it ran under (this driver reads a result's columns afresh at each execution)");
            }
        }
        return "**The seed's claim** (\"code 17 during a spike; BEGIN " + FIX + " fixes it; " + BLAMED + " is unusable\"): "
                + conclusion(schema.size(), met, fixed, broke) + " " + String.join("; ", parts) + ".";
    }

    static final String COLUMN_CHECKED = io.github.schemachurn.sqlite.ReaderStrategy.COLUMN_CHECKED.name();

    private static String conclusion(int schemaConfigs, int met, int fixed, int broke) {
        if (schemaConfigs == 0) {
            return "**does not hold here**: with sqlite3_prepare_v2 no operation met SCHEMA, so there was nothing to fix.";
        }
        if (met > 0 && fixed == met && broke == 0) {
            return "**holds** where SCHEMA appeared.";
        }
        if (fixed == 0) {
            return "**does not hold**: SCHEMA appears (with a large schema or fast churn), but " + FIX + " does not remove it.";
        }
        return "**holds only in part**.";
    }

    private static Optional<Comparison.Option> option(Comparison c, String value) {
        return c.options().stream().filter(o -> o.value().equals(value)).findFirst();
    }

    private static String worst(List<Result> configs, ErrorClass error) {
        Result w = configs.stream().max(Comparator.comparingDouble(c -> c.op().get().share(error).value())).orElseThrow();
        return "up to " + Fmt.pct(100 * w.op().get().share(error).value()) + " of attempts at `" + w.benchmarkClass()
                + " " + w.label(List.copyOf(w.params().keySet())) + "`";
    }
}
