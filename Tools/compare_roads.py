#!/usr/bin/env python3
"""compare_roads.py - check goan's street routing (module Roads) against the peer reference
shared/tools/osm_ref.py, query by query, on the OSM extracts in shared/data/osm.

Usage:
  python3 Tools/compare_roads.py --goan .build/release/goan
        [--extracts liechtenstein-2015,helsinki-centre] [--profiles car,foot,wheelchair]
        [--n 1000] [--seed 1] [--work DIR] [--shared DIR] [--jobs 2]
        [--foot-speed M/S] [--wheelchair-speed M/S] [--max-list N]
  python3 Tools/compare_roads.py --prepare-only ...   (queries + reference answers only; used by
        Tools/bench_roads.sh, prints `PREPARED <extract> <profile> <queries.csv> <answers.csv>`)

Python 3.11, standard library only.  pyosmium, numpy and routingkit_cch are used only through the
reference tool shared/tools/osm_ref.py, run as a subprocess with the venv Tools/.venv-osm (created
here if `import osmium, numpy` fails in it: python3.11 -m venv, then
pip install osmium==4.3.2 routingkit_cch==0.1.4 numpy).  Read osm_ref.py's docstring and
shared/docs/ROADS.md: they define the answers goan has to match (profiles v1, snapping into the
largest SCC, tie-breaks, the 0.5 s + 0.1 % tolerance).

Per extract (shared/data/osm/<extract>.osm.pbf):
  a. GOAN roads build --pbf F --out WORK/<extract>/<extract>.roads   (every run: it is under test;
     its last stdout line `build_s=.. nodes=.. ...` is parsed loosely)
  Per profile:
  b. osm_ref.py gen-queries --n N --seed S   -> WORK/<extract>/<profile>/queries-n<N>-s<S>-<key>.csv
  c. osm_ref.py run                          -> WORK/<extract>/<profile>/ref-n<N>-s<S>-<key>.csv
     b and c are cached: <key> = sha256 of (osm_ref.py, the PBF, the speed), so a re-run with the
     same inputs skips them.  Missing ones run in parallel (--jobs, default 2) before goan runs.
  d. GOAN roads batch --roads R --profile P --queries q.csv --out WORK/.../goan-n<N>-s<S>.csv
     (columns as osm_ref run: from_lat,from_lon,to_lat,to_lon,from_node,to_node,seconds,metres;
     last stdout line `queries=N median_ms=.. p95_ms=.. load_s=..`)
  e. Compare row by row (row i of both files = query i):
       - row count; a row missing on one side, or with an unparsable/non-finite field, or whose
         coordinates are not the query's (rows out of order)          -> "row" differences
       - snapped nodes from_node/to_node                              -> "snapped" differences
         (the times of such rows are not compared: other nodes, other answer)
       - seconds beyond 0.5 s + 0.1 % of the reference                -> "time" differences
     Row i = query i (1-based, line i+1 of the CSV files).  Every difference is listed (up to --max-list per kind and extract x profile; default all).
     Metres are not compared (two paths may tie on time); the largest relative difference is
     printed as information.
  --speed is passed to neither side by default (both default to 1.2 m/s foot, 1.0 m/s
  wheelchair); --foot-speed / --wheelchair-speed pass --speed to both sides for that profile.

Output: one line per extract x profile, e.g.
  liechtenstein-2015 car: 1000 queries, snapped differ 0, time differ 0 (max |Δt| 0.001 s),
      goan median 0.0020 ms p95 0.0050 ms, reference Dijkstra median 8.3 ms, max metres Δ 0.00 %
and `TOTAL differences: N`.
Exit status: 0 all agree; 1 any difference, or a goan step failed (crash, no output file);
2 usage or setup errors (venv, missing files, the reference tool failed).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO / ".." / "shared"
VENV = REPO / "Tools" / ".venv-osm"
VENV_PY = VENV / "bin" / "python"
VENV_PACKAGES = ["osmium==4.3.2", "routingkit_cch==0.1.4", "numpy"]
EXTRACTS = ["liechtenstein-2015", "helsinki-centre"]
PROFILES = ["car", "foot", "wheelchair"]
COORD_TOL = 5e-8      # degrees: goan copies the query coordinates; formatting may differ
TIME_ABS, TIME_REL = 0.5, 0.001   # ROADS.md tolerance


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class SetupError(Exception):
    """Usage/setup problem (exit 2)."""


class StepFailed(Exception):
    """A goan step failed (exit 1)."""


# ------------------------------------------------------------------------------------------
# venv
# ------------------------------------------------------------------------------------------

def ensure_venv() -> str:
    """Python of Tools/.venv-osm, created/installed if `import osmium, numpy` fails there."""
    probe = [str(VENV_PY), "-c", "import osmium, numpy"]
    if VENV_PY.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return str(VENV_PY)
    base = shutil.which("python3.11") or shutil.which("python3") or sys.executable
    log(f"creating {VENV} with {base} ({' '.join(VENV_PACKAGES)})")
    for cmd in ([base, "-m", "venv", str(VENV)],
                [str(VENV_PY), "-m", "pip", "install", "--quiet", *VENV_PACKAGES]):
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            raise SetupError(f"{' '.join(cmd)} failed (exit {p.returncode}):\n"
                             + "\n".join((p.stdout + p.stderr).strip().splitlines()[-15:]))
    if subprocess.run(probe, capture_output=True).returncode != 0:
        raise SetupError(f"{VENV_PY}: `import osmium, numpy` still fails after pip install")
    return str(VENV_PY)


# ------------------------------------------------------------------------------------------
# subprocess helpers
# ------------------------------------------------------------------------------------------

def run(cmd: list, logfile: Path, what: str, exc=StepFailed) -> tuple[str, float]:
    """Run cmd, write its stdout+stderr into logfile; -> (stdout, wall seconds); exc on error."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    except OSError as e:
        raise exc(f"{what}: cannot run {cmd[0]}: {e}")
    dt_s = time.perf_counter() - t0
    logfile.write_text(f"$ {' '.join(map(str, cmd))}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"
                       f"--- exit {p.returncode} after {dt_s:.1f}s\n")
    if p.returncode != 0:
        tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-15:])
        raise exc(f"{what} failed (exit {p.returncode}, log {logfile}):\n{tail}")
    return p.stdout, dt_s


