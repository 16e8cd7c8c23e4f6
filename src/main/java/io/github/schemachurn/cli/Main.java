package io.github.schemachurn.cli;

import io.github.schemachurn.cli.diagnose.Diagnose;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The jar's entry point: JMH's own {@link org.openjdk.jmh.Main} with one different default.
 * JMH prints a failed trial (a bad parameter, a failed audit, a broken count) and goes on to exit
 * 0, so a script or CI would take a broken run for a good one. Here {@code -foe true} is the
 * default: the first failed trial ends the run with exit code 1. {@code -foe false} restores
 * JMH's behaviour; every other option is JMH's, untouched. {@code diagnose} as the first argument
 * runs {@link Diagnose} on the user's own database instead.
 */
public final class Main {
    /** The first argument that runs {@link Diagnose} instead of JMH (JMH takes no such word). */
    static final String DIAGNOSE = "diagnose";

    private Main() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals(DIAGNOSE)) {
            Diagnose.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        org.openjdk.jmh.Main.main(withFailOnErrorDefault(args));
    }

    static String[] withFailOnErrorDefault(String[] args) {
        try {
            if (new CommandLineOptions(args).shouldFailOnError().hasValue()) {
                return args;
            }
        } catch (CommandLineOptionException e) {
            return args; // JMH's Main reports the bad option itself
        }
        List<String> withDefault = new ArrayList<>(List.of("-foe", "true"));
        withDefault.addAll(List.of(args));
        return withDefault.toArray(String[]::new);
    }
}
