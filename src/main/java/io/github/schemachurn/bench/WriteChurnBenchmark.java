package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Operation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What happens to prepared INSERTs while another connection changes the schema? Writers and
 * the churner compete for SQLite's single write lock, so here BUSY is expected in every journal
 * mode; the question is how each locking strategy and retry policy shares the lock, and
 * whether anything acknowledged gets lost.
 *
 * <p>Same accounting as {@link ChurnBenchmark} (opOk = acknowledged inserts). At the end of each
 * trial {@link ChurnedDatabase} audits the file: every acknowledged insert present, nothing
 * else, the churned table as the acknowledged DDL left it, {@code PRAGMA integrity_check} ok;
 * a mismatch fails the trial with the numbers.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar WriteChurnBenchmark -p journal=WAL -p ddl=IMMEDIATE -f 1 -wi 1 -i 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
public class WriteChurnBenchmark {

    @Benchmark
    @Group("writes")
    @GroupThreads(1)
    public boolean writer(WriterThread thread, ChurnedDatabase db, OpCounters counters) {
        boolean acknowledged = Operation.run(thread.writer::insert, thread.writer, thread.retrier, counters);
        if (acknowledged) {
            db.acknowledgedWrites.increment();
        }
        return acknowledged;
    }

    @Benchmark
    @Group("writes")
    @GroupThreads(1)
    public boolean churner(ChurnerThread thread, DdlCounters counters) {
        return thread.churner.step(counters);
    }
}
