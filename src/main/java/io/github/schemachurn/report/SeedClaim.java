package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.PrepareMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The seed's claim, "code 17 during a spike; BEGIN EXCLUSIVE around DDL fixes it; DEFERRED is
 * unusable", decided on its own ground: the seed's site (pages that connect, prepare with the
 * legacy {@code sqlite3_prepare}, execute and close, PDO's busy timeout, a rollback journal,
 * registrations creating a table per user), EXCLUSIVE against plain autocommit DDL, by
 * {@link Comparison}'s own rule on pages served, then on code 17 itself ({@link #decide}): "holds",
 * "holds in part", "does not hold" or "inconclusive". The same comparison with prepare_v2 and
 * in WAL mode follows, then where else in the run SCHEMA reached the operation. The claim names
 * three strategies; they are taken from {@link DdlStrategy}, never spelled here.
 */
final class SeedClaim {
    private static final String FIX = DdlStrategy.EXCLUSIVE.name();
    private static final String PLAIN = DdlStrategy.AUTOCOMMIT.name();
    private static final String BLAMED = DdlStrategy.DEFERRED.name();
    private static final String IMMEDIATE = DdlStrategy.IMMEDIATE.name();
    private static final String LEGACY = PrepareMode.LEGACY.name();
    private static final String ROLLBACK_JOURNAL = JournalMode.DELETE.name();

    private SeedClaim() {}

    /**
     * The seed's site in every prepare call and journal mode measured, each with the fix beside plain
     * DDL: pages served by worker processes ({@value WindowModel#BENCHMARK}, the site as PHP served it)
     * first, then the in-process variant (pages on threads of one process).
     */
    private static List<Comparison> sites(Run run) {
        List<Comparison> all = Comparison.of(run.configs, Run.DDL, SeedClaim::seedSite).stream()
                .filter(c -> option(c, FIX).isPresent() && option(c, PLAIN).isPresent()).toList();
        List<Comparison> ordered = new ArrayList<>(all.stream().filter(SeedClaim::served).toList());
        all.stream().filter(c -> !served(c)).forEach(ordered::add);
        return ordered;
    }

    /** Whether a comparison's pages were served by worker processes ({@value WindowModel#BENCHMARK}). */
    static boolean served(Comparison c) {
        return WindowModel.BENCHMARK.equals(c.options().get(0).config().benchmarkClass());
    }

    /**
     * The claim's own ground: the seed's site with the legacy prepare call in a rollback journal,
     * served by worker processes where the run has it, at the seed's spike rate where measured.
     */
    private static Optional<Comparison> ground(List<Comparison> sites) {
        List<Comparison> legacy = sites.stream().filter(c -> LEGACY.equals(c.options().get(0).config().param(Run.PREPARE))
                && ROLLBACK_JOURNAL.equals(c.options().get(0).config().param(Run.JOURNAL))).toList();
        return legacy.stream().filter(c -> served(c) == served(legacy.get(0)))
                .filter(c -> SPIKE_RATE.equals(c.options().get(0).config().param(Run.REGISTRATIONS_PER_SECOND))).findFirst()
                .or(() -> legacy.stream().findFirst());
    }

    /** What the site met in its spike, as the seed tells it: registrations per second. */
    private static final String SPIKE_RATE = "20";

    /** What else sets a site apart (a registration rate, a user count): "k=v" joined, or "". */
    private static String context(Comparison c) {
        return context(c, null);
    }

