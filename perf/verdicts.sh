#!/usr/bin/env bash
# Do the verdicts hold across runs on this machine? (issue 11's acceptance; a benchmark, not a test)
#   RUNS default runs on SQLite: how often insert/seed comes out slower, whether the login comparisons'
#   intervals overlap pairwise over the first five runs, and each run's wall time;
#   RUNS A/A runs (--layouts monolith,monolith): how many verdicts say faster or slower (all wrongly).
# Usage: perf/verdicts.sh            (RUNS=10; extra run options after the script's name go to every run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-10}"
out="$here/temp/perf/verdicts-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
"$here/userbench" --version >/dev/null
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$here/userbench" run --out "$out/default-$i" "$@" >/dev/null 2>"$out/default-$i.err"
  echo "$(( ($(date +%s%N) - start) / 1000000 ))" > "$out/default-$i.millis"
done
for i in $(seq 1 "$runs"); do
  "$here/userbench" run --layouts monolith,monolith --out "$out/aa-$i" "$@" >/dev/null 2>"$out/aa-$i.err"
done
/usr/bin/python3 - "$out" "$runs" <<'PY'
import json, sys, itertools, statistics
out, runs = sys.argv[1], int(sys.argv[2])
load = lambda name: json.load(open(f"{out}/{name}/results.json"))
default = [load(f"default-{i}") for i in range(1, runs + 1)]
aa = [load(f"aa-{i}") for i in range(1, runs + 1)]
seconds = [int(open(f"{out}/default-{i}.millis").read()) / 1000 for i in range(1, runs + 1)]
def comparisons(r, op, variant=None, statistic=None):
    return [c for c in r["comparisons"] if c["operation"] == op and (variant is None or c["variant"] == variant)
            and (statistic is None or c["statistic"] == statistic) and c.get("cache_bytes") is None]
seed = [comparisons(r, "insert", "seed")[0] for r in default]
print(f"insert/seed (throughput): {sum(c['verdict'] == 'slower' for c in seed)} of {runs} slower; ratios "
      + ", ".join(f"{c['ratio']:.2f} [{c['ci_low']:.2f}, {c['ci_high']:.2f}]" for c in seed))
for variant, statistic in [("seed", "median_latency"), ("projected", "median_latency"), ("seed", "p99_latency"),
                           ("projected", "p99_latency")]:
    cs = [comparisons(r, "login", variant, statistic) for r in default[:5]]
    cs = [c[0] for c in cs if c]
    pairs = list(itertools.combinations(cs, 2))
    overlap = sum(a["ci_low"] <= b["ci_high"] and b["ci_low"] <= a["ci_high"] for a, b in pairs)
    print(f"login/{variant} ({statistic}), first {len(cs)} runs: intervals overlap in {overlap} of {len(pairs)} pairs; "
          + ", ".join(f"{c['ratio']:.2f} [{c['ci_low']:.2f}, {c['ci_high']:.2f}] {c['verdict']}" for c in cs))
verdicts = [c for r in aa for c in r["comparisons"]]
wrong = [c for c in verdicts if c["verdict"] in ("faster", "slower")]
print(f"A/A: {len(wrong)} of {len(verdicts)} verdicts faster or slower"
      + "".join(f"; {c['operation']}/{c['variant']} {c['statistic']} {c['ratio']:.3f} [{c['ci_low']:.3f}, {c['ci_high']:.3f}]"
                for c in wrong))
print(f"default run wall time: min {min(seconds):.1f} s, median {statistics.median(seconds):.1f} s, max {max(seconds):.1f} s")
print(f"results under {out}")
PY
