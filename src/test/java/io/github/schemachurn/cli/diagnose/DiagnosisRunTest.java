package io.github.schemachurn.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.cli.Interleaved;
import io.github.schemachurn.report.Run;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a diagnosis runs in each round, from JMH's benchmark list, without running it. */
class DiagnosisRunTest {
    @Test
    void everyRoundRunsTheReloadTimingsAndEveryReaderInEveryJournalModeOnTheCase() {
        Plan of = Plan.of(true, Optional.empty(), true, "DELETE");
        // With the system library's legacy prepare, whether or not it is installed here.
        Plan plan = new Plan(of.quick(), of.rates(), of.journals(), of.readers(), true, of.rounds(), of.warmups(), of.warmupTime(),
                of.iterations(), of.iterationTime(), of.reloadMethods());
        Path caseFile = Path.of("case.json");
        var configurations = DiagnosisRun.configurations(plan, caseFile);
        assertThat(configurations).extracting(c -> c.benchmark().getUsername().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1")
                        + " " + c.params().getOrDefault(Run.JOURNAL, "") + " " + c.params().getOrDefault(Run.READER, ""))
                .containsExactly("DiagnoseReloadBenchmark.freshPrepare  ", "DiagnoseReloadBenchmark.stalePrepare  ",
                        "DiagnoseBenchmark.migration WAL CACHED", "DiagnoseBenchmark.migration WAL PER_CALL",
                        "DiagnoseBenchmark.migration WAL SNAPSHOT_LEASE", "DiagnoseBenchmark.migration WAL LEGACY_PREPARE",
                        "DiagnoseBenchmark.migration DELETE CACHED", "DiagnoseBenchmark.migration DELETE PER_CALL",
                        "DiagnoseBenchmark.migration DELETE LEGACY_PREPARE");
        assertThat(configurations).allSatisfy(c -> assertThat(c.params()).containsEntry(Run.DIAGNOSIS, caseFile.toString()));
        assertThat(configurations).filteredOn(c -> c.params().containsKey(Run.DDL_PER_SECOND))
                .allSatisfy(c -> assertThat(c.params()).containsEntry(Run.DDL_PER_SECOND, "10"));
        assertThat(configurations).extracting(Interleaved.Configuration::options)
                .allSatisfy(o -> assertThat(o.getMeasurementIterations().get()).isEqualTo(plan.iterations()));
    }
}
