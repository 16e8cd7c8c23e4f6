package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills the churner process with SIGKILL inside DDL transactions, at least 20 times between the
 * DDL and COMMIT, while a writer keeps inserting; after every kill the database must pass
 * integrity_check, hold every acknowledged write and show the churned table exactly as the
 * acknowledged DDL left it. The churners start as the benchmarks' do ({@link ChildJvm#fastStarting()}),
 * in about half the time of a plain JVM.
 */
@Timeout(300)
class CrashLoopTest {
    private static final int MID_TRANSACTION_KILLS = 20;
    /** Some kills also land in or just after COMMIT, where the journal or WAL is half written. */
    private static final CrashLoop.Plan PLAN = new CrashLoop.Plan(3, 0.2, 2_000, 42);

    /** The temp root of this test's databases and churners, so no other run's files are taken for ours. */
    @TempDir
    Path tmp;

    @BeforeEach
    void privateTmpdir() {
        ChildJvm.fastStarting(); // its cache lives as long as this JVM, outside tmp
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
    }

    @AfterEach
    void restoreTmpdir() {
        System.clearProperty(Database.TMPDIR_PROPERTY);
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void databaseRecoversFromEveryKillWithNothingLost(JournalMode journal) throws Exception {
        try (Database database = Workload.createDatabase(journal, 1_000, 100, 0);
             WriterLoop writer = new WriterLoop(new WriterSession(database.connect(), RetryPolicy.NONE.create(), 0), 500)) {
            writer.start("writer");
            CrashLoop crashes = new CrashLoop(ChildJvm.fastStarting(), database, DdlStrategy.IMMEDIATE, RetryPolicy.NONE,
                    SchemaChange.SIDE_TABLE, List.of(writer), PLAN);
            crashes.start("crashes");
            try {
                while (crashes.stats().killsMidTransaction() < MID_TRANSACTION_KILLS) {
                    crashes.checkHealthy();
                    Thread.sleep(20);
                }
                crashes.stop();
            } finally {
                crashes.requestStop(); // on failure too: no new churner after the test
            }
            writer.stop();
            try (Stream<Path> siblings = Files.list(database.directory().getParent())) {
                assertThat(siblings.map(p -> p.getFileName().toString()))
                        .as("private directories of killed churners (with their native library) are removed")
                        .noneMatch(name -> name.startsWith("schemachurn-child-"));
            }

            CrashStats stats = crashes.stats();
            System.out.println(journal + ": " + stats + ", churner " + crashes.report() + ", writer " + writer.totals());
            assertThat(crashes.problems()).isEmpty();
            assertThat(stats.killsMidTransaction()).isGreaterThanOrEqualTo(MID_TRANSACTION_KILLS);
            assertThat(stats.corruptions()).isZero();
            assertThat(stats.lostWrites()).isZero();
            assertThat(stats.wrongTables()).isZero();
            assertThat(stats.recoveries()).isEqualTo(stats.kills());
            assertThat(crashes.report().totals().ok()).as("DDL committed between kills").isPositive();
            assertThat(writer.acknowledged()).as("writes acknowledged while killing").isPositive();
            try (Connection c = database.connect()) {
                assertThat(Audit.integrityCheck(c)).isEqualTo("ok");
                assertThat(Workload.countRows(c, Workload.WRITE_TABLE)).isEqualTo(writer.acknowledged());
                assertThat(SchemaChange.SIDE_TABLE.stateOf(c)).isEqualTo(crashes.report().state());
            }
        }
    }
}
