#!/usr/bin/env python3
"""crash_test.py - kill -9 `goan serve` under booking load and check that nothing acknowledged
is lost (python3, standard library only; run by .ci/run).

Usage:
  python3 Tools/crash_test.py [--goan .build/release/goan] [--rounds 10] [--seed 1]
        [--threads 6] [--travellers 40] [--days 15] [--work DIR] [--keep]

It builds nothing. In a temporary folder it writes a scenario (Scenarios/twente with
--travellers cloned Wmo pass holders crash-0001...; km budgets 2000, 150 and 60, so that some
run out under load), a tokens file and a database. Each round:
  1. start `goan serve --host 127.0.0.1 --port FREE --database DB --tokens FILE --scenario DIR`
     and poll GET /health;
  2. after a restart, check everything acknowledged so far (see below);
  3. plan a pool of offers, then --threads threads book them (POST /bookings, commit, a unique
     Idempotency-Key each), cancel some confirmed bookings (POST /bookings/{id}/events CANCEL)
     and plan more offers;
  4. kill -9 the server at a seeded random moment 0.3-2.0 s into the load.
After the last round the server is started once more, checked, and stopped with SIGTERM (it
must exit with status 0).

Checks after every restart (any violation: exit status 1, with the request and the answer):
  - every booking that got a 2xx is there (GET /bookings/{id}), for the same traveller, in the
    state it was acknowledged in (CONFIRMED stays CONFIRMED, PENDING stays PENDING, with the
    same kmCharged), unless we cancelled it: a CANCEL that got a 2xx stays CANCELLED, a CANCEL
    cut off by the kill leaves it either as it was or CANCELLED;
  - POST /bookings again with the Idempotency-Key of an acknowledged booking answers 200 with
    the same booking id (all of the last round's keys and a sample of older ones); a booking
    request cut off by the kill, retried with its key, is either booked now or refused (4xx);
  - for every traveller: start budget - sum(kmCharged of GET /bookings?traveller=T) ==
    kmBudgetLeft of GET /travellers/T, and kmBudgetLeft >= 0. The API shows km rounded to
    0.1, so a difference within 0.05 km per figure is only reported (a NOTE at the end),
    unless --strict-budget;
  - no 5xx and no connection error while the server is up; booking answers are 201, 200 or 409.
"""

from __future__ import annotations

import argparse
import http.client
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import goan_testkit as kit  # noqa: E402

NET_ERRORS = (OSError, http.client.HTTPException)
EPS = 1e-6


class Violation(Exception):
    pass


class Booked:
    """What we know of one acknowledged booking."""
    __slots__ = ("id", "key", "offer", "traveller", "state", "km", "cancel", "round")

    def __init__(self, id, key, offer, traveller, state, km, rnd):
        self.id = id
        self.key = key
        self.offer = offer
        self.traveller = traveller
        self.state = state
        self.km = km
        self.cancel = None  # None, "sent" (in flight), "acked", "refused"
        self.round = rnd


