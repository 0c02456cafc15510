"""goan_testkit.py - shared helpers for the tools that drive `goan serve` (stdlib only).

Used by Tools/crash_test.py and Tools/bench_bookings.py:
  - make_scenario(): a scenario folder with many cloned travellers (all files of
    Scenarios/twente copied, travellers.json replaced, same JSON format);
  - write_tokens(): a tokens file (`ROLE TOKEN [TRAVELLER_ID]` a line) for every role;
  - Server: start `goan serve` on 127.0.0.1 and a free port, wait for GET /health,
    kill -9 it, or stop it with SIGTERM;
  - Client: a keep-alive HTTP/1.1 JSON client (one per thread);
  - trip bodies for POST /planning/offers on working days a few days ahead, 08:00-16:00
    Europe/Amsterdam, between the travellers' homes and the scenario's places.

Every address is on the loopback interface; nothing here talks to another host.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIO = REPO / "Scenarios" / "twente"
HOST = "127.0.0.1"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ------------------------------------------------------------------------------------------
# scenario and tokens

def make_scenario(dst: Path, n: int, km_budgets: list[float], prefix: str = "bench-",
                  src: Path = DEFAULT_SCENARIO, pass_holders_only: bool = True) -> list[dict]:
    """Copies every file of `src` into `dst` and writes a travellers.json with `n` clones of the
    source profiles (ids PREFIX0001...; the i-th clone gets km_budgets[i % len]). With
    pass_holders_only, only profiles with a Wmo pass are cloned (they can book Regiotaxi).
    Returns the list of travellers written."""
    dst.mkdir(parents=True, exist_ok=True)
    for f in src.iterdir():
        if f.is_file() and f.name != "travellers.json":
            shutil.copy2(f, dst / f.name)
    profiles = json.loads((src / "travellers.json").read_text(encoding="utf-8"))["travellers"]
    if pass_holders_only:
        profiles = [p for p in profiles if p.get("wmoPass")]
    width = max(4, len(str(n)))
    out = []
    for i in range(n):
        p = json.loads(json.dumps(profiles[i % len(profiles)]))
        number = str(i + 1).zfill(width)
        p["id"] = f"{prefix}{number}"
        p["name"] = f"{p['name']} ({prefix}{number})"
        if p.get("wmoPass"):
            p["wmoPass"]["kmBudgetLeft"] = km_budgets[i % len(km_budgets)]
            p["wmoPass"]["number"] = f"WMO-{prefix.upper()}{number}"
        out.append(p)
    text = json.dumps({"travellers": out}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (dst / "travellers.json").write_text(text, encoding="utf-8")
    return out


def start_budget(traveller: dict) -> float:
    wmo = traveller.get("wmoPass")
    return float(wmo["kmBudgetLeft"]) if wmo else 0.0


def budget_gap(start: float, bookings: list[dict], left: float) -> tuple[float, float]:
    """The km budget invariant: start - sum(kmCharged) == kmBudgetLeft. Returns (the gap, the
    slack the API's rounding to 0.1 km allows: 0.05 per figure shown)."""
    charged = sum(float(b["kmCharged"]) for b in bookings)
    slack = 0.05 * (1 + sum(1 for b in bookings if float(b["kmCharged"]) > 0)) + 1e-9
    return abs(start - charged - left), slack


def load_places(scenario: Path) -> list[dict]:
    return json.loads((scenario / "places.json").read_text(encoding="utf-8"))["places"]


def write_tokens(path: Path, travellers: list[str] = ()) -> dict:
    """Writes a tokens file with one token per role (and one traveller token per id given).
    Returns {"admin": tok, "coordinator": tok, "dispatcher": tok, "traveller:<id>": tok}."""
    tokens = {}
    lines = []
    for role in ("admin", "coordinator", "dispatcher"):
        tok = f"{role}-{secrets.token_hex(16)}"
        tokens[role] = tok
        lines.append(f"{role} {tok}")
    for t in travellers:
        tok = f"traveller-{secrets.token_hex(16)}"
        tokens[f"traveller:{t}"] = tok
        lines.append(f"traveller {tok} {t}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return tokens


# ------------------------------------------------------------------------------------------
# times

try:
    from zoneinfo import ZoneInfo
    AMSTERDAM = ZoneInfo("Europe/Amsterdam")
except Exception:  # no tz database: central European time with EU summer time rules
    AMSTERDAM = None

# Dutch public holidays 2026-2027 (they run like a Sunday; AutoMaatje counts working days).
HOLIDAYS = {
    "2026-01-01", "2026-04-03", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-05",
    "2026-05-14", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26",
    "2027-01-01", "2027-03-26", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-05",
    "2027-05-06", "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26",
}


def _last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def amsterdam_offset(day: dt.date, hour: int) -> dt.timedelta:
    if AMSTERDAM is not None:
        return dt.datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM).utcoffset()
    summer = _last_sunday(day.year, 3) < day < _last_sunday(day.year, 10)
    return dt.timedelta(hours=2 if summer else 1)


def today_amsterdam() -> dt.date:
    now = dt.datetime.now(dt.timezone.utc)
    if AMSTERDAM is not None:
        return now.astimezone(AMSTERDAM).date()
    return (now + amsterdam_offset(now.date(), 12)).date()


def working_days(count: int, first_offset: int = 3) -> list[dt.date]:
    """`count` working days (Mon-Fri, no public holiday), the first at least `first_offset`
    days after today (Europe/Amsterdam)."""
    d = today_amsterdam() + dt.timedelta(days=first_offset)
    out = []
    while len(out) < count:
        if d.weekday() < 5 and d.isoformat() not in HOLIDAYS:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def local_iso(day: dt.date, minutes: int) -> str:
    """ISO 8601 with the Europe/Amsterdam offset, e.g. 2026-11-30T09:00:00+01:00."""
    h, m = divmod(minutes, 60)
    off = amsterdam_offset(day, h)
    total = int(off.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    oh, om = divmod(abs(total), 60)
    return f"{day.isoformat()}T{h:02d}:{m:02d}:00{sign}{oh:02d}:{om:02d}"


def point(p: dict) -> dict:
    out = {"lat": p["lat"], "lon": p["lon"]}
    if p.get("name"):
        out["name"] = p["name"]
    return out


def trip_body(rng: random.Random, traveller: dict, places: list[dict], days: list[dt.date],
              earliest: int = 8 * 60, latest: int = 16 * 60) -> dict:
    """A POST /planning/offers body: home to a place (or back), a random working day and a
    departure time on a 5-minute grid between `earliest` and `latest` (minutes)."""
    place = rng.choice(places)
    home = traveller["home"]
    a, b = (home, place) if rng.random() < 0.6 else (place, home)
    day = rng.choice(days)
    minutes = rng.randrange(earliest, latest + 1, 5)
    return {"traveller": traveller["id"], "from": point(a), "to": point(b),
            "departureTime": local_iso(day, minutes)}


def choose_offer(planning: dict, rng: random.Random, prefer_regiotaxi: float = 0.8) -> dict | None:
    """An option with an offer id: one with a Regiotaxi leg with probability prefer_regiotaxi
    (if there is one), else any option with an id."""
    options = [o for o in planning.get("options", []) if o.get("id")]
    if not options:
        return None
    taxi = [o for o in options if any(l.get("mode") == "regiotaxi" for l in o.get("legs", []))]
    if taxi and rng.random() < prefer_regiotaxi:
        return rng.choice(taxi)
    return rng.choice(options)


# ------------------------------------------------------------------------------------------
# HTTP

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Response:
    __slots__ = ("status", "headers", "text", "seconds")

    def __init__(self, status: int, headers: dict, text: str, seconds: float):
        self.status = status
        self.headers = headers
        self.text = text
        self.seconds = seconds

    def json(self):
        return json.loads(self.text) if self.text else None

    def brief(self, limit: int = 300) -> str:
        t = self.text if len(self.text) <= limit else self.text[:limit] + "..."
        return f"HTTP {self.status} {t}"


class Client:
    """A keep-alive JSON client for one thread. Connection errors propagate (OSError or
    http.client.HTTPException) after the connection is dropped, so the next call reconnects."""

    def __init__(self, port: int, token: str | None = None, timeout: float = 30.0):
        self.port = port
        self.token = token
        self.timeout = timeout
        self.conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
        self.conn = None

    def request(self, method: str, path: str, body=None, headers: dict | None = None,
                token: str | None = None) -> Response:
        h = {"Accept": "application/json"}
        tok = token if token is not None else self.token
        if tok:
            h["Authorization"] = f"Bearer {tok}"
        data = None
        if body is not None:
            data = body if isinstance(body, (bytes, str)) else json.dumps(body)
            if isinstance(data, str):
                data = data.encode("utf-8")
            h["Content-Type"] = "application/json"
        if headers:
            h.update(headers)
        reused = self.conn is not None
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        t0 = time.perf_counter()
        try:
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
            text = r.read().decode("utf-8", "replace")
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.close()
            # The server closes keep-alive connections left idle (goan serve --idle-timeout):
            # a GET on such a connection is sent again on a new one, as HTTP clients do.
            if reused and method == "GET":
                return self.request(method, path, body=body, headers=headers, token=token)
            raise
        except BaseException:
            self.close()
            raise
        seconds = time.perf_counter() - t0
        if r.getheader("Connection", "").lower() == "close":
            self.close()
        return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, text, seconds)

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, body, **kw) -> Response:
        return self.request("POST", path, body=body, **kw)


