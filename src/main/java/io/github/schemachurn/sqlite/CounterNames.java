package io.github.schemachurn.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of the counter names every role reports and the report reads. A role has a
 * prefix ({@link #OPERATION} for whatever is measured: reads, inserts, requests; {@link #DDL} for
 * whatever changes the schema) and reports, per measured iteration, totals named prefix + suffix:
 * attempts, successes, one count per {@link ErrorClass} (so a new class is one enum constant),
 * retries, and the measured window the counts cover. JMH needs literal counter names, so each
 * role's counter class spells them out; a test holds every such class to this list.
 */
public final class CounterNames {
    /** The measured operation: a read, an insert, a web request. */
    public static final String OPERATION = "op";
    /** The schema changer: churner, registrar, background or other-process churner. */
    public static final String DDL = "ddl";
    /** A diagnosis's writer: the user's write statement beside the readers. */
    public static final String WRITE = "write";

    /** Operations started in the measured window; always ok + the failure counts. */
    public static final String ATTEMPTS = "Attempts";
    public static final String OK = "Ok";
    /** Extra tries the application made (a retry policy), not counting busy-handler waits. */
    public static final String RETRIES = "Retries";
    /** Times SQLite's busy handler was called inside an operation (where the policy can see them). */
    public static final String BUSY_WAITS = "BusyWaits";
    /** The measured window of each thread of the role, in microseconds, summed over the role's threads. */
    public static final String WINDOW_MICROS = "WindowMicros";
    /** One per thread of the role and iteration: divides {@link #WINDOW_MICROS} into a mean window. */
    public static final String THREADS = "Threads";
    /** CPU time of the role's threads in the measured window, in microseconds: CPU / window is the regime signal. */
    public static final String CPU_MICROS = "CpuMicros";
    /**
     * Attempts per second of each thread's own window, summed over the role's threads: what JMH's
     * throughput for the role's method is (each thread's ops over its own time, summed), so the
     * report checks counted against measured for a role of several threads too.
     */
    public static final String ATTEMPT_RATE = "AttemptRate";

    /*
     * Latency of the role's operations in the measured window, in microseconds, per thread: each
     * thread's own percentile of its own operations. JMH sums EVENTS counters over a role's
     * threads, so a reader divides by THREADS (the mean of the threads' percentiles).
     */
    /** Percentiles and maximum of successful operations (0 when none succeeded). */
    public static final String OK_P50_MICROS = "OkP50Micros";
    public static final String OK_P90_MICROS = "OkP90Micros";
    public static final String OK_P99_MICROS = "OkP99Micros";
    public static final String OK_P999_MICROS = "OkP999Micros";
    public static final String OK_MAX_MICROS = "OkMaxMicros";
    /** Percentiles of failed operations (0 when none failed). */
    public static final String FAIL_P50_MICROS = "FailP50Micros";
    public static final String FAIL_P99_MICROS = "FailP99Micros";
    /**
     * Time the role's operations spent sleeping in a busy handler of this suite's own (retry
     * BUSY_HANDLER), summed; 0 under SQLite's own busy_timeout, whose sleeps inside SQLite
     * nothing outside can time.
     */
    public static final String LOCK_WAIT_MICROS = "LockWaitMicros";

    /*
     * The seed site's pages (SeedSiteBenchmark's PageCounters), beside the "op" role that counts
     * their outcomes: the window model's parts and whether the workers kept their pace, summed over
     * the pages of the measured window. A page's window is its schema load + prepare-to-step; a
     * mean is a sum / PAGE_TIMED.
     */
    /** Pages whose first try reached its step, so both parts of their window were timed. */
    public static final String PAGE_TIMED = "pageTimed";
    /** The first prepare on each page's fresh connection (it loads the whole schema), summed over the timed pages. */
    public static final String PAGE_SCHEMA_LOAD_MICROS = "pageSchemaLoadMicros";
    /** From the end of that prepare to the start of its step, summed over the timed pages. */
    public static final String PAGE_PREPARE_TO_STEP_MICROS = "pagePrepareToStepMicros";
    /** Pages that prepared and executed again after SQLITE_SCHEMA at least once (the op role's retries counts the tries). */
    public static final String PAGE_RETRIED = "pageRetried";
    /** Pages started more than 10 ms (PageTotals.LATE_NANOS) after their arrival: their worker did not keep its pace. */
    public static final String PAGE_LATE = "pageLate";
    /** How late pages started after their arrival, summed over all pages. */
    public static final String PAGE_LAG_MICROS = "pageLagMicros";
    /** Rows of sqlite_schema (tables, indexes, triggers, views: what a fresh connection loads) when the window opened, and when it closed. */
    public static final String PAGE_SCHEMA_OBJECTS_START = "pageSchemaObjectsStart";
    public static final String PAGE_SCHEMA_OBJECTS_END = "pageSchemaObjectsEnd";

    /*
     * The write-ahead log of a WAL database in the measured window (io.github.schemachurn.workload.WalWindow
     * defines them): one thread of the group carries them, the others report 0, so JMH's sum is the
     * window's figure. WAL_SAMPLES is 0 when the database is not in WAL mode: read the other two only
     * where it is above 0.
     */
    /** Most bytes the -wal file held in the window (exact when the file grew in it, sampled otherwise). */
    public static final String WAL_PEAK_BYTES = "walPeakBytes";
    /** Commits that appended to a WAL already at its autocheckpoint size: each follows a checkpoint that could not complete. */
    public static final String WAL_INCOMPLETE_CHECKPOINTS = "walIncompleteCheckpoints";
    /** Samples of the wal-index taken in the window; 0: not a WAL database. */
    public static final String WAL_SAMPLES = "walSamples";
    /**
     * A diagnose reader's stalls per measured iteration (StallCounters, not a role): the longest
     * time without a successful read, and the time until reads were answered after a migration
     * applied once (0 if none landed in the window).
     */
    public static final String STALL_LONGEST_MICROS = "stallLongestMicros";
    public static final String STALL_RECOVERY_MICROS = "stallRecoveryMicros";
    /** A diagnosis's writer per measured iteration: its longest call (ok or failed, busy waits included); 0 without a writer. */
    public static final String STALL_WRITE_LONGEST_MICROS = "stallWriteLongestMicros";
    /**
     * How long each migration step committed in the iteration held the write lock (from BEGIN
     * IMMEDIATE's return to COMMIT's): the median and the longest; 0 if no step committed.
     */
    public static final String MIGRATION_LOCK_P50_MICROS = "migrationLockP50Micros";
    public static final String MIGRATION_LOCK_MAX_MICROS = "migrationLockMaxMicros";

    private CounterNames() {}

    /** The seed site's page counters, in report order. */
    public static List<String> page() {
        return List.of(PAGE_TIMED, PAGE_SCHEMA_LOAD_MICROS, PAGE_PREPARE_TO_STEP_MICROS, PAGE_RETRIED, PAGE_LATE, PAGE_LAG_MICROS,
                PAGE_SCHEMA_OBJECTS_START, PAGE_SCHEMA_OBJECTS_END);
    }

    public static String failure(String prefix, ErrorClass error) {
        return prefix + error.counterSuffix();
    }

    /** Every counter name of a role, in report order: the outcome counts, then the latency. */
    public static List<String> all(String prefix) {
        List<String> names = new ArrayList<>(counts(prefix));
        names.addAll(latency(prefix));
        return names;
    }

    /** The latency counters of a role; results from before them have none. */
    public static List<String> latency(String prefix) {
        return List.of(prefix + OK_P50_MICROS, prefix + OK_P90_MICROS, prefix + OK_P99_MICROS, prefix + OK_P999_MICROS,
                prefix + OK_MAX_MICROS, prefix + FAIL_P50_MICROS, prefix + FAIL_P99_MICROS, prefix + LOCK_WAIT_MICROS);
    }

    /** The outcome counts of a role and its measured window. */
    public static List<String> counts(String prefix) {
        List<String> names = new ArrayList<>(List.of(prefix + ATTEMPTS, prefix + OK));
        for (ErrorClass error : ErrorClass.values()) {
            names.add(failure(prefix, error));
        }
        names.addAll(List.of(prefix + RETRIES, prefix + BUSY_WAITS, prefix + WINDOW_MICROS, prefix + THREADS, prefix + CPU_MICROS,
                prefix + ATTEMPT_RATE));
        return names;
    }
}
