#!/usr/bin/env bash
# Failover times of a local validator cluster: runs LocalClusterFailoverTests RUNS times (default 5; each run is
# one 3-node keep-majority and one 2-node lease failover, about 3.5 minutes together) and prints, per cluster
# size, the seconds from `kill -9` of the singleton holder to the weight setter running on a survivor and to
# every contender answering again: each run, the median and the max.
# Needs a built solution (Debug) and PostgreSQL (started like the tests start it).
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
export SN19_TEST_POSTGRES=${SN19_TEST_POSTGRES:-$(bash "$root/scripts/ensure-postgres.sh")}
export SN19_FAILOVER_LOG=$log
for run in $(seq 1 "$runs"); do
  echo "run $run of $runs ..." >&2
  dotnet test "$root/Sn19.Tests" --no-build -c Debug --filter "FullyQualifiedName~LocalClusterFailoverTests" >/dev/null \
    || echo "run $run: a test failed (its time is still counted if it got that far)" >&2
done
python3 - "$log" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
print("| nodes | runs | weight setter back: each run (s) | median | max | every contender back: each run (s) | median | max |")
print("|---|---|---|---|---|---|---|---|")
for nodes in sorted({r[0] for r in rows}, reverse=True):
    s = [float(r[1]) for r in rows if r[0] == nodes]
    c = [float(r[2]) for r in rows if r[0] == nodes]
    print(f"| {nodes} | {len(s)} | {' '.join(f'{x:.1f}' for x in s)} | {statistics.median(s):.1f} | {max(s):.1f} | "
          f"{' '.join(f'{x:.1f}' for x in c)} | {statistics.median(c):.1f} | {max(c):.1f} |")
PY
rm -f "$log"
