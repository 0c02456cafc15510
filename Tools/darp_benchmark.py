#!/usr/bin/env python3
"""darp_benchmark.py - goan's dial-a-ride solver on the Cordeau (2006) 'a' instances,
verified by an independent checker and compared with the best-known costs and OR-Tools.

Usage:
  python3 Tools/darp_benchmark.py --goan PATH_TO_GOAN
        [--instances a2-16,a3-24,...|all] [--time-limit 10] [--seed 1] [--peer]
        [--work DIR] [--python-ortools VENV_PY] [--shared DIR] [--refresh-peer]

Python 3.11, standard library only.  Data: ../shared/data/darp relative to the repository
(README.md there): cordeau2006_a/*.txt, bks-a.csv, check_darp.py (the checker),
ortools_darp.py (the peer).

Per instance NAME:
  1. GOAN dispatch --cordeau INSTANCE --time-limit T --seed S --out WORK/goan-NAME.json
     goan writes {"routes": [[node ids...], ...]} (ids as in the instance file, depots
     optional) and prints a last stdout line `cost=... time_s=...`.  The wall time of the
     whole process is measured here.  A stale WORK/goan-NAME.json is deleted first, so a run
     that writes nothing counts as missing.
  2. python3 check_darp.py INSTANCE WORK/goan-NAME.json --bks bks-a.csv --json
     Exit 0 = feasible.  Cost and gap are the checker's, not goan's; if goan's own `cost=`
     differs from the checker's by more than 0.01 a warning is printed.
  3. With --peer: VENV_PY ortools_darp.py INSTANCE --time T --out WORK/ortools-NAME.json,
     checked the same way.  Results are cached in WORK/ortools-cache.json keyed by instance
     and time limit (and invalidated when ortools_darp.py or the instance file changes);
     --refresh-peer ignores the cache.  VENV_PY defaults to Tools/.venv-ortools/bin/python
     (python3 -m venv Tools/.venv-ortools && Tools/.venv-ortools/bin/pip install ortools).

Output: a table (instance, BKS, goan cost, gap %, feasible, goan time s, OR-Tools cost,
gap %, feasible, winner), then the average goan gap over its feasible solutions, the number
of infeasible/missing solutions, and on how many instances goan beats OR-Tools (winner: the
feasible solution with the lower checked cost; a difference below 0.005 is a tie).
A Markdown copy goes to WORK/darp-table-SET-LIMITs.md (e.g. darp-table-a-10s.md).

Exit status: 0 when every goan solution exists and is feasible, 1 otherwise (OR-Tools
results never change the exit status), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIE = 0.005          # cost difference below which two solutions tie
COST_WARN = 0.01     # goan's reported cost vs the checker's


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Result:
    solver: str
    status: str = "missing"         # feasible | infeasible | missing
    cost: float | None = None
    gap: float | None = None
    wall_s: float | None = None
    reported_cost: float | None = None
    reported_time: float | None = None
    notes: list = field(default_factory=list)   # violations, errors

    @property
    def feasible(self) -> bool:
        return self.status == "feasible"


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_bks(path: Path) -> dict:
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            try:
                out[row["instance"]] = float(row["bks"])
            except (KeyError, ValueError):
                pass
    return out


def instance_key(name: str):
    m = re.fullmatch(r"[a-z]+(\d+)-(\d+)", name)
    return (int(m.group(1)), int(m.group(2))) if m else (10**9, name)


def tail(text: str, lines: int = 5) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def check_solution(checker: Path, bks_csv: Path, inst: Path, sol: Path, res: Result) -> None:
    """Run the independent checker; fill status/cost/gap/notes of res."""
    if not sol.is_file():
        res.status = "missing"
        res.notes.append(f"no solution file {sol}")
        return
    p = subprocess.run([sys.executable, str(checker), str(inst), str(sol), "--bks", str(bks_csv), "--json"],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        res.status = "missing"
        res.notes.append(f"checker exit {p.returncode}: {tail(p.stderr or p.stdout, 3)}")
        return
    try:
        data = json.loads(p.stdout)
    except json.JSONDecodeError:
        res.status = "missing"
        res.notes.append(f"checker output is not JSON: {tail(p.stdout, 3)}")
        return
    res.cost = float(data["cost"])
    res.gap = data.get("gap_pct")
    feasible = p.returncode == 0 and bool(data.get("feasible"))
    res.status = "feasible" if feasible else "infeasible"
    if not feasible:
        res.notes += list(data.get("violations") or ["checker: infeasible"])


# --------------------------------------------------------------------------
# goan
# --------------------------------------------------------------------------

LAST_LINE = re.compile(r"cost=\s*([-+0-9.eE]+|nan|inf)\b.*?time_s=\s*([-+0-9.eE]+)")


def run_goan(a, ctx, name: str, inst: Path) -> Result:
    res = Result("goan")
    out = ctx.work / f"goan-{name}.json"
    if out.exists():
        out.unlink()
    cmd = [a.goan, "dispatch", "--cordeau", str(inst), "--time-limit", f"{a.time_limit:g}",
           "--seed", str(a.seed), "--out", str(out)]
    logf = ctx.work / f"goan-{name}.log"
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout)
        res.wall_s = time.perf_counter() - t0
        rc, so, se = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        res.wall_s = time.perf_counter() - t0
        rc = None
        so = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        se = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
    except OSError as e:
        res.wall_s = time.perf_counter() - t0
        res.notes.append(f"cannot run goan: {e}")
        return res
    logf.write_text(f"$ {' '.join(cmd)}\n# exit {rc}  wall {res.wall_s:.3f}s\n--- stdout\n{so}\n--- stderr\n{se}\n")
    if rc is None:
        res.notes.append(f"goan timed out after {a.timeout:g}s (log {logf})")
    elif rc != 0:
        res.notes.append(f"goan exit {rc} (log {logf}): {tail(se or so, 3)}")
    lines = [ln for ln in so.strip().splitlines() if ln.strip()]
    if lines:
        m = LAST_LINE.search(lines[-1])
        if m:
            res.reported_cost, res.reported_time = float(m.group(1)), float(m.group(2))
        elif rc == 0:
            res.notes.append(f"last stdout line is not `cost=... time_s=...`: {lines[-1][:120]!r}")
    elif rc == 0:
        res.notes.append("goan printed nothing on stdout (expected a last line `cost=... time_s=...`)")
    if rc is None or rc != 0:
        # a crashed or killed run does not count, even if it left a file behind
        res.status = "missing"
        return res
    check_solution(ctx.checker, ctx.bks_csv, inst, out, res)
    if res.cost is not None and res.reported_cost is not None and abs(res.cost - res.reported_cost) > COST_WARN:
        res.notes.append(f"warning: goan reports cost={res.reported_cost:.4f}, checker says {res.cost:.4f}")
    return res


# --------------------------------------------------------------------------
# OR-Tools peer (cached)
# --------------------------------------------------------------------------

def load_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, json.JSONDecodeError):
        return {}


def run_peer(a, ctx, name: str, inst: Path, cache: dict) -> Result:
    key = f"{name}@t{a.time_limit:g}"
    out = ctx.work / f"ortools-{name}.json"
    stamp = {"script_sha256": ctx.peer_sha, "instance_sha256": sha256(inst)}
    hit = cache.get(key)
    if hit and not a.refresh_peer and all(hit.get(k) == v for k, v in stamp.items()):
        if hit.get("solution") is not None:
            out.write_text(json.dumps(hit["solution"], indent=1))
        elif out.exists():
            out.unlink()
        res = Result("ortools", wall_s=hit.get("wall_s"))
        res.notes += hit.get("run_notes", [])
        check_solution(ctx.checker, ctx.bks_csv, inst, out, res)
        log(f"  ortools {name}: cached ({key})")
        return res

    if out.exists():
        out.unlink()
    res = Result("ortools")
    cmd = [a.python_ortools, str(ctx.peer), str(inst), "--time", f"{a.time_limit:g}", "--out", str(out)]
    logf = ctx.work / f"ortools-{name}.log"
    t0 = time.perf_counter()
    run_notes = []
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout)
        rc, so, se = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        rc, so, se = None, "", ""
        run_notes.append(f"ortools timed out after {a.timeout:g}s")
    except OSError as e:
        rc, so, se = None, "", ""
        run_notes.append(f"cannot run {a.python_ortools}: {e}")
    res.wall_s = time.perf_counter() - t0
    logf.write_text(f"$ {' '.join(cmd)}\n# exit {rc}  wall {res.wall_s:.3f}s\n--- stdout\n{so}\n--- stderr\n{se}\n")
    # ortools_darp.py exits 1 when its own check finds the solution infeasible but still writes
    # it; anything else without a file is a failure of the run.
    if rc not in (0, 1) and rc is not None:
        run_notes.append(f"ortools exit {rc} (log {logf}): {tail(se or so, 3)}")
    elif rc == 1 and not out.exists():
        run_notes.append(f"ortools: {tail(so or se, 1)}")
    res.notes += run_notes
    check_solution(ctx.checker, ctx.bks_csv, inst, out, res)
    solution = None
    if out.exists():
        try:
            solution = json.loads(out.read_text())
        except json.JSONDecodeError:
            solution = None
    # only cache runs that actually ran to completion (not tool/setup failures)
    if rc in (0, 1):
        cache[key] = dict(stamp, wall_s=res.wall_s, solution=solution, run_notes=run_notes,
                          exit=rc, stdout=so[-2000:], when=time.strftime("%Y-%m-%d %H:%M:%S"))
    return res


# --------------------------------------------------------------------------
# table
# --------------------------------------------------------------------------

def fmt(v, spec):
    if v is None:
        return "-"
    s = format(v, spec)
    # no "-0.00": a cost a hair below the (rounded) BKS is a zero gap
    return format(0.0, spec) if float(s) == 0 else s


def feas_str(r: Result | None) -> str:
    if r is None:
        return ""
    return {"feasible": "yes", "infeasible": "NO", "missing": "MISSING"}[r.status]


def winner(g: Result, o: Result | None) -> str:
    if o is None:
        return ""
    if g.feasible and o.feasible:
        if abs(g.cost - o.cost) < TIE:
            return "tie"
        return "goan" if g.cost < o.cost else "OR-Tools"
    if g.feasible:
        return "goan"
    if o.feasible:
        return "OR-Tools"
    return "-"


def build_rows(rows, peer: bool):
    head = ["instance", "BKS", "goan cost", "gap %", "feasible", "goan time s"]
    if peer:
        head += ["OR-Tools cost", "gap %", "feasible", "winner"]
    body = []
    def cg(r: Result):
        # cost and gap of an infeasible solution are shown in parentheses: they are not comparable
        c, gp = fmt(r.cost, ".2f"), fmt(r.gap, "+.2f")
        return (c, gp) if r.feasible or r.cost is None else (f"({c})", f"({gp})")
    for name, bks, g, o in rows:
        r = [name, fmt(bks, ".2f"), *cg(g), feas_str(g), fmt(g.wall_s, ".1f")]
        if peer:
            r += [*cg(o), feas_str(o), winner(g, o)]
        body.append(r)
    return head, body


def left_columns(head) -> set:
    return {i for i, h in enumerate(head) if h in ("instance", "feasible", "winner")}


def text_table(head, body) -> str:
    w = [max(len(str(x)) for x in col) for col in zip(head, *body)]
    left = left_columns(head)
    def line(r):
        return "  ".join(str(x).ljust(w[i]) if i in left else str(x).rjust(w[i]) for i, x in enumerate(r))
    return "\n".join([line(head), "  ".join("-" * x for x in w)] + [line(r) for r in body])


def md_table(head, body) -> str:
    left = left_columns(head)
    align = ["---" if i in left else "---:" for i in range(len(head))]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(str(x) for x in r) + " |" for r in body]
    return "\n".join(out)


def summary(rows, peer: bool) -> list:
    n = len(rows)
    gs = [g for _, _, g, _ in rows]
    gf = [g for g in gs if g.feasible and g.gap is not None]
    out = []
    avg = f"{sum(g.gap for g in gf) / len(gf):+.2f}%" if gf else "n/a"
    out.append(f"goan: average gap {avg} over its {len(gf)} feasible solutions of {n}; "
               f"infeasible {sum(g.status == 'infeasible' for g in gs)}, missing {sum(g.status == 'missing' for g in gs)}")
    times = [g.wall_s for g in gs if g.wall_s is not None]
    if times:
        out.append(f"goan: wall time total {sum(times):.1f}s, max {max(times):.1f}s")
    if peer:
        os_ = [o for _, _, _, o in rows]
        of = [o for o in os_ if o.feasible and o.gap is not None]
        avg = f"{sum(o.gap for o in of) / len(of):+.2f}%" if of else "n/a"
        out.append(f"OR-Tools: average gap {avg} over its {len(of)} feasible solutions of {n}; "
                   f"infeasible {sum(o.status == 'infeasible' for o in os_)}, missing {sum(o.status == 'missing' for o in os_)}")
        both = [(g, o) for _, _, g, o in rows if g.feasible and o.feasible and g.gap is not None and o.gap is not None]
        if both:
            out.append(f"on the {len(both)} instances where both are feasible: goan average gap "
                       f"{sum(g.gap for g, _ in both) / len(both):+.2f}%, OR-Tools {sum(o.gap for _, o in both) / len(both):+.2f}%")
        ws = [winner(g, o) for _, _, g, o in rows]
        out.append(f"goan beats OR-Tools on {ws.count('goan')} of {n} instances "
                   f"(ties {ws.count('tie')}, OR-Tools better {ws.count('OR-Tools')}, neither feasible {ws.count('-')})")
    return out


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

class Ctx:
    pass


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="goan DARP benchmark on the Cordeau (2006) 'a' instances",
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--goan", required=True, help="path to the goan executable")
    p.add_argument("--set", choices=["a", "pr"], default="a",
                   help="a: Cordeau (2006) set a (default); pr: Cordeau & Laporte (2003) pr01-pr10")
    p.add_argument("--instances", default="all", help="comma-separated names (a2-16,a3-24,... or pr01,...) or 'all'")
    p.add_argument("--time-limit", type=float, default=10.0, help="seconds per instance (default 10)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--peer", action="store_true", help="also run OR-Tools (ortools_darp.py)")
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "goan-darp"),
                   help="work directory (default: $TMPDIR/goan-darp)")
    p.add_argument("--python-ortools", default=str(REPO / "Tools" / ".venv-ortools" / "bin" / "python"),
                   help="python with ortools installed (default: Tools/.venv-ortools/bin/python)")
    p.add_argument("--shared", default=str(REPO.parent / "shared"), help="shared/ directory (default: <repo>/../shared)")
    p.add_argument("--refresh-peer", action="store_true", help="rerun OR-Tools even if a cached result exists")
    p.add_argument("--timeout", type=float, default=None,
                   help="kill a solver run after this many seconds (default: 3 x time limit + 60)")
    a = p.parse_args(argv)
    if a.timeout is None:
        a.timeout = 3 * a.time_limit + 60

    ctx = Ctx()
    data = Path(a.shared) / "data" / "darp"
    inst_dir = data / ("cordeau2006_a" if a.set == "a" else "cordeau_laporte2003_pr")
    ctx.checker, ctx.bks_csv, ctx.peer = data / "check_darp.py", data / f"bks-{a.set}.csv", data / "ortools_darp.py"
    for f in (inst_dir, ctx.checker, ctx.bks_csv):
        if not f.exists():
            p.error(f"{f} not found (see --shared)")
    goan = Path(a.goan)
    if not (goan.is_file() and os.access(goan, os.X_OK)):
        p.error(f"--goan {a.goan}: not an executable file")
    a.goan = str(goan.resolve())
    available = sorted((f.stem for f in inst_dir.glob("*.txt")), key=instance_key)
    if a.instances.strip().lower() == "all":
        names = available
    else:
        names = [s.strip() for s in a.instances.split(",") if s.strip()]
        unknown = [s for s in names if s not in available]
        if unknown:
            p.error(f"unknown instance(s) {','.join(unknown)}; available: {','.join(available)}")
    if a.peer:
        if not ctx.peer.exists():
            p.error(f"{ctx.peer} not found")
        if not Path(a.python_ortools).exists():
            p.error(f"--python-ortools {a.python_ortools} not found; set it up with\n"
                    f"  python3 -m venv Tools/.venv-ortools && Tools/.venv-ortools/bin/pip install ortools")
        ctx.peer_sha = sha256(ctx.peer)
    ctx.work = Path(a.work).resolve()
    ctx.work.mkdir(parents=True, exist_ok=True)
    bks = read_bks(ctx.bks_csv)
    cache_path = ctx.work / ("ortools-cache.json" if a.set == "a" else f"ortools-cache-{a.set}.json")
    cache = load_cache(cache_path) if a.peer else {}

    log(f"goan={a.goan} instances={len(names)} time-limit={a.time_limit:g}s seed={a.seed} "
        f"peer={'yes' if a.peer else 'no'} work={ctx.work}")
    rows = []
    for name in names:
        inst = inst_dir / f"{name}.txt"
        g = run_goan(a, ctx, name, inst)
        log(f"  goan    {name}: {g.status:10s} cost {fmt(g.cost, '.2f')} gap {fmt(g.gap, '+.2f')}% "
            f"wall {fmt(g.wall_s, '.1f')}s")
        o = None
        if a.peer:
            o = run_peer(a, ctx, name, inst, cache)
            cache_path.write_text(json.dumps(cache, indent=1))
            log(f"  ortools {name}: {o.status:10s} cost {fmt(o.cost, '.2f')} gap {fmt(o.gap, '+.2f')}% "
                f"wall {fmt(o.wall_s, '.1f')}s")
        rows.append((name, bks.get(name), g, o))

    head, body = build_rows(rows, a.peer)
    summ = summary(rows, a.peer)
    notes = []
    for name, _, g, o in rows:
        for r in (g, o):
            if r is not None and r.notes:
                shown = r.notes[:3] + ([f"... {len(r.notes) - 3} more"] if len(r.notes) > 3 else [])
                notes += [f"{name} {r.solver}: {x}" for x in shown]

    print()
    title = "Cordeau (2006) 'a' instances" if a.set == "a" else "Cordeau & Laporte (2003) pr01-pr10"
    print(f"DARP benchmark, {title}: time limit {a.time_limit:g}s, seed {a.seed}"
          + (", peer OR-Tools (ortools_darp.py, cost and feasibility from check_darp.py)" if a.peer else ""))
    print(text_table(head, body))
    print("(cost and gap of an infeasible solution in parentheses; winner: lower checked cost among feasible ones)")
    print()
    for s in summ:
        print(s)
    if notes:
        print()
        print("notes:")
        for x in notes:
            print("  " + x)

    md = [f"# DARP benchmark: goan vs best-known" + (" and OR-Tools" if a.peer else ""), "",
          f"{title}, time limit {a.time_limit:g} s, seed {a.seed}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}. Costs, gaps and feasibility are from the independent "
          f"checker `check_darp.py`; gap % = 100 (cost - BKS) / BKS; goan time = wall time of the process.",
          "Cost and gap of an infeasible solution are in parentheses; winner = lower checked cost among "
          "the feasible solutions (difference < 0.005: tie).", "", md_table(head, body), ""]
    md += [f"- {s}" for s in summ]
    if notes:
        md += ["", "Notes:", ""] + [f"- {x}" for x in notes]
    table = ctx.work / f"darp-table-{a.set}-{a.time_limit:g}s.md"
    table.write_text("\n".join(md) + "\n")
    log(f"\nwrote {table}")

    bad = [name for name, _, g, _ in rows if not g.feasible]
    if bad:
        log(f"FAIL: goan solution infeasible or missing for {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