class Run:
    def __init__(self, args, work: Path):
        self.args = args
        self.work = work
        self.rng = random.Random(args.seed)
        self.scenario = work / "scenario"
        self.travellers = kit.make_scenario(self.scenario, args.travellers, [2000, 150, 60],
                                            prefix="crash-")
        self.by_id = {t["id"]: t for t in self.travellers}
        self.places = kit.load_places(self.scenario)
        self.days = kit.working_days(args.days, first_offset=3)
        self.tokens = kit.write_tokens(work / "tokens.txt")
        self.admin = self.tokens["admin"]
        self.server = kit.Server(args.goan, work / "bookings.sqlite", work / "tokens.txt",
                                 work / "server.log", scenario=self.scenario)
        self.lock = threading.Lock()
        self.booked: dict[int, Booked] = {}
        self.by_key: dict[str, Booked] = {}
        self.unknown: dict[str, tuple[str, str]] = {}  # key -> (offer id, traveller): cut off by a kill
        self.violations: list[str] = []
        self.killed = threading.Event()
        self.stop = threading.Event()
        self.pool: list[tuple[str, str]] = []  # (offer id, traveller)
        self.stats = Counter()
        self.inexact: dict[str, str] = {}  # traveller -> budget off by no more than rounding
        self.key_seq = 0
        self.run_tag = f"{args.seed}-{int(time.time())}"

    # -- helpers ------------------------------------------------------------------------

    def violate(self, msg: str) -> None:
        with self.lock:
            self.violations.append(msg)
        kit.log(f"VIOLATION: {msg}")

    def next_key(self, rnd: int) -> str:
        with self.lock:
            self.key_seq += 1
            return f"crash-{self.run_tag}-r{rnd}-{self.key_seq}"

    def plan(self, client: kit.Client, rng: random.Random) -> tuple[str, str] | None:
        traveller = rng.choice(self.travellers)
        body = kit.trip_body(rng, traveller, self.places, self.days)
        r = client.post("/planning/offers", body)
        self.stats["plans"] += 1
        if r.status >= 500:
            self.violate(f"POST /planning/offers {body} -> {r.brief()}")
            return None
        if r.status != 200:
            self.stats[f"plan {r.status}"] += 1
            return None
        offer = kit.choose_offer(r.json(), rng)
        if offer is None:
            self.stats["plans without an offer"] += 1
            return None
        return offer["id"], traveller["id"]

    def book(self, client: kit.Client, offer: str, traveller: str, rnd: int) -> None:
        key = self.next_key(rnd)
        with self.lock:
            self.unknown[key] = (offer, traveller)  # until an answer arrives
        r = client.post("/bookings", {"offerId": offer, "commit": True},
                        headers={"Idempotency-Key": key})
        with self.lock:
            del self.unknown[key]
        self.record_booking_answer(r, key, offer, traveller, rnd, first=True)

    def record_booking_answer(self, r: kit.Response, key: str, offer: str, traveller: str,
                              rnd: int, first: bool) -> None:
        if r.status in (200, 201):
            b = r.json()
            if first and r.status != 201:
                self.violate(f"POST /bookings (new Idempotency-Key {key}) answered {r.status}, "
                             f"not 201: {r.brief()}")
            if b.get("traveller") != traveller:
                self.violate(f"POST /bookings offer {offer} of {traveller} -> booking for "
                             f"{b.get('traveller')!r}: {r.brief()}")
            rec = Booked(int(b["id"]), key, offer, traveller, b["state"], float(b["kmCharged"]), rnd)
            with self.lock:
                if rec.id in self.booked:
                    self.violate(f"booking id {rec.id} returned for two Idempotency-Keys "
                                 f"({self.booked[rec.id].key} and {key})")
                self.booked[rec.id] = rec
                self.by_key[key] = rec
                self.stats["acked"] += 1
                self.stats[f"acked {rec.state}"] += 1
        elif r.status == 409:
            code = (r.json() or {}).get("code", "?") if r.text.startswith("{") else "?"
            self.stats[f"409 {code}"] += 1
        elif r.status >= 500 or first:
            self.violate(f"POST /bookings {{offerId: {offer}, commit: true}} key {key} -> {r.brief()}")
        else:
            self.stats[f"retry {r.status}"] += 1

    def cancel(self, client: kit.Client, rec: Booked) -> None:
        rec.cancel = "sent"
        r = client.post(f"/bookings/{rec.id}/events", {"operation": "CANCEL"})
        if r.status == 200:
            b = r.json()
            if b.get("state") != "CANCELLED":
                self.violate(f"CANCEL of booking {rec.id} -> 200 but state {b.get('state')}: {r.brief()}")
            rec.cancel = "acked"
            rec.state = b.get("state")
            rec.km = float(b.get("kmCharged", rec.km))
            self.stats["cancels acked"] += 1
        elif r.status == 409:
            rec.cancel = "refused"
            self.stats["cancels refused"] += 1
        else:
            rec.cancel = "refused"
            self.violate(f"POST /bookings/{rec.id}/events CANCEL -> {r.brief()}")

    # -- load ---------------------------------------------------------------------------

    def worker(self, tid: int, rnd: int) -> None:
        rng = random.Random(f"{self.args.seed}-{rnd}-{tid}")
        client = kit.Client(self.server.port, self.admin, timeout=30)
        retries = 0
        while not self.stop.is_set():
            try:
                x = rng.random()
                cancellable = None
                if x < 0.12:
                    with self.lock:
                        mine = [b for b in self.booked.values()
                                if b.round == rnd and b.cancel is None
                                and b.state in ("CONFIRMED", "PENDING")]
                        if mine:
                            cancellable = rng.choice(mine)
                            cancellable.cancel = "sent"
                if cancellable is not None:
                    self.cancel(client, cancellable)
                    continue
                item = None
                if x > 0.25:
                    with self.lock:
                        if self.pool:
                            item = self.pool.pop()
                if item is not None:
                    self.book(client, item[0], item[1], rnd)
                else:
                    got = self.plan(client, rng)
                    if got:
                        with self.lock:
                            self.pool.append(got)
                retries = 0
            except NET_ERRORS as e:
                if self.killed.is_set() or not self.server.alive():
                    break  # the kill: whatever was in flight stays unknown
                retries += 1
                if retries > 2:
                    self.violate(f"connection error while the server is up: {e!r}")
                    break
                time.sleep(0.05)
            except Violation:
                break
            except Exception as e:  # a malformed answer
                if self.killed.is_set():
                    break
                self.violate(f"unexpected answer: {e!r}")
                break
        client.close()

    def prefill(self, n: int) -> None:
        """Plans n offers with all threads before the load (and the kill timer) starts."""
        def fill(tid):
            rng = random.Random(f"{self.args.seed}-fill-{len(self.booked)}-{tid}")
            c = kit.Client(self.server.port, self.admin)
            for _ in range(200):
                with self.lock:
                    if len(self.pool) >= n:
                        break
                got = self.plan(c, rng)
                if got:
                    with self.lock:
                        self.pool.append(got)
            c.close()
        ts = [threading.Thread(target=fill, args=(i,)) for i in range(self.args.threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def round(self, rnd: int) -> dict:
        self.pool.clear()
        self.stop.clear()
        self.killed.clear()
        before = Counter(self.stats)
        self.prefill(self.args.pool)
        kill_at = self.rng.uniform(0.3, 2.0)
        threads = [threading.Thread(target=self.worker, args=(i, rnd), daemon=True)
                   for i in range(self.args.threads)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(max(0.0, kill_at - (time.monotonic() - t0)))
        self.killed.set()
        self.server.kill9()
        killed_after = time.monotonic() - t0
        self.stop.set()
        for t in threads:
            t.join(timeout=40)
            if t.is_alive():
                raise SystemExit("error: a load thread hangs after the kill")
        delta = Counter(self.stats)
        delta.subtract(before)
        in_flight_cancels = sum(1 for b in self.booked.values() if b.cancel == "sent")
        return {"kill_at": killed_after, "delta": delta, "in_flight": len(self.unknown),
                "in_flight_cancels": in_flight_cancels}

    # -- checks after a restart -----------------------------------------------------------

    def check(self, last_round: int) -> dict:
        c = kit.Client(self.server.port, self.admin)
        n_checked = 0
        for rec in list(self.booked.values()):
            r = c.get(f"/bookings/{rec.id}")
            n_checked += 1
            if r.status != 200:
                self.violate(f"acknowledged booking {rec.id} (key {rec.key}, round {rec.round}, "
                             f"{rec.state}) lost after kill -9: GET /bookings/{rec.id} -> {r.brief()}")
                continue
            b = r.json()
            state = b.get("state")
            if b.get("traveller") != rec.traveller:
                self.violate(f"booking {rec.id}: traveller {b.get('traveller')!r}, acknowledged "
                             f"for {rec.traveller!r}")
            if rec.cancel == "acked":
                ok = state == "CANCELLED"
                want = "CANCELLED (the CANCEL got 200)"
            elif rec.cancel == "sent":
                ok = state in (rec.state, "CANCELLED")
                want = f"{rec.state} or CANCELLED (the CANCEL was cut off by the kill)"
                if ok and state == "CANCELLED":
                    rec.cancel = "acked"
                    rec.state = "CANCELLED"
                    rec.km = float(b.get("kmCharged", 0))
                elif ok:
                    rec.cancel = "refused"  # not applied: never sent again, so it must stay
            else:
                ok = state == rec.state
                want = f"{rec.state} (as acknowledged)"
            if not ok:
                self.violate(f"booking {rec.id} (round {rec.round}) is {state} after kill -9, "
                             f"expected {want}: {r.brief()}")
            elif rec.cancel != "acked" and abs(float(b.get("kmCharged", -1)) - rec.km) > EPS:
                self.violate(f"booking {rec.id}: kmCharged {b.get('kmCharged')} after kill -9, "
                             f"acknowledged {rec.km}")
        # Idempotent retries: every key of the last round, a sample of older ones.
        recent = [b for b in self.booked.values() if b.round == last_round]
        older = [b for b in self.booked.values() if b.round != last_round]
        sample = recent + self.rng.sample(older, min(len(older), self.args.retry_sample))
        n_retried = 0
        for rec in sample:
            r = c.post("/bookings", {"offerId": rec.offer, "commit": True},
                       headers={"Idempotency-Key": rec.key})
            n_retried += 1
            if r.status != 200 or not r.text.startswith("{") or r.json().get("id") != rec.id:
                self.violate(f"retry of Idempotency-Key {rec.key} (booking {rec.id}, offer "
                             f"{rec.offer}) after kill -9 -> {r.brief()}; expected 200 with id {rec.id}")
        # Requests cut off by the kill: retried with their key, booked now or refused.
        n_unknown = len(self.unknown)
        for key, (offer, traveller) in list(self.unknown.items()):
            r = c.post("/bookings", {"offerId": offer, "commit": True},
                       headers={"Idempotency-Key": key})
            if r.status >= 500:
                self.violate(f"retry of cut-off booking key {key} -> {r.brief()}")
            elif r.status in (200, 201):
                self.record_booking_answer(r, key, offer, traveller, last_round, first=False)
                self.stats["cut-off requests booked on retry"] += 1
            else:
                self.stats[f"cut-off requests refused on retry ({r.status})"] += 1
            del self.unknown[key]
        # Budgets.
        n_budgets = 0
        for t in self.travellers:
            tid = t["id"]
            rt = c.get(f"/travellers/{tid}")
            rb = c.get(f"/bookings?traveller={tid}")
            if rt.status != 200 or rb.status != 200:
                self.violate(f"GET /travellers/{tid} -> {rt.brief(120)}; GET /bookings?traveller={tid} "
                             f"-> {rb.brief(120)}")
                continue
            left = float(rt.json()["kmBudgetLeft"])
            bookings = rb.json()["bookings"]
            charged = sum(float(b["kmCharged"]) for b in bookings)
            start = kit.start_budget(t)
            n_budgets += 1
            # The API shows km rounded to 0.1: each shown figure is off by at most 0.05.
            diff, slack = kit.budget_gap(start, bookings, left)
            if diff > 1e-6 * max(1.0, start):
                detail = ", ".join(f"{b['id']}:{b['state']}:{b['kmCharged']}" for b in bookings)
                msg = (f"km budget of {tid}: start {start} - charged {charged:.6f} = "
                       f"{start - charged:.6f}, but kmBudgetLeft is {left} (bookings {detail})")
                if diff > slack or self.args.strict_budget:
                    self.violate(msg)
                else:
                    self.inexact[tid] = msg
            if left < -EPS:
                self.violate(f"km budget of {tid} is negative: {left}")
            ids = {int(b["id"]) for b in bookings}
            for rec in self.booked.values():
                if rec.traveller == tid and rec.id not in ids:
                    self.violate(f"booking {rec.id} missing from GET /bookings?traveller={tid}")
        c.close()
        return {"checked": n_checked, "retried": n_retried, "unknown": n_unknown, "budgets": n_budgets}

    # -- the whole run ---------------------------------------------------------------------

    def start_server(self) -> float:
        self.server.start(port=kit.free_port())
        return self.server.wait_healthy(timeout=self.args.startup_timeout)

    def main(self) -> int:
        a = self.args
        kit.log(f"crash test: {a.rounds} rounds, seed {a.seed}, {a.threads} threads, "
                f"{len(self.travellers)} travellers, {len(self.days)} days "
                f"{self.days[0]}..{self.days[-1]}, work {self.work}")
        for rnd in range(1, a.rounds + 1):
            up = self.start_server()
            if rnd > 1:
                chk = self.check(rnd - 1)
                self.report(rnd - 1, prev, chk, up)
                if self.violations:
                    return self.fail()
            prev = self.round(rnd)
        up = self.start_server()
        chk = self.check(a.rounds)
        self.report(a.rounds, prev, chk, up)
        code = self.server.stop(timeout=20)
        if code != 0:
            self.violate(f"goan serve did not exit with status 0 after SIGTERM (status {code}); "
                         f"log tail:\n{self.server.log_tail(15)}")
        if self.violations:
            return self.fail()
        if self.inexact:
            example = next(iter(self.inexact.values()))
            print(f"NOTE: for {len(self.inexact)} of {len(self.travellers)} travellers the API's km figures do "
                  f"not add up exactly (start - sum(kmCharged) != kmBudgetLeft), off by no more than the "
                  f"rounding to 0.1 km of each figure (--strict-budget makes this a failure). Example: {example}")
        states = Counter(b.state for b in self.booked.values())
        s = self.stats
        codes = ", ".join(f"{k[4:]} {v}" for k, v in sorted(s.items()) if k.startswith("409 "))
        print(f"crash test passed: {a.rounds} kill -9 rounds; {len(self.booked)} bookings "
              f"acknowledged and still there ({', '.join(f'{k} {v}' for k, v in sorted(states.items()))}); "
              f"{s['cancels acked']} cancels; {s['plans']} plans; 409s: {codes or 'none'}")
        cut = ", ".join(f"{k[len('cut-off requests '):]} {v}" for k, v in sorted(s.items())
                        if k.startswith("cut-off requests "))
        if cut:
            print(f"booking requests cut off by a kill and retried with their key after the restart: {cut}")
        return 0

    def report(self, rnd: int, r: dict, chk: dict, up: float) -> None:
        d = r["delta"]
        print(f"round {rnd:2d}/{self.args.rounds}: killed at {r['kill_at']:.2f} s; "
              f"{d['acked']} bookings acknowledged (total {len(self.booked)}), {d['cancels acked']} cancels, "
              f"{d['plans']} plans, {r['in_flight']} bookings and {r['in_flight_cancels']} cancels cut off; "
              f"after restart ({up:.1f} s): {chk['checked']} bookings checked, {chk['retried']} keys "
              f"retried, {chk['budgets']} budgets -> "
              f"{'OK' if not self.violations else str(len(self.violations)) + ' VIOLATIONS'}",
              flush=True)

    def fail(self) -> int:
        self.server.stop(timeout=10)
        print(f"\ncrash test FAILED: {len(self.violations)} violation(s); work folder kept: {self.work}",
              file=sys.stderr)
        for v in self.violations[:25]:
            print(f"  - {v}", file=sys.stderr)
        print(f"server log: {self.work / 'server.log'}", file=sys.stderr)
        return 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--goan", default=".build/release/goan")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=6)
    ap.add_argument("--travellers", type=int, default=40)
    ap.add_argument("--days", type=int, default=15, help="working days to book on")
    ap.add_argument("--pool", type=int, default=40, help="offers planned before each round's load")
    ap.add_argument("--retry-sample", type=int, default=40, help="older keys retried per round")
    ap.add_argument("--strict-budget", action="store_true",
                    help="the km budget invariant must hold exactly, not only up to the API's rounding to 0.1 km")
    ap.add_argument("--startup-timeout", type=float, default=120)
    ap.add_argument("--work", help="work folder (default: a new temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    args.goan = kit.find_goan(args.goan)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="goan-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    run = Run(args, work)
    try:
        code = run.main()
    except kit.ServerError as e:
        run.server.kill9()
        print(f"crash test FAILED: {e}\nwork folder kept: {work}", file=sys.stderr)
        code = 1
    except BaseException:
        run.server.kill9()
        raise
    if code == 0 and not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
