#!/usr/bin/env bash
# Benchmark of `goan serve` (not run by CI: about a minute and a half): plans/s, bookings/s and
# p50/p99 latency on loopback with durable writes (SQLite WAL, synchronous=FULL). Goal: >= 500
# bookings/s with p99 <= 50 ms. The load comes from wrk (apt-get update && apt-get install -y wrk)
# with Tools/bench_bookings_{plan,book}.lua; Tools/bench_bookings.py does the rest (scenario of
# 2,000 cloned travellers, server, phases, checks, summary table).
#   Tools/bench_bookings.sh [--plan-seconds 30] [--book-seconds 20] [--book-connections 16]
#                           [--travellers 2000] [--km 5000] [--engine wrk|python] [--keep] ...
# SKIP_BUILD=1 uses the release binary as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null && [[ " $* " != *" --engine python "* ]]; then
    echo "wrk is not installed: apt-get update && apt-get install -y wrk" >&2
    echo "(or run with --engine python, a slower load generator)" >&2
    exit 2
fi
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product goan
exec python3 Tools/bench_bookings.py --goan .build/release/goan "$@"
