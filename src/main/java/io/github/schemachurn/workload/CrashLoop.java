package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Crash injection: starts a churner process in STEP mode, lets it commit a random number of
 * DDL, then kills it with SIGKILL inside a DDL transaction, checks that the database recovered
 * ({@link Audit#afterCrash}), and starts the next one. Runs until stopped; readers and writers
 * of the caller keep running throughout.
 *
 * <p>Two kinds of kill. Mid-transaction (the default): the child has executed the DDL, said
 * {@code inside} and waits for the word to commit, so the kill certainly lands between the DDL
 * and COMMIT; the check then demands the schema exactly as the child's last acknowledged
 * change left it. In-commit (a share of kills given by the plan): the child is told to commit and
 * killed after a random delay (up to a few milliseconds), during COMMIT or just after it, where a rollback
 * journal is half written or the WAL holds a partial commit. If the child died before
 * reporting that DDL's outcome, the parent cannot know whether it committed; for that one change
 * the check accepts either state, and {@link CrashStats#unacknowledged()} counts such kills.
 */
public final class CrashLoop extends BackgroundLoop {
    /**
     * @param maxDdlsBetweenKills      each child commits 0..this many DDL before it is killed
     * @param inCommitShare            the share of kills that land in or just after COMMIT
     * @param maxCommitKillDelayMicros how long after "commit" an in-commit kill may come
     */
    public record Plan(int maxDdlsBetweenKills, double inCommitShare, long maxCommitKillDelayMicros, long seed) {}

    private static final int PROBLEMS_KEPT = 20;

    private final ChildJvm jvm;
    private final Database database;
    private final DdlStrategy ddl;
    private final RetryPolicy retry;
    private final SchemaChange change;
    private final List<WriterLoop> writers;
    private final Plan plan;
    private final SplittableRandom random;
    private final List<String> problems = new ArrayList<>();
    private Counts finishedTotals = new Counts();
    private volatile ChurnReport report;
    private volatile CrashStats stats = CrashStats.ZERO;

    /** @param writers the writers running beside it, whose acknowledged rows every check looks for */
    public CrashLoop(ChildJvm jvm, Database database, DdlStrategy ddl, RetryPolicy retry, SchemaChange change,
                     List<WriterLoop> writers, Plan plan) {
        ChurnerProcess.checkStrategy(ddl, ChurnerProcess.Mode.STEP);
        change.check(ddl);
        this.jvm = jvm;
        this.database = database;
        this.ddl = ddl;
        this.retry = retry;
        this.change = change;
        this.writers = List.copyOf(writers);
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed());
        this.report = new ChurnReport(new Counts(), change.initial());
    }

    /** The DDL counts of all churner processes so far, and the schema's last known state. */
    public ChurnReport report() {
        return report;
    }

    public CrashStats stats() {
        return stats;
    }

    /** What the failed checks found, at most the first {@value #PROBLEMS_KEPT}. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** One child's life: start, some committed DDL, a kill inside a transaction, a check. */
    @Override
    void step() throws SQLException {
        try (ChurnerChild child = ChurnerChild.start(jvm, database, ddl, retry, change, ChurnerProcess.Mode.STEP)) {
            ChurnReport last = new ChurnReport(new Counts(), child.readyState());
            int commitsLeft = random.nextInt(plan.maxDdlsBetweenKills() + 1);
            boolean inCommit = random.nextDouble() < plan.inCommitShare();
            while (true) {
                String line = child.readLine();
                if (line == null) {
                    throw new IllegalStateException("churner process ended unexpectedly: " + child.exitDescription());
                }
                if (ChurnReport.isReport(line)) {
                    last = ChurnReport.parse(line);
                    publish(last);
                } else if (!line.equals(ChurnerProcess.INSIDE)) {
                    throw new IllegalStateException("churner process said '" + line + "'");
                } else if (stopped()) {
                    ChurnReport stoppedAt = lastReport(last, child.stop());
                    finish(stoppedAt, stoppedAt.state());
                    return;
                } else if (commitsLeft-- > 0) {
                    child.send(ChurnerProcess.COMMIT);
                } else {
                    break;
                }
            }
            long attemptsBeforeKill = last.totals().attempts();
            if (inCommit) {
                child.send(ChurnerProcess.COMMIT);
                LockSupport.parkNanos(random.nextLong(plan.maxCommitKillDelayMicros() + 1) * 1_000);
            }
            child.kill();
            last = lastReport(last, child.remainingLines());
            boolean ambiguous = inCommit && last.totals().attempts() == attemptsBeforeKill;
            boolean hotJournal = database.journal() == JournalMode.DELETE && Files.exists(journalFile());
            Audit.Expectation expected = new Audit.Expectation(last.state(), ambiguous);
            Audit.Result check = Audit.afterCrash(database, change, expected, writers);
            stats = stats.plusKill(inCommit, ambiguous, hotJournal, check);
            if (!check.ok()) {
                problem("after kill " + stats.kills() + " (" + (inCommit ? "in commit" : "mid-transaction")
                        + ", " + database.journal() + "): " + check.describe());
            }
            finish(last, check.state());
        }
    }

    private Path journalFile() {
        return database.file().resolveSibling(database.file().getFileName() + "-journal");
    }

    private ChurnReport lastReport(ChurnReport last, List<String> lines) {
        for (String line : lines) {
            if (ChurnReport.isReport(line)) {
                last = ChurnReport.parse(line);
            }
        }
        return last;
    }

    /** Adds a finished child's counts; the schema's state as found is what the next child starts from. */
    private void finish(ChurnReport last, long state) {
        finishedTotals = finishedTotals.plus(last.totals());
        report = new ChurnReport(finishedTotals, state);
    }

    private void publish(ChurnReport childSoFar) {
        report = new ChurnReport(finishedTotals.plus(childSoFar.totals()), childSoFar.state());
    }

    private void problem(String problem) {
        synchronized (problems) {
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(problem);
            }
        }
    }
}
