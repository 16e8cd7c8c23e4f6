#!/usr/bin/env bash
# Cross-process churn and crash injection (issue 5): CrossProcessChurnBenchmark with its defaults
# (journal WAL, DELETE x ddl IMMEDIATE, EXCLUSIVE x churner THREAD, PROCESS, KILLED_PROCESS),
# written to results/reliability/cross-process.json. About 1.5 minutes on 2 cores.
# Build first (mvn -B package); run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/benchmarks.jar
if [[ ! -r "$JAR" ]]; then
  echo "run-reliability.sh: $JAR not found; build it first with: mvn -B package" >&2
  exit 1
fi
mkdir -p results/reliability
java -jar "$JAR" '\.CrossProcessChurnBenchmark\.' -foe true -rf json -rff results/reliability/cross-process.json
