package io.github.schemachurn.workload;

/** Which table the churner drops and creates again. */
public enum ChurnTarget {
    /** A table nobody queries: readers only see their statements invalidated by the schema change. */
    SIDE_TABLE("churned", false),
    /** The readers' own table: readers also meet "no such table" while it is gone (it comes back empty). */
    QUERIED_TABLE(Workload.QUERIED_TABLE, true);

    final String table;
    final boolean existsAtStart;

    ChurnTarget(String table, boolean existsAtStart) {
        this.table = table;
        this.existsAtStart = existsAtStart;
    }

    public String table() {
        return table;
    }
}
