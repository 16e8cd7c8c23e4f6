package io.github.schemachurn.sqlite;

/**
 * After a failure that made the driver finalize the statement (SCHEMA, no such table, a dead
 * statement), try once more at once: the operation's failure listener has dropped the
 * statement, so the second try prepares it against the current schema.
 */
final class ReprepareOnce implements Retrier {
    @Override
    public boolean retryAfter(ErrorClass error, int failedTries) {
        return failedTries == 1 && error.killsStatement() && error != ErrorClass.OTHER;
    }
}
