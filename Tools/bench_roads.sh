#!/usr/bin/env bash
# bench_roads.sh - goan's street routing (module Roads) vs the C++ peer RoutingKit (customizable
# contraction hierarchies, timed by shared/tools/osm_ref.py timing) on the OSM extracts.
#
# What it does, per extract (shared/data/osm/<extract>.osm.pbf) and profile (car, foot, wheelchair):
#   1. queries and reference answers from Tools/compare_roads.py --prepare-only (the same cached
#      files as the correctness check in its work dir; made if missing; creates Tools/.venv-osm)
#   2. goan roads build (once per extract, all profiles): build_s from its last stdout line,
#      peak RSS
#   3. goan roads batch --warmup 100 --repeat 3 --matrix 100: median_ms, p95_ms, matrix_ms from
#      its last stdout line; peak RSS (/usr/bin/time -v "Maximum resident set size")
#   4. osm_ref.py timing --answers (RoutingKit): order_s + build_s + customize_s, median_ms, p95_ms
#      (100 warm-up queries, 3 passes), matrix100_ms; peak RSS of that Python process (it includes
#      the interpreter and the Python graph lists, so it is an upper bound for RoutingKit)
#   5. prints Markdown tables with the ratios goan/RoutingKit.
#      Goals: query median <= 1x, 100x100 matrix <= 1x, preparation <= 3x.
#      Preparation: goan's build_s covers the three profiles and reading the PBF; RoutingKit's is
#      order + build + customize summed over the profiles run (its graph loading is Python's and
#      not counted).
#   6. the scaling run: goan-bench roads-grid --nodes 10000,100000,1000000,2000000 (generated grid-like
#      networks; a region of one to two million nodes should prepare in about a minute).
#
# Usage:   Tools/bench_roads.sh [--goan .build/release/goan] [--shared ../shared] [--work DIR]
#                               [--n 1000] [--seed 1] [--extracts a,b] [--profiles car,foot]
# No build here: build goan first (swift build -c release --product goan).
# Correctness check:  python3 Tools/compare_roads.py --goan .build/release/goan
# Exit status 1 if a step fails (a missed goal is reported, not an error); 2 on usage errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GOAN="$ROOT/.build/release/goan"
SHARED="$ROOT/../shared"
WORK="${TMPDIR:-/tmp}/goan-roads-compare"
N=1000
SEED=1
EXTRACTS="liechtenstein-2015,helsinki-centre"
PROFILES="car,foot,wheelchair"
GRID_NODES="10000,100000,1000000,2000000"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --goan) GOAN="$2"; shift 2 ;;
    --shared) SHARED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --n) N="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --extracts) EXTRACTS="$2"; shift 2 ;;
    --profiles) PROFILES="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -x "$GOAN" ]] || { echo "goan executable not found: $GOAN" >&2; exit 2; }
GOAN="$(cd "$(dirname "$GOAN")" && pwd)/$(basename "$GOAN")"
SHARED="$(cd "$SHARED" && pwd)"
REF="$SHARED/tools/osm_ref.py"
PY="$ROOT/Tools/.venv-osm/bin/python"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
RUN="$WORK/bench-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# /usr/bin/time (GNU time) for the peak RSS
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  log "installing GNU time (apt-get install time)"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get install -y -qq time >/dev/null 2>&1 ||
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq time >/dev/null; }
fi

# 1. queries and reference answers (cached in the compare work dir)
log "queries and reference answers (compare_roads.py --prepare-only, work $WORK)"
python3 "$ROOT/Tools/compare_roads.py" --prepare-only --shared "$SHARED" --work "$WORK" \
  --n "$N" --seed "$SEED" --extracts "$EXTRACTS" --profiles "$PROFILES" > "$RUN/prepare.log" ||
  { rc=$?; cat "$RUN/prepare.log" >&2; exit "$rc"; }

