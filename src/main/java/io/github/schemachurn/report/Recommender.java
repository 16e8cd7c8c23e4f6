package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ranking, the recommendations and the verdict on the seed's claim, computed from the
 * measured rows only. Nothing here is written by hand: change a number in the results and the
 * advice follows it.
 */
final class Recommender {
    static final String READER = "reader";
    static final String WRITER = "writer";
    static final String CHURNER = "churner";

    private Recommender() {}

    /** One throughput row seen as its main role (reader or writer) and its churner. */
    record Candidate(String label, BenchmarkRow row, RoleStats main, RoleStats churner) {
        static Candidate of(BenchmarkRow row, List<BenchmarkRow> all, String mainRole) {
            return new Candidate(Rows.label(row, all), row, RoleStats.of(row, mainRole, BenchmarkRow.OPERATIONS),
                    RoleStats.of(row, CHURNER, BenchmarkRow.DDL));
        }

        String journal() {
            return row.param(Rows.JOURNAL);
        }
    }

    /** "If your workload is X, use Y, because Z." */
    record Advice(String workload, String use, String because) {}

    /** One place in a ranking; {@code tiesWithFirst} when within error bars of the first place. */
    record Place(int rank, Candidate candidate, boolean tiesWithFirst) {}

    /** The verdict: one headline and one finding per journal mode. */
    record Verdict(String headline, List<String> findings) {}

    static List<Candidate> candidates(List<BenchmarkRow> rows, String mainRole) {
        return rows.stream().map(r -> Candidate.of(r, rows, mainRole)).toList();
    }

