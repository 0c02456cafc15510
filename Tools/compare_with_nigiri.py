#!/usr/bin/env python3
"""compare_with_nigiri.py - check goan's answers (and speed) against the peer router nigiri.

Usage:
  python3 Tools/compare_with_nigiri.py --goan .build/release/goan
        [--feeds helsinki,cairns,caltrain] [--n 1000] [--seed 1] [--work DIR]
        [--python VENV_PYTHON] [--examples 10] [--timing] [--shared DIR]

Python 3.11, standard library only.  pynigiri is used only through the reference tool
shared/tools/nigiri_ref.py, run as a subprocess with --python (default: Tools/.venv-nigiri/bin/python,
set it up with `python3 -m venv Tools/.venv-nigiri && Tools/.venv-nigiri/bin/pip install pynigiri==0.1.5`).
Read nigiri_ref.py's docstring: it defines the query semantics goan has to match.

Per feed (correctness mode, the default):
  a. Write a normalised copy of the feed as a directory WORK/<feed>/feed: stop_times
     arrival/departure seconds floored to whole minutes (nigiri truncates seconds), frequencies
     start/end floored and headway_secs rounded to whole minutes like nigiri (max(1, round(h/60)),
     half away from zero).
     Every other file, and every line that needs no change, is copied byte for byte.
  b. nigiri_ref.py gen-queries on that copy -> WORK/<feed>/queries-n<N>-s<SEED>.csv
  c. nigiri_ref.py run --profile plain -> WORK/<feed>/nigiri.csv
     (plain: footpaths only from transfers.txt, same-stop transfer time 0, no walking at the
     origin, no block chaining)
  d. GOAN route-batch --feed COPY --date D --queries q.csv --out WORK/<feed>/goan.csv
          --footpaths transfers-only --min-transfer-time 0
     goan.csv: from_stop_id,to_stop_id,departure,earliest_arrival,transfers (earliest_arrival
     HH:MM:SS, may pass 24:00, empty if unreachable); last stdout line
     `queries=N median_ms=.. p95_ms=.. load_s=..`.
  e. Compare row by row; rows where nigiri's direct_walk_min is set are skipped (nigiri quirk, see
     nigiri_ref.py) and counted.  Differences in earliest_arrival, and in transfers among equal
     arrivals, are counted; up to --examples of them are printed with nigiri's legs (nigiri is
     re-run with --legs on the differing queries only).
  f. Summary table.  Exit status 1 if any difference (or a failed step).

--timing (the benchmark): on the same floored copy and queries, run
  `nigiri_ref.py run --timing-only --profile plain` (100 warm-up queries, 3 passes) and
  `goan route-batch ...` (its last stdout line), and print goan vs nigiri median/p95/load and
  the ratios goan/nigiri.  Goals: goan median <= 0.5 x nigiri median, goan load <= nigiri load.
  Exit status 1 only if a step fails (missing a goal is reported, not an error).

Feeds (in ../shared/data/gtfs relative to the repository) and service dates:
  helsinki  helsinki-2022.zip  2022-02-22  (Tuesday; the feed's only service day)
  cairns    cairns-2014.zip    2014-06-03  (Tuesday; calendar 2014-05-26..2014-12-28)
  caltrain  caltrain-2017.zip  2018-06-20  (Wednesday; regular weekday service plus a
                                            calendar_dates-added "giants" special trip)
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO / ".." / "shared"
DEFAULT_VENV_PY = REPO / "Tools" / ".venv-nigiri" / "bin" / "python"
NORMALISE_VERSION = "2"  # bump when the floored copy changes, to rebuild cached copies

FEEDS = {
    "helsinki": ("helsinki-2022.zip", "2022-02-22"),
    "cairns": ("cairns-2014.zip", "2014-06-03"),
    "caltrain": ("caltrain-2017.zip", "2018-06-20"),
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ------------------------------------------------------------------------------------------
# a. normalised (floored) copy of a feed
# ------------------------------------------------------------------------------------------

def floor_time(v: str) -> str:
    """'HH:MM:SS' -> 'HH:MM:00' (unchanged if empty, already whole, or not a time)."""
    s = v.strip()
    p = s.split(":")
    if len(p) != 3 or not all(x.strip().isdigit() for x in p):
        return v
    if int(p[2]) == 0:
        return v
    return f"{p[0].strip()}:{p[1].strip()}:00"


def round_headway(v: str) -> str:
    """headway_secs rounded to whole minutes as nigiri does: max(1, std::round(h / 60)),
    i.e. half away from zero (nigiri src/loader/gtfs/trip.cc read_frequencies)."""
    s = v.strip()
    try:
        secs = int(float(s))
    except ValueError:
        return v
    if secs % 60 == 0 and secs > 0:
        return v
    return str(max(1, (secs + 30) // 60) * 60)


def rewrite_csv(raw: bytes, fixers: dict) -> tuple[bytes, int]:
    """Apply fixers {column: fn(str)->str} to a GTFS CSV file's bytes.  Lines that do not
    change are kept byte for byte (line endings, quoting, BOM); -> (new bytes, fields changed)."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8") if bom else raw.decode("utf-8")
    lines = text.splitlines(keepends=True)
    if not lines:
        return raw, 0
    header = [h.strip() for h in next(csv.reader([lines[0]]))]
    cols = [(header.index(c), fn) for c, fn in fixers.items() if c in header]
    if not cols:
        return raw, 0
    # a quoted field spanning lines would break line-wise processing: fall back to csv
    if text.count('"') and sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) != \
            sum(1 for ln in lines if ln.strip()):
        return _rewrite_csv_whole(text, bom, cols, lines[0])
    changed = 0
    out = [lines[0]]
    for line in lines[1:]:
        body = line.rstrip("\r\n")
        end = line[len(body):]
        if not body.strip():
            out.append(line)
            continue
        quoted = '"' in body
        fields = next(csv.reader([body])) if quoted else body.split(",")
        n = 0
        for i, fn in cols:
            if i < len(fields):
                nv = fn(fields[i])
                if nv != fields[i]:
                    fields[i] = nv
                    n += 1
        if n == 0:
            out.append(line)
            continue
        changed += n
        if quoted:
            buf = io.StringIO()
            csv.writer(buf, lineterminator="").writerow(fields)
            out.append(buf.getvalue() + end)
        else:
            out.append(",".join(fields) + end)
    data = "".join(out).encode("utf-8")
    return (b"\xef\xbb\xbf" + data if bom else data), changed


