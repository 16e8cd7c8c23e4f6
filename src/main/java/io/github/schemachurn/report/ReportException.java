package io.github.schemachurn.report;

/**
 * A problem with the report's input or output, said in one line that names the file and the
 * problem. The command line prints the message (never a stack trace) and exits non-zero.
 */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message, null, false, false);
    }
}
