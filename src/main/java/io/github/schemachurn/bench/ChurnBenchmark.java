package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * What do prepared point queries achieve, and which errors do they meet, while another
 * connection keeps changing the schema? The seed's question: one reader thread runs the point
 * query through a reader strategy and a retry policy, one churner thread runs schema changes
 * through a locking strategy, and both count every outcome by SQLite result code, only inside
 * JMH's measured window ({@link OpCounters}, {@link DdlCounters}), so a strategy that starves
 * the churner shows it. In WAL mode the write-ahead log's peak size and the checkpoints that could
 * not complete are counted too ({@link WalCounters}).
 *
 * <p>Varied by {@code @Param}: journal, ddl, retry, busyTimeout, extraTables, change, cpus (on
 * {@link ChurnedDatabase}) and reader (on {@link ReaderThread}). The defaults answer the seed's
 * question: each DDL locking strategy in both journal modes, readers failing fast, with reader
 * and churner on one core (SHARED) and on two (SPLIT).
 *
 * <p>Quick run of one configuration (about 15 s):
 * <pre>java -jar target/benchmarks.jar ChurnBenchmark -p journal=WAL -p ddl=EXCLUSIVE -p cpus=SPLIT -f 1 -wi 1 -i 3 -rf json</pre>
 * More readers: {@code -tg 1,3} (one churner, three readers; the order is alphabetical by method;
 * the report keys results by each role's thread count, so runs at different counts never pool;
 * {@code -tg 1,0} runs the churner alone, {@code -tg 0,1} the reader alone). The
 * published run measures 1, 2 and 4 readers; on two cores the last two have more runnable threads
 * than cores, so their figures mix contention for SQLite with contention for the CPU (with
 * cpus=SPLIT the readers share one core, the churner has the other). Counters are summed over
 * the readers; opThreads says how many.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChurnBenchmark {

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean reader(ReaderThread thread, OpCounters counters, ChurnedDatabase db, WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        return thread.session.read(counters.during(control));
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean churner(ChurnerThread thread, DdlCounters counters, ChurnedDatabase db, WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        return thread.session.step(counters.during(control));
    }
}
