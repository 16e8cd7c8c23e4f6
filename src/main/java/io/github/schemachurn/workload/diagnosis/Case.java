package io.github.schemachurn.workload.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.schemachurn.sqlite.Binder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One diagnosis's inputs as the benchmark forks read them: the private copy of the user's file
 * that every trial copies again, the query and its arguments, the migration and its rollback
 * (empty without one), each a list of statements, and the writers' statement with its arguments
 * (empty: writers are not measured). Written as JSON into the diagnosis's private
 * directory; its path is the benchmarks' {@code diagnosis} param.
 */
public record Case(String source, String query, List<String> args, List<String> up, List<String> down, String write,
                   List<String> writeArgs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Case {
        args = List.copyOf(args);
        up = List.copyOf(up);
        down = List.copyOf(down);
        write = write == null ? "" : write;
        writeArgs = List.copyOf(writeArgs);
    }

    /** Whether writers run beside the readers. */
    public boolean writes() {
        return !write.isEmpty();
    }

    /** Whether up and down alternate; without a rollback the migration is applied once per fresh copy. */
    public boolean alternates() {
        return !down.isEmpty();
    }

    /** Binds the query's arguments ({@link #binder(List)}). */
    public Binder binder() {
        return binder(args);
    }

    /** Binds the write statement's arguments ({@link #binder(List)}). */
    public Binder writeBinder() {
        return binder(writeArgs);
    }

    /** The arguments as values, as {@link #binder(List)} binds them. */
    public List<Object> values() {
        return args.stream().map(Case::value).toList();
    }

    /**
     * An argument as a driver binds the value an application passes: a whole number as an
     * integer, another number as a real, anything else as text.
     */
    static Object value(String arg) {
        try {
            return Long.parseLong(arg);
        } catch (NumberFormatException notWhole) {
            try {
                return Double.parseDouble(arg);
            } catch (NumberFormatException notNumber) {
                return arg;
            }
        }
    }

    /** Binds the arguments in order, each as {@link #value} reads it. */
    static Binder binder(List<String> args) {
        return (statement, id) -> {
            for (int i = 0; i < args.size(); i++) {
                Object value = value(args.get(i));
                if (value instanceof Long whole) {
                    statement.setLong(i + 1, whole);
                } else if (value instanceof Double real) {
                    statement.setDouble(i + 1, real);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
        };
    }

    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Case read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Case.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the diagnosis case " + file + ": " + e.getMessage(), e);
        }
    }
}
