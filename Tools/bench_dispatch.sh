#!/usr/bin/env bash
# bench_dispatch.sh - goan's dial-a-ride solver vs best-known costs and OR-Tools on the 21
# Cordeau (2006) 'a' instances (../shared/data/darp, see its README.md).
#
# What it does:
#   1. builds goan in release mode:  swift build -c release --product goan
#   2. creates the peer's venv Tools/.venv-ortools (ortools from PyPI) if it is missing
#   3. runs Tools/darp_benchmark.py --goan .build/release/goan --instances all --time-limit 10 --peer:
#      per instance `goan dispatch --cordeau ...`, every solution verified by check_darp.py
#      (cost and gap are the checker's), OR-Tools (ortools_darp.py) with the same time limit,
#      cached in the work directory so reruns only re-run goan. Prints the table and writes
#      WORK/darp-table.md (default WORK: $TMPDIR/goan-darp).
#      Exit status 1 if any goan solution is infeasible or missing.
#
# Usage:   Tools/bench_dispatch.sh [extra darp_benchmark.py options]
#   e.g.   Tools/bench_dispatch.sh --work out/darp --seed 2
#   env:   SKIP_BUILD=1 to use the existing .build/release/goan
# Quick check of a few instances without the peer:
#          python3 Tools/darp_benchmark.py --goan .build/release/goan --instances a2-16,a3-24 --time-limit 2
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/Tools/.venv-ortools"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  swift build -c release --product goan
fi

if ! "$VENV/bin/python" -c 'import ortools' 2>/dev/null; then
  echo "creating $VENV (ortools)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet ortools
fi

exec python3 "$ROOT/Tools/darp_benchmark.py" \
  --goan "$ROOT/.build/release/goan" --python-ortools "$VENV/bin/python" \
  --instances all --time-limit 10 --peer "$@"
