#!/usr/bin/env bash
# The published run behind benchmarks.md: one JMH invocation per question, each writing
# results/<question>.json, then the environment, then the report. It builds nothing: build the
# jar first (mvn -B package). About 30 minutes on a 2-core machine with the benchmarks'
# own settings (forks, warmup, measurement), which keep baseline rows within 10% error.
#
#   results/run.sh              the published run (run it on a quiet machine)
#   SMOKE=1 results/run.sh      the same invocations at tiny settings (about 5 minutes), to check
#                               the script and the report end to end; its numbers mean nothing
#
# JAR=path and RESULTS_DIR=dir override target/benchmarks.jar and results/.
# Regenerate benchmarks.md from committed results without running anything:
#   java -cp target/benchmarks.jar io.github.schemachurn.report.Report generate
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-target/benchmarks.jar}
RESULTS_DIR=${RESULTS_DIR:-results}
SMOKE=${SMOKE:-0}

if [[ ! -f "$JAR" ]]; then
    echo "run.sh: $JAR not found; build it first: mvn -B package" >&2
    exit 2
fi
mkdir -p "$RESULTS_DIR"

timing=()
if [[ "$SMOKE" == 1 ]]; then
    timing=(-f 2 -wi 0 -i 2 -r 300ms)
fi

jmh_commands=()
started=$SECONDS
# jmh NAME ARGS...: one JMH invocation whose results go to $RESULTS_DIR/NAME.json.
jmh() {
    local name=$1
    shift
    # -foe true: a failed trial (an audit that found a lost write, a bad parameter) stops the run
    # with a non-zero exit instead of leaving a hole in the results.
    local cmd=(java -jar "$JAR" "$@" "${timing[@]}" -foe true -rf json -rff "$RESULTS_DIR/$name.json")
    jmh_commands+=(--jmh-command "$name: ${cmd[*]}")
    echo ">>> ${cmd[*]}"
    "${cmd[@]}"
}

# The regexes are anchored with dots: 'ChurnBenchmark' alone would also match WriteChurnBenchmark.
# Ceiling: the point query without churn, bare JDBC against this suite's layers, both journals.
# Eight forks rather than the class's two: on this 2-core VM fork-to-fork noise is ±10-25 %, and the
# ceiling is the baseline whose error must stay within 10 %.
jmh ceiling '\.CeilingBenchmark\.' -f 8
# Churn by DDL strategy x journal mode: ChurnBenchmark's defaults (cached reader, no retry, busy_timeout 0).
jmh ddl '\.ChurnBenchmark\.'
# Reader strategies under plain autocommit DDL, and the application read/write lock pair.
jmh reader '\.ChurnBenchmark\.' -p ddl=AUTOCOMMIT -p reader=CACHED,PER_CALL,READ_TRANSACTION
jmh reader-applock '\.ChurnBenchmark\.' -p ddl=APP_LOCK -p reader=APP_READ_LOCK
# Retry policies under plain autocommit DDL: failing fast (busy_timeout 0) and waiting in SQLite's
# busy handler (5000 ms; a long wait stretches an iteration, the rates come from measured time).
jmh retry '\.ChurnBenchmark\.' -p ddl=AUTOCOMMIT -p retry=NONE,BACKOFF,REPREPARE -p busyTimeout=0
jmh retry-timeout '\.ChurnBenchmark\.' -p ddl=AUTOCOMMIT -p retry=NONE,BUSY_HANDLER -p busyTimeout=5000
# Prepared INSERTs under churn, every DDL strategy x journal mode.
jmh writes '\.WriteChurnBenchmark\.'
# Latency percentiles of the point query under churn.
jmh latency '\.ChurnLatencyBenchmark\.'

env_options=(--command "results/run.sh")
if [[ "$SMOKE" == 1 ]]; then
    env_options=(--command "SMOKE=1 results/run.sh" --smoke)
fi
java -cp "$JAR" io.github.schemachurn.report.Report capture-env \
    --out "$RESULTS_DIR/environment.json" "${env_options[@]}" "${jmh_commands[@]}" \
    --duration "$(( (SECONDS - started) / 60 )) min"
java -cp "$JAR" io.github.schemachurn.report.Report generate --results "$RESULTS_DIR" --out benchmarks.md
