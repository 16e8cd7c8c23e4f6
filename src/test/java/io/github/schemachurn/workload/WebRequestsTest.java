package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's site model: every request accounted for while registrations change the schema, both
 * on the system SQLite library (the registrar's native connection is closed before the audit's
 * sqlite-jdbc one opens).
 */
class WebRequestsTest {
    private static final int THREADS = 3;
    private static final int REQUESTS_PER_THREAD = 100;

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void everyRequestIsAttemptedOnceAndEndsAsOneOutcome(JournalMode journal) throws Exception {
        for (PrepareMode prepare : PrepareMode.values()) {
            serveWhileRegistering(journal, prepare);
        }
    }

    private static void serveWhileRegistering(JournalMode journal, PrepareMode prepare) throws Exception {
        try (Database db = Workload.createDatabase(journal, 0, 100, 20)) {
            NativeConnection registrarConnection = NativeConnection.open(db.file(), 0);
            Churner registrar = new Churner(registrarConnection, SchemaChange.TABLE_PER_TENANT,
                    DdlStrategy.EXCLUSIVE.create(new ReentrantReadWriteLock()), RetryPolicy.NONE.create());
            WebRequests site = new WebRequests(db, prepare);
            // Paced: each new user's table makes every later request's schema load longer.
            PacedLoop registrations = new PacedLoop(200, registrar::step);
            List<Counts> perThread = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Counts counts = new Counts();
                perThread.add(counts);
                threads.add(new Thread(() -> {
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        site.serve(1 + i % 100, counts);
                    }
                }));
            }
            registrations.start("registrations");
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            registrations.stop();
            registrarConnection.close();

            for (Counts counts : perThread) {
                assertThat(counts.attempts()).isEqualTo(REQUESTS_PER_THREAD);
                long byClass = 0;
                for (ErrorClass error : ErrorClass.values()) {
                    byClass += counts.failures(error);
                }
                assertThat(counts.ok() + byClass).as(counts.toString()).isEqualTo(counts.attempts());
                assertThat(counts.failures(ErrorClass.OTHER)).as(counts.toString()).isZero();
            }
            Counts ddl = registrations.totals();
            assertThat(ddl.ok() + ddl.failures()).isEqualTo(ddl.attempts());
            assertThat(registrar.acknowledged()).isEqualTo(ddl.ok());
            try (Connection c = db.connect()) {
                Audits.verifySchema(c, registrar);
            }
        }
    }
}
