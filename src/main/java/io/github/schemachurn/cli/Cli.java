package io.github.schemachurn.cli;

import io.github.schemachurn.AtomicFiles;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * What the suite's command lines (report, diagnose, rounds) share: bad input and expected
 * failures print one line, prefixed with the tool's name, and exit non-zero; anything else prints
 * one line naming its type. Never a stack trace as the message.
 */
public final class Cli {
    /** Exit code of a failure the command expected (bad input, a failed trial). */
    public static final int FAILURE = 1;

    private Cli() {}

    /**
     * Runs {@code command} on {@code args}. {@code expected} is the command's own exception type,
     * whose message is printed as it is, as is a file that cannot be written ({@link AtomicFiles});
     * parameter errors exit with picocli's invalid-input code (2).
     */
    public static int run(String name, Object command, Class<? extends Exception> expected, String[] args,
            PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(command).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String what = expected.isInstance(e) || e instanceof UncheckedIOException ? "" : "unexpected " + e.getClass().getSimpleName() + ": ";
            cmd.getErr().println(name + ": " + what + oneLine(e.getMessage()));
            cmd.getErr().flush();
            return FAILURE;
        });
        commandLine.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println(name + ": " + oneLine(e.getMessage()) + " (see --help)");
            e.getCommandLine().getErr().flush();
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A message on one line: its lines joined by a space; "no detail" for none. */
    public static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
