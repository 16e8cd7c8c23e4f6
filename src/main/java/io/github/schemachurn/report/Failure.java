package io.github.schemachurn.report;

/**
 * The failure classes the benchmarks count, by the suffix of their counter names in the results
 * (opSchema, ddlBusy, …). The report knows only these names, never the benchmark classes.
 */
public enum Failure {
    SCHEMA("Schema", "SCHEMA"),
    NO_SUCH_TABLE("NoSuchTable", "no such table"),
    BUSY("Busy", "BUSY"),
    BUSY_SNAPSHOT("BusySnapshot", "BUSY_SNAPSHOT"),
    LOCKED("Locked", "LOCKED"),
    DEAD_STATEMENT("DeadStatement", "dead statement"),
    OTHER("Other", "other");

    private final String counterSuffix;
    private final String label;

    Failure(String counterSuffix, String label) {
        this.counterSuffix = counterSuffix;
        this.label = label;
    }

    /** The counter's name in the results, e.g. {@code opSchema} for prefix {@code op}. */
    public String counter(String prefix) {
        return prefix + counterSuffix;
    }

    /** How the report names the class. */
    public String label() {
        return label;
    }
}
