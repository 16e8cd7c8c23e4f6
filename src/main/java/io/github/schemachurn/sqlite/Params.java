package io.github.schemachurn.sqlite;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses benchmark parameters with one-line errors that name the parameter and what it accepts. */
public final class Params {
    /** The rate params' word for back to back, no pacing (PacedChurnBenchmark's and DiagnoseBenchmark's {@code ddlPerSecond}). */
    public static final String UNPACED = "UNPACED";
    /** DiagnoseBenchmark's {@code ddlPerSecond} for a migration without rollback: applied once per fresh copy in each iteration. */
    public static final String ONCE = "ONCE";

    private Params() {}

    public static <E extends Enum<E>> E parseEnum(String param, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "unknown value '" + value + "' for parameter " + param + "; accepted: " + accepted);
    }

    public static int parsePositiveInt(String param, String value) {
        int parsed = parseWholeNumber(param, value, "a whole number above 0");
        if (parsed <= 0) {
            throw new IllegalArgumentException("parameter " + param + " must be above 0, got " + parsed);
        }
        return parsed;
    }

    public static int parseNonNegativeInt(String param, String value) {
        int parsed = parseWholeNumber(param, value, "a whole number");
        if (parsed < 0) {
            throw new IllegalArgumentException("parameter " + param + " must not be negative, got " + parsed);
        }
        return parsed;
    }

    private static int parseWholeNumber(String param, String value, String expected) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + param + " must be " + expected + ", got '" + value + "'");
        }
        return parsed;
    }
}
