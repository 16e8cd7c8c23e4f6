package io.github.schemachurn.workload;

/**
 * Counts of crash injection. Every kill is followed by a check ({@link Audit#afterCrash}); a
 * check that passes is a recovery, so {@code kills - recoveries} checks failed.
 *
 * @param kills               churner processes killed with SIGKILL
 * @param killsMidTransaction of those, killed between the DDL and COMMIT: certain, the child was
 *                            waiting for the word to commit
 * @param killsInCommit       of those, killed at a random moment after being told to commit (during
 *                            COMMIT, or just after it)
 * @param unacknowledged      in-commit kills where the child died before reporting the DDL's
 *                            outcome: the check accepted the table either way for that one DDL
 * @param recoveries          checks that found everything in order
 * @param corruptions         checks where {@code PRAGMA integrity_check} was not ok
 * @param lostWrites          acknowledged writes found missing, summed over checks
 * @param wrongTables         checks where the schema did not match the acknowledged changes
 *                            (a half-created or resurrected table)
 * @param hotJournals         kills after which a rollback journal was left in the directory (a hot
 *                            journal that the next reader rolls back; rollback-journal mode only;
 *                            a lower bound, as a reader may roll it back before the check looks)
 */
public record CrashStats(long kills, long killsMidTransaction, long killsInCommit, long unacknowledged,
                         long recoveries, long corruptions, long lostWrites, long wrongTables, long hotJournals) {
    public static final CrashStats ZERO = new CrashStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** These counts plus one kill and the check after it. */
    CrashStats plusKill(boolean inCommit, boolean ambiguous, boolean hotJournal, Audit.Result check) {
        return new CrashStats(kills + 1,
                killsMidTransaction + (inCommit ? 0 : 1),
                killsInCommit + (inCommit ? 1 : 0),
                unacknowledged + (ambiguous ? 1 : 0),
                recoveries + (check.ok() ? 1 : 0),
                corruptions + (check.integrity().equals("ok") ? 0 : 1),
                lostWrites + check.lostWrites(),
                wrongTables + (check.schemaAsExpected() ? 0 : 1),
                hotJournals + (hotJournal ? 1 : 0));
    }

    /** The counts between an earlier snapshot and this one. */
    public CrashStats minus(CrashStats earlier) {
        return new CrashStats(kills - earlier.kills,
                killsMidTransaction - earlier.killsMidTransaction,
                killsInCommit - earlier.killsInCommit,
                unacknowledged - earlier.unacknowledged,
                recoveries - earlier.recoveries,
                corruptions - earlier.corruptions,
                lostWrites - earlier.lostWrites,
                wrongTables - earlier.wrongTables,
                hotJournals - earlier.hotJournals);
    }

    /** Kills whose check found a problem. */
    public long failedRecoveries() {
        return kills - recoveries;
    }
}
