#!/usr/bin/env bash
# bench_dispatch.sh - goan's dial-a-ride solver vs best-known costs and OR-Tools on the Cordeau
# (2006) 'a' instances and the Cordeau & Laporte (2003) instances pr01-pr10 (../shared/data/darp,
# see its README.md).
#
# What it does:
#   1. builds goan in release mode:  swift build -c release --product goan
#   2. creates the peer's venv Tools/.venv-ortools (ortools from PyPI) if it is missing
#   3. runs Tools/darp_benchmark.py (per instance `goan dispatch --cordeau ...`, every solution
#      verified by check_darp.py, cost and gap are the checker's; OR-Tools (ortools_darp.py) with the
#      same time limit, cached in the work directory so reruns only re-run goan):
#        set a at 10 s (with OR-Tools) and at 1 s (anytime quality),
#        pr01-pr10 at 1 s, 10 s and 60 s (with OR-Tools at 10 s and 60 s).
#      Each run prints its table and average gap and writes WORK/darp-table-SET-LIMITs.md
#      (default WORK: $TMPDIR/goan-darp). Run it on a quiet machine: the runs stop on the clock.
#      Exit status 1 if any goan solution is infeasible or missing.
#   4. insertion tests per second (goan-bench feasibility): the eight steps, the least schedule
#      and the route closure (RouteClosure, constant time per test) on the same insertions of
#      pr01, pr04, pr07, pr10, a4-40 and a8-96; exits 1 if the closure and the least schedule
#      disagree on any. ONLY="feasibility" runs this step alone.
#
# Usage:   Tools/bench_dispatch.sh [extra darp_benchmark.py options, e.g. --work out/darp --seed 2]
#   env:   SKIP_BUILD=1 to use the existing .build/release/goan; ONLY="a:10 pr:60" to run some runs
# Quick check of a few instances without the peer:
#          python3 Tools/darp_benchmark.py --goan .build/release/goan --instances a2-16,a3-24 --time-limit 2
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/Tools/.venv-ortools"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  swift build -c release --product goan
  swift build -c release --product goan-bench
fi

if ! "$VENV/bin/python" -c 'import ortools' 2>/dev/null; then
  echo "creating $VENV (ortools)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet ortools
fi

status=0
for run in ${ONLY:-a:10:peer a:1 pr:1 pr:10:peer pr:60:peer feasibility}; do
  if [[ "$run" == feasibility ]]; then
    D=../shared/data/darp
    "$ROOT/.build/release/goan-bench" feasibility $D/cordeau_laporte2003_pr/pr{01,04,07,10}.txt \
      $D/cordeau2006_a/a4-40.txt $D/cordeau2006_a/a8-96.txt || status=1
    continue
  fi
  IFS=: read -r set limit peer <<< "$run"
  python3 "$ROOT/Tools/darp_benchmark.py" \
    --goan "$ROOT/.build/release/goan" --python-ortools "$VENV/bin/python" \
    --set "$set" --instances all --time-limit "$limit" ${peer:+--peer} "$@" || status=1
done
exit $status
