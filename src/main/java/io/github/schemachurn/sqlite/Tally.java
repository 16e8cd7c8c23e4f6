package io.github.schemachurn.sqlite;

/**
 * Where an operation's outcome is counted. Every operation is one attempt and ends as exactly
 * one success or one failure of one class; each extra try on the way is a retry.
 */
public interface Tally {
    void attempt();

    void success();

    void failure(ErrorClass error);

    /** Extra tries the application made on the way to the outcome (a retry policy). */
    void retries(long count);

    /** Times SQLite's busy handler waited inside the operation, where the policy can see them (not retries). */
    default void busyWaits(long count) {}

    /** Time this suite's own busy handler slept inside the operation (0 under SQLite's busy_timeout, which nothing outside can time). */
    default void lockWaitNanos(long nanos) {}

    /** Counts nothing: for calls outside a measured window. */
    Tally NONE = new Tally() {
        @Override public void attempt() {}

        @Override public void success() {}

        @Override public void failure(ErrorClass error) {}

        @Override public void retries(long count) {}
    };
}
