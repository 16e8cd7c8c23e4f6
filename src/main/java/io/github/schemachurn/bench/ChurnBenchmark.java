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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What do prepared point queries achieve, and which errors do they meet, while another
 * connection keeps creating and dropping a table?
 *
 * <p>A reader thread runs the point query through a reader strategy and a retry policy; a
 * churner thread in the same group runs one DDL statement per call through a locking strategy.
 * Both count every outcome by SQLite result code ({@link OpCounters}, {@link DdlCounters}): opOk, opSchema, opBusy, … for
 * the reader, ddlOk, ddlBusy, … for the churner, so that a strategy that starves the churner
 * shows it. The primary score of the group mixes both roles; read the per-method rows
 * ({@code churn:reader}, {@code churn:churner}) and the counters.
 *
 * <p>Varied by {@code @Param}: journal, ddl, retry, busyTimeout, extraTables, target (on
 * {@link ChurnedDatabase}) and reader (on {@link ReaderThread}). The defaults answer the seed's
 * question: each DDL locking strategy in both journal modes, readers failing fast. Three forks,
 * because on two cores a run lands either with reader and churner sharing a core or not.
 *
 * <p>Quick run of one configuration (about 15 s):
 * <pre>java -jar target/benchmarks.jar ChurnBenchmark -p journal=WAL -p ddl=EXCLUSIVE -f 1 -wi 1 -i 3 -rf json</pre>
 * More readers: {@code -tg 1,3} (one churner, three readers; the order is alphabetical by method).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChurnBenchmark {

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean reader(ReaderThread thread, OpCounters counters, Blackhole blackhole) {
        int id = thread.nextId();
        return Operation.run(() -> blackhole.consume(thread.strategy.read(id)), thread.strategy, thread.retrier, counters);
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean churner(ChurnerThread thread, DdlCounters counters) {
        return thread.churner.step(counters);
    }
}
