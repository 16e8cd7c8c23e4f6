package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.report.Fmt;
import io.github.schemachurn.report.Result;
import io.github.schemachurn.report.Role;
import io.github.schemachurn.report.Run;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page's first lines, and the console's: for each journal mode and migration rate, what the
 * readers and writers met during the migration, with the numbers, or what broke; and how long each
 * migration step held the write lock. Safe for readers means no read failed under any reader
 * strategy measured; the stalls are said either way.
 */
final class Verdict {
    /** The reader strategies diagnose measures, in the page's words; {@link DiagnosisPage} defines them. */
    static final Map<String, String> READERS = Map.of(
            ReaderStrategy.CACHED.name(), "cached statement",
            ReaderStrategy.PER_CALL.name(), "prepare per call",
            ReaderStrategy.SNAPSHOT_LEASE.name(), "snapshot lease");

    private Verdict() {}

    /** The migration's configurations by journal mode and rate, in their order: each group one per reader strategy. */
    static Map<String, List<Result>> byJournalAndRate(List<Result> migration) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        migration.forEach(c -> groups.computeIfAbsent(c.param(Run.JOURNAL) + " " + c.param(Run.DDL_PER_SECOND),
                k -> new ArrayList<>()).add(c));
        return groups;
    }

    /** One paragraph per journal mode and rate. */
    static List<String> paragraphs(List<Result> migration, boolean alternates, boolean writes) {
        List<String> paragraphs = new ArrayList<>();
        byJournalAndRate(migration).forEach((key, all) -> {
            List<Result> configs = all.stream().filter(c -> !legacy(c)).toList();
            Result first = all.get(0);
            String when = first.param(Run.JOURNAL) + ", " + (alternates ? "your migration and its rollback " : "your migration ")
                    + rateText(first.param(Run.DDL_PER_SECOND));
            paragraphs.add("**" + when + "**: " + readers(configs) + " " + writers(configs, writes) + " " + lockHold(configs)
                    + all.stream().filter(Verdict::legacy).findFirst().map(c -> " " + legacyText(c)).orElse(""));
        });
        return paragraphs;
    }

    /** Whether the configuration's reader is the legacy prepare on the system library. */
    static boolean legacy(Result c) {
        return MigratedCopy.LEGACY_PREPARE.equals(c.param(Run.READER));
    }

    /** What the legacy prepare met, in one sentence. */
    private static String legacyText(Result c) {
        Role op = c.op().orElseThrow();
        long steps = total(c, CounterNames.DDL + CounterNames.OK);
        return "With the legacy `sqlite3_prepare` (" + LEGACY_DRIVERS + "), "
                + (op.failedShare().value() == 0 ? "no read failed either (" + Fmt.count(total(c, CounterNames.OPERATION + CounterNames.ATTEMPTS)) + " reads)."
                : op.share(ErrorClass.SCHEMA).percent() + " of reads failed with SQLITE_SCHEMA (code 17)"
                        + (steps > 0 ? ", " + Fmt.num((double) total(c, CounterNames.failure(CounterNames.OPERATION, ErrorClass.SCHEMA)) / steps) + " per migration step" : "")
                        + (op.failedShare().value() > op.share(ErrorClass.SCHEMA).value() ? "; " + op.failedShare().percent()
                                + " failed in all" + mostly(op) : "") + ".");
    }

    /** The drivers known to prepare with the legacy call. */
    static final String LEGACY_DRIVERS = "PHP's PDO SQLite before PHP 7.2";

    static String rateText(String rate) {
        return rate.equals(Params.ONCE) ? "applied once"
                : rate.equals(Params.UNPACED) ? "back to back (a stress setting)" : "at " + rate + " steps/s";
    }

    private static String readers(List<Result> configs) {
        long reads = configs.stream().mapToLong(c -> total(c, CounterNames.OPERATION + CounterNames.ATTEMPTS)).sum();
        String stall = "longest stall " + ms(configs.stream().mapToDouble(c -> max(c, CounterNames.STALL_LONGEST_MICROS)).max().orElse(0));
        List<String> failing = new ArrayList<>();
        for (Result c : configs) {
            Role op = c.op().orElseThrow();
            if (op.failedShare().value() > 0) {
                failing.add(op.failedShare().percent() + " of " + Fmt.count(total(c, CounterNames.OPERATION + CounterNames.ATTEMPTS))
                        + " reads with a " + READERS.get(c.param(Run.READER)) + mostly(op));
            }
        }
        String strategies = String.join(", ", configs.stream().map(c -> READERS.get(c.param(Run.READER))).toList());
        return failing.isEmpty()
                ? "safe for readers: none of " + Fmt.count(reads) + " reads failed (" + strategies + "), " + stall + "."
                : "readers fail: " + String.join("; ", failing) + "; " + stall + ".";
    }

    private static String writers(List<Result> configs, boolean writes) {
        if (!writes) {
            return "Writers were not measured (give `--write`).";
        }
        List<Role> roles = configs.stream().map(c -> Role.of(c, CounterNames.WRITE)).flatMap(Optional::stream).toList();
        long attempts = configs.stream().mapToLong(c -> total(c, CounterNames.WRITE + CounterNames.ATTEMPTS)).sum();
        Map<ErrorClass, Long> failures = Role.failuresByClass(roles);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        String longest = "longest write " + ms(configs.stream().mapToDouble(c -> max(c, CounterNames.STALL_WRITE_LONGEST_MICROS)).max().orElse(0));
        return failed == 0
                ? "Writers: none of " + Fmt.count(attempts) + " writes failed, " + longest + "."
                : "Writers fail: " + Fmt.count(failed) + " of " + Fmt.count(attempts) + " writes (mostly "
                        + sqliteName(failures.keySet().iterator().next()) + "), " + longest + ".";
    }

    private static String lockHold(List<Result> configs) {
        Optional<String> held = lockHoldText(configs);
        return held.map(h -> "Each migration step held the write lock " + h + ".").orElse("No migration step committed.");
    }

    /** "p50 A ms, max B ms" over the steps of these configurations, if any committed. */
    static Optional<String> lockHoldText(List<Result> configs) {
        List<Double> medians = configs.stream().flatMap(c -> values(c, CounterNames.MIGRATION_LOCK_P50_MICROS).stream())
                .filter(v -> v > 0).sorted().toList();
        if (medians.isEmpty()) {
            return Optional.empty();
        }
        double longest = configs.stream().mapToDouble(c -> max(c, CounterNames.MIGRATION_LOCK_MAX_MICROS)).max().orElse(0);
        return Optional.of("p50 " + ms(medians.get(medians.size() / 2)) + ", max " + ms(longest));
    }

    private static String mostly(Role op) {
        return Role.failuresByClass(List.of(op)).keySet().stream().findFirst().map(e -> " (mostly " + sqliteName(e) + ")").orElse("");
    }

    static String sqliteName(ErrorClass e) {
        return switch (e) {
            case SCHEMA -> "SQLITE_SCHEMA";
            case BUSY -> "SQLITE_BUSY";
            case BUSY_SNAPSHOT -> "SQLITE_BUSY_SNAPSHOT";
            case LOCKED -> "SQLITE_LOCKED";
            case NO_SUCH_TABLE -> "no such table";
            case DEAD_STATEMENT -> "a statement the driver had finalized";
            case STALE_COLUMNS -> "stale columns";
            case OTHER -> "other errors";
        };
    }

    static String ms(double micros) {
        return Fmt.num(micros / 1e3) + " ms";
    }

    static double max(Result c, String counter) {
        return values(c, counter).stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    static long total(Result c, String counter) {
        return (long) values(c, counter).stream().mapToDouble(Double::doubleValue).sum();
    }

    static List<Double> values(Result r, String counter) {
        return r.counters().getOrDefault(counter, List.of()).stream().flatMap(List::stream).toList();
    }
}
