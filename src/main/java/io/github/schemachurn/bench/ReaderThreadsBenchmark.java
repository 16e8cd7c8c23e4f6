package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

/**
 * How do 1, 2 and 4 readers fare beside one unpaced churner? Each reader count is a group of its
 * own, so all three land in one results file. On two cores, 1 reader + 1 churner fits; the
 * groups named {@code *_oversubscribed} have more runnable threads than cores, so their figures
 * mix contention for SQLite with contention for the CPU (with cpus=SPLIT the readers share one
 * core, the churner has the other). Counters are summed over the group's readers; opThreads
 * says how many.
 *
 * <p>The sweep (part of {@code results/run.sh}):
 * <pre>java -jar target/benchmarks.jar ReaderThreadsBenchmark -p reader=CACHED,SNAPSHOT_LEASE \
 *   -p ddl=EXCLUSIVE -p extraTables=500 -p journal=WAL -p cpus=SPLIT -rf json</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReaderThreadsBenchmark {

    @Benchmark
    @Group("readers1")
    @GroupThreads(1)
    public boolean reader1(ReaderThread thread, OpCounters counters, Control control, Blackhole blackhole) {
        return thread.session.read(counters.during(control), blackhole::consume);
    }

    @Benchmark
    @Group("readers1")
    @GroupThreads(1)
    public boolean churner1(ChurnerThread thread, DdlCounters counters, Control control) {
        return thread.session.step(counters.during(control));
    }

    @Benchmark
    @Group("readers2_oversubscribed")
    @GroupThreads(2)
    public boolean reader2(ReaderThread thread, OpCounters counters, Control control, Blackhole blackhole) {
        return thread.session.read(counters.during(control), blackhole::consume);
    }

    @Benchmark
    @Group("readers2_oversubscribed")
    @GroupThreads(1)
    public boolean churner2(ChurnerThread thread, DdlCounters counters, Control control) {
        return thread.session.step(counters.during(control));
    }

    @Benchmark
    @Group("readers4_oversubscribed")
    @GroupThreads(4)
    public boolean reader4(ReaderThread thread, OpCounters counters, Control control, Blackhole blackhole) {
        return thread.session.read(counters.during(control), blackhole::consume);
    }

    @Benchmark
    @Group("readers4_oversubscribed")
    @GroupThreads(1)
    public boolean churner4(ChurnerThread thread, DdlCounters counters, Control control) {
        return thread.session.step(counters.during(control));
    }
}
