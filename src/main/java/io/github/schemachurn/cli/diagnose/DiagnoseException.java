package io.github.schemachurn.cli.diagnose;

/** Bad input to {@code diagnose}: its message is the one line the user sees. */
public final class DiagnoseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DiagnoseException(String message) {
        super(message);
    }
}
