#!/usr/bin/env python3
"""bench_bookings.py - throughput and latency of `goan serve`: plans/s, bookings/s, p50/p99
(python3 stdlib; the load itself comes from wrk, or from Python threads with --engine python).
Run it through Tools/bench_bookings.sh, which builds the release binary first.

Usage:
  python3 Tools/bench_bookings.py [--goan .build/release/goan] [--travellers 2000] [--km 5000]
        [--days 25] [--plan-seconds 30] [--book-seconds 20] [--plan-connections 4]
        [--book-connections 16] [--wrk-threads 1] [--engine wrk|python] [--seed 1]
        [--work DIR] [--keep]

Steps:
  1. A scenario in a temporary folder: Scenarios/twente's files, travellers.json replaced by
     --travellers clones of the Wmo pass holders (ids bench-0001...), each with --km km of
     budget, so that budgets and Regiotaxi capacity (spread over --days working days from 3
     days ahead, 08:00-16:00) do not run out. A tokens file, a fresh database (SQLite, WAL,
     synchronous=FULL: every booking is fsynced) on the work folder's disk.
  2. `goan serve --scenario DIR --database DB --tokens FILE` on 127.0.0.1, a free port.
  3. Plan phase (--plan-seconds): POST /planning/offers for random travellers and trips as
     admin, --plan-connections at once: plans/s and latency. One offer per answer is kept
     (one with a Regiotaxi leg if there is one, 80 % of the time).
  4. Book phase (--book-seconds): POST /bookings {"offerId", "commit": true} with a unique
     Idempotency-Key, each offer once, --book-connections at once: bookings/s, latency, and
     the answers: 201 by booking state, 409 by problem code. Offers are shuffled so that
     bookings for one traveller and day do not come in a row.
  5. Checks: GET /health counts the bookings made; for every traveller start budget -
     sum(kmCharged) == kmBudgetLeft. Exit status 1 if a check fails (a missed goal is only
     reported). Goal: >= 500 bookings/s with p99 <= 50 ms.
All traffic is on the loopback interface; each phase ends by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import goan_testkit as kit  # noqa: E402

TOOLS = Path(__file__).resolve().parent
GOAL_RATE = 500.0
GOAL_P99_MS = 50.0


# ------------------------------------------------------------------------------------------
# load engines: both return {"requests", "seconds", "p50", "p90", "p99", "max" (ms), "errors"}
# and leave the answers in OUTDIR/<phase>-<k>.txt as "STATUS<TAB>BODY" lines.

def run_wrk(phase: str, script: Path, data_file: Path, port: int, token: str, seconds: float,
            connections: int, threads: int, outdir: Path, logf) -> dict:
    threads = max(1, min(threads, connections))
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{int(seconds)}s",
           "--timeout", "10s", "-s", str(script), f"http://{kit.HOST}:{port}",
           "--", str(data_file), str(threads), token, str(outdir)]
    logf.write(f"\n$ {' '.join(cmd).replace(token, 'TOKEN')}\n")
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 120)
    logf.write(p.stdout + p.stderr)
    logf.flush()
    if p.returncode != 0:
        raise SystemExit(f"error: wrk failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    line = next((l for l in p.stdout.splitlines() if l.startswith("WRK_RESULT ")), None)
    if line is None:
        raise SystemExit(f"error: no WRK_RESULT line in wrk's output:\n{p.stdout}\n{p.stderr}")
    r = json.loads(line[len("WRK_RESULT "):])
    errors = {k: v for k, v in r["errors"].items() if v and k != "status"}
    return {"requests": r["requests"], "seconds": r["duration_us"] / 1e6,
            "p50": r["p50_us"] / 1e3, "p90": r["p90_us"] / 1e3, "p99": r["p99_us"] / 1e3,
            "max": r["max_us"] / 1e3, "errors": errors}


def run_python(phase: str, make_request, items: list, port: int, token: str, seconds: float,
               connections: int, outdir: Path) -> dict:
    """Threads with keep-alive connections; thread k takes items k, k+C, ... (cycling)."""
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = Counter()
    deadline = time.monotonic() + seconds

    def work(k: int) -> None:
        mine = items[k::connections] or items
        c = kit.Client(port, token, timeout=10)
        with open(outdir / f"{phase}-{k}.txt", "w", encoding="utf-8") as out:
            i = 0
            while time.monotonic() < deadline:
                method, path, body, headers = make_request(mine[i % len(mine)])
                i += 1
                try:
                    r = c.request(method, path, body=body, headers=headers)
                except (OSError, kit.http.client.HTTPException) as e:
                    errors[type(e).__name__] += 1
                    continue
                latencies[k].append(r.seconds * 1e3)
                out.write(f"{r.status}\t{r.text.replace(chr(10), ' ').replace(chr(13), ' ')}\n")
        c.close()

    t0 = time.monotonic()
    ts = [threading.Thread(target=work, args=(k,)) for k in range(connections)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.monotonic() - t0
    lat = sorted(x for l in latencies for x in l)

    def pct(q: float) -> float:
        return lat[min(len(lat) - 1, int(q / 100 * len(lat)))] if lat else float("nan")

    return {"requests": len(lat), "seconds": elapsed, "p50": pct(50), "p90": pct(90),
            "p99": pct(99), "max": lat[-1] if lat else float("nan"), "errors": dict(errors)}


def read_answers(outdir: Path, phase: str):
    for f in sorted(outdir.glob(f"{phase}-*.txt")):
        with open(f, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                status, _, body = line.rstrip("\n").partition("\t")
                yield int(status), body


# ------------------------------------------------------------------------------------------

def fs_type(path: Path) -> str:
    for cmd in (["findmnt", "-no", "FSTYPE", "-T", str(path)], ["stat", "-f", "-c", "%T", str(path)]):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        except OSError:
            continue
        if out:
            return out
    return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--goan", default=".build/release/goan")
    ap.add_argument("--travellers", type=int, default=2000)
    ap.add_argument("--km", type=float, default=5000)
    ap.add_argument("--days", type=int, default=25, help="working days to spread trips over")
    ap.add_argument("--plan-seconds", type=float, default=30)
    ap.add_argument("--book-seconds", type=float, default=20)
    ap.add_argument("--plan-connections", type=int, default=4)
    ap.add_argument("--book-connections", type=int, default=16)
    ap.add_argument("--wrk-threads", type=int, default=1)
    ap.add_argument("--engine", choices=["wrk", "python"], default="wrk")
    ap.add_argument("--plan-bodies", type=int, default=60000, help="distinct planning requests")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", help="work folder (default: a new temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    goan = kit.find_goan(args.goan)
    if args.engine == "wrk" and shutil.which("wrk") is None:
        print("error: wrk is not installed. Install it with\n"
              "    apt-get update && apt-get install -y wrk\n"
              "or run with --engine python (a slower load generator: it shares the CPU with the server).",
              file=sys.stderr)
        return 2
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="goan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)

    kit.log(f"scenario: {args.travellers} travellers with {args.km:g} km each, {args.days} working days")
    scenario = work / "scenario"
    travellers = kit.make_scenario(scenario, args.travellers, [args.km], prefix="bench-")
    places = kit.load_places(scenario)
    days = kit.working_days(args.days, first_offset=3)
    tokens = kit.write_tokens(work / "tokens.txt")
    admin = tokens["admin"]
    db = work / "bench.sqlite"
    for f in work.glob("bench.sqlite*"):
        f.unlink()
    outdir = work / "answers"
    shutil.rmtree(outdir, ignore_errors=True)
    outdir.mkdir()
    server = kit.Server(goan, db, work / "tokens.txt", work / "server.log", scenario=scenario)
    logf = open(work / "load.log", "a", encoding="utf-8")
    code = 0
    try:
        server.start()
        up = server.wait_healthy(timeout=180)
        kit.log(f"goan serve up on port {server.port} after {up:.1f} s; database {db} ({fs_type(work)})")

        # Planning requests.
        bodies = [json.dumps(kit.trip_body(rng, rng.choice(travellers), places, days),
                             separators=(",", ":")) for _ in range(args.plan_bodies)]
        bodies_file = work / "plan-bodies.jsonl"
        bodies_file.write_text("\n".join(bodies) + "\n", encoding="utf-8")
        c = kit.Client(server.port, admin)
        for b in bodies[-20:]:  # warm-up (not measured)
            r = c.post("/planning/offers", json.loads(b))
            if r.status != 200:
                kit.log(f"warm-up plan: {r.brief()}")
        sample = c.post("/planning/offers", json.loads(bodies[0])).json() or {}
        valid = next((o.get("validUntil") for o in sample.get("options", []) if o.get("id")), None)
        kit.log(f"offers are valid until {valid} (planned {time.strftime('%H:%M:%S')} UTC)")

        kit.log(f"plan phase: {args.plan_seconds:g} s, {args.plan_connections} connections ({args.engine})")
        if args.engine == "wrk":
            plan = run_wrk("plan", TOOLS / "bench_bookings_plan.lua", bodies_file, server.port, admin,
                           args.plan_seconds, args.plan_connections, args.wrk_threads, outdir, logf)
        else:
            plan = run_python("plan", lambda b: ("POST", "/planning/offers", b.encode(), None), bodies,
                              server.port, admin, args.plan_seconds, args.plan_connections, outdir)
        plan_status = Counter()
        offers = []
        modes = Counter()
        for status, body in read_answers(outdir, "plan"):
            plan_status[status] += 1
            if status != 200:
                continue
            try:
                o = kit.choose_offer(json.loads(body), rng)
            except ValueError:
                plan_status["unparsable"] += 1
                continue
            if o is None:
                plan_status["200 without an offer"] += 1
                continue
            offers.append(o["id"])
            modes["+".join(sorted({l["mode"] for l in o["legs"] if l["mode"] != "walk"}))] += 1
        plan["answers"] = sum(v for k, v in plan_status.items() if isinstance(k, int))
        kit.log(f"plan phase: {plan['answers']} answers {dict(plan_status)}; {len(offers)} offers kept "
                f"({', '.join(f'{k or chr(45)} {v}' for k, v in modes.most_common())})")
        if not offers:
            raise SystemExit("error: the plan phase gave no offers; see " + str(work / "answers"))

        rng.shuffle(offers)
        tag = f"bench-{args.seed}-{int(time.time())}"
        lines = [f"{o}\t{tag}-{i}" for i, o in enumerate(offers)]
        offers_file = work / "offers.tsv"
        offers_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

        kit.log(f"book phase: {args.book_seconds:g} s, {args.book_connections} connections ({args.engine})")
        if args.engine == "wrk":
            book = run_wrk("book", TOOLS / "bench_bookings_book.lua", offers_file, server.port, admin,
                           args.book_seconds, args.book_connections, args.wrk_threads, outdir, logf)
        else:
            def make(line):
                o, k = line.split("\t")
                return ("POST", "/bookings", json.dumps({"offerId": o, "commit": True}).encode(),
                        {"Idempotency-Key": k})
            book = run_python("book", make, lines, server.port, admin, args.book_seconds,
                              args.book_connections, outdir)
        answers = Counter()
        states = Counter()
        codes = Counter()
        other = []
        for status, body in read_answers(outdir, "book"):
            answers[status] += 1
            if status == 201:
                try:
                    states[json.loads(body).get("state", "?")] += 1
                except ValueError:
                    states["unparsable"] += 1
            elif status == 409:
                try:
                    codes[json.loads(body).get("code", "?")] += 1
                except ValueError:
                    codes["unparsable"] += 1
            elif status != 200 and len(other) < 5:
                other.append(f"{status} {body[:200]}")
        book["answers"] = sum(answers.values())
        created = answers[201]
        repeats = answers[200]
        exhausted = repeats > 0

        # Checks.
        h = c.get("/health")
        health = h.json().get("bookings") if h.status == 200 else None
        bad_budgets = []
        inexact = 0
        for t in travellers:
            rt = c.get(f"/travellers/{t['id']}")
            rb = c.get(f"/bookings?traveller={t['id']}")
            if rt.status != 200 or rb.status != 200:
                bad_budgets.append(f"{t['id']}: {rt.brief(100)} / {rb.brief(100)}")
                continue
            left = float(rt.json()["kmBudgetLeft"])
            bookings = rb.json()["bookings"]
            gap, slack = kit.budget_gap(kit.start_budget(t), bookings, left)
            if gap > slack:
                charged = sum(float(b["kmCharged"]) for b in bookings)
                bad_budgets.append(f"{t['id']}: start {kit.start_budget(t)} - charged {charged:.3f} != left {left}")
            elif gap > 1e-6 * max(1.0, kit.start_budget(t)):
                inexact += 1
        c.close()
    finally:
        status = server.stop(timeout=20)
        logf.close()

    # Report.
    def row(name, r, count):
        rate = count / r["seconds"] if r["seconds"] else float("nan")
        return (f"{name:<9} {count:>9d} {r['seconds']:>8.1f} {rate:>9.1f} {r['p50']:>8.2f} "
                f"{r['p90']:>8.2f} {r['p99']:>8.2f} {r['max']:>8.1f}")

    print()
    print(f"goan serve benchmark - loopback, {os.cpu_count()} cores, load by {args.engine}, "
          f"database on {fs_type(work)} (SQLite WAL, synchronous=FULL)")
    print(f"{len(travellers)} travellers x {args.km:g} km, trips on {len(days)} working days "
          f"{days[0]}..{days[-1]}")
    print()
    print(f"{'phase':<9} {'answers':>9} {'seconds':>8} {'per s':>9} {'p50 ms':>8} {'p90 ms':>8} "
          f"{'p99 ms':>8} {'max ms':>8}")
    print(row("plan", plan, plan["answers"]) + f"   ({args.plan_connections} connections)")
    print(row("book", book, book["answers"]) + f"   ({args.book_connections} connections)")
    print()
    print(f"plan answers: {', '.join(f'{k}: {v}' for k, v in plan_status.items())}; "
          f"offers kept: {len(offers)}")
    print(f"book answers: 201 created {created} ({', '.join(f'{k} {v}' for k, v in states.most_common()) or '-'}); "
          f"409 refused {answers[409]} ({', '.join(f'{k} {v}' for k, v in codes.most_common()) or '-'}); "
          f"200 repeats {repeats}; other {book['answers'] - created - answers[409] - repeats}")
    for o in other:
        print(f"  other answer: {o}")
    print(f"the store ends with about {created / len(days):.0f} bookings per service day (each Regiotaxi "
          f"booking runs the insertion check on its day's rides, so the rate depends on this)")
    for name, r in (("plan", plan), ("book", book)):
        if r["errors"]:
            print(f"{name} transport errors: {r['errors']}")
    if exhausted:
        print(f"note: every offer was booked before the phase ended ({repeats} repeated keys answered "
              f"200); plan longer (--plan-seconds) for a clean booking rate")
    rate = book["answers"] / book["seconds"] if book["seconds"] else 0.0
    met = rate >= GOAL_RATE and book["p99"] <= GOAL_P99_MS
    print(f"goal >= {GOAL_RATE:.0f} bookings/s with p99 <= {GOAL_P99_MS:.0f} ms: "
          f"{'met' if met else 'NOT met'} ({rate:.0f}/s, p99 {book['p99']:.1f} ms)")
    print(f"checks: /health counts {health} bookings (201 answers: {created}; refused and in-flight "
          f"requests may be stored too); km budgets: "
          f"{'all ' + str(len(travellers)) + ' consistent' if not bad_budgets else str(len(bad_budgets)) + ' INCONSISTENT'}"
          f"{f' ({inexact} only up to the rounding of the km shown to 0.1)' if inexact else ''}; "
          f"server exit status after SIGTERM: {status}")
    for b in bad_budgets[:10]:
        print(f"  budget: {b}")
    if bad_budgets or health is None or health < created or status != 0:
        code = 1
    if args.keep or args.work or code:
        print(f"work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
