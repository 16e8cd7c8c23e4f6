#!/usr/bin/env bash
# The harness's overhead: CeilingBenchmark layeredCached / bareCached over interleaved pairs
# (WAL, one fork each, 3x1 s warmup, 5x1 s measurement), each pair in a random order; prints
# each pair's ratio and the median. Usage: results/overhead.sh [pairs] [jar] [outdir]
set -euo pipefail
pairs=${1:-8}
jar=${2:-target/benchmarks.jar}
out=${3:-$(mktemp -d)}
mkdir -p "$out"
for i in $(seq 1 "$pairs"); do
    for m in $(printf 'layeredCached\nbareCached\n' | shuf); do
        java -jar "$jar" "CeilingBenchmark.$m\$" -p journal=WAL -f 1 -wi 3 -w 1s -i 5 -r 1s \
            -rf json -rff "$out/$i-$m.json" > "$out/$i-$m.log" 2>&1
    done
done
python3 - "$out" "$pairs" <<'PY'
import json, statistics, sys
out, pairs = sys.argv[1], int(sys.argv[2])
score = lambda i, m: json.load(open(f"{out}/{i}-{m}.json"))[0]["primaryMetric"]["score"]
ratios = []
for i in range(1, pairs + 1):
    layered, bare = score(i, "layeredCached"), score(i, "bareCached")
    ratios.append(layered / bare)
    print(f"pair {i}: layered {layered:.0f} bare {bare:.0f} ops/s ratio {layered / bare:.3f}")
print(f"median ratio {statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f}) over {pairs} pairs; results in {out}")
PY
