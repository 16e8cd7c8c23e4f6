package io.github.schemachurn.bench;

import io.github.schemachurn.workload.CrashStats;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Crash injection in {@link CrossProcessChurnBenchmark}: SIGKILLs of the churner process since
 * the previous iteration, where they landed, and what the check after each found. Per
 * iteration, from one iteration's end to the next (kills are rare events, not rates); the first
 * reader thread to finish takes them, the others report zero, so JMH's sum is the total.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CrashCounters {
    public long crashKills;
    public long crashKillsMidTransaction;
    public long crashKillsInCommit;
    public long crashUnacknowledged;
    public long crashRecoveries;
    public long crashCorruptions;
    public long crashLostWrites;
    public long crashWrongTables;
    public long crashHotJournals;

    @TearDown(Level.Iteration)
    public void collect(PlacedChurn site) {
        CrashStats c = site.takeCrashes();
        crashKills = c.kills();
        crashKillsMidTransaction = c.killsMidTransaction();
        crashKillsInCommit = c.killsInCommit();
        crashUnacknowledged = c.unacknowledged();
        crashRecoveries = c.recoveries();
        crashCorruptions = c.corruptions();
        crashLostWrites = c.lostWrites();
        crashWrongTables = c.wrongTables();
        crashHotJournals = c.hotJournals();
    }
}
