#!/usr/bin/env python3
"""api_flow_check.py - the booking flow of `goan serve`, every answer checked against the OpenAPI
document (run by Tools/schemathesis.sh with the Schemathesis venv's python, before the fuzzing).

Random data rarely gets past validation (unknown travellers, far-away points, unknown ids), so
the fuzzer alone sees few real offers, bookings or volunteer requests. This walks the real
flow and checks each answer: the status is documented for the operation, the Content-Type is
the documented one, and the body matches the schema (Schemathesis's validate_response). It also
checks a few answers the contract fixes (201 then 200 for a repeated Idempotency-Key, 401
without a token, 403 for another traveller's booking). The bookings it makes stay in the
database, so the fuzzing that follows also meets existing ids.

  Tools/.venv-schemathesis/bin/python Tools/api_flow_check.py --base URL --spec openapi.yaml
        --admin TOKEN --coordinator TOKEN --dispatcher TOKEN --traveller TOKEN (of jansen)
Exit status 1 on any violation.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path

import requests
import schemathesis
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import goan_testkit as kit  # noqa: E402

PLACES = {
    "westerhaar": {"lat": 52.459, "lon": 6.6195, "name": "Westerhaar"},
    "zgt-almelo": {"lat": 52.3497, "lon": 6.6378, "name": "Ziekenhuis ZGT Almelo"},
    "vroomshoop": {"lat": 52.464, "lon": 6.571, "name": "Vroomshoop"},
    "gp-vroomshoop": {"lat": 52.4625, "lon": 6.574, "name": "Huisartsenpraktijk Vroomshoop"},
    "vriezenveen": {"lat": 52.413, "lon": 6.619, "name": "Vriezenveen"},
    "den-ham": {"lat": 52.466, "lon": 6.501, "name": "Den Ham"},
    "centre-vriezenveen": {"lat": 52.4092, "lon": 6.624, "name": "Centrum Vriezenveen"},
}


class Checker:
    def __init__(self, args):
        self.base = args.base.rstrip("/")
        self.spec = yaml.safe_load(Path(args.spec).read_text(encoding="utf-8"))
        self.schema = schemathesis.openapi.from_path(args.spec)
        self.tokens = {"admin": args.admin, "coordinator": args.coordinator,
                       "dispatcher": args.dispatcher, "jansen": args.traveller}
        self.session = requests.Session()
        self.violations: list[str] = []
        self.notes: list[str] = []
        self.calls = 0

    def resolve(self, obj):
        while isinstance(obj, dict) and "$ref" in obj:
            node = self.spec
            for part in obj["$ref"].lstrip("#/").split("/"):
                node = node[part]
            obj = node
        return obj

    def call(self, who: str | None, method: str, template: str, path: str, body=None,
             headers=None, expect: tuple[int, ...] | None = None, what: str = "",
             prefer: int | None = None) -> requests.Response:
        h = dict(headers or {})
        if who:
            h["Authorization"] = f"Bearer {self.tokens[who]}"
        r = self.session.request(method, self.base + path, json=body, headers=h, timeout=60)
        self.calls += 1
        label = f"{method} {path} as {who or 'nobody'}{' (' + what + ')' if what else ''}"
        op_spec = self.spec["paths"][template][method.lower()]
        responses = op_spec["responses"]
        documented = self.resolve(responses.get(str(r.status_code), responses.get("default")))
        problems = []
        if expect and r.status_code not in expect:
            problems.append(f"status {r.status_code}, expected {' or '.join(map(str, expect))}")
        if r.status_code >= 500:
            problems.append("server error")
        if documented is None:
            problems.append(f"status {r.status_code} is not documented "
                            f"(documented: {', '.join(responses)})")
        else:
            content = documented.get("content") or {}
            ctype = r.headers.get("Content-Type", "").split(";")[0].strip()
            if content and ctype not in content:
                problems.append(f"Content-Type {ctype!r}, documented {', '.join(content)}")
            try:
                self.schema[template][method.upper()].validate_response(r)
            except Exception as e:  # schemathesis' FailureGroup: the body does not match
                problems.append(f"body does not match the schema: {str(e).strip()[:600]}")
        mark = "ok " if not problems else "BAD"
        extra = ""
        if r.headers.get("Content-Type", "").startswith("application/json") and r.ok:
            try:
                state = r.json().get("state") if isinstance(r.json(), dict) else None
                extra = f" -> {state}" if state else ""
            except ValueError:
                pass
        print(f"  {mark} {r.status_code} {label}{extra}")
        if prefer is not None and not problems and r.status_code != prefer:
            note = f"{label}: answered {r.status_code}; the spec's description suggests {prefer}"
            self.notes.append(note)
            print(f"      note: the spec's description suggests {prefer}")
        for p in problems:
            msg = f"{label}: {p}; answer: {r.text[:300]}"
            self.violations.append(msg)
            print(f"      {p}")
        return r

    def offers(self, who, traveller, a, b, day, minutes, what=""):
        body = {"from": PLACES[a], "to": PLACES[b], "departureTime": kit.local_iso(day, minutes)}
        if traveller:
            body["traveller"] = traveller
        return self.call(who, "POST", "/planning/offers", "/planning/offers", body, expect=(200,), what=what)

    def run(self) -> int:
        days = kit.working_days(6, first_offset=4)
        day = days[0]
        print(f"api flow check on {self.base}, trips on {day}")
        # Public and admin endpoints.
        self.call(None, "GET", "/health", "/health", expect=(200,))
        self.call(None, "GET", "/bookings", "/bookings", expect=(401,), what="no token")
        self.call("admin", "GET", "/openapi.yaml", "/openapi.yaml", expect=(200,))
        self.call("admin", "GET", "/metrics", "/metrics", expect=(200,))
        self.call("jansen", "GET", "/metrics", "/metrics", expect=(403,))
        # Planning.
        inquiry = {"traveller": "jansen", "from": PLACES["westerhaar"], "to": PLACES["zgt-almelo"],
                   "departureTime": kit.local_iso(day, 9 * 60)}
        self.call("admin", "POST", "/planning/inquiries", "/planning/inquiries", inquiry, expect=(200,))
        self.call("admin", "POST", "/planning/inquiries", "/planning/inquiries",
                  {**inquiry, "surprise": 1}, expect=(400,), what="unknown field")
        r = self.offers("admin", "jansen", "westerhaar", "zgt-almelo", day, 9 * 60, "jansen, Regiotaxi")
        taxi = next((o for o in r.json().get("options", [])
                     if any(l["mode"] == "regiotaxi" for l in o["legs"])), None) if r.ok else None
        # Bookings: a Regiotaxi trip (CONFIRMED), a repeat of its key (200, same id).
        booking = None
        if taxi is None:
            self.violations.append("no Regiotaxi offer for jansen Westerhaar -> ZGT Almelo at 09:00")
        else:
            key = f"flow-{uuid.uuid4().hex}"
            r = self.call("admin", "POST", "/bookings", "/bookings", {"offerId": taxi["id"], "commit": True},
                          headers={"Idempotency-Key": key}, expect=(201,), what="commit")
            if r.status_code == 201:
                booking = r.json()
                r2 = self.call("admin", "POST", "/bookings", "/bookings", {"offerId": taxi["id"], "commit": True},
                               headers={"Idempotency-Key": key}, expect=(200,), what="same key")
                if r2.status_code == 200 and r2.json().get("id") != booking["id"]:
                    self.violations.append(f"repeated Idempotency-Key gave booking {r2.json().get('id')}, "
                                           f"not {booking['id']}")
        # An offer booked without commit, then COMMIT as an event.
        r = self.offers("admin", "mulder", "vriezenveen", "zgt-almelo", day, 10 * 60, "mulder")
        opt = next((o for o in r.json().get("options", []) if o.get("id")), None) if r.ok else None
        if opt:
            r = self.call("admin", "POST", "/bookings", "/bookings", {"offerId": opt["id"]},
                          headers={"Idempotency-Key": f"flow-{uuid.uuid4().hex}"}, expect=(201,), what="NEW")
            if r.status_code == 201:
                bid = r.json()["id"]
                self.call("admin", "POST", "/bookings/{id}/events", f"/bookings/{bid}/events",
                          {"operation": "COMMIT"}, expect=(200, 409), what="COMMIT")
        # AutoMaatje: de-vries (member, no pass), a few days and hours until a volunteer is free.
        pending = None
        for d in days:
            for minutes in (9 * 60 + 30, 10 * 60 + 30, 13 * 60 + 30):
                r = self.offers("admin", "de-vries", "vroomshoop", "centre-vriezenveen", d, minutes, "de-vries")
                opt = next((o for o in r.json().get("options", [])
                            if any(l["mode"] == "automaatje" for l in o["legs"])), None) if r.ok else None
                if opt:
                    r = self.call("admin", "POST", "/bookings", "/bookings", {"offerId": opt["id"], "commit": True},
                                  headers={"Idempotency-Key": f"flow-{uuid.uuid4().hex}"}, expect=(201,),
                                  what="AutoMaatje")
                    if r.status_code == 201:
                        pending = r.json()
                    break
            if pending:
                break
        if pending is None:
            print("  (no AutoMaatje offer found: volunteer requests not exercised)")
        r = self.call("coordinator", "GET", "/volunteer-requests", "/volunteer-requests", expect=(200,))
        requests_ = r.json().get("requests", []) if r.ok else []
        if requests_:
            q = requests_[0]
            self.call("coordinator", "POST", "/volunteer-requests/{legId}/answer",
                      f"/volunteer-requests/{q['legId']}/answer", {"volunteer": q["volunteer"], "accept": True},
                      expect=(200,), what="accept")
            self.call("coordinator", "POST", "/volunteer-requests/{legId}/answer",
                      f"/volunteer-requests/{q['legId']}/answer", {"volunteer": q["volunteer"], "accept": True},
                      expect=(200, 409), what="answer again")
        elif pending is not None:
            self.violations.append(f"booking {pending['id']} is {pending.get('state')} with an AutoMaatje leg, "
                                   f"but GET /volunteer-requests lists nothing")
        # A traveller with no budget left: refused with 409 (or a REJECTED booking).
        r = self.offers("admin", "bakker", "vriezenveen", "zgt-almelo", day, 11 * 60, "bakker, 0 km")
        opt = next((o for o in r.json().get("options", []) if o.get("id")), None) if r.ok else None
        if opt:
            self.call("admin", "POST", "/bookings", "/bookings", {"offerId": opt["id"], "commit": True},
                      headers={"Idempotency-Key": f"flow-{uuid.uuid4().hex}"}, expect=(201, 409), what="bakker")
        # Reading.
        self.call("admin", "GET", "/bookings", "/bookings", expect=(200,))
        self.call("admin", "GET", "/bookings", f"/bookings?traveller=jansen&date={day}", expect=(200,))
        self.call("admin", "GET", "/bookings", "/bookings?date=tomorrow", expect=(400,), what="bad date")
        self.call("admin", "GET", "/travellers/{id}", "/travellers/jansen", expect=(200,))
        self.call("admin", "GET", "/travellers/{id}", "/travellers/nobody", expect=(404,))
        self.call("dispatcher", "GET", "/dispatch/{date}", f"/dispatch/{day}", expect=(200,))
        self.call("admin", "GET", "/bookings/{id}", "/bookings/999999", expect=(404,))
        # The traveller's own view.
        self.call("jansen", "GET", "/travellers/{id}", "/travellers/jansen", expect=(200,))
        self.call("jansen", "GET", "/travellers/{id}", "/travellers/mulder", expect=(403, 404), prefer=403)
        self.call("jansen", "GET", "/bookings", "/bookings", expect=(200,))
        r = self.call("jansen", "POST", "/planning/offers", "/planning/offers",
                      {"from": PLACES["westerhaar"], "to": PLACES["zgt-almelo"],
                       "departureTime": kit.local_iso(day, 14 * 60)}, expect=(200,), what="own trip")
        self.call("jansen", "POST", "/planning/offers", "/planning/offers",
                  {"traveller": "mulder", "from": PLACES["westerhaar"], "to": PLACES["zgt-almelo"],
                   "departureTime": kit.local_iso(day, 14 * 60)}, expect=(403,), what="another's trip")
        if booking:
            self.call("jansen", "GET", "/bookings/{id}", f"/bookings/{booking['id']}", expect=(200,))
            if pending:
                self.call("jansen", "GET", "/bookings/{id}", f"/bookings/{pending['id']}", expect=(403, 404),
                          what="another's booking", prefer=403)
            # Cancel (free: days ahead), then again.
            r = self.call("jansen", "POST", "/bookings/{id}/events", f"/bookings/{booking['id']}/events",
                          {"operation": "CANCEL", "reason": "flow check"}, expect=(200,), what="CANCEL")
            if r.status_code == 200 and (r.json().get("state") != "CANCELLED" or r.json().get("kmCharged") != 0):
                self.violations.append(f"free CANCEL answered state {r.json().get('state')} kmCharged "
                                       f"{r.json().get('kmCharged')}; expected CANCELLED with 0 km")
            self.call("jansen", "POST", "/bookings/{id}/events", f"/bookings/{booking['id']}/events",
                      {"operation": "CANCEL"}, expect=(200, 409), what="CANCEL again")
            self.call("admin", "POST", "/bookings/{id}/events", f"/bookings/{booking['id']}/events",
                      {"operation": "FLY"}, expect=(400,), what="unknown operation")
        print(f"api flow check: {self.calls} calls, {len(self.violations)} violation(s), {len(self.notes)} note(s)")
        for n in self.notes:
            print(f"  note: {n}")
        for v in self.violations:
            print(f"  - {v}")
        return 1 if self.violations else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--spec", required=True)
    for role in ("admin", "coordinator", "dispatcher", "traveller"):
        ap.add_argument(f"--{role}", required=True)
    return Checker(ap.parse_args()).run()


if __name__ == "__main__":
    sys.exit(main())
