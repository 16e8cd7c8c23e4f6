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
 * How do 1, 2 and 4 readers fare beside one unpaced churner? Each reader count is a group of its
 * own, so all three land in one results file with their reader count in the name. This machine
 * has 2 cores: 1 reader + 1 churner fits; the groups named {@code *_oversubscribed} (2 readers
 * + 1 churner = 3 threads, 4 + 1 = 5) have more runnable threads than cores, so their figures
 * mix contention for SQLite with contention for the CPU. Reader throughput ({@code readerN}) is
 * the sum over the group's readers; the counters are summed over them too.
 *
 * <p>Varied: the group, {@code reader}, {@code ddl}, {@code extraTables}, {@code journal}. The
 * default is one configuration (WAL, EXCLUSIVE, CACHED, 500 extra tables), about 20 s for the
 * three groups. The sweep (about 1.5 min):
 * <pre>java -jar target/benchmarks.jar ReaderThreadsBenchmark -p reader=CACHED,SNAPSHOT_LEASE \
 *   -p ddl=EXCLUSIVE -p extraTables=500 -p journal=WAL -f 2 -wi 1 -w 1s -i 3 -r 1s -rf json -rff results/scaling-readers.json</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReaderThreadsBenchmark {

    @Benchmark
    @Group("readers1")
    @GroupThreads(1)
    public boolean reader1(ScalingReader thread, OpCounters counters, RegimeCounters regime, Blackhole blackhole) {
        return SchemaSizeBenchmark.timedRead(thread, counters, regime, blackhole);
    }

    @Benchmark
    @Group("readers1")
    @GroupThreads(1)
    public boolean churner1(ScalingChurner thread, DdlCounters counters, RegimeCounters regime) {
        return thread.churner.step(counters);
    }

    @Benchmark
    @Group("readers2_oversubscribed")
    @GroupThreads(2)
    public boolean reader2(ScalingReader thread, OpCounters counters, RegimeCounters regime, Blackhole blackhole) {
        return SchemaSizeBenchmark.timedRead(thread, counters, regime, blackhole);
    }

    @Benchmark
    @Group("readers2_oversubscribed")
    @GroupThreads(1)
    public boolean churner2(ScalingChurner thread, DdlCounters counters, RegimeCounters regime) {
        return thread.churner.step(counters);
    }

    @Benchmark
    @Group("readers4_oversubscribed")
    @GroupThreads(4)
    public boolean reader4(ScalingReader thread, OpCounters counters, RegimeCounters regime, Blackhole blackhole) {
        return SchemaSizeBenchmark.timedRead(thread, counters, regime, blackhole);
    }

    @Benchmark
    @Group("readers4_oversubscribed")
    @GroupThreads(1)
    public boolean churner4(ScalingChurner thread, DdlCounters counters, RegimeCounters regime) {
        return thread.churner.step(counters);
    }
}
