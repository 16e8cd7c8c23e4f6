package io.github.schemachurn.sqlite;

import java.sql.SQLException;

/**
 * Runs one logical operation under a retry policy and counts it: one attempt, then one success
 * or one classified failure, with every extra try counted as a retry and every busy-handler wait
 * inside SQLite (where the policy sees them) as a busy wait, with the time it slept. Only SQL failures are
 * caught; anything else is a bug and propagates.
 */
public final class Operation {
    private Operation() {}

    /**
     * @param work      one try of the operation
     * @param afterFail told of each failed try, so a statement the driver finalized can be dropped
     * @return whether the operation succeeded
     */
    public static boolean run(SqlTry work, FailureListener afterFail, Retrier retrier, Tally tally) {
        tally.attempt();
        for (int failedTries = 1; ; failedTries++) {
            try {
                work.run();
                tally.busyWaits(retrier.takeBusyWaits());
                tally.lockWaitNanos(retrier.takeBusyWaitNanos());
                tally.success();
                return true;
            } catch (SQLException e) {
                ErrorClass error = ErrorClass.of(e);
                afterFail.failed(error);
                if (!retrier.retryAfter(error, failedTries)) {
                    tally.busyWaits(retrier.takeBusyWaits());
                    tally.lockWaitNanos(retrier.takeBusyWaitNanos());
                    tally.failure(error);
                    return false;
                }
                tally.retries(1);
            }
        }
    }

    /** Told of each failed try. */
    @FunctionalInterface
    public interface FailureListener {
        FailureListener NONE = error -> {};

        void failed(ErrorClass error);
    }
}