# ------------------------------------------------------------------------------------------
# the server process

class ServerError(RuntimeError):
    pass


class Server:
    """`goan serve` on 127.0.0.1; output appended to `log_path`."""

    def __init__(self, goan: Path, database: Path, tokens_file: Path, log_path: Path,
                 scenario: Path | None = None, feed: Path | None = None, port: int | None = None,
                 env: dict | None = None):
        self.goan = Path(goan)
        self.database = database
        self.tokens_file = tokens_file
        self.log_path = log_path
        self.scenario = scenario
        self.feed = feed
        self.port = port
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0

    def command(self) -> list[str]:
        cmd = [str(self.goan), "serve", "--host", HOST, "--port", str(self.port),
               "--database", str(self.database), "--tokens", str(self.tokens_file)]
        if self.feed:
            cmd += ["--feed", str(self.feed)]
        if self.scenario:
            cmd += ["--scenario", str(self.scenario)]
        return cmd

    def start(self, port: int | None = None) -> None:
        if port is not None:
            self.port = port
        if self.port is None:
            self.port = free_port()
        logf = open(self.log_path, "ab")
        logf.write(f"\n==== {time.strftime('%H:%M:%S')} {' '.join(self.command())}\n".encode())
        logf.flush()
        env = dict(os.environ)
        env.pop("GOAN_TOKENS", None)
        if self.env:
            env.update(self.env)
        self.proc = subprocess.Popen(self.command(), stdout=logf, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, cwd=str(REPO), env=env)
        logf.close()
        self.started_at = time.monotonic()

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def wait_healthy(self, timeout: float = 120.0) -> float:
        """Polls GET /health until 200; returns the seconds since start."""
        deadline = time.monotonic() + timeout
        c = Client(self.port, timeout=2.0)
        last = "no answer"
        while time.monotonic() < deadline:
            if not self.alive():
                raise ServerError(f"goan serve exited with status {self.proc.returncode} before "
                                  f"/health answered; log tail:\n{self.log_tail()}")
            try:
                r = c.get("/health")
                if r.status == 200:
                    c.close()
                    return time.monotonic() - self.started_at
                last = r.brief()
            except (OSError, http.client.HTTPException) as e:
                last = repr(e)
            time.sleep(0.05)
        raise ServerError(f"/health did not answer 200 within {timeout:.0f} s (last: {last}); "
                          f"log tail:\n{self.log_tail()}")

    def kill9(self) -> None:
        if self.alive():
            os.kill(self.proc.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()

    def stop(self, timeout: float = 20.0) -> int | None:
        """SIGTERM and wait; SIGKILL after `timeout`. Returns the exit status (None if killed)."""
        if self.proc is None:
            return None
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode


def find_goan(path: str) -> Path:
    p = Path(path)
    if not p.is_absolute():
        p = (Path.cwd() / p) if (Path.cwd() / p).exists() else REPO / p
    if not p.exists():
        raise SystemExit(f"error: no goan binary at {p} (build it: swift build -c release --product goan)")
    return p.resolve()
