package io.github.schemachurn.report;

import static io.github.schemachurn.report.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's claim decided on its own ground (legacy prepare per page, PDO's timeout, DELETE) by Comparison's rule. */
class SeedClaimTest {
    @TempDir
    Path dir;

    /**
     * The seed's site with this DDL and prepare call in DELETE mode at PDO's 60 s timeout: 600 pages
     * per second per fork, of which {@code failed} end with {@code error}; forks spread by ±2 %.
     */
    private static ObjectNode site(String ddl, String prepare, ErrorClass error, long failed) {
        double[] spread = {1.0, 1.02, 0.98};
        return new Fixtures.Bench("SeedScenarioBenchmark", "site", 3, params("ddl", ddl, "prepare", prepare, "journal", "DELETE",
                "busyTimeout", "60000", "registrationsPerSecond", "20"))
                .role(CounterNames.OPERATION, "request", (f, i) -> Math.round((600 - failed) * spread[f]), error,
                        (f, i) -> Math.round(failed * spread[f]))
                .role(CounterNames.DDL, "registrations", 20, ErrorClass.BUSY, 0).node;
    }

    private String verdict(ObjectNode... results) {
        List<ObjectNode> all = new ArrayList<>(List.of(results));
        return SeedClaim.verdict(new Run(Fixtures.configs(all, dir), Optional.empty(), ""));
    }

    @Test
    void holdsWhereExclusiveServesPagesSignificantlyBetter() {
        String verdict = verdict(site("AUTOCOMMIT", "LEGACY", ErrorClass.SCHEMA, 60), site("EXCLUSIVE", "LEGACY", ErrorClass.SCHEMA, 0));
        assertThat(verdict).contains("**holds**: EXCLUSIVE DDL serves pages significantly better on its own ground (busy timeout 60 s; "
                + "paced 20 registrations/s; prepare=LEGACY, journal=DELETE)").contains("code 17 on 10.00 % ", "of pages under AUTOCOMMIT against 0 % (0–0.04 %) under EXCLUSIVE");
    }

    @Test
    void doesNotHoldWhereNoPageMetCode17OrPlainDdlServesBetter() {
        assertThat(verdict(site("AUTOCOMMIT", "LEGACY", ErrorClass.SCHEMA, 0), site("EXCLUSIVE", "LEGACY", ErrorClass.BUSY, 0)))
                .contains("**does not hold**: no page met code 17 under AUTOCOMMIT DDL, so there was nothing for EXCLUSIVE to fix");
        assertThat(verdict(site("AUTOCOMMIT", "LEGACY", ErrorClass.SCHEMA, 6), site("EXCLUSIVE", "LEGACY", ErrorClass.BUSY, 120)))
                .contains("**does not hold**: AUTOCOMMIT DDL serves pages significantly better than EXCLUSIVE");
    }

    /**
     * An older run's legacy comparison (17.4 % against 11.3 % at p = 0.15) was called "does not hold"
     * because EXCLUSIVE did not serve more pages; now code 17 decides: it stays under EXCLUSIVE.
     */
    @Test
    void doesNotHoldWhereCode17StaysUnderExclusiveAndInconclusiveWhereTheSetupWasNotMeasured() {
        ObjectNode noisyPlain = new Fixtures.Bench("SeedScenarioBenchmark", "site", 3, params("ddl", "AUTOCOMMIT", "prepare", "LEGACY",
                "journal", "DELETE", "busyTimeout", "60000", "registrationsPerSecond", "20"))
                .role(CounterNames.OPERATION, "request", (f, i) -> 600 - new long[] {10, 200, 100}[f], ErrorClass.SCHEMA,
                        (f, i) -> new long[] {10, 200, 100}[f])
                .role(CounterNames.DDL, "registrations", 20, ErrorClass.BUSY, 0).node;
        assertThat(verdict(noisyPlain, site("EXCLUSIVE", "LEGACY", ErrorClass.SCHEMA, 60)))
                .contains("**does not hold**: EXCLUSIVE DDL does not fix code 17: it stays on 10.00 % ")
                .contains("of pages, not significantly fewer than under AUTOCOMMIT");
        assertThat(verdict(site("AUTOCOMMIT", "V2", ErrorClass.SCHEMA, 0), site("EXCLUSIVE", "V2", ErrorClass.SCHEMA, 0)))
                .contains("**inconclusive**: its own setup").contains("With prepare=V2, journal=DELETE: does not hold: no page met code 17");
    }

