package io.github.schemachurn.bench;

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
 * How fast may the schema change before readers suffer? A churner on a background thread
 * ({@link PacedChurner}, not a JMH worker) commits DDL at a fixed rate held by a rate limiter,
 * or back to back, while one JMH reader runs the point query. The limiter reports what it
 * really achieved ({@link PacedDdlCounters}: pacedSteps / pacedMicros); a churner that cannot
 * keep its pace shows it there. The group has one method, so JMH reports the reader's
 * throughput as the primary score (no "reader" secondary metric).
 *
 * <p>Varied: {@code ddlPerSecond} (10, 100, 1000, UNPACED), {@code extraTables}, {@code reader},
 * {@code ddl}, {@code journal}. The default is one configuration (100 DDL/s, 500 extra tables,
 * WAL, EXCLUSIVE, CACHED), about 6 s. The sweep (about 3 min):
 * <pre>java -jar target/benchmarks.jar PacedChurnBenchmark -p ddlPerSecond=10,100,1000,UNPACED \
 *   -p extraTables=100,2000 -p reader=CACHED,READ_TRANSACTION,SNAPSHOT_LEASE -p ddl=EXCLUSIVE -p journal=WAL \
 *   -f 1 -wi 1 -w 1s -i 3 -r 1s -rf json -rff results/scaling-paced.json</pre>
 * More readers: {@code -tg 3} (three reader threads; on two cores with the churner this oversubscribes).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class PacedChurnBenchmark {

    @Benchmark
    @Group("paced")
    @GroupThreads(1)
    public boolean reader(ScalingReader thread, PacedChurner churner, OpCounters counters,
            PacedDdlCounters churnerCounters, RegimeCounters regime, Blackhole blackhole) {
        return SchemaSizeBenchmark.timedRead(thread, counters, regime, blackhole);
    }
}