    /** Most successful operations per second first. */
    static List<Place> ranking(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(byOkPerSecond());
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Estimate first = sorted.get(0).main().okPerSecond();
            places.add(new Place(i + 1, sorted.get(i), i > 0 && sorted.get(i).main().okPerSecond().tiesWith(first)));
        }
        return places;
    }

    private static Comparator<Candidate> byOkPerSecond() {
        return Comparator.comparingDouble((Candidate c) -> -c.main().okPerSecond().value()).thenComparing(Candidate::label);
    }

    private static Comparator<Candidate> byFewestFailures() {
        return Comparator.comparingDouble((Candidate c) -> c.main().failedPercent()).thenComparing(byOkPerSecond());
    }

    private static Comparator<Candidate> byMostDdl() {
        return Comparator.comparingDouble((Candidate c) -> -c.churner().okPerSecond().value()).thenComparing(Candidate::label);
    }

    /** The advice table, per journal mode, from whichever questions the run has. */
    static List<Advice> advice(List<BenchmarkRow> all) {
        List<Advice> advice = new ArrayList<>();
        List<BenchmarkRow> ddl = Rows.of(all, Question.DDL);
        for (String journal : Rows.journals(ddl)) {
            List<Candidate> c = candidates(Rows.inJournal(ddl, journal), READER);
            Candidate safest = best(c, byFewestFailures());
            advice.add(new Advice(journal + ": readers must not see errors while DDL runs",
                    "DDL as " + safest.label(), failuresBecause(safest, c, "reads")));
            Candidate fastest = best(c, byOkPerSecond());
            advice.add(new Advice(journal + ": most successful reads per second",
                    "DDL as " + fastest.label(), throughputBecause(fastest, c, "reads")));
            Candidate churnFirst = best(c, byMostDdl());
            advice.add(new Advice(journal + ": schema changes must get through quickly",
                    "DDL as " + churnFirst.label(), ddlBecause(churnFirst, c)));
        }
        adviseFewestReadFailures(advice, Rows.of(all, Question.READER), "choosing how readers prepare and run the query");
        adviseFewestReadFailures(advice, Rows.of(all, Question.RETRY), "choosing what to do when a read fails");
        List<BenchmarkRow> writes = Rows.of(all, Question.WRITES);
        for (String journal : Rows.journals(writes)) {
            List<Candidate> c = candidates(Rows.inJournal(writes, journal), WRITER);
            Candidate fastest = best(c, byOkPerSecond());
            advice.add(new Advice(journal + ": writers insert while the schema changes (every acknowledged insert was audited)",
                    "DDL as " + fastest.label(), throughputBecause(fastest, c, "inserts")));
        }
        List<BenchmarkRow> latency = Rows.of(all, Question.LATENCY);
        for (String journal : Rows.journals(latency)) {
            List<BenchmarkRow> rows = Rows.inJournal(latency, journal);
            Optional<BenchmarkRow> lowest = rows.stream()
                    .filter(r -> r.role(READER).isPresent())
                    .min(Comparator.comparingDouble((BenchmarkRow r) -> p99(r)).thenComparing(r -> Rows.label(r, latency)));
            lowest.ifPresent(r -> advice.add(new Advice(journal + ": the slowest reads matter (p99)",
                    "DDL as " + Rows.label(r, latency), latencyBecause(r, rows, latency))));
        }
        return advice;
    }

    static double p99(BenchmarkRow row) {
        return row.role(READER).map(m -> m.percentiles().getOrDefault("99.0", Double.NaN)).orElse(Double.NaN);
    }

    /** Per journal mode, the configuration of {@code rows} whose reads failed least. */
    private static void adviseFewestReadFailures(List<Advice> advice, List<BenchmarkRow> rows, String situation) {
        for (String journal : Rows.journals(rows)) {
            List<Candidate> c = candidates(Rows.inJournal(rows, journal), READER);
            Candidate safest = best(c, byFewestFailures());
            advice.add(new Advice(journal + ": " + situation,
                    Rows.header(rows) + " = " + safest.label(), failuresBecause(safest, c, "reads")));
        }
    }

    private static Candidate best(List<Candidate> candidates, Comparator<Candidate> order) {
        return candidates.stream().min(order).orElseThrow();
    }

    private static Candidate worst(List<Candidate> candidates, Comparator<Candidate> order) {
        return candidates.stream().max(order).orElseThrow();
    }

    private static String failuresBecause(Candidate chosen, List<Candidate> all, String what) {
        Candidate worst = worst(all, byFewestFailures());
        String text = failed(chosen, what);
        if (worst != chosen && worst.main().failedPercent() > chosen.main().failedPercent()) {
            text += " against " + Fmt.pct(worst.main().failedPercent()) + mainFailure(worst) + " with " + worst.label();
        } else if (all.size() > 1) {
            text += ", as few as any other choice";
        }
        return text + "; " + Fmt.value(chosen.main().okPerSecond()) + " successful " + what + "/s"
                + tiesNote(chosen, all) + disagreeNote(chosen);
    }

    private static String throughputBecause(Candidate chosen, List<Candidate> all, String what) {
        String text = Fmt.value(chosen.main().okPerSecond()) + " successful " + what + "/s";
        List<Candidate> rest = all.stream().filter(c -> c != chosen).sorted(byOkPerSecond()).toList();
        if (!rest.isEmpty()) {
            Candidate next = rest.get(0);
            text += " against " + Fmt.value(next.main().okPerSecond()) + " with " + next.label();
        }
        return text + "; " + failed(chosen, what) + tiesNote(chosen, all) + disagreeNote(chosen);
    }

    private static String ddlBecause(Candidate chosen, List<Candidate> all) {
        String text = Fmt.value(chosen.churner().okPerSecond()) + " DDL statements/s";
        List<Candidate> rest = all.stream().filter(c -> c != chosen).sorted(byMostDdl()).toList();
        if (!rest.isEmpty()) {
            text += " against " + Fmt.value(rest.get(0).churner().okPerSecond()) + " with " + rest.get(0).label();
        }
        return text + "; readers meanwhile: " + failed(chosen, "reads") + disagreeNote(chosen);
    }

    private static String latencyBecause(BenchmarkRow chosen, List<BenchmarkRow> journalRows, List<BenchmarkRow> all) {
        String text = "p99 " + Fmt.num(p99(chosen)) + " us";
        Optional<BenchmarkRow> worst = journalRows.stream().filter(r -> r != chosen && r.role(READER).isPresent())
                .max(Comparator.comparingDouble(Recommender::p99));
        if (worst.isPresent()) {
            text += " against " + Fmt.num(p99(worst.get())) + " us with " + Rows.label(worst.get(), all);
        }
        Optional<Counters> ops = chosen.total(BenchmarkRow.OPERATIONS);
        if (ops.isPresent()) {
            text += "; " + Fmt.pct(100 * ops.get().shareOf(ops.get().failed())) + " of sampled reads failed";
        }
        return text;
    }

    private static String failed(Candidate c, String what) {
        return Fmt.pct(c.main().failedPercent()) + " of " + what + " failed" + mainFailure(c);
    }

    private static String mainFailure(Candidate c) {
        return c.main().mainFailure().map(f -> " (mostly " + f.label() + ")").orElse("");
    }

    private static String tiesNote(Candidate chosen, List<Candidate> all) {
        List<String> ties = all.stream()
                .filter(c -> c != chosen && c.main().failedPercent() == chosen.main().failedPercent()
                        && c.main().okPerSecond().tiesWith(chosen.main().okPerSecond()))
                .map(Candidate::label).toList();
        return ties.isEmpty() ? "" : " (" + String.join(", ", ties) + " within error bars of it)";
    }

    private static String disagreeNote(Candidate c) {
        return c.main().attemptsPerSecond().forksDisagree() || c.churner().attemptsPerSecond().forksDisagree()
                ? " (its forks disagree: see the table)" : "";
    }

    /**
     * The seed's claim: wrapping every DDL in BEGIN EXCLUSIVE fixes "database schema has changed"
     * (and DEFERRED is unusable). Judged per journal mode from the DDL rows: does plain autocommit
     * DDL let SCHEMA reach readers, does EXCLUSIVE remove it, and at what cost to readers and DDL.
     */
    static Verdict verdict(List<BenchmarkRow> all) {
        List<BenchmarkRow> ddl = Rows.of(all, Question.DDL);
        List<String> findings = new ArrayList<>();
        List<String> holds = new ArrayList<>();
        List<String> nothingToFix = new ArrayList<>();
        List<String> fails = new ArrayList<>();
        for (String journal : Rows.journals(ddl)) {
            List<Candidate> c = candidates(Rows.inJournal(ddl, journal), READER);
            Optional<Candidate> exclusive = find(c, "EXCLUSIVE");
            Optional<Candidate> plain = find(c, "AUTOCOMMIT");
            if (exclusive.isEmpty() || plain.isEmpty()) {
                findings.add(journal + ": cannot judge, the run has no " + (exclusive.isEmpty() ? "EXCLUSIVE" : "AUTOCOMMIT")
                        + " row in this journal mode.");
                continue;
            }
            Candidate ex = exclusive.get();
            Candidate au = plain.get();
            double schemaPlain = au.main().percent(Failure.SCHEMA);
            double schemaExclusive = ex.main().percent(Failure.SCHEMA);
            String finding = journal + ": with plain autocommit DDL " + schemaCount(au) + " of reads failed with SCHEMA; with BEGIN EXCLUSIVE "
                    + schemaCount(ex) + ". ";
            if (schemaPlain == 0 && schemaExclusive == 0) {
                finding += "There is nothing for EXCLUSIVE to fix here: the driver re-prepares a stale statement by itself. ";
                nothingToFix.add(journal);
            } else if (schemaExclusive == 0) {
                finding += "EXCLUSIVE removes them. ";
                holds.add(journal);
            } else {
                finding += schemaExclusive < schemaPlain ? "EXCLUSIVE reduces them but does not remove them. "
                        : "EXCLUSIVE does not reduce them. ";
                fails.add(journal);
            }
            finding += "Compared with AUTOCOMMIT: reads failing for any reason " + Fmt.pct(au.main().failedPercent())
                    + " → " + Fmt.pct(ex.main().failedPercent()) + mainFailure(ex) + ", successful reads/s "
                    + Fmt.value(au.main().okPerSecond()) + " → " + Fmt.value(ex.main().okPerSecond()) + " ("
                    + Fmt.change(au.main().okPerSecond().value(), ex.main().okPerSecond().value()) + "), DDL/s "
                    + Fmt.value(au.churner().okPerSecond()) + " → " + Fmt.value(ex.churner().okPerSecond()) + " ("
                    + Fmt.change(au.churner().okPerSecond().value(), ex.churner().okPerSecond().value()) + ").";
            Optional<Candidate> deferred = find(c, "DEFERRED");
            if (deferred.isPresent()) {
                Candidate de = deferred.get();
                boolean deferredWorse = de.main().failedPercent() > ex.main().failedPercent()
                        || de.main().okPerSecond().value() < ex.main().okPerSecond().value()
                                && !de.main().okPerSecond().tiesWith(ex.main().okPerSecond());
                finding += " DEFERRED, which the seed called unusable: " + Fmt.pct(de.main().failedPercent())
                        + " of reads failed" + mainFailure(de) + ", " + Fmt.value(de.main().okPerSecond()) + " successful reads/s, "
                        + Fmt.value(de.churner().okPerSecond()) + " DDL/s, "
                        + (deferredWorse ? "worse for readers than EXCLUSIVE." : "no worse for readers than EXCLUSIVE.");
            }
            findings.add(finding);
        }
        String headline;
        if (holds.isEmpty() && fails.isEmpty() && nothingToFix.isEmpty()) {
            headline = "No verdict: the run has no DDL rows with both AUTOCOMMIT and EXCLUSIVE.";
        } else if (fails.isEmpty() && holds.isEmpty()) {
            headline = "The claim does not hold with this driver: no reader met \"database schema has changed\" even with plain "
                    + "autocommit DDL (" + String.join(", ", nothingToFix) + "), so BEGIN EXCLUSIVE fixes nothing; its only "
                    + "effects are the costs below.";
        } else if (fails.isEmpty() && nothingToFix.isEmpty()) {
            headline = "The claim holds: BEGIN EXCLUSIVE removed every SCHEMA failure that plain autocommit DDL caused ("
                    + String.join(", ", holds) + "); weigh it against the costs below.";
        } else {
            List<String> parts = new ArrayList<>();
            if (!holds.isEmpty()) {
                parts.add("it holds in " + String.join(", ", holds) + " (EXCLUSIVE removed the SCHEMA failures)");
            }
            if (!nothingToFix.isEmpty()) {
                parts.add("there was nothing to fix in " + String.join(", ", nothingToFix) + " (no SCHEMA failures even without it)");
            }
            if (!fails.isEmpty()) {
                parts.add("it fails in " + String.join(", ", fails) + " (SCHEMA failures remain under EXCLUSIVE)");
            }
            headline = "The claim holds only in part: " + String.join("; ", parts) + ".";
        }
        return new Verdict(headline, findings);
    }

    private static String schemaCount(Candidate c) {
        return c.main().total().count(Failure.SCHEMA) + " of " + c.main().total().attempts() + " ("
                + Fmt.pct(c.main().percent(Failure.SCHEMA)) + ")";
    }

    private static Optional<Candidate> find(List<Candidate> candidates, String ddl) {
        return candidates.stream().filter(c -> c.row().param("ddl").equals(ddl)).findFirst();
    }
}
