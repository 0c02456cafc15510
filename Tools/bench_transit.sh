#!/usr/bin/env bash
# bench_transit.sh - goan vs nigiri benchmark on the three reference feeds.
#
# What it does:
#   1. builds goan in release mode:  swift build -c release --product goan
#   2. creates the peer's venv Tools/.venv-nigiri (pynigiri==0.1.5 from PyPI) if it is missing
#   3. runs Tools/compare_with_nigiri.py --goan .build/release/goan --timing with that venv's
#      python: per feed (helsinki, cairns, caltrain) goan route-batch and nigiri --timing-only
#      (plain profile) on the same minute-floored feed copy and the same queries, then prints
#      goan median/p95/load vs nigiri and the ratios goan/nigiri.
#      Goals: goan median <= 0.5 x nigiri median, goan load <= nigiri load.
#
# Usage:   Tools/bench_transit.sh [extra compare_with_nigiri.py options]
#   e.g.   Tools/bench_transit.sh --feeds helsinki --n 2000
#   env:   SKIP_BUILD=1 to use the existing .build/release/goan
# Correctness (not timing) check:  python3 Tools/compare_with_nigiri.py --goan .build/release/goan
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/Tools/.venv-nigiri"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  swift build -c release --product goan
fi

if ! "$VENV/bin/python" -c 'import pynigiri' 2>/dev/null; then
  echo "creating $VENV (pynigiri==0.1.5)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet pynigiri==0.1.5
fi

exec "$VENV/bin/python" "$ROOT/Tools/compare_with_nigiri.py" \
  --goan "$ROOT/.build/release/goan" --python "$VENV/bin/python" --timing "$@"
