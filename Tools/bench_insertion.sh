#!/usr/bin/env bash
# Benchmark of the booking-time insertion check (DayDispatcher.insert, what every Regiotaxi
# booking runs): median and p95 of a check against a seeded day of booked rides. Release build.
#   Tools/bench_insertion.sh [--rides N] [--vehicles V] [--checks C] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product goan-bench
.build/release/goan-bench insertion "$@"