    /** What Report compare checks between runs: the decision on the claim's own ground, without its numbers. */
    @Test
    void theDecisionAloneIsTheVerdictsBoldWord() {
        List<ObjectNode> ground = List.of(site("AUTOCOMMIT", "LEGACY", ErrorClass.SCHEMA, 60), site("EXCLUSIVE", "LEGACY", ErrorClass.SCHEMA, 0));
        assertThat(SeedClaim.decision(new Run(Fixtures.configs(ground, dir), Optional.empty(), ""))).contains("holds");
        List<ObjectNode> v2Only = List.of(site("AUTOCOMMIT", "V2", ErrorClass.SCHEMA, 0), site("EXCLUSIVE", "V2", ErrorClass.SCHEMA, 0));
        assertThat(SeedClaim.decision(new Run(Fixtures.configs(v2Only, dir), Optional.empty(), ""))).isEmpty();
    }
    /**
     * Code 17 under EXCLUSIVE is half of plain DDL's in every round while the rounds themselves range
     * from 1 % to 29 %: on raw per-fork shares (Welch) the halving drowns in that spread; within rounds
     * on the logit scale, the test every other failure share gets, it is the same step each round.
     * EXCLUSIVE's other half turns into BUSY, so the pages served and failed do not differ and code 17
     * alone decides: lowered, not removed.
     */
    @Test
    void code17IsComparedWithinRoundsOnTheLogitScale() {
        long[] plainSchema = {6, 240, 12, 120, 30};
        List<ObjectNode> all = new ArrayList<>();
        for (int r = 0; r < plainSchema.length; r++) {
            long schema = plainSchema[r];
            all.add(inRound(r + 1, sitePage("AUTOCOMMIT", schema, 0)));
            all.add(inRound(r + 1, sitePage("EXCLUSIVE", schema / 2, schema / 2)));
        }
        JmhJson.Read read = JmhJson.readRun(List.of(Fixtures.write(dir.resolve("rounds.json"), all)), "environment.json");
        Run run = new Run(ReportGenerator.configs(read.results()), Optional.empty(), "");
        Comparison c = Comparison.of(run, Run.DDL, x -> true).get(0);
        Comparison.Option plain = c.options().stream().filter(o -> o.value().equals("AUTOCOMMIT")).findFirst().orElseThrow();
        Comparison.Option fix = c.options().stream().filter(o -> o.value().equals("EXCLUSIVE")).findFirst().orElseThrow();
        assertThat(c.paired()).isTrue();
        assertThat(Stats.welchP(plain.config().op().orElseThrow().share(ErrorClass.SCHEMA).forks(),
                fix.config().op().orElseThrow().share(ErrorClass.SCHEMA).forks())).as("Welch on raw shares").isGreaterThan(Stats.ALPHA);
        double p = c.failedP(plain, fix, ErrorClass.SCHEMA);
        assertThat(p).as("paired, logit scale").isLessThan(Stats.ALPHA);
        assertThat(SeedClaim.verdict(run)).contains("**holds in part**: EXCLUSIVE DDL lowers code 17 significantly but does not remove it")
                .contains("(p = " + Fmt.p(p) + ")");
    }

    /** One fork of the seed's site with the legacy prepare call: 600 pages served per iteration, the given code-17 and BUSY failures. */
    private static ObjectNode sitePage(String ddl, long schema, long busy) {
        return new Fixtures.Bench("SeedScenarioBenchmark", "site", 1, params("ddl", ddl, "prepare", "LEGACY", "journal", "DELETE",
                "busyTimeout", "60000", "registrationsPerSecond", "20"))
                .role(CounterNames.OPERATION, "request", (f, i) -> 600L, ErrorClass.SCHEMA, (f, i) -> schema)
                .counter(CounterNames.failure(CounterNames.OPERATION, ErrorClass.BUSY), (f, i) -> (double) busy)
                .counter(CounterNames.OPERATION + CounterNames.ATTEMPTS, (f, i) -> (double) (600 + schema + busy))
                .role(CounterNames.DDL, "registrations", 20, ErrorClass.BUSY, 0).node;
    }

    private static ObjectNode inRound(int round, ObjectNode result) {
        result.putObject("round").put("study", "seed").put("round", round).put("slot", 1).put("seed", 1).put("twin", false);
        return result;
    }
}
