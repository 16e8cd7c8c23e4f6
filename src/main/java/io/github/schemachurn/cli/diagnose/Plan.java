package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.report.Run;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.NativeSqlite;
import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.ReaderStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What one diagnosis measures and for how long. Rates: the main report's realistic ones (1, 10
 * and 100 migration steps per second) and back to back as a labelled stress setting, or the
 * user's {@code --rate}; without a rollback the migration is applied once per fresh copy
 * ({@link Params#ONCE}). Journal modes: WAL always (the first advice to check), and DELETE too when the
 * file is in a rollback-journal mode. Readers: cached statement, prepare per call, and the
 * snapshot lease (WAL only), and the legacy prepare on the system library
 * ({@link MigratedCopy#LEGACY_PREPARE}) where that library is installed. {@code --quick}: one rate, fewer and shorter iterations (about a
 * minute on a 2-core machine, and rough); the default takes about 5 minutes there.
 *
 * @param rounds each round runs one fork of every configuration, so the options compared see the same minutes
 */
record Plan(boolean quick, List<String> rates, List<JournalMode> journals, List<ReaderStrategy> readers, boolean legacy, int rounds, int warmups,
            TimeValue warmupTime, int iterations, TimeValue iterationTime, List<String> reloadMethods) {
    static Plan of(boolean quick, Optional<Integer> rate, boolean alternates, String fileJournal) {
        List<String> rates = !alternates ? List.of(Params.ONCE)
                : rate.map(r -> List.of(String.valueOf(r)))
                .orElse(quick ? List.of("10") : List.of("1", "10", "100", Params.UNPACED));
        List<JournalMode> journals = fileJournal.equals("WAL") ? List.of(JournalMode.WAL)
                : List.of(JournalMode.WAL, JournalMode.DELETE);
        List<ReaderStrategy> readers = List.of(ReaderStrategy.CACHED, ReaderStrategy.PER_CALL, ReaderStrategy.SNAPSHOT_LEASE);
        boolean legacy = NativeSqlite.available();
        return quick
                ? new Plan(true, rates, journals, readers, legacy, 2, 1, TimeValue.milliseconds(500), 1, TimeValue.seconds(1),
                        List.of(Run.FRESH_PREPARE_METHOD, Run.STALE_PREPARE_METHOD))
                : new Plan(false, rates, journals, readers, legacy, 2, 1, TimeValue.seconds(1), 2, TimeValue.seconds(1),
                        List.of(Run.FRESH_PREPARE_METHOD, Run.STALE_PREPARE_METHOD, Run.STALE_CACHED_METHOD));
    }

    /** The readers measured in this journal mode: the strategies that may run in it (the lease needs WAL), and the legacy prepare. */
    List<String> readers(JournalMode journal) {
        List<String> names = new ArrayList<>();
        for (ReaderStrategy reader : readers) {
            try {
                reader.check(journal);
                names.add(reader.name());
            } catch (IllegalArgumentException refused) {
                // not in this journal mode
            }
        }
        if (legacy) {
            names.add(MigratedCopy.LEGACY_PREPARE);
        }
        return names;
    }
}