FAILED=0
RES="$RUN/results.tsv"      # kind extract profile files...
: > "$RES"
IFS=',' read -ra EXS <<< "$EXTRACTS"
IFS=',' read -ra PRS <<< "$PROFILES"
for e in "${EXS[@]}"; do
  roads="$WORK/$e/$e.roads"
  log "== $e: goan roads build"
  rm -f "$roads"
  if /usr/bin/time -v -o "$RUN/$e-build.time" "$GOAN" roads build \
       --pbf "$SHARED/data/osm/$e.osm.pbf" --out "$roads" > "$RUN/$e-build.log" 2>&1; then
    printf 'build\t%s\t-\t%s\t%s\n' "$e" "$RUN/$e-build.log" "$RUN/$e-build.time" >> "$RES"
  else
    log "  goan roads build FAILED (log $RUN/$e-build.log)"; FAILED=1; continue
  fi
  for p in "${PRS[@]}"; do
    read -r _ _ _ q a < <(grep "^PREPARED $e $p " "$RUN/prepare.log")
    log "   $e $p: goan roads batch --warmup 100 --repeat 3 --matrix 100"
    g="$RUN/$e-$p-goan"
    if ! /usr/bin/time -v -o "$g.time" "$GOAN" roads batch --roads "$roads" --profile "$p" \
         --queries "$q" --out "$g.csv" --warmup 100 --repeat 3 --matrix 100 > "$g.log" 2>&1; then
      log "  goan roads batch FAILED (log $g.log)"; FAILED=1; g="-"
    fi
    log "   $e $p: osm_ref.py timing (RoutingKit)"
    r="$RUN/$e-$p-rk"
    t0=$(date +%s.%N)
    if ! /usr/bin/time -v -o "$r.time" "$PY" "$REF" timing --pbf "$SHARED/data/osm/$e.osm.pbf" \
         --profile "$p" --queries "$q" --answers "$a" > "$r.log" 2>&1; then
      log "  osm_ref.py timing FAILED or reported mismatches (log $r.log)"; FAILED=1
    fi
    log "   $e $p: osm_ref.py timing took $(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')") s"
    printf 'query\t%s\t%s\t%s\t%s\n' "$e" "$p" "$g" "$r" >> "$RES"
  done
done

# 6. scaling run
GRID="$RUN/grid.log"
BENCH="$(dirname "$GOAN")/goan-bench"
if "$BENCH" roads-grid --help > /dev/null 2>&1; then
  log "goan-bench roads-grid --nodes $GRID_NODES"
  "$BENCH" roads-grid --nodes "$GRID_NODES" > "$GRID" 2>&1 ||
    { log "  bench-grid FAILED (log $GRID)"; FAILED=1; }
else
  rm -f "$GRID"
fi

python3 - "$RES" "$GRID" "$N" <<'PY'
import os, re, sys
res, grid, n = sys.argv[1], sys.argv[2], sys.argv[3]
KV = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")

def kv(line):
    out = {}
    for k, v in KV.findall(line or ""):
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
    return out

def lines(path):
    if path in ("-", "") or not os.path.exists(path):
        return []
    return [l for l in open(path, errors="replace").read().splitlines() if l.strip()]

def last(path):
    ls = lines(path)
    return kv(ls[-1]) if ls else {}

def rss_mb(path):
    for l in lines(path):
        if "Maximum resident set size" in l:
            return int(l.rsplit(":", 1)[1]) / 1024
    return None

def f(x, d=3):
    return "-" if not isinstance(x, (int, float)) else f"{x:.{d}f}"

def ratio(g, r, goal):
    if not isinstance(g, float) or not isinstance(r, float) or r <= 0:
        return "-"
    q = g / r
    return f"{q:.2f}" + ("" if q <= goal else " ✗")

