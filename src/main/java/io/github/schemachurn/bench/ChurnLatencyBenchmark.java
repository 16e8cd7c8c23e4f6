package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * How long does one prepared point query take under schema churn: p50, p99, p99.9 per strategy?
 * The workload of {@link ChurnBenchmark}, inherited unchanged (forks and iterations too), in
 * SampleTime mode. JMH times every call, failed ones too (a fast failure looks like a fast
 * read), so read the percentiles with the failure share from the counters: they are latencies
 * of successful reads only where opOk equals opAttempts. Latency of successful reads alone is in
 * the counters ({@code opOkP50Micros} …) of every benchmark, this one included. Varied: as in
 * ChurnBenchmark; list the params and their values with
 * {@code java -jar target/benchmarks.jar -lp ChurnLatencyBenchmark}.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar ChurnLatencyBenchmark -p journal=DELETE -p ddl=EXCLUSIVE -f 1 -wi 1 -i 3</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChurnLatencyBenchmark extends ChurnBenchmark {}
