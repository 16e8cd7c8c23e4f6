#!/usr/bin/env bash
# Every number in benchmarks.md comes from one run of this script. It runs each study (a set of
# configurations) as interleaved rounds (cli/Rounds: in every round one fork of each
# configuration, in a fresh random order, plus an A/A twin of the first one) into
# <dir>/<study>.json, records the environment, and renders the report.
# It builds nothing: build the jar first (mvn -B package -DskipTests).
#
#   results/run.sh                 the published run: every study, into results/, then benchmarks.md
#                                  (run it on a quiet machine; `results/run.sh plan` prints its estimate)
#   results/run.sh quick [DIR]     the seed's question at a glance, 3 short rounds, into DIR
#                                  (default my-results/), report in DIR/report.md; rough numbers
#   results/run.sh smoke [DIR]     every study of the published run at tiny settings (2 rounds), to
#                                  check the script and the report end to end; numbers mean nothing
#   results/run.sh replicate       every study behind the answer and its key figures again, as the
#                                  published run runs them, into results/replicate/; benchmarks.md then compares the two
#   results/run.sh plan [PROFILE]  a profile's configurations, forks and estimated time (default: the published
#                                  run; also replicate, quick); runs nothing
#
# JAR=path overrides target/benchmarks.jar; SEED=n fixes the rounds' random orders (default: the
# time; recorded in every result). A failed trial (a bad parameter, an audit that found a lost
# write) stops the run with a non-zero exit: the runner passes -foe true to JMH.
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=${1:-published}
PLAN=
if [[ "$PROFILE" == plan ]]; then
    PLAN=1
    PROFILE=${2:-published}
    [[ "$PROFILE" == plan ]] && { echo "run.sh: plan what? published, replicate or quick" >&2; exit 2; }
fi
JAR=${JAR:-target/benchmarks.jar}
SEED=${SEED:-$(date +%s)}
# Rounds of the studies behind the answer (paired tests need them), rounds of the others, and the
# iterations of one fork. Published and replicate: 1 warmup and 3 measured iterations of the classes'
# own length (more rounds measure drift better than longer forks): about 75 minutes on the 2-core
# machine (`results/run.sh plan`).
case "$PROFILE" in
    published) DIR=results; OUT=benchmarks.md; rounds=4; other_rounds=3; timing=(-wi 1 -i 3); own_timing=() ;;
    replicate) DIR=results/replicate; OUT=$DIR/report.md; rounds=4; other_rounds=3; timing=(-wi 1 -i 3); own_timing=() ;;
    quick) DIR=${2:-my-results}; OUT=$DIR/report.md; rounds=3; other_rounds=3; timing=(-wi 1 -w 1s -i 1 -r 1s); own_timing=(-w 500ms -r 500ms) ;;
    smoke) DIR=${2:-smoke-results}; OUT=$DIR/report.md; rounds=2; other_rounds=2; timing=(-wi 0 -i 1 -r 200ms); own_timing=(-w 200ms -r 200ms) ;;
    *) echo "run.sh: unknown profile '$PROFILE'; accepted: published, quick, smoke, replicate, plan" >&2; exit 2 ;;
esac
if [[ ! -f "$JAR" ]]; then
    echo "run.sh: $JAR not found; build it first: mvn -B package -DskipTests" >&2
    exit 2