KV = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")


def parse_kv(line: str) -> dict:
    """key=value tokens of a line; values as float where they parse, else as strings."""
    out = {}
    for k, v in KV.findall(line):
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
    return out


def last_line(stdout: str) -> str:
    lines = [ln for ln in stdout.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def count_rows(path: Path) -> int:
    with open(path, newline="") as fh:
        return max(0, sum(1 for _ in fh) - 1)


def read_csv(path: Path) -> list:
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------------------------------
# reference (cached)
# ------------------------------------------------------------------------------------------

class Ctx:
    def __init__(self, a, py: str):
        self.a = a
        self.py = py
        self.shared = Path(a.shared).resolve() if a.shared else DEFAULT_SHARED.resolve()
        self.ref = self.shared / "tools" / "osm_ref.py"
        self.osm = self.shared / "data" / "osm"
        self.work = Path(a.work).resolve()
        self.ref_sha = sha256_file(self.ref)
        self.pbf_sha = {}

    def pbf(self, extract: str) -> Path:
        return self.osm / f"{extract}.osm.pbf"

    def speed(self, profile: str):
        return {"foot": self.a.foot_speed, "wheelchair": self.a.wheelchair_speed}.get(profile)

    def speed_args(self, profile: str) -> list:
        s = self.speed(profile)
        return [] if s is None else ["--speed", repr(s)]

    def pdir(self, extract: str, profile: str) -> Path:
        s = self.speed(profile)
        d = self.work / extract / (profile if s is None else f"{profile}-speed{s:g}")
        d.mkdir(parents=True, exist_ok=True)
        return d

    def files(self, extract: str, profile: str):
        """(queries.csv, ref answers.csv, ref run log) paths, named by the cache key."""
        if extract not in self.pbf_sha:
            self.pbf_sha[extract] = sha256_file(self.pbf(extract))
        key = hashlib.sha256(f"{self.ref_sha} {self.pbf_sha[extract]} {profile} "
                             f"{self.speed(profile)}".encode()).hexdigest()[:12]
        d = self.pdir(extract, profile)
        stem = f"n{self.a.n}-s{self.a.seed}-{key}"
        return d / f"queries-{stem}.csv", d / f"ref-{stem}.csv", d / f"ref-{stem}.log"


def prepare_reference(ctx: Ctx, extract: str, profile: str) -> dict:
    """Queries and reference answers (cached); -> {queries, answers, ref_median_ms, walls}."""
    q, ans, runlog = ctx.files(extract, profile)
    d = q.parent
    pbf = ctx.pbf(extract)
    walls = {}
    if not (q.exists() and count_rows(q) == ctx.a.n):
        tmp = q.with_name(q.name + ".tmp")
        _, walls["gen_queries_s"] = run(
            [ctx.py, ctx.ref, "gen-queries", "--pbf", pbf, "--profile", profile,
             *ctx.speed_args(profile), "--n", ctx.a.n, "--seed", ctx.a.seed, "--out", tmp],
            d / "gen-queries.log", f"osm_ref.py gen-queries ({extract} {profile})", SetupError)
        tmp.replace(q)
        ans.unlink(missing_ok=True)
    if not (ans.exists() and runlog.exists() and count_rows(ans) == ctx.a.n):
        tmp = ans.with_name(ans.name + ".tmp")
        _, walls["run_s"] = run(
            [ctx.py, ctx.ref, "run", "--pbf", pbf, "--profile", profile, *ctx.speed_args(profile),
             "--queries", q, "--out", tmp],
            runlog.with_name(runlog.name + ".tmp"), f"osm_ref.py run ({extract} {profile})",
            SetupError)
        tmp.replace(ans)
        runlog.with_name(runlog.name + ".tmp").replace(runlog)
    # the run log holds the stdout between `--- stdout` and `--- stderr`
    text = runlog.read_text()
    stdout = text.split("--- stdout\n", 1)[-1].split("--- stderr\n", 1)[0]
    kv = parse_kv(last_line(stdout))
    what = ", ".join(f"{k} {v:.1f} s" for k, v in walls.items()) or "cached"
    log(f"  reference {extract} {profile}: {what}")
    return {"queries": q, "answers": ans, "ref": kv, "walls": walls}


# ------------------------------------------------------------------------------------------
# comparison
# ------------------------------------------------------------------------------------------

def parse_row(r):
    """(from_lat, from_lon, to_lat, to_lon, from_node, to_node, seconds, metres) or None."""
    if r is None:
        return None
    try:
        c = tuple(float(r[k]) for k in ("from_lat", "from_lon", "to_lat", "to_lon"))
        fn, tn = int(r["from_node"]), int(r["to_node"])
        sec, met = float(r["seconds"]), float(r["metres"])
    except (KeyError, TypeError, ValueError):
        return None
    if not all(math.isfinite(x) for x in (*c, sec, met)):
        return None
    return (*c, fn, tn, sec, met)


def compare(queries: list, ref: list, goan: list, max_list: int) -> dict:
    nq = len(queries)
    rows_diff, snap_diff, time_diff = [], [], []
    max_dt = 0.0
    max_rel_m = (0.0, None)
    for i in range(max(nq, len(ref), len(goan))):
        q = queries[i] if i < nq else None
        rr = parse_row(ref[i] if i < len(ref) else None)
        gg = parse_row(goan[i] if i < len(goan) else None)
        where = (f"row {i + 1}: ({q['from_lat']},{q['from_lon']} -> {q['to_lat']},{q['to_lon']})"
                 if q else f"row {i + 1}: (no such query)")
        if q is None:
            rows_diff.append(f"{where}: extra row in " + ("goan" if i < len(goan) else "reference"))
            continue
        qc = tuple(float(q[k]) for k in ("from_lat", "from_lon", "to_lat", "to_lon"))
        bad = []
        for side, row, raw in (("reference", rr, ref), ("goan", gg, goan)):
            if i >= len(raw):
                bad.append(f"{side} row missing")
            elif row is None:
                bad.append(f"{side} row unparsable: "
                           + ",".join(str(v) for v in raw[i].values()))
            elif any(abs(a - b) > COORD_TOL for a, b in zip(row[:4], qc)):
                bad.append(f"{side} row has other coordinates: {row[:4]}")
        if bad:
            rows_diff.append(f"{where}: " + "; ".join(bad))
            continue
        if (gg[4], gg[5]) != (rr[4], rr[5]):
            snap_diff.append(f"{where}: goan {gg[4]} -> {gg[5]}, reference {rr[4]} -> {rr[5]}"
                             f" (goan {gg[6]:.3f} s, reference {rr[6]:.3f} s)")
            continue
        dt = gg[6] - rr[6]
        max_dt = max(max_dt, abs(dt))
        tol = TIME_ABS + TIME_REL * abs(rr[6])
        if abs(dt) > tol:
            time_diff.append(f"{where} nodes {rr[4]} -> {rr[5]}: goan {gg[6]:.3f} s, "
                             f"reference {rr[6]:.3f} s (Δ {dt:+.3f} s, tolerance {tol:.3f} s)")
        rel = abs(gg[7] - rr[7]) / rr[7] if rr[7] > 0 else (0.0 if gg[7] == 0 else math.inf)
        if rel > max_rel_m[0]:
            max_rel_m = (rel, f"row {i + 1}: goan {gg[7]:.3f} m, reference {rr[7]:.3f} m")
    count_note = None
    if not (len(ref) == len(goan) == nq):
        count_note = f"row counts differ: queries {nq}, reference {len(ref)}, goan {len(goan)}"
    for kind, lst in (("row", rows_diff), ("snapped", snap_diff), ("time", time_diff)):
        shown = lst if max_list < 0 else lst[:max_list]
        for s in shown:
            print(f"    {kind:7s} {s}")
        if len(shown) < len(lst):
            print(f"    {kind:7s} ... and {len(lst) - len(shown)} more")
    if count_note:
        print(f"    count   {count_note}")
    return {"queries": nq, "row_diff": len(rows_diff), "snap_diff": len(snap_diff),
            "time_diff": len(time_diff), "count_diff": 1 if count_note else 0,
            "max_dt": max_dt, "max_rel_m": max_rel_m[0], "max_rel_m_where": max_rel_m[1]}


# ------------------------------------------------------------------------------------------

def fmt_ms(x):
    return f"{x:.4f} ms" if isinstance(x, float) else "-"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Compare goan's street routing with osm_ref.py.",
                                epilog="Details: see the docstring at the top of this file.")
    p.add_argument("--goan", help="goan executable (e.g. .build/release/goan)")
    p.add_argument("--shared", default=None, help="shared/ directory (default: <repo>/../shared)")
    p.add_argument("--extracts", default=",".join(EXTRACTS),
                   help="comma-separated names of shared/data/osm/<name>.osm.pbf")
    p.add_argument("--profiles", default=",".join(PROFILES), help="subset of car,foot,wheelchair")
    p.add_argument("--n", type=int, default=1000, help="queries per extract x profile")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "goan-roads-compare"),
                   help="work directory (default: $TMPDIR/goan-roads-compare)")
    p.add_argument("--jobs", type=int, default=2, help="reference runs in parallel (default 2)")
    p.add_argument("--foot-speed", type=float, default=None, help="--speed for foot, both sides")
    p.add_argument("--wheelchair-speed", type=float, default=None,
                   help="--speed for wheelchair, both sides")
    p.add_argument("--max-list", type=int, default=-1,
                   help="differences listed per kind and extract x profile (default: all)")
    p.add_argument("--prepare-only", action="store_true",
                   help="only make the queries and reference answers (no goan)")
    a = p.parse_args(argv)

    if not a.prepare_only:
        if not a.goan:
            p.error("--goan is required (unless --prepare-only)")
        if not Path(a.goan).is_file():
            p.error(f"goan executable not found: {a.goan}")
        a.goan = str(Path(a.goan).resolve())
    if a.n < 1:
        p.error("--n must be positive")
    for s in (a.foot_speed, a.wheelchair_speed):
        if s is not None and not s > 0:
            p.error("speeds must be positive")
    extracts = [e.strip() for e in a.extracts.split(",") if e.strip()]
    profiles = [x.strip() for x in a.profiles.split(",") if x.strip()]
    bad = [x for x in profiles if x not in PROFILES]
    if bad or not profiles or not extracts:
        p.error(f"unknown or empty profiles {bad}; known: {', '.join(PROFILES)}")
    shared = Path(a.shared).resolve() if a.shared else DEFAULT_SHARED.resolve()
    if not (shared / "tools" / "osm_ref.py").exists():
        p.error(f"osm_ref.py not found in {shared}/tools (use --shared)")
    missing = [e for e in extracts if not (shared / "data" / "osm" / f"{e}.osm.pbf").exists()]
    if missing:
        p.error(f"no {shared}/data/osm/<name>.osm.pbf for {missing}")

    try:
        py = ensure_venv()
    except SetupError as e:
        print(f"setup error: {e}", file=sys.stderr)
        return 2
    ctx = Ctx(a, py)
    ctx.work.mkdir(parents=True, exist_ok=True)
    log(f"goan={a.goan} python={py} work={ctx.work} n={a.n} seed={a.seed} "
        f"osm_ref sha256={ctx.ref_sha[:12]} extracts={','.join(extracts)} "
        f"profiles={','.join(profiles)}")

    # 1. reference answers: cached, else generated in parallel (foot first: the slowest)
    pairs = [(e, pr) for e in extracts for pr in profiles]
    order = sorted(pairs, key=lambda ep: {"foot": 0, "wheelchair": 1, "car": 2}[ep[1]])
    t0 = time.perf_counter()
    refs = {}
    with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futs = {ep: pool.submit(prepare_reference, ctx, *ep) for ep in order}
        errors = []
        for ep, f in futs.items():
            try:
                refs[ep] = f.result()
            except SetupError as e:
                errors.append(str(e))
    if errors:
        for e in errors:
            print(f"setup error: {e}", file=sys.stderr)
        return 2
    log(f"reference answers ready in {time.perf_counter() - t0:.1f} s")
    if a.prepare_only:
        for e, pr in pairs:
            r = refs[(e, pr)]
            print(f"PREPARED {e} {pr} {r['queries']} {r['answers']}")
        return 0

    # 2. goan: build per extract, batch per profile, compare
    results = []
    for e in extracts:
        wd = ctx.work / e
        roads = wd / f"{e}.roads"
        log(f"== {e}")
        build_err = None
        try:
            roads.unlink(missing_ok=True)
            out, wall = run([a.goan, "roads", "build", "--pbf", ctx.pbf(e), "--out", roads],
                            wd / "goan-build.log", f"goan roads build ({e})")
            if not roads.exists():
                raise StepFailed(f"goan roads build wrote no {roads}")
            kv = parse_kv(last_line(out))
            log(f"  goan roads build: {wall:.1f} s wall; last line: {last_line(out)}")
        except StepFailed as ex:
            build_err = str(ex)
            log(f"  ERROR: {ex}")
        for pr in profiles:
            ref = refs[(e, pr)]
            res = {"extract": e, "profile": pr, "error": build_err, "ref": ref["ref"]}
            results.append(res)
            if build_err:
                continue
            d = ctx.pdir(e, pr)
            g_out = d / f"goan-n{a.n}-s{a.seed}.csv"
            try:
                g_out.unlink(missing_ok=True)
                out, wall = run([a.goan, "roads", "batch", "--roads", roads, "--profile", pr,
                                 *ctx.speed_args(pr), "--queries", ref["queries"], "--out", g_out],
                                d / "goan-batch.log", f"goan roads batch ({e} {pr})")
                if not g_out.exists():
                    raise StepFailed(f"goan roads batch wrote no {g_out}")
                res["goan"] = parse_kv(last_line(out))
                if "median_ms" not in res["goan"]:
                    log(f"  note: goan's last line has no median_ms: {last_line(out)!r}")
                log(f"  {e} {pr}: goan roads batch {wall:.1f} s wall; comparing")
                res.update(compare(read_csv(ref["queries"]), read_csv(ref["answers"]),
                                   read_csv(g_out), a.max_list))
            except StepFailed as ex:
                res["error"] = str(ex)
                log(f"  ERROR: {ex}")

    # 3. summary
    print()
    total = failed = 0
    for r in results:
        head = f"{r['extract']} {r['profile']}"
        if r["error"]:
            failed += 1
            print(f"{head}: ERROR {r['error'].splitlines()[0]}")
            continue
        g, rf = r.get("goan", {}), r["ref"]
        n_diff = r["row_diff"] + r["snap_diff"] + r["time_diff"] + r["count_diff"]
        total += n_diff
        extra = ""
        if r["row_diff"] or r["count_diff"]:
            extra = f", rows missing/unparsable/misplaced {r['row_diff']}" + \
                    (", ROW COUNT DIFFERS" if r["count_diff"] else "")
        print(f"{head}: {r['queries']} queries, snapped differ {r['snap_diff']}, "
              f"time differ {r['time_diff']} (max |Δt| {r['max_dt']:.3f} s){extra}, "
              f"goan median {fmt_ms(g.get('median_ms'))} p95 {fmt_ms(g.get('p95_ms'))}, "
              f"reference Dijkstra median {fmt_ms(rf.get('median_ms'))}, "
              f"max metres Δ {100 * r['max_rel_m']:.2f} %"
              + (f" ({r['max_rel_m_where']})" if r["max_rel_m"] > 0 else ""))
    print(f"TOTAL differences: {total}"
          + (f" (and {failed} extract x profile runs where goan failed: not compared)"
             if failed else ""))
    return 1 if total or failed else 0


if __name__ == "__main__":
    sys.exit(main())
