#!/usr/bin/env python3
"""build_feed.py - generate the modelled GTFS feed of Twenterand and its links (Timetables/twente/).

Usage:
  python3 Tools/twente/build_feed.py [--out DIR] [--check] [--stats]

  --out DIR   where to write the feed (default: Timetables/twente next to this script's repo root)
  --check     after writing, re-read the feed and check its invariants (exit 1 on a failure)
  --stats     print per-line trip counts and the straight-line speed range of every line

Python 3.11, standard library only, no randomness: the output is byte-identical on every run
(rows sorted, "\\n" line ends, UTF-8 without BOM, csv-module quoting).

What is real and what is modelled is spelled out in Timetables/twente/README.md. In short:
real are the routes (route_id, agency_id, names, type, colours copied verbatim from the Dutch
national routes.txt of December 2025, ../shared/data/nl/routes-nl-2025-12.txt), the places and
the public holidays; modelled are the stop positions (approximate, within a few hundred metres),
stop ids, timetables, running times, headways, wheelchair flags and transfers.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import os
import sys

GENERATOR_VERSION = "1.0.0"
FEED_START = dt.date(2026, 1, 1)
FEED_END = dt.date(2027, 12, 31)
TZ = "Europe/Amsterdam"

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "Timetables", "twente")
ROUTES_SOURCE = os.path.join(os.path.dirname(REPO), "shared", "data", "nl", "routes-nl-2025-12.txt")

# ------------------------------------------------------------------------------------------------
# Agencies and routes (real)
# ------------------------------------------------------------------------------------------------

# agency_id values as used by the national feed; names and URLs are the public brand names.
AGENCIES = [
    # agency_id, agency_name, agency_url, agency_lang, agency_phone
    ("IFF:BN", "Blauwnet", "https://www.blauwnet.nl", "nl", ""),
    ("RRREIS", "RRReis", "https://www.rrreis.nl", "nl", ""),
]

ROUTES_HEADER = ["route_id", "agency_id", "route_short_name", "route_long_name", "route_desc",
                 "route_type", "route_color", "route_text_color", "route_url"]
# Copied verbatim from routes-nl-2025-12.txt (the national routes.txt, December 2025).
# RRREIS lines exist twice there (1402xx and 1414xx ids); the 1414xx set is used because
# it is the one that also contains the buurtbus 594.  RS21 exists under IFF:BN (85018) and under
# IFF:BLAUWNET_A (139854); IFF:BN is used, as in ../shared/data/README.md.
ROUTES = [
    ["85018", "IFF:BN", "Stoptrein RS21", "Almelo <-> Hardenberg ST31000", "", "2", "", "", ""],
    ["85016", "IFF:BN", "Sprinter RS23", "Zwolle <-> Enschede SPR7900", "", "2", "", "", ""],
    ["141449", "RRREIS", "26", "Almelo Station - Ziekenhuis", "", "3", "ff00ff", "000000", ""],
    ["141450", "RRREIS", "51", "Hengelo - Almelo", "", "3", "8080c0", "000000", ""],
    ["141459", "RRREIS", "80", "Hardenberg - Westerhaar", "", "3", "0080c0", "000000", ""],
    ["141460", "RRREIS", "81", "Ommen - Almelo", "", "3", "ff0080", "000000", ""],
    ["141461", "RRREIS", "83", "Vriezenveen - Almelo", "", "3", "80ffff", "000000", ""],
    ["141488", "RRREIS", "594", "Daarlerveen/Den Ham - Nijverdal", "", "3", "", "", ""],
]

# ------------------------------------------------------------------------------------------------
# Stops (approximate positions of real places; ids modelled in the national style)
# ------------------------------------------------------------------------------------------------
# Quay ids: TTSSQQ = town code TT, stop SS within the town, quay QQ (01-09 train platforms,
# 11-19 bus platforms at a station, 01 for an ordinary bus stop).  Parents: "stoparea:TTSS".

# parent stations: id, name, lat, lon
STATIONS = [
    ("stoparea:1001", "Almelo, Station", 52.35770, 6.65330),
    ("stoparea:1101", "Vriezenveen, Station", 52.40890, 6.61570),
    ("stoparea:1301", "Vroomshoop, Station", 52.46000, 6.56650),
    ("stoparea:1501", "Daarlerveen, Station", 52.44130, 6.57070),
    ("stoparea:1801", "Nijverdal, Station", 52.36270, 6.46670),
    ("stoparea:1901", "Wierden, Station", 52.35900, 6.59300),
    ("stoparea:2001", "Borne, Station", 52.29930, 6.74880),
    ("stoparea:2101", "Hengelo, Station", 52.26180, 6.79390),
    ("stoparea:2201", "Mariënberg, Station", 52.50950, 6.57710),
    ("stoparea:2301", "Hardenberg, Station", 52.57470, 6.61850),
    ("stoparea:2701", "Ommen, Station", 52.51060, 6.42120),
]

# stops and quays: id, name, lat, lon, parent, platform_code, wheelchair_boarding
QUAYS = [
    # Almelo: train platforms 1-3, bus platforms A-C
    ("100101", "Almelo, Station", 52.35762, 6.65298, "stoparea:1001", "1", 1),
    ("100102", "Almelo, Station", 52.35748, 6.65335, "stoparea:1001", "2", 1),
    ("100103", "Almelo, Station", 52.35741, 6.65362, "stoparea:1001", "3", 1),
    ("100111", "Almelo, Station", 52.35812, 6.65384, "stoparea:1001", "A", 1),
    ("100112", "Almelo, Station", 52.35818, 6.65418, "stoparea:1001", "B", 1),
    ("100113", "Almelo, Station", 52.35824, 6.65452, "stoparea:1001", "C", 1),
    ("100201", "Almelo, Centrumplein", 52.35630, 6.66180, "", "", 1),
    ("100301", "Almelo, Wierdensestraat", 52.35450, 6.64550, "", "", 1),
    ("100401", "Almelo, Ziekenhuis ZGT", 52.34950, 6.63820, "", "", 1),
    ("100501", "Almelo, Het Meulenbelt", 52.37750, 6.64650, "", "", 1),
    ("100601", "Almelo, Bornsestraat", 52.34400, 6.67000, "", "", 1),
    # Vriezenveen
    ("110101", "Vriezenveen, Station", 52.40885, 6.61555, "stoparea:1101", "1", 1),
    ("110111", "Vriezenveen, Station", 52.40905, 6.61600, "stoparea:1101", "", 1),
    ("110201", "Vriezenveen, 't Midden", 52.40950, 6.62550, "", "", 1),
    ("110301", "Vriezenveen, Platanenplein", 52.40550, 6.62850, "", "", 1),
    ("110401", "Vriezenveen, Zuideinde", 52.40100, 6.63000, "", "", 1),
    ("110501", "Vriezenveen, Westerveenweg", 52.42300, 6.62400, "", "", 2),
    # Westerhaar-Vriezenveensewijk
    ("120101", "Westerhaar, Centrum", 52.45770, 6.62180, "", "", 1),
    ("120201", "Westerhaar, Dalweg", 52.44800, 6.62300, "", "", 2),
    # Vroomshoop: island platform (tracks 1 and 2) and the bus stop
    ("130101", "Vroomshoop, Station", 52.45995, 6.56635, "stoparea:1301", "1", 1),
    ("130102", "Vroomshoop, Station", 52.46005, 6.56660, "stoparea:1301", "2", 1),
    ("130111", "Vroomshoop, Station", 52.46010, 6.56720, "stoparea:1301", "", 1),
    ("130201", "Vroomshoop, Centrum", 52.46150, 6.57650, "", "", 1),
    # Den Ham
    ("140101", "Den Ham, Centrum", 52.46360, 6.49600, "", "", 1),
    # Daarlerveen
    ("150101", "Daarlerveen, Station", 52.44125, 6.57055, "stoparea:1501", "1", 1),
    ("150111", "Daarlerveen, Station", 52.44145, 6.57110, "stoparea:1501", "", 2),
    ("150201", "Daarlerveen, Centrum", 52.44250, 6.57900, "", "", 2),
    # Daarle and Hellendoorn (buurtbus 594)
    ("160101", "Daarle, Centrum", 52.43300, 6.53300, "", "", 2),
    ("170101", "Hellendoorn, Marle", 52.40850, 6.48700, "", "", 2),
    ("170201", "Hellendoorn, Centrum", 52.38850, 6.44950, "", "", 1),
    ("170301", "Hellendoorn, Hulsen", 52.37550, 6.45800, "", "", 2),
    # Nijverdal
    ("180101", "Nijverdal, Station", 52.36265, 6.46650, "stoparea:1801", "1", 1),
    ("180102", "Nijverdal, Station", 52.36275, 6.46690, "stoparea:1801", "2", 1),
    ("180111", "Nijverdal, Station", 52.36300, 6.46720, "stoparea:1801", "", 1),
    # Wierden
    ("190101", "Wierden, Station", 52.35895, 6.59285, "stoparea:1901", "1", 1),
    ("190102", "Wierden, Station", 52.35905, 6.59315, "stoparea:1901", "2", 1),
    # Borne
    ("200101", "Borne, Station", 52.29925, 6.74865, "stoparea:2001", "1", 1),
    ("200102", "Borne, Station", 52.29935, 6.74895, "stoparea:2001", "2", 1),
    ("200201", "Borne, Centrum", 52.30150, 6.75350, "", "", 1),
    # Hengelo
    ("210101", "Hengelo, Station", 52.26175, 6.79370, "stoparea:2101", "1", 1),
    ("210102", "Hengelo, Station", 52.26185, 6.79410, "stoparea:2101", "2", 1),
    ("210111", "Hengelo, Station", 52.26215, 6.79440, "stoparea:2101", "", 1),
    ("210201", "Hengelo, Ziekenhuis ZGT", 52.27400, 6.78150, "", "", 1),
    # Mariënberg (junction with the Zwolle - Emmen line; only RS21 is in this feed)
    ("220101", "Mariënberg, Station", 52.50945, 6.57695, "stoparea:2201", "1", 1),
    ("220102", "Mariënberg, Station", 52.50955, 6.57725, "stoparea:2201", "2", 1),
    # Hardenberg
    ("230101", "Hardenberg, Station", 52.57465, 6.61830, "stoparea:2301", "1", 1),
    ("230102", "Hardenberg, Station", 52.57475, 6.61865, "stoparea:2301", "2", 1),
    ("230111", "Hardenberg, Station", 52.57440, 6.61900, "stoparea:2301", "A", 1),
    # villages on line 80
    ("240101", "Bergentheim, Kanaalbrug", 52.52900, 6.61000, "", "", 1),
    ("250101", "Kloosterhaar, Dorpsstraat", 52.50100, 6.64000, "", "", 2),
    ("260101", "Sibculo, Kloosterstraat", 52.48200, 6.63700, "", "", 2),
    # Ommen (only the bus stop at the station is served in this feed)
    ("270111", "Ommen, Station", 52.51040, 6.42170, "stoparea:2701", "", 1),
    ("270201", "Ommen, Eerde", 52.49050, 6.44400, "", "", 2),
]

# ------------------------------------------------------------------------------------------------
# Lines: stop patterns with running times (minutes) and timetables (modelled)
# ------------------------------------------------------------------------------------------------
# A pattern is a list of (stop_id, run_minutes_from_previous_stop, dwell_minutes).  The reverse
# direction runs the same stops backwards with the same segment times (and the same dwell at
# the same stop); PLATFORM_SWAP gives the other-track platform at crossing stations.

RS21 = [("100101", 0, 0), ("110101", 7, 0), ("150101", 5, 0), ("130101", 4, 1),
        ("220101", 6, 2), ("230101", 12, 0)]                               # 37 min
RS21_REVERSE_SWAP = {"130101": "130102", "220101": "220102"}
RS23 = [("180101", 0, 0), ("190101", 8, 0), ("100102", 5, 1), ("200101", 7, 0),
        ("210101", 5, 0)]                                                   # 26 min
RS23_REVERSE_SWAP = {"180101": "180102", "190101": "190102", "100102": "100103",
                     "200101": "200102", "210101": "210102"}
L26 = [("100113", 0, 0), ("100301", 3, 0), ("100401", 4, 0)]                # 7 min
L51 = [("210111", 0, 0), ("210201", 5, 0), ("200201", 8, 0), ("100601", 10, 0),
       ("100201", 4, 0), ("100112", 3, 0)]                                  # 30 min
L80 = [("230111", 0, 0), ("240101", 9, 0), ("250101", 7, 0), ("260101", 4, 0),
       ("120101", 6, 0)]                                                    # 26 min
L81 = [("270111", 0, 0), ("270201", 6, 0), ("140101", 8, 0), ("130111", 9, 0),
       ("130201", 2, 0), ("120101", 8, 0), ("120201", 2, 0), ("110501", 4, 0),
       ("110201", 3, 0), ("110401", 3, 0), ("100501", 5, 0), ("100201", 5, 0),
       ("100111", 3, 0)]                                                    # 58 min
L83 = [("110111", 0, 0), ("110201", 2, 0), ("110301", 2, 0), ("110401", 2, 0),
       ("100501", 5, 0), ("100201", 5, 0), ("100111", 3, 0)]                # 19 min
# Buurtbus 594: two branches (Daarlerveen, Den Ham) joining at Daarle.
L594_DV = [("150201", 0, 0), ("150111", 2, 0), ("160101", 5, 0), ("170101", 6, 0),
           ("170201", 6, 0), ("170301", 4, 0), ("180111", 5, 0)]            # 28 min
L594_DH = [("140101", 0, 0), ("160101", 8, 0), ("170101", 6, 0),
           ("170201", 6, 0), ("170301", 4, 0), ("180111", 5, 0)]            # 29 min

# Sunday trips of line 83 towards Almelo carry no times at these stops (timepoint=0): GTFS
# consumers interpolate them.
L83_UNTIMED_SUNDAY_DIR0 = {"110301", "110401"}


def hm(s: str) -> int:
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def windows(*spec) -> list[int]:
    """('HH:MM', 'HH:MM', headway_min) windows -> sorted unique departure minutes (inclusive)."""
    out = set()
    for first, last, step in spec:
        t = hm(first)
        while t <= hm(last):
            out.add(t)
            t += step
    return sorted(out)


# line key -> service -> direction -> departure minutes at the first stop
TIMETABLE = {
    "RS21": {
        "weekday": {0: windows(("05:48", "05:48", 30), ("06:18", "19:48", 30), ("20:18", "24:18", 60)),
                    1: windows(("05:15", "19:45", 30), ("20:15", "23:15", 60))},
        "saturday": {0: windows(("06:18", "07:18", 60), ("07:48", "18:48", 30), ("19:18", "24:18", 60)),
                     1: windows(("06:15", "07:15", 60), ("07:45", "18:45", 30), ("19:15", "23:15", 60))},
        "sunday": {0: windows(("08:18", "24:18", 60)),
                   1: windows(("07:45", "23:45", 60))},
    },
    "RS23": {
        "weekday": {0: windows(("05:28", "24:28", 30)),
                    1: windows(("05:43", "24:13", 30))},
        "saturday": {0: windows(("06:58", "24:28", 30)),
                     1: windows(("06:43", "24:13", 30))},
        "sunday": {0: windows(("07:58", "09:58", 60), ("10:28", "24:28", 30)),
                   1: windows(("07:43", "09:43", 60), ("10:13", "24:13", 30))},
    },
    "26": {
        "weekday": {0: windows(("06:45", "07:15", 30), ("07:15", "18:45", 15), ("19:15", "22:15", 30)),
                    1: windows(("06:55", "07:25", 30), ("07:25", "18:55", 15), ("19:25", "22:25", 30))},
        "saturday": {0: windows(("08:15", "18:15", 30)),
                     1: windows(("08:25", "18:25", 30))},
        "sunday": {0: windows(("10:15", "20:15", 30)),
                   1: windows(("10:25", "20:25", 30))},
    },
    "51": {
        "weekday": {0: windows(("06:05", "06:35", 30), ("07:05", "08:50", 15), ("09:05", "14:35", 30),
                               ("15:05", "17:50", 15), ("18:05", "19:05", 30), ("19:35", "23:35", 60)),
                    1: windows(("06:12", "06:42", 30), ("07:12", "08:57", 15), ("09:12", "14:42", 30),
                               ("15:12", "17:57", 15), ("18:12", "19:12", 30), ("19:42", "23:42", 60))},
        "saturday": {0: windows(("07:05", "18:35", 30), ("19:35", "23:35", 60)),
                     1: windows(("07:12", "18:42", 30), ("19:42", "23:42", 60))},
        "sunday": {0: windows(("09:05", "23:05", 60)),
                   1: windows(("09:42", "23:42", 60))},
    },
    "80": {
        "weekday": {0: windows(("06:07", "19:07", 60)),
                    1: windows(("06:45", "19:45", 60))},
        "saturday": {0: windows(("08:07", "18:07", 120)),
                     1: windows(("08:45", "18:45", 120))},
        "sunday": {0: windows(("10:07", "18:07", 120)),
                   1: windows(("10:45", "18:45", 120))},
    },
    "81": {
        "weekday": {0: windows(("06:05", "21:05", 60)),
                    1: windows(("06:15", "22:15", 60))},
        "saturday": {0: windows(("08:05", "20:05", 60)),
                     1: windows(("08:15", "20:15", 60))},
        "sunday": {0: windows(("10:05", "20:05", 120)),
                   1: windows(("10:15", "20:15", 120))},
    },
    "83": {
        "weekday": {0: windows(("06:10", "08:40", 30), ("09:10", "14:10", 60), ("14:40", "17:40", 30),
                               ("18:10", "22:10", 60)),
                    1: windows(("06:35", "09:05", 30), ("10:05", "14:05", 60), ("15:05", "18:05", 30),
                               ("19:05", "23:05", 60))},
        "saturday": {0: windows(("08:10", "22:10", 60)),
                     1: windows(("08:35", "22:35", 60))},
        "sunday": {0: windows(("10:10", "20:10", 60)),
                   1: windows(("10:35", "20:35", 60))},
    },
}

# Buurtbus 594: weekdays only, one minibus, (direction, branch, departure).
L594_WEEKDAY = [
    (0, "DV", "07:10"), (1, "DH", "07:50"), (0, "DH", "08:35"), (1, "DV", "10:00"),
    (0, "DV", "11:10"), (1, "DH", "12:00"), (0, "DH", "12:45"), (1, "DV", "14:00"),
    (0, "DV", "15:10"), (1, "DH", "16:00"), (0, "DH", "16:45"), (1, "DV", "17:30"),
]

# line key -> (route_id, pattern, reverse platform swap, headsign dir0, headsign dir1,
#              wheelchair_accessible, bikes_allowed, with block ids)
LINES = {
    "RS21": ("85018", RS21, RS21_REVERSE_SWAP, "Hardenberg", "Almelo", 1, 1, False),
    "RS23": ("85016", RS23, RS23_REVERSE_SWAP, "Enschede", "Zwolle", 1, 1, False),
    "26": ("141449", L26, {}, "Ziekenhuis ZGT", "Almelo Station", 1, 2, False),
    "51": ("141450", L51, {}, "Almelo", "Hengelo", 1, 2, False),
    "80": ("141459", L80, {}, "Westerhaar", "Hardenberg", 1, 2, True),
    "81": ("141460", L81, {}, "Almelo", "Ommen", 1, 2, True),
    "83": ("141461", L83, {}, "Almelo", "Vriezenveen", 1, 2, False),
}
L594_ROUTE = "141488"
L594_HEADSIGN = {(0, "DV"): "Nijverdal", (0, "DH"): "Nijverdal",
                 (1, "DV"): "Daarlerveen", (1, "DH"): "Den Ham"}

LAYOVER_MIN = 5  # minimum turn-around time when chaining bus trips into blocks

# ------------------------------------------------------------------------------------------------
# Transfers (modelled)
# ------------------------------------------------------------------------------------------------

# Minimum transfer times (transfer_type 2) between the children of a station, in seconds:
# station -> (train<->train, train<->bus, bus<->bus)
STATION_TRANSFER_SECS = {
    "stoparea:1001": (180, 180, 60),   # Almelo
    "stoparea:1101": (120, 120, 60),   # Vriezenveen
    "stoparea:1301": (60, 180, 60),    # Vroomshoop (island platform, ramp from the crossing)
    "stoparea:1501": (120, 120, 60),   # Daarlerveen
    "stoparea:1801": (180, 180, 60),   # Nijverdal (platforms below street level)
    "stoparea:1901": (120, 120, 60),   # Wierden
    "stoparea:2001": (120, 120, 60),   # Borne
    "stoparea:2101": (180, 240, 60),   # Hengelo
    "stoparea:2201": (120, 120, 60),   # Mariënberg
    "stoparea:2301": (120, 180, 60),   # Hardenberg
}
EXTRA_TRANSFERS = [
    # from, to, type, min_transfer_time
    # Timed hub: line 80 is timed onto line 81 at Westerhaar (and back).
    ("120101", "120101", "1", ""),
    # Recommended transfer point between lines 81 and 83 in the centre of Vriezenveen.
    ("110201", "110201", "0", ""),
    # Not possible: Den Ham and "its" railway station.  Vroomshoop station was called
    # "Den Ham-Vroomshoop" until 1952 and is still thought of as Den Ham's station, but it is
    # about 5 km from Den Ham's centre: there is no transfer between bus 81/594 in Den Ham and
    # the train.  See README.md.
    ("140101", "130101", "3", ""),
    ("130101", "140101", "3", ""),
]

# ------------------------------------------------------------------------------------------------
# Calendar: service days and Dutch public holidays
# ------------------------------------------------------------------------------------------------


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holidays(year: int) -> dict[dt.date, tuple[str, str]]:
    """date -> (name, day type whose service runs).  Liberation Day runs the Saturday service."""
    easter = easter_sunday(year)
    kings = dt.date(year, 4, 27)
    if kings.weekday() == 6:  # King's Day moves to Saturday 26 April when the 27th is a Sunday
        kings = dt.date(year, 4, 26)
    out = {
        dt.date(year, 1, 1): ("Nieuwjaarsdag", "sunday"),
        easter: ("Eerste Paasdag", "sunday"),
        easter + dt.timedelta(days=1): ("Tweede Paasdag", "sunday"),
        kings: ("Koningsdag", "sunday"),
        easter + dt.timedelta(days=39): ("Hemelvaartsdag", "sunday"),
        easter + dt.timedelta(days=49): ("Eerste Pinksterdag", "sunday"),
        easter + dt.timedelta(days=50): ("Tweede Pinksterdag", "sunday"),
        dt.date(year, 12, 25): ("Eerste Kerstdag", "sunday"),
        dt.date(year, 12, 26): ("Tweede Kerstdag", "sunday"),
    }
    liberation = dt.date(year, 5, 5)
    if liberation not in out and liberation.weekday() != 6:
        out[liberation] = ("Bevrijdingsdag", "saturday")
    return out


def day_type(day: dt.date, hol: dict) -> str:
    if day in hol:
        return hol[day][1]
    wd = day.weekday()
    return "weekday" if wd < 5 else "saturday" if wd == 5 else "sunday"


def service_days() -> list[tuple[dt.date, str]]:
    hol = {}
    for y in range(FEED_START.year, FEED_END.year + 1):
        hol.update(holidays(y))
    out = []
    d = FEED_START
    while d <= FEED_END:
        out.append((d, day_type(d, hol)))
        d += dt.timedelta(days=1)
    return out


# ------------------------------------------------------------------------------------------------
# Building
# ------------------------------------------------------------------------------------------------


def fmt_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def pattern_times(pattern, direction: int, swap: dict):
    """-> [(stop_id, arr_offset_min, dep_offset_min)] for the given direction."""
    if direction == 0:
        seq = [(s, run, dwell) for s, run, dwell in pattern]
    else:
        rev = list(reversed(pattern))
        seq = []
        for i, (s, _, dwell) in enumerate(rev):
            run = 0 if i == 0 else rev[i - 1][1]
            seq.append((swap.get(s, s), run, dwell))
    out, t = [], 0
    for i, (s, run, dwell) in enumerate(seq):
        t += run
        arr = t
        if 0 < i < len(seq) - 1:
            t += dwell
        out.append((s, arr, t))
    return out


class Trip:
    __slots__ = ("trip_id", "route_id", "service_id", "headsign", "direction", "block_id",
                 "wheelchair", "bikes", "times", "untimed")

    def __init__(self, trip_id, route_id, service_id, headsign, direction, wheelchair, bikes,
                 times, untimed=frozenset()):
        self.trip_id = trip_id
        self.route_id = route_id
        self.service_id = service_id
        self.headsign = headsign
        self.direction = direction
        self.block_id = ""
        self.wheelchair = wheelchair
        self.bikes = bikes
        self.times = times  # [(stop_id, arr_min, dep_min)]
        self.untimed = untimed

    @property
    def dep(self) -> int:
        return self.times[0][2]

    @property
    def arr(self) -> int:
        return self.times[-1][1]


def assign_blocks(trips: list, prefix: str) -> None:
    """Greedy, deterministic vehicle chaining: each trip takes the vehicle that has waited longest
    at its first stop (at least LAYOVER_MIN), otherwise a new vehicle."""
    vehicles = []  # [stop_id, free_at, number]
    for t in sorted(trips, key=lambda x: (x.dep, x.trip_id)):
        start = t.times[0][0]
        best = None
        for v in vehicles:
            if v[0] == start and v[1] + LAYOVER_MIN <= t.dep:
                if best is None or (v[1], v[2]) < (best[1], best[2]):
                    best = v
        if best is None:
            best = [start, 0, len(vehicles) + 1]
            vehicles.append(best)
        t.block_id = f"{prefix}-{best[2]}"
        best[0], best[1] = t.times[-1][0], t.arr


def build_trips() -> list:
    trips = []
    for line, (route_id, pattern, swap, hs0, hs1, wheel, bikes, blocks) in LINES.items():
        for service, by_dir in TIMETABLE[line].items():
            service_trips = []
            for direction, deps in by_dir.items():
                rel = pattern_times(pattern, direction, swap)
                for dep in deps:
                    times = [(s, dep + a, dep + d) for s, a, d in rel]
                    untimed = frozenset()
                    if line == "83" and service == "sunday" and direction == 0:
                        untimed = frozenset(L83_UNTIMED_SUNDAY_DIR0)
                    tid = f"{line}-{service}-{direction}-{dep // 60:02d}{dep % 60:02d}"
                    t = Trip(tid, route_id, service, hs0 if direction == 0 else hs1, direction,
                             wheel, bikes, times, untimed)
                    service_trips.append(t)
            if blocks:
                assign_blocks(service_trips, f"{line}-{service}")
            trips += service_trips
    # buurtbus 594
    service_trips = []
    for direction, branch, dep_s in L594_WEEKDAY:
        dep = hm(dep_s)
        rel = pattern_times(L594_DV if branch == "DV" else L594_DH, direction, {})
        times = [(s, dep + a, dep + d) for s, a, d in rel]
        tid = f"594-weekday-{direction}-{branch}-{dep // 60:02d}{dep % 60:02d}"
        service_trips.append(Trip(tid, L594_ROUTE, "weekday", L594_HEADSIGN[(direction, branch)],
                                  direction, 2, 2, times))
    assign_blocks(service_trips, "594-weekday")
    trips += service_trips
    trips.sort(key=lambda t: t.trip_id)
    return trips


def build_transfers() -> list:
    parent_of = {q[0]: q[4] for q in QUAYS}
    is_train = {q[0]: q[5].isdigit() for q in QUAYS}
    children = {}
    for q in QUAYS:
        if q[4]:
            children.setdefault(q[4], []).append(q[0])
    rows = []
    for station, (tt, tb, bb) in STATION_TRANSFER_SECS.items():
        kids = sorted(children.get(station, []))
        for a in kids:
            for b in kids:
                if a == b:
                    continue
                if is_train[a] and is_train[b]:
                    secs = tt
                elif is_train[a] or is_train[b]:
                    secs = tb
                else:
                    secs = bb
                rows.append((a, b, "2", str(secs)))
    rows += EXTRA_TRANSFERS
    assert all(parent_of.get(r[0]) is not None for r in rows)
    return sorted(set(rows))


def csv_bytes(header, rows) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def build_files() -> dict[str, bytes]:
    files = {}
    files["agency.txt"] = csv_bytes(
        ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone"],
        [(a, n, u, TZ, lang, ph) for a, n, u, lang, ph in sorted(AGENCIES)])
    files["routes.txt"] = csv_bytes(ROUTES_HEADER, sorted(ROUTES, key=lambda r: r[0]))

    stop_rows = []
    for sid, name, lat, lon in STATIONS:
        stop_rows.append((sid, name, f"{lat:.6f}", f"{lon:.6f}", "1", "", "1", ""))
    for sid, name, lat, lon, parent, code, wb in QUAYS:
        stop_rows.append((sid, name, f"{lat:.6f}", f"{lon:.6f}", "0", parent, str(wb), code))
    files["stops.txt"] = csv_bytes(
        ["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station",
         "wheelchair_boarding", "platform_code"], sorted(stop_rows))

    trips = build_trips()
    files["trips.txt"] = csv_bytes(
        ["route_id", "service_id", "trip_id", "trip_headsign", "direction_id", "block_id",
         "wheelchair_accessible", "bikes_allowed"],
        [(t.route_id, t.service_id, t.trip_id, t.headsign, str(t.direction), t.block_id,
          str(t.wheelchair), str(t.bikes)) for t in trips])
    st_rows = []
    for t in trips:
        n = len(t.times)
        for i, (s, arr, dep) in enumerate(t.times):
            pickup = "1" if i == n - 1 else "0"
            drop = "1" if i == 0 else "0"
            if 0 < i < n - 1 and s in t.untimed:
                st_rows.append((t.trip_id, "", "", s, str(i + 1), pickup, drop, "0"))
            else:
                st_rows.append((t.trip_id, fmt_time(arr), fmt_time(dep), s, str(i + 1), pickup, drop, "1"))
    files["stop_times.txt"] = csv_bytes(
        ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "pickup_type",
         "drop_off_type", "timepoint"], st_rows)

    cd_rows = [(svc, d.strftime("%Y%m%d"), "1") for d, svc in service_days()]
    files["calendar_dates.txt"] = csv_bytes(["service_id", "date", "exception_type"],
                                            sorted(cd_rows, key=lambda r: (r[1], r[0])))
    files["transfers.txt"] = csv_bytes(
        ["from_stop_id", "to_stop_id", "transfer_type", "min_transfer_time"], build_transfers())
    files["feed_info.txt"] = csv_bytes(
        ["feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date",
         "feed_end_date", "feed_version"],
        [("goan project (modelled data)", "https://example.org/goan", "nl",
          FEED_START.strftime("%Y%m%d"), FEED_END.strftime("%Y%m%d"),
          f"twente-{GENERATOR_VERSION} (build_feed.py {GENERATOR_VERSION})")])
    return files


def check_routes_source() -> None:
    """If the shared national routes.txt is present, verify the copied rows are verbatim."""
    if not os.path.exists(ROUTES_SOURCE):
        return
    with open(ROUTES_SOURCE, encoding="utf-8-sig", newline="") as fh:
        real = {r[0]: r for r in csv.reader(fh)}
    for r in ROUTES:
        if real.get(r[0]) != r:
            raise SystemExit(f"route {r[0]} differs from {ROUTES_SOURCE}: {real.get(r[0])} vs {r}")


# ------------------------------------------------------------------------------------------------
# Checking
# ------------------------------------------------------------------------------------------------


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows


def haversine_km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def tmin(s: str):
    if not s:
        return None
    h, m, sec = (int(x) for x in s.split(":"))
    return h * 60 + m + sec / 60


def check_feed(out: str, stats: bool) -> list[str]:
    errors = []
    stops = {s["stop_id"]: s for s in read_csv(os.path.join(out, "stops.txt"))}
    routes = {r["route_id"]: r for r in read_csv(os.path.join(out, "routes.txt"))}
    agencies = {a["agency_id"] for a in read_csv(os.path.join(out, "agency.txt"))}
    trips = {t["trip_id"]: t for t in read_csv(os.path.join(out, "trips.txt"))}
    cal = read_csv(os.path.join(out, "calendar_dates.txt"))
    active = {}
    for c in cal:
        if c["exception_type"] == "1":
            active.setdefault(c["date"], set()).add(c["service_id"])
    services = {c["service_id"] for c in cal}

    for r in routes.values():
        if r["agency_id"] not in agencies:
            errors.append(f"route {r['route_id']}: unknown agency {r['agency_id']}")
    for s in stops.values():
        p = s["parent_station"]
        if p and (p not in stops or stops[p]["location_type"] != "1"):
            errors.append(f"stop {s['stop_id']}: bad parent {p}")
        if s["wheelchair_boarding"] not in ("0", "1", "2"):
            errors.append(f"stop {s['stop_id']}: wheelchair_boarding missing")
    for t in trips.values():
        if t["route_id"] not in routes:
            errors.append(f"trip {t['trip_id']}: unknown route")
        if t["service_id"] not in services:
            errors.append(f"trip {t['trip_id']}: service {t['service_id']} never runs")

    by_trip = {}
    for r in read_csv(os.path.join(out, "stop_times.txt")):
        if r["stop_id"] not in stops:
            errors.append(f"stop_times: unknown stop {r['stop_id']}")
        elif stops[r["stop_id"]]["location_type"] not in ("", "0"):
            errors.append(f"stop_times: {r['stop_id']} is not a stop/platform")
        if r["trip_id"] not in trips:
            errors.append(f"stop_times: unknown trip {r['trip_id']}")
        by_trip.setdefault(r["trip_id"], []).append(r)
    speeds = {}
    for tid, rows in by_trip.items():
        rows.sort(key=lambda r: int(r["stop_sequence"]))
        if not rows[0]["departure_time"] or not rows[-1]["arrival_time"]:
            errors.append(f"trip {tid}: first/last stop without time")
        last = -1.0
        prev_timed = None
        for r in rows:
            a, d = tmin(r["arrival_time"]), tmin(r["departure_time"])
            if (a is None) != (d is None):
                errors.append(f"trip {tid}: half-empty times at seq {r['stop_sequence']}")
                continue
            if a is None:
                if r["timepoint"] != "0":
                    errors.append(f"trip {tid}: empty time with timepoint != 0")
                continue
            if a < last or d < a:
                errors.append(f"trip {tid}: times decrease at seq {r['stop_sequence']}")
            if prev_timed is not None and a > prev_timed[1]:
                s0, s1 = stops[prev_timed[0]], stops[r["stop_id"]]
                km = haversine_km((float(s0["stop_lat"]), float(s0["stop_lon"])),
                                  (float(s1["stop_lat"]), float(s1["stop_lon"])))
                v = km / ((a - prev_timed[1]) / 60)
                rid = trips[tid]["route_id"]
                lo, hi = speeds.get(rid, (1e9, 0))
                speeds[rid] = (min(lo, v), max(hi, v))
            elif prev_timed is not None and a == prev_timed[1]:
                errors.append(f"trip {tid}: zero running time at seq {r['stop_sequence']}")
            prev_timed = (r["stop_id"], d)
            last = d
        if rows[0]["drop_off_type"] != "1" or rows[-1]["pickup_type"] != "1":
            errors.append(f"trip {tid}: first/last stop pickup/drop-off flags")
    for tid in trips:
        if tid not in by_trip:
            errors.append(f"trip {tid}: no stop_times")
    for f in ("transfers.txt",):
        for r in read_csv(os.path.join(out, f)):
            for k in ("from_stop_id", "to_stop_id"):
                if r[k] not in stops:
                    errors.append(f"transfers: unknown stop {r[k]}")

    def expect(date, svc):
        got = active.get(date, set())
        if got != {svc}:
            errors.append(f"{date}: expected service {svc}, got {sorted(got)}")

    expect("20261123", "weekday")     # a Monday
    expect("20261225", "sunday")      # Christmas Day (Friday)
    expect("20261226", "sunday")      # Boxing Day (Saturday)
    expect("20260406", "sunday")      # Easter Monday 2026
    expect("20270329", "sunday")      # Easter Monday 2027
    expect("20260427", "sunday")      # King's Day 2026 (Monday)
    expect("20270427", "sunday")      # King's Day 2027 (Tuesday)
    expect("20260505", "saturday")    # Liberation Day 2026 (Tuesday)
    expect("20260514", "sunday")      # Ascension 2026
    expect("20270506", "sunday")      # Ascension 2027
    expect("20260525", "sunday")      # Whit Monday 2026
    expect("20270517", "sunday")      # Whit Monday 2027
    expect("20260101", "sunday")
    expect("20271231", "weekday")
    d = FEED_START
    while d <= FEED_END:
        if len(active.get(d.strftime("%Y%m%d"), ())) != 1:
            errors.append(f"{d}: not exactly one service")
        d += dt.timedelta(days=1)
    # evening service on the DST change days
    for date in ("20260329", "20261025", "20270328", "20271031"):
        svcs = active.get(date, set())
        late = [t for t in trips.values() if t["service_id"] in svcs
                and tmin(by_trip[t["trip_id"]][0]["departure_time"]) >= 22 * 60]
        if not late:
            errors.append(f"{date} (DST change): no evening trips")
    if not any(tmin(r[-1]["arrival_time"]) >= 24 * 60 for r in by_trip.values()):
        errors.append("no trip runs past midnight")
    for y, expected in ((2026, dt.date(2026, 4, 5)), (2027, dt.date(2027, 3, 28))):
        if easter_sunday(y) != expected:
            errors.append(f"Easter {y}: {easter_sunday(y)} != {expected}")

    if stats:
        per_route = {}
        for t in trips.values():
            per_route.setdefault(t["route_id"], {}).setdefault(t["service_id"], 0)
            per_route[t["route_id"]][t["service_id"]] += 1
        print(f"{'route':>8} {'line':<14} {'weekday':>8} {'saturday':>9} {'sunday':>7}  straight-line km/h")
        for rid in sorted(per_route, key=lambda r: routes[r]["route_short_name"]):
            c = per_route[rid]
            lo, hi = speeds.get(rid, (0, 0))
            print(f"{rid:>8} {routes[rid]['route_short_name']:<14} {c.get('weekday', 0):>8} "
                  f"{c.get('saturday', 0):>9} {c.get('sunday', 0):>7}  {lo:5.1f} .. {hi:5.1f}")
        n_st = sum(len(v) for v in by_trip.values())
        print(f"{len(stops)} stops ({sum(1 for s in stops.values() if s['location_type'] == '1')} "
              f"stations), {len(trips)} trips, {n_st} stop_times")
    return errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    check_routes_source()
    files = build_files()
    os.makedirs(a.out, exist_ok=True)
    for name in sorted(files):
        with open(os.path.join(a.out, name), "wb") as fh:
            fh.write(files[name])
    total = sum(len(b) for b in files.values())
    print(f"wrote {len(files)} files ({total} bytes) to {a.out}")
    if a.check or a.stats:
        errors = check_feed(a.out, a.stats)
        for e in errors[:50]:
            print("CHECK:", e, file=sys.stderr)
        if errors:
            print(f"{len(errors)} check failures", file=sys.stderr)
            return 1
        if a.check:
            print("check: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
