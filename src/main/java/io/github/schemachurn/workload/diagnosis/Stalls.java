package io.github.schemachurn.workload.diagnosis;

/**
 * What one reader met in one measured window besides counts: the longest time without a successful
 * read (a lock wait, a run of failures, a slow re-prepare), and for a migration applied once, how
 * long after it started the first read that began after its commit succeeded: the time until
 * the reader had its answers again. Plain Java: the benchmark feeds it only measured calls.
 */
public final class Stalls {
    private long windowStartNanos;
    private long lastOkNanos;
    private long longestNanos;
    private long recoveryNanos;

    public void reset() {
        windowStartNanos = lastOkNanos = longestNanos = recoveryNanos = 0;
    }

    /**
     * One measured read, which began at {@code startNanos} and ended at {@code endNanos}, and the
     * migration's last acknowledged step (0, 0 before any).
     */
    public void read(long startNanos, long endNanos, boolean ok, long migrationStartNanos, long migrationCommitNanos) {
        if (windowStartNanos == 0) {
            windowStartNanos = startNanos;
            lastOkNanos = startNanos;
        }
        if (!ok) {
            return;
        }
        longestNanos = Math.max(longestNanos, endNanos - lastOkNanos);
        lastOkNanos = endNanos;
        boolean migratedInWindow = migrationStartNanos >= windowStartNanos && migrationCommitNanos != 0;
        if (recoveryNanos == 0 && migratedInWindow && startNanos >= migrationCommitNanos) {
            recoveryNanos = endNanos - migrationStartNanos;
        }
    }

    public long longestMicros() {
        return longestNanos / 1_000;
    }

    /** 0 if no migration started and committed within the window. */
    public long recoveryMicros() {
        return recoveryNanos / 1_000;
    }
}
