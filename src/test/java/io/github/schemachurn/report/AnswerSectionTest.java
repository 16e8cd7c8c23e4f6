package io.github.schemachurn.report;

import static io.github.schemachurn.report.Fixtures.churn;
import static io.github.schemachurn.report.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.sqlite.ErrorClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerSectionTest {
    @TempDir
    Path dir;

    /** One comparison of ddl A against B at {@code rows}: A's and B's rates over three agreeing forks, no failures. */
    private static List<ObjectNode> comparison(String rows, double a, double b) {
        return List.of(churn(params("ddl", "A", "rows", rows), a, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98),
                churn(params("ddl", "B", "rows", rows), b, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98));
    }

    private DecisionRule.Row decide(List<List<ObjectNode>> comparisons) {
        List<ObjectNode> results = new ArrayList<>();
        comparisons.forEach(results::addAll);
        Run run = new Run(Fixtures.configs(results, dir), Optional.empty(), "");
        return DecisionRule.decide(run, Run.DDL, c -> true, "how to wrap DDL").orElseThrow();
    }

    /** The published run once named EXCLUSIVE for WAL after it won 2 of 18 comparisons, as many as AUTOCOMMIT did. */
    @Test
    void aTieOrAFewWinsAmongManyComparisonsNameNoWinner() {
        DecisionRule.Row tie = decide(List.of(comparison("1", 1000, 500), comparison("2", 500, 1000),
                comparison("3", 1000, 1000), comparison("4", 1000, 1000)));
        assertThat(tie.advice()).isEqualTo("no `ddl` wins consistently");
        assertThat(tie.because()).startsWith("a winner in 2 of 4 comparison(s): ");

        DecisionRule.Row few = decide(List.of(comparison("1", 1000, 500), comparison("2", 1000, 1000),
                comparison("3", 1000, 1000)));
        assertThat(few.advice()).isEqualTo("no `ddl` wins consistently");

        // Half is not most: the stress prepare row flipped between runs at 1 and 2 wins of 4.
        DecisionRule.Row half = decide(List.of(comparison("1", 1000, 500), comparison("2", 1000, 400),
                comparison("3", 1000, 1000), comparison("4", 1000, 1000)));
        assertThat(half.advice()).isEqualTo("no `ddl` wins consistently");
    }

    @Test
    void anOptionThatWinsMostComparisonsIsNamed() {
        DecisionRule.Row row = decide(List.of(comparison("1", 1000, 500), comparison("2", 1000, 400),
                comparison("3", 1000, 1000)));
        assertThat(row.advice()).isEqualTo("**ddl=A**");
        assertThat(row.because()).startsWith("a winner in 2 of 3 comparison(s): A 2; e.g. A ");
    }

    /** The published run once named retry=REPREPARE for DELETE: 4.6 times the successful reads, but 46 % of reads failed against 0.56 %. */
    @Test
    void aFasterOptionThatFailsMoreOftenIsATradeOffNotAWinner() {
        List<ObjectNode> tradeOff = List.of(
                churn(params("ddl", "A", "rows", "1"), 80_000, ErrorClass.BUSY, 0.46, 1.0, 1.02, 0.98),
                churn(params("ddl", "B", "rows", "1"), 17_000, ErrorClass.BUSY, 0.0056, 1.0, 1.03, 0.97));
        DecisionRule.Row row = decide(List.of(tradeOff));
        assertThat(row.advice()).isEqualTo("no `ddl` can be recommended: a trade-off");
        assertThat(row.because()).startsWith("the faster option fails significantly more often").contains("A 80,000");

        List<ObjectNode> bothClean = List.of(
                churn(params("ddl", "A", "rows", "1"), 80_000, ErrorClass.BUSY, 0.0056, 1.0, 1.02, 0.98),
                churn(params("ddl", "B", "rows", "1"), 17_000, ErrorClass.BUSY, 0.0056, 1.0, 1.03, 0.97));
        assertThat(decide(List.of(bothClean)).advice()).isEqualTo("**ddl=A**");

        // Where the faster option fails on most operations it is never advised, so there is no trade-off to weigh.
        List<ObjectNode> bothMostlyFail = List.of(
                churn(params("ddl", "A", "rows", "1"), 80_000, ErrorClass.BUSY, 0.59, 1.0, 1.02, 0.98),
                churn(params("ddl", "B", "rows", "1"), 6_000, ErrorClass.BUSY, 0.96, 1.0, 1.03, 0.97));
        assertThat(decide(List.of(bothMostlyFail)).advice()).doesNotContain("trade-off");
    }

    /**
     * The quick profile runs one fork: no difference can be significant, which is not "no
     * difference", and no option wins for being the only one most of whose operations succeed
     * (that needs failing significantly less often too).
     */
    @Test
    void oneForkCannotTell() {
        DecisionRule.Row row = decide(List.of(oneFork(0, 0)));
        assertThat(row.advice()).isEqualTo("cannot tell from one fork");
        assertThat(row.because()).contains("one fork per option");

        // Nor where only one option mostly succeeds: winning on that needs failing significantly less often.
        DecisionRule.Row onlyOne = decide(List.of(oneFork(0.45, 0.95)));
        assertThat(onlyOne.advice()).isEqualTo("cannot tell from one fork");
    }

    /** ddl A at 80,000 ok/s against B at 17,000, each failing the given share with BUSY, in one fork. */
    private static List<ObjectNode> oneFork(double aFailed, double bFailed) {
        return List.of(churn(params("ddl", "A", "rows", "1"), 80_000, ErrorClass.BUSY, aFailed, 1.0),
                churn(params("ddl", "B", "rows", "1"), 17_000, ErrorClass.BUSY, bFailed, 1.0));
    }

    /** ddl A at {@code a} against B at {@code b} ok/s, in the given regime (busy timeout in ms, paced DDL/s or UNPACED). */
    private static List<ObjectNode> inRegime(String busyTimeout, String ddlPerSecond, double a, double b) {
        return List.of(churn(params("ddl", "A", "journal", "WAL", "busyTimeout", busyTimeout, "ddlPerSecond", ddlPerSecond), a,
                        ErrorClass.BUSY, 0, 1.0, 1.02, 0.98),
                churn(params("ddl", "B", "journal", "WAL", "busyTimeout", busyTimeout, "ddlPerSecond", ddlPerSecond), b,
                        ErrorClass.BUSY, 0, 1.0, 1.02, 0.98));
    }

    private Run run(List<List<ObjectNode>> comparisons) {
        List<ObjectNode> results = new ArrayList<>();
        comparisons.forEach(results::addAll);
        return new Run(Fixtures.configs(results, dir), Optional.empty(), "");
    }

    /** The answer comes from the regimes people run; unpaced churn and fail-fast readers are rows of their own, labelled. */
    @Test
    void realisticAndStressRegimesAreSeparateRowsThatNameTheirRegime() {
        Run run = run(List.of(inRegime("3000", "10", 1000, 500), inRegime("0", "10", 500, 1000),
                inRegime("3000", "UNPACED", 500, 1000), inRegime("3000", "1000", 500, 1000)));
        List<DecisionRule.Row> realistic = AnswerSection.rows(run, true);
        assertThat(realistic).extracting(DecisionRule.Row::regime).containsOnly("busy timeout 3 s; paced 10 DDL/s");
        assertThat(realistic).extracting(DecisionRule.Row::advice).contains("**ddl=A**");
        List<DecisionRule.Row> stress = AnswerSection.rows(run, false);
        assertThat(stress).extracting(DecisionRule.Row::regime).allMatch(r -> r.contains("busy timeout 0 ms, 3 s")
                && r.contains("paced 10, 1,000 DDL/s") && r.contains("unpaced, 1,000 DDL/s"));
        assertThat(stress).extracting(DecisionRule.Row::advice).doesNotContain("**ddl=A**");
    }

    /** The published run's examples were each row's most extreme comparison; a typical one is the median. */
    @Test
    void theExampleIsTheMedianComparisonNotTheMostExtreme() {
        DecisionRule.Row row = decide(List.of(comparison("1", 2000, 1000), comparison("2", 4000, 1000),
                comparison("3", 10000, 1000)));
        assertThat(row.advice()).isEqualTo("**ddl=A**");
        assertThat(row.because()).contains("A 4,000").contains("(rows=2)").doesNotContain("10,000");
    }

    /** EXCLUSIVE in a rollback journal failed most in 9 of 11 comparisons while the row said only "no winner". */
    @Test
    void anOptionThatLosesToEveryOtherInMostComparisonsIsToAvoid() {
        List<List<ObjectNode>> comparisons = new ArrayList<>();
        for (String rows : List.of("1", "2", "3")) {
            comparisons.add(List.of(churn(params("ddl", "A", "rows", rows), 1000, ErrorClass.BUSY, 0.5, 1.0, 1.3, 0.7),
                    churn(params("ddl", "B", "rows", rows), 1000, ErrorClass.BUSY, 0.5, 0.7, 1.0, 1.3),
                    churn(params("ddl", "C", "rows", rows), 100, ErrorClass.BUSY, 0.97, 1.0, 1.02, 0.98)));
        }
        DecisionRule.Row row = decide(comparisons);
        assertThat(row.advice()).contains("**avoid ddl=C** (worst in 3 of 3 comparisons)");
        assertThat(row.advice()).doesNotContain("avoid ddl=A", "avoid ddl=B");
    }

    /** "WAL: retry -> no difference" was true only because no read failed, so no policy ran. */
    @Test
    void aRetryPolicyWhereNothingFailedIsNotExercised() {
        Run run = run(List.of(List.of(
                churn(params("retry", "NONE", "journal", "WAL"), 1000, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98),
                churn(params("retry", "BACKOFF", "journal", "WAL"), 1000, ErrorClass.BUSY, 0, 1.02, 0.98, 1.0))));
        DecisionRule.Row row = DecisionRule.decide(run, Run.RETRY, c -> true, "WAL: choosing `retry`").orElseThrow();
        assertThat(row.advice()).isEqualTo("any `retry`: not exercised");
        assertThat(row.because()).startsWith("no operation failed and no busy handler waited in 1 comparison(s)");

        Run failing = run(List.of(List.of(
                churn(params("retry", "NONE", "journal", "DELETE"), 1000, ErrorClass.BUSY, 0.1, 1.0, 1.02, 0.98),
                churn(params("retry", "BACKOFF", "journal", "DELETE"), 1000, ErrorClass.BUSY, 0.1, 1.02, 0.98, 1.0))));
        assertThat(DecisionRule.decide(failing, Run.RETRY, c -> true, "DELETE: choosing `retry`").orElseThrow().advice())
                .doesNotContain("not exercised");
    }

    /** A diagnostic reader is watched, never advised; the lease reader is advised with its staleness; the busy timeout is never a row. */
    @Test
    void diagnosticsAreNoCandidatesTheLeaseStatesItsStalenessAndTheBusyTimeoutIsNeverARow() {
        Run run = run(List.of(List.of(
                churn(params("reader", "CACHED", "journal", "WAL"), 1000, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98),
                churn(params("reader", "SNAPSHOT_LEASE", "journal", "WAL"), 3000, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98),
                churn(params("reader", "COLUMN_CHECKED", "journal", "WAL"), 9000, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98))));
        DecisionRule.Row row = DecisionRule.decide(run, Run.READER, c -> true, "WAL: choosing `reader`").orElseThrow();
        assertThat(row.advice()).isEqualTo("**reader=SNAPSHOT_LEASE**, at the cost of reads up to 50.0 ms stale and a WAL that checkpoints "
                + "cannot shrink while it holds its snapshot (WAL size not recorded in this run)");
        assertThat(row.because()).doesNotContain("COLUMN_CHECKED").contains("DDL failed 0 %");

        Run timeouts = run(List.of(List.of(
                churn(params("busyTimeout", "0", "journal", "DELETE"), 70_000, ErrorClass.BUSY, 0.4, 1.0, 1.02, 0.98),
                churn(params("busyTimeout", "100", "journal", "DELETE"), 700, ErrorClass.BUSY, 0, 1.0, 1.02, 0.98))));
        assertThat(DecisionRule.decide(timeouts, Run.BUSY_TIMEOUT, c -> true, "DELETE: choosing `busyTimeout`")).isEmpty();
        assertThat(AnswerSection.rows(timeouts, false)).extracting(DecisionRule.Row::advice).noneMatch(a -> a.contains("busyTimeout"));
    }
}
