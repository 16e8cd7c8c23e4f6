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

    private AnswerSection.Row decide(List<List<ObjectNode>> comparisons) {
        List<ObjectNode> results = new ArrayList<>();
        comparisons.forEach(results::addAll);
        Run run = new Run(Fixtures.configs(results, dir), Optional.empty(), "");
        return AnswerSection.decide(run, Run.DDL, c -> true, "how to wrap DDL").orElseThrow();
    }

    /** The published run once named EXCLUSIVE for WAL after it won 2 of 18 comparisons, as many as AUTOCOMMIT did. */
    @Test
    void aTieOrAFewWinsAmongManyComparisonsNameNoWinner() {
        AnswerSection.Row tie = decide(List.of(comparison("1", 1000, 500), comparison("2", 500, 1000),
                comparison("3", 1000, 1000), comparison("4", 1000, 1000)));
        assertThat(tie.advice()).isEqualTo("no `ddl` wins consistently");
        assertThat(tie.because()).startsWith("a winner in 2 of 4 comparison(s): ");

        AnswerSection.Row few = decide(List.of(comparison("1", 1000, 500), comparison("2", 1000, 1000),
                comparison("3", 1000, 1000)));
        assertThat(few.advice()).isEqualTo("no `ddl` wins consistently");
    }

    @Test
    void anOptionThatWinsMostComparisonsIsNamed() {
        AnswerSection.Row row = decide(List.of(comparison("1", 1000, 500), comparison("2", 1000, 400),
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
        AnswerSection.Row row = decide(List.of(tradeOff));
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
     * difference"; only the majority rule can name a winner there (its DELETE rows), and says so.
     */
    @Test
    void oneForkCannotTellUnlessOneOptionAloneMostlySucceeds() {
        AnswerSection.Row row = decide(List.of(oneFork(0, 0)));
        assertThat(row.advice()).isEqualTo("cannot tell from one fork");
        assertThat(row.because()).contains("one fork per option");

        AnswerSection.Row majority = decide(List.of(oneFork(0.45, 0.95)));
        assertThat(majority.advice()).isEqualTo("**ddl=A** (the only option under which most operations succeed) (one fork: indicative; run -f 3 or more)");
        assertThat(majority.because()).contains("one fork");
    }

    /** ddl A at 80,000 ok/s against B at 17,000, each failing the given share with BUSY, in one fork. */
    private static List<ObjectNode> oneFork(double aFailed, double bFailed) {
        return List.of(churn(params("ddl", "A", "rows", "1"), 80_000, ErrorClass.BUSY, aFailed, 1.0),
                churn(params("ddl", "B", "rows", "1"), 17_000, ErrorClass.BUSY, bFailed, 1.0));
    }
}