fi
# The code the numbers come from: the commit checked out when the run starts (work done during a
# long run must not relabel it), marked -dirty if src/ or pom.xml had uncommitted changes.
commit=
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    [[ -z "$(git status --porcelain -- src pom.xml 2>/dev/null)" ]] || commit+=-dirty
fi
if [[ -z "$PLAN" ]]; then
    mkdir -p "$DIR"
    rm -f "$DIR"/*.json
fi

# The studies most answer rows and the key figures come from get $rounds rounds, every other study
# $other_rounds. The replicate runs every study that feeds an answer row or a key figure (a row pools
# every comparison of its choice, from any study): all but these, which have no such comparison.
answer_studies=" paced-ddl paced-reader paced-retry paced-migration site-ddl seed ddl reader reader-applock retry size size-delete reload legacy "
not_replicated=" changes "
# Studies that keep their class's own iteration counts (shorter iterations in quick and smoke): the
# crash study's kill count needs them, the reload sweep times one schema size per iteration.
own_iterations=" cross-process reload "
jmh_commands=()
planned_seconds=0
started=$SECONDS
# jmh NAME ARGS...: one study, JMH's arguments ARGS run as rounds, results in $DIR/NAME.json. ARGS
# may join several selections with --and (one study, its options paired in the same rounds); the
# fork's iteration options go into each.
jmh() {
    local name=$1
    shift
    if [[ "$PROFILE" == replicate && "$not_replicated" == *" $name "* ]]; then
        return
    fi
    local n=$other_rounds fork=("${timing[@]}") args=() arg
    [[ "$answer_studies" == *" $name "* ]] && n=$rounds
    [[ "$own_iterations" == *" $name "* ]] && fork=("${own_timing[@]}")
    for arg in "$@"; do
        [[ "$arg" == --and ]] && args+=("${fork[@]}")
        args+=("$arg")
    done
    args+=("${fork[@]}")
    local cmd=(java -cp "$JAR" io.github.schemachurn.cli.Rounds --rounds "$n" --seed "$SEED" --study "$name")
    if [[ -n "$PLAN" ]]; then
        local line
        line=$("${cmd[@]}" --plan -- "${args[@]}" | head -1)
        echo "$line"
        planned_seconds=$(( planned_seconds + $(sed -E 's/.*about ([0-9]+) s$/\1/' <<<"$line") ))
        return
    fi
    cmd+=(--out "$DIR/$name.json" -- "${args[@]}")
    jmh_commands+=(--jmh-command "$name: ${cmd[*]}")
    echo ">>> ${cmd[*]}"
    "${cmd[@]}"
}

# Benchmark names are regexes: anchor with dots, 'ChurnBenchmark' alone also matches WriteChurnBenchmark.
if [[ "$PROFILE" == quick ]]; then
    # The seed's question in under three minutes, rough numbers: the seed's own site served by
    # worker processes (legacy prepare per page, PDO's 60 s busy timeout, a rollback journal) beside
    # prepare_v2, with and without EXCLUSIVE; realistic paced DDL at the driver's busy timeout in both journal modes,
    # with and without EXCLUSIVE; and the schema-reload sweep behind the threshold model (where
    # prepare_v2 stops protecting). Stress regimes are left to the published run.
    if ldconfig -p 2>/dev/null | grep -q 'libsqlite3\.so\.0'; then
        jmh seed '\.SeedSiteBenchmark\.' -p prepare=LEGACY,V2 -p journal=DELETE -p ddl=AUTOCOMMIT,EXCLUSIVE -p busyTimeout=60000
    fi
    jmh paced '\.PacedChurnBenchmark\.' -p busyTimeout=3000 -p ddlPerSecond=10 -p journal=WAL,DELETE -p ddl=AUTOCOMMIT,EXCLUSIVE -p cpus=SPLIT
    jmh reload '\.SchemaReloadBenchmark\.sweep'
else
    # The ceiling: the point query without churn, bare JDBC against this suite's layers.
    jmh ceiling '\.CeilingBenchmark\.'
    # The realistic regimes the answer comes from: the driver's own busy timeout (sqlite-jdbc's
    # default, 3000 ms) and churn paced at rates applications produce (registrations, per-tenant
    # tables: 1, 10, 100 DDL/s; a two-statement migration every 2 s).
    jmh paced-ddl '\.PacedChurnBenchmark\.' -p busyTimeout=3000 -p ddlPerSecond=1,10,100 -p journal=WAL,DELETE \
        -p ddl=AUTOCOMMIT,IMMEDIATE,EXCLUSIVE -p cpus=SPLIT
    # Every reader in the same rounds (the snapshot lease in WAL only), so the choice is paired.
    jmh paced-reader '\.PacedChurnBenchmark\.' -p busyTimeout=3000 -p ddlPerSecond=10,100 -p journal=WAL,DELETE \
        -p ddl=AUTOCOMMIT -p reader=CACHED,PER_CALL,READ_TRANSACTION -p cpus=SPLIT \
        --and '\.PacedChurnBenchmark\.' -p busyTimeout=3000 -p ddlPerSecond=10,100 -p journal=WAL \
        -p ddl=AUTOCOMMIT -p reader=SNAPSHOT_LEASE -p cpus=SPLIT
    # Every retry policy with no retry beside it, in the same rounds.
    jmh paced-retry '\.PacedChurnBenchmark\.' -p busyTimeout=3000 -p ddlPerSecond=100 -p journal=WAL,DELETE \
        -p ddl=AUTOCOMMIT -p retry=NONE,BUSY_HANDLER,BACKOFF,REPREPARE -p cpus=SPLIT
    jmh paced-migration '\.PacedChurnBenchmark\.' -p busyTimeout=3000 -p ddlPerSecond=0.5 -p change=MIGRATION \
        -p journal=WAL,DELETE -p ddl=IMMEDIATE,EXCLUSIVE -p cpus=SPLIT
    # The seed's own setup, served as PHP served it (worker processes, random arrivals): pages that
    # connect, prepare with the legacy sqlite3_prepare, execute and close, with PDO's 60 s busy
    # timeout, while users register (a table each) at the seed's 20/s on 200 users. The DDL matrix:
    # plain, DEFERRED (the blamed one), IMMEDIATE and EXCLUSIVE (the seed's fix), legacy and
    # prepare_v2, rollback journal and WAL, all in the same rounds. Every fork draws its own arrivals
    # (the benchmark's seed=0).
    jmh site-ddl '\.SeedSiteBenchmark\.' -p prepare=LEGACY,V2 -p journal=DELETE,WAL -p ddl=AUTOCOMMIT,DEFERRED,IMMEDIATE,EXCLUSIVE \
        -p registrationsPerSecond=20 -p existingUsers=200 -p busyTimeout=60000
    # Load and size for the window model and the portable figure: registrations at 1, 5, 20 and 80/s
    # on 200 users with the legacy prepare and prepare_v2, at 5, 20 and 80/s on 50 and 1,000 users
    # with the legacy prepare (20/s on 200 users is site-ddl's, pooled with it).
    jmh site-load '\.SeedSiteBenchmark\.' -p prepare=LEGACY,V2 -p journal=DELETE -p ddl=AUTOCOMMIT -p registrationsPerSecond=1,5,80 \
        -p existingUsers=200 -p busyTimeout=60000 \
        --and '\.SeedSiteBenchmark\.' -p prepare=LEGACY -p journal=DELETE -p ddl=AUTOCOMMIT -p registrationsPerSecond=5,20,80 \
        -p existingUsers=50,1000 -p busyTimeout=60000
    # The workaround for those who cannot upgrade: catch code 17, prepare and execute again (once, up
    # to 3 times), legacy prepare, at the load study's rates (no retries there: retries=0).
    jmh site-retry '\.SeedSiteBenchmark\.' -p prepare=LEGACY -p journal=DELETE -p ddl=AUTOCOMMIT -p registrationsPerSecond=5,20,80 \
        -p existingUsers=200 -p retries=1,3 -p busyTimeout=60000
    # The in-process variant (pages on threads of one process, fixed pacing): the seed's setup and its fix only.
    jmh seed '\.SeedScenarioBenchmark\.' -p prepare=LEGACY -p journal=DELETE -p ddl=AUTOCOMMIT,EXCLUSIVE -p busyTimeout=60000
    # Stress regimes from here on, named as such in the report: unpaced churn (thousands of DDL/s)
    # and readers failing fast (busy_timeout = 0).
    # Every DDL strategy in both journal modes, reader and churner on two cores.
    jmh ddl '\.ChurnBenchmark\.' -p cpus=SPLIT -p busyTimeout=0
    # Reader strategies and retry policies under plain autocommit DDL.
    jmh reader '\.ChurnBenchmark\.' -p ddl=AUTOCOMMIT -p reader=CACHED,PER_CALL,READ_TRANSACTION -p journal=WAL,DELETE -p cpus=SPLIT \
        --and '\.ChurnBenchmark\.' -p ddl=AUTOCOMMIT -p reader=SNAPSHOT_LEASE -p journal=WAL -p cpus=SPLIT
    jmh reader-applock '\.ChurnBenchmark\.' -p ddl=APP_LOCK -p reader=APP_READ_LOCK -p cpus=SPLIT
    jmh retry '\.ChurnBenchmark\.' -p ddl=AUTOCOMMIT -p retry=NONE,BACKOFF,REPREPARE -p busyTimeout=0 -p journal=WAL -p cpus=SPLIT
    # Today's triggers: migrations, index churn, a table per tenant, VACUUM, on the queried table.
    jmh changes '\.ChurnBenchmark\.' -p journal=WAL -p ddl=AUTOCOMMIT -p change=ADD_COLUMN,RENAME_COLUMN,INDEX,TABLE_PER_TENANT -p cpus=SPLIT
    # Stale column metadata: a reused SELECT * (and, as the control, listed columns) across ADD COLUMN.
    jmh changes-columns '\.ChurnBenchmark\.' -p journal=WAL -p ddl=AUTOCOMMIT -p change=ADD_COLUMN -p reader=COLUMN_CHECKED -p query=STAR,POINT -p cpus=SPLIT
    # Prepared INSERTs under churn, audited by id.
    jmh writes '\.WriteChurnBenchmark\.' -p ddl=AUTOCOMMIT,EXCLUSIVE -p cpus=SPLIT
    # Scale: schema size, reload cost, churn rate.
    jmh size 'SchemaSizeBenchmark\.churn' -p journal=WAL -p extraTables=0,100,2000 -p ddl=AUTOCOMMIT,EXCLUSIVE -p cpus=SPLIT \
        -p reader=CACHED,SNAPSHOT_LEASE
    jmh size-delete 'SchemaSizeBenchmark\.churn' -p journal=DELETE -p extraTables=0,2000 -p ddl=AUTOCOMMIT,EXCLUSIVE -p cpus=SPLIT
    # The threshold model's input: every schema size inside each fork; the fresh prepare is the machine-speed row.
    jmh reload '\.SchemaReloadBenchmark\.(sweep|freshPrepare)' -p extraTables=0
    jmh paced '\.PacedChurnBenchmark\.' -p ddlPerSecond=1000,UNPACED -p extraTables=100,2000 -p cpus=SPLIT \
        -p reader=CACHED,SNAPSHOT_LEASE -p ddl=EXCLUSIVE -p journal=WAL
    # Reliability: a churner in another process, and one killed with SIGKILL mid-DDL (over 100 kills).
    jmh cross-process '\.CrossProcessChurnBenchmark\.' -p churner=PROCESS,KILLED_PROCESS
    # The seed's driver with a cached statement: legacy sqlite3_prepare against prepare_v2 on the system library.
    jmh legacy '\.LegacyPrepareBenchmark\.' -p ddl=AUTOCOMMIT -p cpus=SPLIT
fi

if [[ -n "$PLAN" ]]; then
    echo "$PROFILE run: about $(( planned_seconds / 60 )) min, $planned_seconds s (iterations + ${FORK_OVERHEAD:-2} s per fork)"
    exit 0
fi
env_options=(--command "SEED=$SEED results/run.sh${1:+ $*}")
[[ -n "$commit" ]] && env_options+=(--extra "commit=$commit")
if [[ "$PROFILE" == quick ]]; then
    env_options+=(--extra "profile=quick: $rounds rounds of 1 s iterations; rough numbers, the published run is results/run.sh")
elif [[ "$PROFILE" == smoke ]]; then
    env_options+=(--smoke)
fi
java -cp "$JAR" io.github.schemachurn.cli.Report capture-env \
    --out "$DIR/environment.json" "${env_options[@]}" "${jmh_commands[@]}" \
    --duration "$(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
charts=(--charts "$DIR/charts" --tables "$DIR/tables.md")
if [[ "$PROFILE" == published ]]; then
    charts=()
fi
java -cp "$JAR" io.github.schemachurn.cli.Report generate --results "$DIR" --out "$OUT" "${charts[@]}"
if [[ "$PROFILE" == replicate ]]; then
    # The published report again, now with its replicate section; and the comparison, run by run.
    java -cp "$JAR" io.github.schemachurn.cli.Report generate --results results --out benchmarks.md
    java -cp "$JAR" io.github.schemachurn.cli.Report compare --base results --results "$DIR" --out "$DIR/compare.txt"
fi
