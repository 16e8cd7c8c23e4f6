package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** One thread's retry behaviour: how its connection waits on locks, and whether a failed try is tried again. */
public interface Retrier {
    /**
     * Sets up the connection's own busy handling. The connection already has SQLite's
     * busy_timeout set to {@code busyTimeoutMs}; a policy may replace it (a busy handler does).
     */
    default void configure(Connection connection, int busyTimeoutMs) throws SQLException {}

    /**
     * Decides whether to try again after failed try number {@code failedTries} (1 for the first)
     * and waits before returning true if the policy wants a pause.
     */
    boolean retryAfter(ErrorClass error, int failedTries);

    /**
     * Busy-handler waits inside SQLite since the last call, which the operation counts apart
     * from retries; zero for policies that cannot see them.
     */
    default long takeBusyWaits() {
        return 0;
    }

    /** Time slept in those busy-handler waits since the last call, in nanoseconds. */
    default long takeBusyWaitNanos() {
        return 0;
    }
}
