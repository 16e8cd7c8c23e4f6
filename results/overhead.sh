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
# Student's t, two-sided 95 %, by degrees of freedom (rounds - 1); 2.0 beyond 30.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
def ratio_line(name, ratios):
    logs = [math.log(r) for r in ratios]
    mean = statistics.mean(logs)
    interval = "one round: no interval"
    if len(logs) > 1:
        half = (T975[len(logs) - 2] if len(logs) <= 31 else 2.0) * statistics.stdev(logs) / math.sqrt(len(logs))
        interval = f"95 % interval {math.exp(mean - half):.3f} to {math.exp(mean + half):.3f}"
    return (f"{name}: median {statistics.median(ratios):.3f}, geometric mean {math.exp(mean):.3f} "
            f"({interval}), min {min(ratios):.3f}, max {max(ratios):.3f}")
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
