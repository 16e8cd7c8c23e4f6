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
 * At which schema size does each strategy break? Every automatic re-prepare reloads the whole
 * schema; once a reload takes longer than the gap between the churner's commits, a reader can
 * be invalidated 50 times in a row and get SQLITE_SCHEMA. The threshold of a strategy is the
 * smallest {@code extraTables} at which opSchema turns non-zero.
 *
 * <p>Groups: {@code churn} (one reader beside one unpaced churner, the question itself),
 * {@code soloChurner} (the churner alone: its solo DDL rate, the 50% bar for "not starved") and
 * {@code soloReader} (the reader alone: its no-churn ceiling at this schema size). Counters:
 * {@link OpCounters}, {@link DdlCounters}, {@link RegimeCounters}.
 *
 * <p>Varied: {@code extraTables} (0, 100, 500, 2000; each an extra table with an index),
 * {@code ddl}, {@code reader}, {@code journal}. The default is one configuration (WAL,
 * EXCLUSIVE, CACHED, 500), about 20 s for the three groups. The sweep (see
 * {@code results/run-scaling.sh}, about 4 min):
 * <pre>java -jar target/benchmarks.jar 'SchemaSizeBenchmark.churn' -p journal=WAL -p extraTables=0,100,500,2000 \
 *   -p ddl=AUTOCOMMIT,EXCLUSIVE -p reader=CACHED,PER_CALL,READ_TRANSACTION,SNAPSHOT_LEASE \
 *   -f 1 -wi 1 -w 1s -i 3 -r 1s -rf json -rff results/scaling-size.json</pre>
 * Two cores: reader and churner may share one core; read {@code rgStallMicros} before comparing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class SchemaSizeBenchmark {

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean reader(ScalingReader thread, OpCounters counters, RegimeCounters regime, Blackhole blackhole) {
        return timedRead(thread, counters, regime, blackhole);
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean churner(ScalingChurner thread, DdlCounters counters, RegimeCounters regime) {
        return thread.churner.step(counters);
    }

    @Benchmark
    @Group("soloChurner")
    @GroupThreads(1)
    public boolean churnerAlone(ScalingChurner thread, DdlCounters counters, RegimeCounters regime) {
        return thread.churner.step(counters);
    }

    @Benchmark
    @Group("soloReader")
    @GroupThreads(1)
    public boolean readerAlone(ScalingReader thread, OpCounters counters, RegimeCounters regime, Blackhole blackhole) {
        return timedRead(thread, counters, regime, blackhole);
    }

    /** One read through the reader's strategy, counted, and timed for the stall meter. */
    static boolean timedRead(ScalingReader thread, OpCounters counters, RegimeCounters regime, Blackhole blackhole) {
        int id = thread.nextId();
        long start = System.nanoTime();
        boolean ok = Operation.run(() -> blackhole.consume(thread.strategy.read(id)), thread.strategy, thread.retrier, counters);
        regime.readTook(System.nanoTime() - start);
        return ok;
    }
}
