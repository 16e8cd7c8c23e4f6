package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-process and the cross-process churner report the same counts, and leave the schema as they say. */
class ChurnerPlacementTest {

    @ParameterizedTest
    @EnumSource(value = ChurnerPlacement.class, names = {"THREAD", "PROCESS"})
    void churnerReportsItsDdlAndTheTableMatches(ChurnerPlacement placement) throws Exception {
        try (Database database = Workload.createDatabase(JournalMode.WAL, 1_000, 10, 0)) {
            ChurnerPlacement.RunningChurn churn = placement.start(database, DdlStrategy.IMMEDIATE, RetryPolicy.NONE,
                    SchemaChange.SIDE_TABLE, new ReentrantReadWriteLock(), List.of());
            ChurnReport early = churn.report();
            Thread.sleep(300);
            ChurnReport later = churn.report();
            churn.close();
            ChurnReport last = churn.report();

            assertThat(later.totals().minus(early.totals()).ok()).as("DDL committed in 300 ms").isPositive();
            assertThat(last.totals().attempts()).isEqualTo(last.totals().ok() + last.totals().failures());
            assertThat(last.totals().attempts()).isGreaterThanOrEqualTo(later.totals().attempts());
            try (Connection c = database.connect()) {
                assertThat(SchemaChange.SIDE_TABLE.stateOf(c)).isEqualTo(last.state());
            }
        }
    }

    @Test
    void appLockCannotWorkAcrossProcesses() {
        assertThatThrownBy(() -> ChurnerPlacement.PROCESS.check(DdlStrategy.APP_LOCK))
                .hasMessage("ddl APP_LOCK needs a lock shared with the readers in one JVM; it cannot work from a churner process");
        assertThatThrownBy(() -> ChurnerPlacement.KILLED_PROCESS.check(DdlStrategy.AUTOCOMMIT))
                .hasMessage("ddl AUTOCOMMIT has no explicit transaction to kill the churner in; use DEFERRED, IMMEDIATE or EXCLUSIVE");
    }

    @Test
    void reportLinesRoundTrip() {
        Counts step = new Counts();
        step.attempt();
        step.failure(io.github.schemachurn.sqlite.ErrorClass.BUSY);
        ChurnReport report = new ChurnReport(new Counts().plus(step), 1_003);
        ChurnReport parsed = ChurnReport.parse(report.toLine());
        assertThat(parsed.state()).isEqualTo(1_003);
        assertThat(parsed.toLine()).isEqualTo(report.toLine());
        assertThatThrownBy(() -> ChurnReport.parse(report.toLine().replace("\"SCHEMA\":0,", "")))
                .hasMessageEndingWith("(failures of SCHEMA missing)");
        assertThatThrownBy(() -> ChurnReport.parse(report.toLine().replace("\"attempts\":1", "\"attempts\":2")))
                .hasMessageEndingWith("(counts do not add up: attempts 2 != ok 0 + failures 1)");
        assertThatThrownBy(() -> ChurnReport.parse("{\"totals\":{\"attempts\":2},\"state\":1}"))
                .hasMessageStartingWith("not a churner report: ")
                .hasMessageNotContaining("\n");
    }
}