    /** The same, of the params whose values differ between the sites of its benchmark among {@code sites} (all, if null). */
    private static String context(Comparison c, List<Comparison> sites) {
        List<Comparison> peers = sites == null ? null : sites.stream().filter(o -> served(o) == served(c)).toList();
        return c.context().entrySet().stream().filter(e -> !e.getKey().equals(Run.PREPARE) && !e.getKey().equals(Run.JOURNAL))
                .filter(e -> !e.getKey().equals(WindowModel.RETRIES))
                .filter(e -> peers == null || peers.stream().anyMatch(o -> !e.getValue().equals(o.context().get(e.getKey()))))
                .map(e -> e.getKey().equals(Run.REGISTRATIONS_PER_SECOND) ? e.getValue() + " reg./s"
                        : e.getKey().equals(WindowModel.EXISTING_USERS) ? e.getValue() + " users" : e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The verdict on the claim's own ground alone ("holds", "does not hold", ...), what a second run must reproduce. */
    static Optional<String> decision(Run run) {
        return ground(sites(run)).map(c -> decide(c).verdict());
    }

    static String verdict(Run run) {
        List<Comparison> site = sites(run);
        Optional<Comparison> ground = ground(site);
        List<String> parts = new ArrayList<>();
        String conclusion;
        if (ground.isEmpty()) {
            conclusion = "**inconclusive**: its own setup (the seed scenario with " + Run.PREPARE + "=" + LEGACY + ", "
                    + Run.JOURNAL + "=" + ROLLBACK_JOURNAL + ", a driver's busy timeout and paced registrations, " + FIX
                    + " beside " + PLAIN + ") is not in this run's results.";
        } else {
            Comparison c = ground.get();
            conclusion = decide(c).text() + " on its own ground (" + Regime.of(List.of(c)) + "; " + where(c) + "): "
                    + pageFacts(c) + ".";
            option(c, BLAMED).ifPresent(blamed -> parts.add(BLAMED + " DDL: code 17 on " + schema(blamed) + " of pages, "
                    + blamed.failed().percent() + " failed" + (blamed.majorityFails() ? " (most pages failed)" : "")));
            option(c, IMMEDIATE).ifPresent(immediate -> parts.add(IMMEDIATE + " DDL: code 17 on " + schema(immediate) + " of pages, "
                    + immediate.failed().percent() + " failed" + (immediate.majorityFails() ? " (most pages failed)" : "")));
        }
        for (Comparison c : site) {
            if (ground.isEmpty() || c != ground.get()) {
                Decision d = decide(c);
                parts.add("with " + where(c) + ": " + d.verdict() + ": " + d.reason() + "; " + pageFacts(c));
            }
        }
        parts.addAll(elsewhere(run));
        return "**The seed's claim** (\"code 17 during a spike; BEGIN " + FIX + " fixes it; " + BLAMED + " is unusable\"): "
                + conclusion + "\n\n" + parts.stream().map(p -> "- " + capitalized(p) + "\n").collect(java.util.stream.Collectors.joining());
    }

    /**
     * One site of the seed's table: its prepare call and journal mode, code 17's share of pages under
     * plain DDL and under the fix (tested within rounds on the logit scale), and under the blamed
     * DEFERRED where the run measured it.
     */
    record Site(String prepare, String journal, String context, Comparison.Option plain, Comparison.Option fix, double p,
                Optional<Comparison.Option> blamed, Optional<Comparison.Option> immediate, boolean served, String verdict) {
        Estimate plainShare() {
            return share(plain, ErrorClass.SCHEMA);
        }

        Estimate fixShare() {
            return share(fix, ErrorClass.SCHEMA);
        }
    }

    /** Every site measured, the claim's own ground first. */
    static List<Site> siteTable(Run run) {
        List<Comparison> all = sites(run);
        Optional<Comparison> ground = ground(all);
        List<Comparison> ordered = new ArrayList<>();
        ground.ifPresent(ordered::add);
        all.stream().filter(c -> ground.isEmpty() || c != ground.get()).forEach(ordered::add);
        return ordered.stream().map(c -> {
            Comparison.Option plain = option(c, PLAIN).orElseThrow();
            Comparison.Option fix = option(c, FIX).orElseThrow();
            Result any = plain.config();
            return new Site(any.param(Run.PREPARE), any.param(Run.JOURNAL), context(c, ordered), plain, fix, schemaP(c, plain, fix), option(c, BLAMED),
                    option(c, IMMEDIATE), served(c), decide(c).verdict());
        }).toList();
    }

    /** Which site a comparison is: its prepare call and journal mode, then whatever else varies. */
    private static String where(Comparison c) {
        Result any = c.options().get(0).config();
        return (served(c) ? "pages served by worker processes, " : "") + Run.PREPARE + "=" + any.param(Run.PREPARE) + ", "
                + Run.JOURNAL + "=" + any.param(Run.JOURNAL)
                + (context(c).isEmpty() ? "" : ", " + context(c));
    }

    /** The seed's site in a realistic regime: paced registrations beside page requests, a driver's busy timeout. */
    private static boolean seedSite(Result c) {
        return c.param(Run.REGISTRATIONS_PER_SECOND) != null && c.param(Run.PREPARE) != null && Regime.realistic(c)
                && Optional.ofNullable(c.param(WindowModel.RETRIES)).orElse("0").equals("0");
    }

    /**
     * The claim is that the fix removes code 17. First Comparison's rule on the pair (pages served);
     * where neither serves more, code 17 itself decides: the fix holds if no page met code 17 under
     * it and significantly fewer did than under plain DDL; it does not hold if code 17 stays (its
     * share's 95 % interval excludes 0) without being significantly lower; lower but not gone is
     * "holds in part"; anything else is inconclusive.
     */
    private static Decision decide(Comparison c) {
        Comparison.Option plain = option(c, PLAIN).orElseThrow();
        Comparison.Option fix = option(c, FIX).orElseThrow();
        if (plain.config().op().orElseThrow().failures(ErrorClass.SCHEMA) == 0) {
            return new Decision("does not hold", "no page met code 17 under " + PLAIN + " DDL, so there was nothing for " + FIX + " to fix");
        }
        Optional<Comparison.Option> winner = c.pair(plain, fix).winner();
        if (winner.isPresent()) {
            return winner.get() == fix ? new Decision("holds", FIX + " DDL serves pages significantly better")
                    : new Decision("does not hold", PLAIN + " DDL serves pages significantly better than " + FIX);
        }
        Estimate left = share(fix, ErrorClass.SCHEMA);
        boolean lower = schemaP(c, plain, fix) < Stats.ALPHA && left.value() < share(plain, ErrorClass.SCHEMA).value();
        if (left.low() > 0) {
            return lower ? new Decision("holds in part", FIX + " DDL lowers code 17 significantly but does not remove it")
                    : new Decision("does not hold", FIX + " DDL does not fix code 17: it stays on " + left.percent()
                            + " of pages, not significantly fewer than under " + PLAIN);
        }
        if (fix.config().op().orElseThrow().failures(ErrorClass.SCHEMA) == 0 && lower) {
            return new Decision("holds", "no page met code 17 under " + FIX + " DDL, significantly fewer than under " + PLAIN);
        }
        return new Decision("inconclusive", "code 17 appears, but neither " + FIX + " nor " + PLAIN + " DDL serves pages significantly "
                + "better, and " + FIX + " neither removes it nor clearly leaves it");
    }

    /** A verdict on the claim ("holds", "does not hold", ...) and why. */
    private record Decision(String verdict, String reason) {
        /** As the report writes it: the verdict in bold, then why. */
        String text() {
            return "**" + verdict + "**: " + reason;
        }
    }

    /** Code 17's share under plain DDL against the fix, tested as every failure share is: on the logit scale, within rounds. */
    private static double schemaP(Comparison c, Comparison.Option plain, Comparison.Option fix) {
        return c.pair(plain, fix).failedP(plain, fix, ErrorClass.SCHEMA);
    }

    /** Code 17 and BUSY per page, failed pages, served pages, the registrations' own failures: plain DDL against the fix. */
    private static String pageFacts(Comparison c) {
        Comparison.Option plain = option(c, PLAIN).orElseThrow();
        Comparison.Option fix = option(c, FIX).orElseThrow();
        double p = schemaP(c, plain, fix);
        return "code 17 on " + schema(plain) + " of pages under " + PLAIN + " against " + schema(fix) + " under " + FIX
                + (Double.isNaN(p) ? " (one fork)" : " (p = " + Fmt.p(p) + ")")
                + ", BUSY on " + share(plain, ErrorClass.BUSY).percent() + " against " + share(fix, ErrorClass.BUSY).percent()
                + ", " + plain.failed().percent() + " against " + fix.failed().percent() + " failed, "
                + plain.rate().text() + " against " + fix.rate().text() + " pages/s served"
                + DecisionRule.latency(plain.config()).map(l -> ", " + l + " against " + DecisionRule.latency(fix.config()).orElse("n/a"))
                        .orElse("")
                + plain.config().ddl().map(d -> ", registrations failed " + d.failedShare().percent() + " against "
                        + fix.config().ddl().map(f -> f.failedShare().percent()).orElse("n/a")).orElse("");
    }

    private static Estimate share(Comparison.Option o, ErrorClass error) {
        return o.config().op().orElseThrow().share(error);
    }

    private static String schema(Comparison.Option o) {
        return share(o, ErrorClass.SCHEMA).percent();
    }

    private static String capitalized(String text) {
        return text.isEmpty() || text.matches("^[a-z]+=.*") ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Where SCHEMA reached the operation anywhere in the run, what EXCLUSIVE did there, and silent stale columns. */
    private static List<String> elsewhere(Run run) {
        List<Result> measured = run.configs.stream().filter(c -> c.op().isPresent()).toList();
        List<Result> schema = measured.stream().filter(c -> c.op().get().failures(ErrorClass.SCHEMA) > 0).toList();
        List<String> parts = new ArrayList<>();
        parts.add(schema.isEmpty() ? "across the run, SCHEMA (code 17) reached the operation in none of " + measured.size()
                + " configurations" : "across the run, SCHEMA (code 17) reached the operation in " + schema.size() + " of "
                + measured.size() + " configurations (" + worst(schema, ErrorClass.SCHEMA) + ")");

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
                if (after.value() < before.value() && schemaP(c, plain.get(), fix.get()) < Stats.ALPHA) {
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
        return parts;
    }

    static final String COLUMN_CHECKED = io.github.schemachurn.sqlite.ReaderStrategy.COLUMN_CHECKED.name();

    private static Optional<Comparison.Option> option(Comparison c, String value) {
        return c.options().stream().filter(o -> o.value().equals(value)).findFirst();
    }

    private static String worst(List<Result> configs, ErrorClass error) {
        Result w = configs.stream().max(Comparator.comparingDouble(c -> c.op().get().share(error).value())).orElseThrow();
        return "up to " + Fmt.pct(100 * w.op().get().share(error).value()) + " of attempts at `" + w.benchmarkClass()
                + " " + w.label(List.copyOf(w.params().keySet())) + "`";
    }
}
