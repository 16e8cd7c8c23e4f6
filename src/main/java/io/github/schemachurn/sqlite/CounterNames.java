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
     * The seed site's pages (SeedSiteBenchmark), beside the "op" role that counts their outcomes:
     * the window model's parts and whether the workers kept their pace, summed over the pages of
     * the measured window. The window is schema load + prepare-to-step; a mean is a sum / TIMED.
     */
    /** Prefix of the page counters. */
    public static final String PAGE = "page";
    /** Pages whose first try reached its step, so both parts of their window were timed. */
    public static final String TIMED = "Timed";
    /** The first prepare on each page's fresh connection (it loads the whole schema), summed over TIMED pages. */
    public static final String SCHEMA_LOAD_MICROS = "SchemaLoadMicros";
    /** From the end of that prepare to the start of its step, summed over TIMED pages. */
    public static final String PREPARE_TO_STEP_MICROS = "PrepareToStepMicros";
    /** Pages that prepared and executed again after SQLITE_SCHEMA at least once (the op role's retries counts the tries). */
    public static final String RETRIED = "Retried";
    /** Pages started more than 10 ms after their arrival: their worker did not keep its pace. */
    public static final String LATE = "Late";
    /** How late pages started after their arrival, summed over all pages. */
    public static final String LAG_MICROS = "LagMicros";
    /** Tables, indexes, triggers and views in the schema (rows of sqlite_schema) when the window opened, and when it closed. */
    public static final String SCHEMA_OBJECTS_START = "SchemaObjectsStart";
    public static final String SCHEMA_OBJECTS_END = "SchemaObjectsEnd";

    private CounterNames() {}

    /** The page counters, in report order. */
    public static List<String> page() {
        return List.of(PAGE + TIMED, PAGE + SCHEMA_LOAD_MICROS, PAGE + PREPARE_TO_STEP_MICROS, PAGE + RETRIED, PAGE + LATE,
                PAGE + LAG_MICROS, PAGE + SCHEMA_OBJECTS_START, PAGE + SCHEMA_OBJECTS_END);
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
