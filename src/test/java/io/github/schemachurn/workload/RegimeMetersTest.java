package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The regime counters count: schema changes from the schema_version delta, stalls over the threshold. */
class RegimeMetersTest {

    @Test
    void probeCountsEachCommittedSchemaChangeOncePerPeriod() throws Exception {
        try (Database db = Workload.createDatabase(JournalMode.WAL, 0, 10, 0);
                Connection probeConnection = db.connect();
                Connection changer = db.connect();
                Statement ddl = changer.createStatement()) {
            SchemaChangeProbe probe = new SchemaChangeProbe(probeConnection);
            probe.begin();
            ddl.execute("CREATE TABLE a(x)");
            ddl.execute("CREATE TABLE b(x)");
            ddl.execute("DROP TABLE a");
            ddl.execute("INSERT INTO b VALUES (1)"); // not a schema change
            assertThat(probe.claimChanges()).isEqualTo(3);
            assertThat(probe.claimChanges()).as("second thread of the same period").isZero();

            probe.begin();
            assertThat(probe.claimChanges()).isZero();
        }
    }

    @Test
    void stallMeterCountsOnlyCallsOverItsThreshold() {
        StallMeter meter = new StallMeter(1_000);
        meter.record(10);
        meter.record(1_000);
        meter.record(1_001);
        meter.record(50_000);
        assertThat(meter.calls()).isEqualTo(4);
        assertThat(meter.stalledCalls()).isEqualTo(2);
        assertThat(meter.stalledNanos()).isEqualTo(51_001);
        meter.reset();
        assertThat(meter.calls()).isZero();
        assertThat(meter.stalledNanos()).isZero();
    }
}
