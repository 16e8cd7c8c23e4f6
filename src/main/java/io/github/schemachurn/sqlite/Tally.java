package io.github.schemachurn.sqlite;

/**
 * Where an operation's outcome is counted. Every operation is one attempt and ends as exactly
 * one success or one failure of one class; each extra try on the way is a retry.
 */
public interface Tally {
    void attempt();

    void success();

    void failure(ErrorClass error);

    /** Extra tries on the way to the outcome: application retries, or busy-handler waits inside SQLite. */
    void retries(long count);
}
