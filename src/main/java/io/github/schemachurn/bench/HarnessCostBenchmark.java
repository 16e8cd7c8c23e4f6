package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.ReaderSession;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * What this suite's layers cost per call, with SQLite taken out: one in-memory lookup called
 * directly, and through the reader session every churn benchmark reads with (operation runner,
 * retrier, counting inside JMH's measured window, sampled latency). {@code layered - direct} is
 * what the layers add to every measured read, in ns; over {@link CeilingBenchmark}'s bareCached
 * time per read it is the harness's overhead where reads are fastest ({@code results/overhead.sh}
 * does both). CeilingBenchmark's layeredCached / bareCached asks the same end to end, but there
 * the forks of one method differ by several percent among themselves on a shared VM, more than
 * the layers cost; here the difference is tens of nanoseconds measured in nanoseconds. What this
 * cannot see is an indirect cost on SQLite's own code (caches, inlining), which only the
 * end-to-end ratio can. Nothing is varied: the two methods are the comparison.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar HarnessCostBenchmark -f 1</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HarnessCostBenchmark {
    private static final int ROWS = 10_000;

    /** The point query's answer from memory: what a read returns, without SQLite. */
    static final class InMemoryReader implements Reader {
        private final String[] values = new String[ROWS];

        InMemoryReader() {
            for (int i = 0; i < ROWS; i++) {
                values[i] = "row " + (i + 1);
            }
        }

        @Override
        public String read(int id) {
            return values[id - 1];
        }

        @Override
        public void failed(ErrorClass error) {}

        @Override
        public void close() {}
    }

    /** The in-memory reader, and a reader session around another one (each draws its own random ids). */
    @State(Scope.Thread)
    public static class Session {
        final InMemoryReader reader = new InMemoryReader();
        final ReaderSession layers = new ReaderSession(() -> {}, new InMemoryReader(), RetryPolicy.NONE.create(), ROWS);
        private final SplittableRandom random = new SplittableRandom(42);

        int nextId() {
            return 1 + random.nextInt(ROWS);
        }
    }

    @Benchmark
    public String direct(Session s) {
        return s.reader.read(s.nextId());
    }

    @Benchmark
    public boolean layered(Session s, OpCounters counters, Control control) {
        return s.layers.read(counters.during(control));
    }
}
