package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * What happens to prepared INSERTs while another connection changes the schema? Writers and
 * the churner compete for SQLite's single write lock, so here BUSY is expected in every journal
 * mode; the question is how each locking strategy and retry policy shares the lock, and
 * whether anything acknowledged gets lost: at the end of each trial the fixture finds every
 * acknowledged insert by id, nothing else, the schema as the acknowledged DDL left it, and
 * {@code PRAGMA integrity_check} ok, or fails the trial with the numbers.
 *
 * <p>Writers' throughput drifts down as the table grows, so the warmup is longer than a second.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar WriteChurnBenchmark -p journal=WAL -p ddl=IMMEDIATE -f 1 -wi 1 -i 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WriteChurnBenchmark {

    @Benchmark
    @Group("writes")
    @GroupThreads(1)
    public boolean writer(WriterThread thread, OpCounters counters, ChurnedDatabase db, WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        return thread.session.insert(counters.during(control));
    }

    @Benchmark
    @Group("writes")
    @GroupThreads(1)
    public boolean churner(ChurnerThread thread, DdlCounters counters, ChurnedDatabase db, WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        return thread.session.step(counters.during(control));
    }
}
