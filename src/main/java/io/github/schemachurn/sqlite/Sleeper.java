package io.github.schemachurn.sqlite;

/** Waits; injected so that tests can check backoff delays without sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = nanos -> {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    };

    /** Sleeps; false if interrupted (the caller then gives up). */
    boolean sleepNanos(long nanos);
}
