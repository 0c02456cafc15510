#!/usr/bin/env python3
"""build_calendar.py - the days standing orders skip in Twente: public holidays and the school
holidays of region Noord (Overijssel, where Twente is), calendar years 2026 and 2027.

    python3 Tools/twente/build_calendar.py [--check] [--out Scenarios/twente/calendar.json]

The dates come from the `holidays` package (PyPI, pinned 0.109), which encodes the
Algemene termijnenwet (public holidays) and the Regeling vaststelling schoolvakanties
2025-2030 (Staatscourant 2024, 19237) with the advisory autumn and spring weeks the ministry
publishes; its sources are listed in the file. Run it with that package installed (CI makes
Tools/.venv-calendar). `--check` fails when the file would change.
"""
import argparse, json, os, sys
from datetime import timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
YEARS = (2026, 2027)
PINNED = "0.109"
NAMES = {  # the English names of the package's Dutch holidays, as goan prints them
    "Nieuwjaarsdag": "New Year's Day", "Goede vrijdag": "Good Friday", "Eerste paasdag": "Easter Sunday",
    "Tweede paasdag": "Easter Monday", "Koningsdag": "King's Day", "Bevrijdingsdag": "Liberation Day",
    "Hemelvaartsdag": "Ascension Day", "Eerste pinksterdag": "Whit Sunday", "Tweede pinksterdag": "Whit Monday",
    "Eerste kerstdag": "Christmas Day", "Tweede kerstdag": "Boxing Day",
    "Kerstvakantie": "Christmas holiday", "Voorjaarsvakantie": "Spring holiday", "Meivakantie": "May holiday",
    "Zomervakantie": "Summer holiday", "Herfstvakantie": "Autumn holiday",
}


def build():
    import holidays
    if holidays.__version__ != PINNED:
        sys.exit(f"build_calendar.py: needs holidays=={PINNED}, found {holidays.__version__}")
    public = []
    for year in YEARS:
        days = holidays.Netherlands(years=year, language="nl", categories=("public",))
        public += [{"date": d.isoformat(), "name": NAMES[n], "dutch": n} for d, n in sorted(days.items())]
    # School holidays run over the turn of the year: join the days into periods.
    school_days = {}
    for year in YEARS:
        days = holidays.Netherlands(years=year, subdiv="Noord", language="nl", categories=("school",))
        for d, names in days.items():
            for n in names.split("; "):
                school_days[d] = n
    periods = []
    for d in sorted(school_days):
        n = school_days[d]
        if periods and periods[-1]["dutch"] == n and periods[-1]["_last"] == d - timedelta(days=1):
            periods[-1]["_last"] = d
        else:
            periods.append({"dutch": n, "_first": d, "_last": d})
    school = [{"name": NAMES[p["dutch"]], "dutch": p["dutch"], "from": p["_first"].isoformat(), "through": p["_last"].isoformat()} for p in periods]
    return {
        "region": "Noord",
        "source": "holidays " + PINNED + " (PyPI): the Algemene termijnenwet and the Regeling vaststelling schoolvakanties 2025-2030 "
        "(Staatscourant 2024, 19237; https://zoek.officielebekendmakingen.nl/stcrt-2024-19237.html), region Noord, "
        "with the ministry's advisory autumn and spring weeks; written by Tools/twente/build_calendar.py",
        "from": f"{YEARS[0]}-01-01",
        "through": f"{YEARS[-1]}-12-31",
        "publicHolidays": public,
        "schoolHolidays": school,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "Scenarios", "twente", "calendar.json"))
    a = ap.parse_args()
    text = json.dumps(build(), indent=2, ensure_ascii=False) + "\n"
    if a.check:
        old = open(a.out, encoding="utf-8").read() if os.path.exists(a.out) else ""
        if old != text:
            sys.exit(f"build_calendar.py --check: {a.out} differs from what the generator writes")
        print(f"build_calendar.py --check: {a.out} is what the generator writes")
        return
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
