package io.github.schemachurn.workload;

/**
 * What a churner reports: its DDL outcome counts and its {@link SchemaChange} state after every
 * acknowledged change (ok counts the acknowledged changes). A churner process writes it as one
 * line, {@code totals attempts=… ok=… SCHEMA=… … retries=… state=1}.
 */
public record ChurnReport(Totals totals, long state) {
    static final String PREFIX = "totals ";

    public String toLine() {
        return PREFIX + totals.toFields() + " state=" + state;
    }

    public static boolean isReport(String line) {
        return line.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException naming the line if it is not a complete report */
    public static ChurnReport parse(String line) {
        if (!isReport(line)) {
            throw new IllegalArgumentException("not a churner report: '" + line + "'");
        }
        return new ChurnReport(Totals.parse(line), parseState(Totals.fields(line).get("state"), line));
    }

    static long parseState(String value, String line) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field state must be a number in '" + line + "'");
        }
    }
}
