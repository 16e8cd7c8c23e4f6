#!/usr/bin/env bash
# The harness's overhead, measured two ways in the same rounds (WAL, one fork per run, 3x1 s
# warmup, 5x1 s measurement, a fresh random order in every round):
#  - end to end: CeilingBenchmark layeredCached / bareCached, with an A/A control (bareCached run
#    twice per round): the spread of bareCached / bareCached is this machine's own noise, which
#    the layered ratio must be read against;
#  - directly: HarnessCostBenchmark layered - direct, the nanoseconds the layers add to a read
#    with SQLite taken out, over bareCached's time per read.
# Usage: results/overhead.sh [rounds] [jar] [outdir]
set -euo pipefail
rounds=${1:-8}
jar=${2:-target/benchmarks.jar}
out=${3:-$(mktemp -d)}
mkdir -p "$out"
runs='CeilingBenchmark.layeredCached CeilingBenchmark.bareCached:a CeilingBenchmark.bareCached:b HarnessCostBenchmark.layered HarnessCostBenchmark.direct'
for i in $(seq 1 "$rounds"); do
    for run in $(printf '%s\n' $runs | shuf); do
        method=${run%:*}
        java -jar "$jar" "\.$method\$" -p journal=WAL -f 1 -wi 3 -w 1s -i 5 -r 1s \
            -rf json -rff "$out/$i-$run.json" > "$out/$i-$run.log" 2>&1
    done
done
python3 - "$out" "$rounds" <<'PY'
import json, math, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
score = lambda i, run: json.load(open(f"{out}/{i}-{run}.json"))[0]["primaryMetric"]["score"]
t975 = {2: 12.71, 3: 4.30, 4: 3.18, 5: 2.78, 6: 2.57, 7: 2.45, 8: 2.36, 9: 2.31, 10: 2.26, 12: 2.20, 16: 2.13, 20: 2.09}
def ratio_line(name, ratios):
    logs = [math.log(r) for r in ratios]
    mean = statistics.mean(logs)
    half = t975.get(len(logs), 2.0) * statistics.stdev(logs) / math.sqrt(len(logs)) if len(logs) > 1 else float("nan")
    return (f"{name}: median {statistics.median(ratios):.3f}, geometric mean {math.exp(mean):.3f} "
            f"(95 % interval {math.exp(mean - half):.3f} to {math.exp(mean + half):.3f}), "
            f"min {min(ratios):.3f}, max {max(ratios):.3f}")
layered, aa, added, bare_ns = [], [], [], []
for i in range(1, rounds + 1):
    ceiling = {run: score(i, f"CeilingBenchmark.{run}") for run in ("layeredCached", "bareCached:a", "bareCached:b")}
    cost = {run: score(i, f"HarnessCostBenchmark.{run}") for run in ("layered", "direct")}
    layered.append(ceiling["layeredCached"] / ceiling["bareCached:a"])
    aa.append(ceiling["bareCached:b"] / ceiling["bareCached:a"])
    added.append(cost["layered"] - cost["direct"])
    bare_ns.extend(1e9 / ceiling[run] for run in ("bareCached:a", "bareCached:b"))
    print(f"round {i}: layeredCached {ceiling['layeredCached']:.0f}, bareCached {ceiling['bareCached:a']:.0f} and "
          f"{ceiling['bareCached:b']:.0f} reads/s; layers {cost['layered']:.1f} ns, direct {cost['direct']:.1f} ns per call")
print(ratio_line("end to end, layeredCached / bareCached", layered))
print(ratio_line("A/A control, bareCached / bareCached ", aa))
per_read, delta = statistics.median(bare_ns), statistics.median(added)
print(f"direct: the layers add {delta:.1f} ns per read (median over rounds; {min(added):.1f} to {max(added):.1f}); "
      f"a bare read takes {per_read:.0f} ns, so the ratio is {per_read / (per_read + delta):.4f} "
      f"({100 * delta / (per_read + delta):.2f} % overhead)")
print(f"{rounds} rounds; results in {out}")
PY