builds, rows = {}, []
for line in lines(res):
    t = line.split("\t")
    if t[0] == "build":
        builds[t[1]] = (last(t[3]), rss_mb(t[4]))
    else:
        e, p, g, r = t[1:5]
        gl = last(g + ".log") if g != "-" else {}
        rl = last(r + ".log")
        first = next((kv(l) for l in lines(r + ".log") if l.startswith("pbf=")), {})
        rows.append((e, p, gl, rss_mb(g + ".time") if g != "-" else None, rl,
                     rss_mb(r + ".time"), first))

def prep(rl):
    ks = ("order_s", "build_s", "customize_s")
    return sum(rl[k] for k in ks) if all(isinstance(rl.get(k), float) for k in ks) else None

print()
print(f"### Queries ({n} per extract x profile; both: 100 warm-up queries, 3 timed passes)")
print()
print("| extract | profile | graph nodes / arcs | RK prep s | median ms goan / RK | ratio | "
      "p95 ms goan / RK | ratio | matrix 100×100 ms goan / RK | ratio | peak RSS MB goan batch / osm_ref timing |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for e, p, g, grss, rl, rrss, first in rows:
    nodes = f"{int(first['graph_nodes'])} / {int(first['graph_arcs'])}" if "graph_nodes" in first else "-"
    print(f"| {e} | {p} | {nodes} | {f(prep(rl))} | {f(g.get('median_ms'), 4)} / {f(rl.get('median_ms'), 4)} "
          f"| {ratio(g.get('median_ms'), rl.get('median_ms'), 1)} "
          f"| {f(g.get('p95_ms'), 4)} / {f(rl.get('p95_ms'), 4)} | {ratio(g.get('p95_ms'), rl.get('p95_ms'), 1e9)} "
          f"| {f(g.get('matrix_ms'), 2)} / {f(rl.get('matrix100_ms'), 2)} "
          f"| {ratio(g.get('matrix_ms'), rl.get('matrix100_ms'), 1)} "
          f"| {f(grss, 1)} / {f(rrss, 1)} |")
print()
print("### Preparation (goan: one build for all profiles, incl. reading the PBF; RoutingKit: "
      "order + build + customize summed over the profiles above, graph loading excluded)")
print()
print("| extract | goan build_s | RK prep s | ratio | goan nodes | goan build peak RSS MB |")
print("|---|---|---|---|---|---|")
for e, (b, brss) in builds.items():
    ps = [prep(rl) for (e2, _, _, _, rl, _, _) in rows if e2 == e]
    rk = sum(ps) if ps and all(x is not None for x in ps) else None
    done = {p for (e2, p, *_) in rows if e2 == e}
    r = (ratio(b.get("build_s"), rk, 3) if done >= {"car", "foot", "wheelchair"}
         else "- (not all profiles run)")
    nodes = b.get("nodes")
    print(f"| {e} | {f(b.get('build_s'))} | {f(rk)} | {r} "
          f"| {int(nodes) if isinstance(nodes, float) else '-'} | {f(brss, 1)} |")
print()
print("Goals: query median ≤ 1×, matrix ≤ 1×, preparation ≤ 3× (✗ = missed). RoutingKit's RSS is "
      "that of the Python process running it (interpreter and Python graph lists included).")
print()
print("### Scaling (goan-bench roads-grid)")
print()
gl = [kv(l) for l in lines(grid) if l.startswith("nodes=")]
if not gl:
    print("bench-grid not available" if not os.path.exists(grid) else f"bench-grid printed no nodes= lines ({grid})")
else:
    print("| nodes | arcs | build_s | query median ms | query p95 ms | memory MB |")
    print("|---|---|---|---|---|---|")
    for d in gl:
        print(f"| {int(d['nodes'])} | {int(d['arcs']) if isinstance(d.get('arcs'), float) else '-'} "
              f"| {f(d.get('build_s'))} | {f(d.get('query_median_ms'), 4)} "
              f"| {f(d.get('query_p95_ms'), 4)} | {f(d.get('memory_mb'), 1)} |")
PY
log "logs: $RUN"
exit "$FAILED"