def _rewrite_csv_whole(text, bom, cols, first_line):
    term = "\r\n" if first_line.endswith("\r\n") else "\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    changed = 0
    for r in rows[1:]:
        for i, fn in cols:
            if i < len(r):
                nv = fn(r[i])
                if nv != r[i]:
                    r[i] = nv
                    changed += 1
    buf = io.StringIO()
    csv.writer(buf, lineterminator=term).writerows(rows)
    data = buf.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data if bom else data), changed


def make_floored_copy(src: Path, dst: Path) -> Path:
    """Write (or reuse) the floored directory copy of feed `src` at `dst`."""
    st = src.stat()
    stamp = f"{NORMALISE_VERSION} {src.resolve()} {st.st_size} {st.st_mtime_ns}\n"
    stamp_file = dst / ".floored-from"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        log(f"  floored copy up to date: {dst}")
        return dst
    tmp = dst.with_name(dst.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    notes = []
    if src.is_dir():
        members = {p.name: p.read_bytes for p in src.iterdir() if p.is_file() and not p.name.startswith(".")}
    else:
        z = zipfile.ZipFile(src)
        members = {}
        for info in z.infolist():
            if info.is_dir():
                continue
            base = os.path.basename(info.filename)
            if base and not base.startswith("."):
                members[base] = (lambda n=info.filename: z.read(n))
    for name, read in sorted(members.items()):
        raw = read()
        if name == "stop_times.txt":
            raw, n = rewrite_csv(raw, {"arrival_time": floor_time, "departure_time": floor_time})
            notes.append(f"stop_times: {n} times floored")
        elif name == "frequencies.txt":
            raw, n = rewrite_csv(raw, {"start_time": floor_time, "end_time": floor_time,
                                       "headway_secs": round_headway})
            notes.append(f"frequencies: {n} fields changed")
        (tmp / name).write_bytes(raw)
    (tmp / ".floored-from").write_text(stamp)
    shutil.rmtree(dst, ignore_errors=True)
    tmp.rename(dst)
    log(f"  floored copy written: {dst} ({'; '.join(notes) or 'nothing to change'})")
    return dst


# ------------------------------------------------------------------------------------------
# subprocess helpers
# ------------------------------------------------------------------------------------------

class StepFailed(Exception):
    pass


def run(cmd: list, logfile: Path, what: str) -> str:
    """Run cmd, tee its stdout+stderr into logfile, return stdout; StepFailed on error."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    except OSError as e:
        raise StepFailed(f"{what}: cannot run {cmd[0]}: {e}")
    dt_s = time.perf_counter() - t0
    logfile.write_text(f"$ {' '.join(map(str, cmd))}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"
                       f"--- exit {p.returncode} after {dt_s:.1f}s\n")
    if p.returncode != 0:
        tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-15:])
        raise StepFailed(f"{what} failed (exit {p.returncode}, log {logfile}):\n{tail}")
    return p.stdout


KV = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=([-+0-9.eEinfa]+)")


def parse_kv(line: str) -> dict:
    out = {}
    for k, v in KV.findall(line):
        try:
            out[k] = float(v)
        except ValueError:
            pass
    return out


def goan_last_line(stdout: str) -> dict:
    lines = [ln for ln in stdout.strip().splitlines() if ln.strip()]
    if not lines:
        raise StepFailed("goan printed nothing (expected a last line `queries=N median_ms=.. p95_ms=.. load_s=..`)")
    kv = parse_kv(lines[-1])
    missing = [k for k in ("queries", "median_ms", "p95_ms", "load_s") if k not in kv]
    if missing:
        raise StepFailed(f"goan's last stdout line lacks {missing}: {lines[-1]!r}")
    return kv


def nigiri_stats(stdout: str) -> dict:
    for ln in reversed(stdout.strip().splitlines()):
        if "median_ms=" in ln:
            return parse_kv(ln)
    raise StepFailed(f"no timing line in nigiri_ref output:\n{stdout[-2000:]}")


def read_csv(path: Path) -> list:
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def hms(s: str):
    s = (s or "").strip()
    if not s:
        return None
    p = s.split(":")
    return int(p[0]) * 3600 + int(p[1]) * 60 + (int(p[2]) if len(p) > 2 else 0)


def as_int(s: str):
    s = (s or "").strip()
    return int(s) if s else None


# ------------------------------------------------------------------------------------------
# per feed
# ------------------------------------------------------------------------------------------

class Ctx:
    def __init__(self, a):
        self.a = a
        self.shared = Path(a.shared).resolve() if a.shared else DEFAULT_SHARED.resolve()
        self.ref = self.shared / "tools" / "nigiri_ref.py"
        self.gtfs = self.shared / "data" / "gtfs"
        self.work = Path(a.work).resolve()
        self.py = a.python
        self.goan = a.goan


def prepare(ctx: Ctx, name: str):
    fname, date = FEEDS[name]
    src = ctx.gtfs / fname
    if not src.exists():
        raise StepFailed(f"feed not found: {src}")
    wd = ctx.work / name
    wd.mkdir(parents=True, exist_ok=True)
    feed = make_floored_copy(src, wd / "feed")
    q = wd / f"queries-n{ctx.a.n}-s{ctx.a.seed}.csv"
    run([ctx.py, ctx.ref, "gen-queries", "--feed", feed, "--date", date, "--n", ctx.a.n,
         "--seed", ctx.a.seed, "--out", q], wd / "gen-queries.log", "nigiri_ref.py gen-queries")
    return wd, feed, date, q


def goan_cmd(ctx, feed, date, q, out):
    return [ctx.goan, "route-batch", "--feed", feed, "--date", date, "--queries", q, "--out", out,
            "--footpaths", "transfers-only", "--min-transfer-time", "0"]


def compare_feed(ctx: Ctx, name: str) -> dict:
    res = {"feed": name, "error": None}
    try:
        wd, feed, date, q = prepare(ctx, name)
        res["date"] = date
        n_out = wd / "nigiri.csv"
        g_out = wd / "goan.csv"
        log(f"  nigiri (plain profile) on {ctx.a.n} queries")
        nst = nigiri_stats(run([ctx.py, ctx.ref, "run", "--feed", feed, "--date", date, "--queries", q,
                                "--out", n_out, "--profile", "plain"], wd / "nigiri.log", "nigiri_ref.py run"))
        log(f"  goan route-batch")
        if g_out.exists():
            g_out.unlink()
        gst = goan_last_line(run(goan_cmd(ctx, feed, date, q, g_out), wd / "goan.log", "goan route-batch"))
        res["nigiri"], res["goan"] = nst, gst
        if not g_out.exists():
            raise StepFailed(f"goan wrote no {g_out}")
        res.update(compare_rows(ctx, name, wd, feed, date, read_csv(q), read_csv(n_out), read_csv(g_out)))
    except StepFailed as e:
        res["error"] = str(e)
        log(f"  ERROR: {e}")
    return res


def compare_rows(ctx, name, wd, feed, date, queries, nig, goan) -> dict:
    qkeys = [(r["from_stop_id"], r["to_stop_id"], r["departure"]) for r in queries]
    nkeys = [(r["from_stop_id"], r["to_stop_id"], r["departure"]) for r in nig]
    if nkeys != qkeys:
        raise StepFailed("nigiri.csv rows do not match queries.csv")
    # goan rows: row by row; if its order differs, match by key (each key in query order)
    gkeys = [(r.get("from_stop_id", ""), r.get("to_stop_id", ""), r.get("departure", "")) for r in goan]
    if gkeys == qkeys:
        gmatched = goan
    else:
        by = {}
        for k, r in zip(gkeys, goan):
            by.setdefault(k, []).append(r)
        gmatched = [by[k].pop(0) if by.get(k) else None for k in qkeys]
        log(f"  note: goan.csv rows are not in query order ({len(goan)} rows for {len(qkeys)} queries); "
            f"matched by (from,to,departure)")
    compared = skipped = ea_diff = k_diff = missing = unreachable = 0
    diffs = []
    for qk, n, g in zip(qkeys, nig, gmatched):
        if (n.get("direct_walk_min") or "").strip():
            skipped += 1
            continue
        compared += 1
        n_ea, n_k = hms(n["earliest_arrival"]), as_int(n["transfers"])
        if n_ea is None:
            unreachable += 1
        if g is None:
            missing += 1
            ea_diff += 1
            diffs.append(("missing", qk, n, None))
            continue
        try:
            g_ea, g_k = hms(g.get("earliest_arrival", "")), as_int(g.get("transfers", ""))
        except ValueError:
            g_ea, g_k = "bad", None
        if g_ea != n_ea:
            ea_diff += 1
            diffs.append(("earliest_arrival", qk, n, g))
        elif n_ea is not None and g_k != n_k:
            k_diff += 1
            diffs.append(("transfers", qk, n, g))
    out = {"queries": len(qkeys), "compared": compared, "skipped_direct_walk": skipped,
           "unreachable": unreachable, "ea_diff": ea_diff, "k_diff": k_diff, "missing": missing}
    log(f"  {name}: compared {compared} (skipped {skipped} direct-walk rows), "
        f"earliest_arrival differs {ea_diff}, transfers differ {k_diff}"
        + (f", {missing} rows missing in goan.csv" if missing else ""))
    if diffs and ctx.a.examples > 0:
        show_examples(ctx, wd, feed, date, diffs[: ctx.a.examples], len(diffs))
    return out


def show_examples(ctx, wd, feed, date, ex, total):
    legs = {}
    dq = wd / "diff_queries.csv"
    with open(dq, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["from_stop_id", "to_stop_id", "departure"])
        w.writerows([e[1] for e in ex])
    try:
        run([ctx.py, ctx.ref, "run", "--feed", feed, "--date", date, "--queries", dq,
             "--out", wd / "diff_nigiri_legs.csv", "--profile", "plain", "--legs"],
            wd / "diff_nigiri_legs.log", "nigiri_ref.py run --legs")
        for r in read_csv(wd / "diff_nigiri_legs.csv"):
            legs.setdefault((r["from_stop_id"], r["to_stop_id"], r["departure"]), r.get("legs", ""))
    except StepFailed as e:
        log(f"  (could not get nigiri legs: {e})")
    print(f"  first {len(ex)} of {total} differences (all: compare {wd}/nigiri.csv with {wd}/goan.csv):")
    base = {"from_stop_id", "to_stop_id", "departure", "earliest_arrival", "transfers"}
    for kind, qk, n, g in ex:
        print(f"   - [{kind}] {qk[0]} -> {qk[1]} dep {qk[2]}")
        print(f"       nigiri: arrival={n['earliest_arrival'] or '-'} transfers={n['transfers'] or '-'} "
              f"pareto={n.get('pareto') or '-'}")
        if g is None:
            print("       goan:   (no row)")
        else:
            extra = " ".join(f"{k}={v}" for k, v in g.items() if k not in base and v)
            print(f"       goan:   arrival={g.get('earliest_arrival') or '-'} "
                  f"transfers={g.get('transfers') or '-'}" + (f" {extra}" if extra else ""))
        if legs.get(qk):
            print(f"       nigiri legs: {legs[qk]}")


def timing_feed(ctx: Ctx, name: str) -> dict:
    res = {"feed": name, "error": None}
    try:
        wd, feed, date, q = prepare(ctx, name)
        res["date"] = date
        log(f"  nigiri --timing-only (plain) on {ctx.a.n} queries")
        res["nigiri"] = nigiri_stats(run([ctx.py, ctx.ref, "run", "--feed", feed, "--date", date,
                                          "--queries", q, "--timing-only", "--profile", "plain"],
                                         wd / "nigiri-timing.log", "nigiri_ref.py run --timing-only"))
        log(f"  goan route-batch")
        # Same timing method as nigiri_ref.py --timing-only: 100 warm-up queries, 3 timed passes.
        out = run(goan_cmd(ctx, feed, date, q, wd / "goan-timing.csv") + ["--warmup", "100", "--repeat", "3"],
                  wd / "goan-timing.log", "goan route-batch")
        res["goan"] = goan_last_line(out)
        for line in out.splitlines():
            if line.startswith("timetable_mib="):
                res["goan_memory"] = parse_kv(line).get("timetable_mib")
    except StepFailed as e:
        res["error"] = str(e)
        log(f"  ERROR: {e}")
    return res


# ------------------------------------------------------------------------------------------

def table(header, rows):
    w = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = lambda r: "  ".join(str(x).rjust(n) if i else str(x).ljust(n) for i, (x, n) in enumerate(zip(r, w)))
    print(fmt(header))
    print("  ".join("-" * n for n in w))
    for r in rows:
        print(fmt(r))


def f3(x):
    return "-" if x is None else f"{x:.3f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Compare goan with nigiri (answers, or --timing).",
                                epilog="Details: see the docstring at the top of this file.")
    p.add_argument("--goan", required=True, help="goan executable (e.g. .build/release/goan)")
    p.add_argument("--feeds", default="helsinki,cairns,caltrain",
                   help=f"comma-separated subset of {','.join(FEEDS)}")
    p.add_argument("--n", type=int, default=1000, help="queries per feed (default 1000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "goan-compare"),
                   help="work directory (default: $TMPDIR/goan-compare)")
    p.add_argument("--python", default=None,
                   help=f"python with pynigiri 0.1.5 (default: {DEFAULT_VENV_PY.relative_to(REPO)})")
    p.add_argument("--shared", default=None, help="shared/ directory (default: <repo>/../shared)")
    p.add_argument("--examples", type=int, default=10, help="differences to print per feed")
    p.add_argument("--timing", action="store_true", help="benchmark instead of comparing answers")
    a = p.parse_args(argv)

    if a.python is None:
        a.python = str(DEFAULT_VENV_PY) if DEFAULT_VENV_PY.exists() else sys.executable
    goan = Path(a.goan)
    if not goan.exists():
        p.error(f"goan executable not found: {a.goan}")
    a.goan = str(goan.resolve())
    feeds = [f.strip() for f in a.feeds.split(",") if f.strip()]
    bad = [f for f in feeds if f not in FEEDS]
    if bad:
        p.error(f"unknown feed(s) {bad}; known: {', '.join(FEEDS)}")
    ctx = Ctx(a)
    if not ctx.ref.exists():
        p.error(f"nigiri_ref.py not found at {ctx.ref} (use --shared)")
    ctx.work.mkdir(parents=True, exist_ok=True)
    log(f"goan={a.goan} python={a.python} work={ctx.work} n={a.n} seed={a.seed} "
        f"mode={'timing' if a.timing else 'compare'}")

    results = []
    for name in feeds:
        log(f"== {name} ({FEEDS[name][0]}, {FEEDS[name][1]})")
        results.append(timing_feed(ctx, name) if a.timing else compare_feed(ctx, name))

    print()
    if a.timing:
        rows, goal_ok = [], True
        for r in results:
            if r["error"]:
                goal_ok = False
                rows.append([r["feed"], r.get("date", "-"), "ERROR"] + ["-"] * 9)
                continue
            g, n = r["goan"], r["nigiri"]
            rm = g["median_ms"] / n["median_ms"] if n.get("median_ms") else float("nan")
            rp = g["p95_ms"] / n["p95_ms"] if n.get("p95_ms") else float("nan")
            rl = g["load_s"] / n["load_s"] if n.get("load_s") else float("nan")
            ok = rm <= 0.5 and rl <= 1.0
            goal_ok &= ok
            rows.append([r["feed"], r["date"], int(g["queries"]),
                         f"{g['median_ms']:.3f}/{n['median_ms']:.3f}", f"{rm:.2f}",
                         f"{g['p95_ms']:.3f}/{n['p95_ms']:.3f}", f"{rp:.2f}",
                         f"{g['load_s']:.3f}/{n['load_s']:.3f}", f"{rl:.2f}",
                         r.get("goan_memory", "-"), "yes" if ok else "NO"])
        print("Benchmark (goan/nigiri, both: 100 warm-up queries, 3 timed passes; nigiri plain profile)")
        table(["feed", "date", "queries", "median_ms g/n", "ratio", "p95_ms g/n", "ratio",
               "load_s g/n", "ratio", "goan MiB", "goal"], rows)
        print("goal: median ratio <= 0.50 and load ratio <= 1.00 -> "
              + ("met on all feeds" if goal_ok and rows else "NOT met everywhere"))
        return 1 if any(r["error"] for r in results) else 0

    rows = []
    for r in results:
        if r["error"]:
            rows.append([r["feed"], r.get("date", "-"), "ERROR"] + ["-"] * 7)
            continue
        rows.append([r["feed"], r["date"], r["queries"], r["compared"], r["skipped_direct_walk"],
                     r["unreachable"], r["ea_diff"], r["k_diff"],
                     f3(r["goan"].get("median_ms")), f3(r["nigiri"].get("median_ms"))])
    print("Summary (goan vs nigiri, plain profile, floored feed copies)")
    table(["feed", "date", "queries", "compared", "skipped_walk", "unreachable", "arrival_diff",
           "transfers_diff", "goan_med_ms", "nigiri_med_ms"], rows)
    errors = [r for r in results if r["error"]]
    diff = sum(r.get("ea_diff", 0) + r.get("k_diff", 0) for r in results)
    if errors:
        print(f"{len(errors)} feed(s) failed: " + ", ".join(r["feed"] for r in errors))
    print("RESULT: " + ("all answers agree" if not diff and not errors else
                        f"{diff} differences" + (", with errors" if errors else "")))
    return 1 if diff or errors else 0


if __name__ == "__main__":
    sys.exit(main())
