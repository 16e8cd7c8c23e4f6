#!/usr/bin/env bash
# The scaling studies of issue 4, one JMH JSON file per study in results/scaling/<study>.json.
# Build first (mvn -B package). Run on a quiet machine: these are the published numbers.
# Expected run times on the 2-core development machine, 1 fork each (about 12-14 min in all;
# configurations whose iterations stretch, e.g. CACHED readers at 2000 extra tables, take longer).
# FORKS=2 results/run-scaling.sh doubles every time but shows fork-to-fork (regime) spread.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/benchmarks.jar
FORKS="${FORKS:-1}"
if [[ ! -r "$JAR" ]]; then
  echo "run-scaling.sh: $JAR not found; build it first with: mvn -B package" >&2
  exit 1
fi
RUN=(-f "$FORKS" -wi 1 -w 1s -i 3 -r 1s -foe true -rf json)
mkdir -p results/scaling

study() { # name, then JMH arguments
  local name="$1"; shift
  echo "== $name -> results/scaling/$name.json" >&2
  java -jar "$JAR" "$@" "${RUN[@]}" -rff "results/scaling/$name.json"
}

# 1. Schema size threshold, WAL: 4 sizes x 2 DDL x 4 readers = 32 configs, ~3.5 min.
study size SchemaSizeBenchmark.churn -p journal=WAL -p extraTables=0,100,500,2000 \
  -p ddl=AUTOCOMMIT,EXCLUSIVE -p reader=CACHED,PER_CALL,READ_TRANSACTION,SNAPSHOT_LEASE

# 2. The same in rollback-journal mode, the seed's mode: 4 sizes x 2 DDL, CACHED = 8 configs, ~50 s.
study size-delete SchemaSizeBenchmark.churn -p journal=DELETE -p extraTables=0,100,500,2000 \
  -p ddl=AUTOCOMMIT,EXCLUSIVE -p reader=CACHED

# 3. Solo baselines per size: the churner's solo DDL rate (8 configs) and the reader's
#    no-churn ceiling (8 configs), ~1.6 min.
study size-solo-churner SchemaSizeBenchmark.soloChurner -p journal=WAL -p extraTables=0,100,500,2000 \
  -p ddl=AUTOCOMMIT,EXCLUSIVE
study size-solo-reader SchemaSizeBenchmark.soloReader -p journal=WAL -p extraTables=0,100,500,2000 \
  -p ddl=EXCLUSIVE -p reader=CACHED,SNAPSHOT_LEASE

# 4. Schema reload cost per size: 4 sizes x 3 methods = 12 configs, ~1.2 min.
study reload SchemaReloadBenchmark -p extraTables=0,100,500,2000

# 5. Churn rate: 4 rates x 2 sizes x 3 readers = 24 configs, ~2.5 min.
study paced PacedChurnBenchmark -p ddlPerSecond=10,100,1000,UNPACED -p extraTables=100,2000 \
  -p reader=CACHED,READ_TRANSACTION,SNAPSHOT_LEASE -p ddl=EXCLUSIVE -p journal=WAL

# 6. Reader threads 1, 2, 4 beside one churner (2 and 4 oversubscribe 2 cores, so named):
#    3 groups x 2 readers = 6 configs, always 2 forks, ~1.3 min.
RUN[1]=2
study readers ReaderThreadsBenchmark -p reader=CACHED,SNAPSHOT_LEASE -p ddl=EXCLUSIVE \
  -p extraTables=500 -p journal=WAL
RUN[1]="$FORKS"

# 7. The seed's scenario: 2 journal modes x 5 DDL strategies = 10 configs, ~1 min.
study seed SeedScenarioBenchmark -p journal=WAL,DELETE -p ddl=AUTOCOMMIT,DEFERRED,IMMEDIATE,EXCLUSIVE,APP_LOCK
