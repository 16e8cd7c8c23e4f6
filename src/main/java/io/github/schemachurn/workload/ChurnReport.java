package io.github.schemachurn.workload;

/**
 * What a churner reports: its DDL outcome counts and whether the churned table exists after
 * every acknowledged DDL (ok counts the acknowledged DDL). A churner process writes it as one
 * line, {@code totals attempts=… ok=… SCHEMA=… … retries=… exists=true}.
 */
public record ChurnReport(Totals totals, boolean tableExists) {
    static final String PREFIX = "totals ";

    public String toLine() {
        return PREFIX + totals.toFields() + " exists=" + tableExists;
    }

    public static boolean isReport(String line) {
        return line.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException naming the line if it is not a complete report */
    public static ChurnReport parse(String line) {
        if (!isReport(line)) {
            throw new IllegalArgumentException("not a churner report: '" + line + "'");
        }
        return new ChurnReport(Totals.parse(line), parseBoolean(Totals.fields(line).get("exists"), line));
    }

    static boolean parseBoolean(String value, String line) {
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new IllegalArgumentException("field exists must be true or false in '" + line + "'");
    }
}
