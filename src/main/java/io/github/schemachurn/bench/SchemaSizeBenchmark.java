package io.github.schemachurn.bench;

import org.openjdk.jmh.annotations.*;

/**
 * At which schema size does each strategy break? Every automatic re-prepare reloads the whole
 * schema; once a reload takes longer than the gap between the churner's commits, a reader can
 * be invalidated 50 times in a row and get SQLITE_SCHEMA. The threshold of a strategy is the
 * smallest {@code extraTables} at which opSchema turns non-zero.
 *
 * <p>The group, mode and forks are {@link ChurnBenchmark}'s (one reader beside one unpaced
 * churner; JMH takes the annotations a class lacks from its superclass), with shorter
 * iterations for a wide sweep. The solo rates come from the same group with a role left out,
 * by JMH's {@code -tg churner,reader}: {@code -tg 1,0} is the churner alone (its solo DDL rate,
 * the bar for "not starved"), {@code -tg 0,1} the reader alone (its no-churn ceiling at this
 * schema size). Varied: the schema's size against each strategy; list the params and their values
 * with {@code java -jar target/benchmarks.jar -lp SchemaSizeBenchmark}.
 *
 * <p>The sweep (part of {@code results/run.sh}):
 * <pre>java -jar target/benchmarks.jar 'SchemaSizeBenchmark' -p journal=WAL -p extraTables=0,100,500,2000 \
 *   -p ddl=AUTOCOMMIT,EXCLUSIVE -p reader=CACHED,READ_TRANSACTION,SNAPSHOT_LEASE -p cpus=SPLIT -rf json</pre>
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SchemaSizeBenchmark extends ChurnBenchmark {}
