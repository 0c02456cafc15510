#!/usr/bin/env bash
# Benchmark of the multimodal planner (step 2): median and p95 of a multimodal query on the
# Twente data (walking, public transport, Regiotaxi, AutoMaatje and their combinations) and the
# ratio to a transit-only query on the same seeded random trips. Release build.
#   Tools/bench_planner.sh [--queries N] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product goan-bench
.build/release/goan-bench planner "$@"
