#!/usr/bin/env python3
"""build_feed.py - generate the modelled GTFS feed of Twenterand and its links (Timetables/twente/),
with its demand-responsive services (GTFS-Flex), and the Twente scenarios (Scenarios/twente/).

Usage:
  python3 Tools/twente/build_feed.py [--out DIR] [--scenarios DIR] [--check] [--stats]

  --out DIR        where to write the feed (default: Timetables/twente of this script's repo)
  --scenarios DIR  where to write the scenario JSON files (default: Scenarios/twente)
  --check          after writing, re-read everything and check its invariants (exit 1 on a failure):
                   the timetable, the zones (closed counter-clockwise rings of 10-25 vertices that
                   do not overlap; every stop in exactly one zone, the one of its municipality),
                   the Flex calls and booking rules, service-rules.json, and the scenarios (places'
                   nearest stops, homes and depots inside a zone, fleet shifts covering the service
                   hours, volunteers available only on working days within AutoMaatje's hours)
  --stats          print per-line trip counts, the straight-line speed range of every line, and
                   the stops of every zone

Python 3.11, standard library only, no randomness: the output is byte-identical on every run
(rows sorted, "\\n" line ends, UTF-8 without BOM, csv-module quoting, JSON written by json.dumps
with fixed key order or sorted keys).

What is real and what is modelled is spelled out in Timetables/twente/README.md (and, for the
scenarios, in Scenarios/README.md). In short: real are the routes (route_id, agency_id, names,
type, colours copied verbatim from the Dutch national routes.txt of December 2025,
../shared/data/nl/routes-nl-2025-12.txt), the places, the public holidays, the municipal borders
(CBS 2023, simplified) and the service rules of Regiotaxi and AutoMaatje
(../shared/docs/DOMAIN.md); modelled are the stop positions (approximate, within a few hundred
metres), stop ids, timetables, running times, headways, wheelchair flags, transfers, the Flex
windows and ids, and all of the scenarios.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import sys

GENERATOR_VERSION = "1.1.0"
FEED_START = dt.date(2026, 1, 1)
FEED_END = dt.date(2027, 12, 31)
TZ = "Europe/Amsterdam"

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "Timetables", "twente")
DEFAULT_SCENARIOS = os.path.join(REPO, "Scenarios", "twente")
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
# Demand-responsive services (GTFS-Flex): Regiotaxi Twente and AutoMaatje Twenterand
# ------------------------------------------------------------------------------------------------
# The rules (who may ride, lead times, fares, radii, companions, ride-time limit) are the defaults
# of ../shared/docs/DOMAIN.md.  Modelled: the zone outlines (simplified), the windows, the ids,
# the phone numbers and URLs, and the values DOMAIN.md does not give (market per-km rate,
# cancellation fee, AutoMaatje radius, free-cancellation and response times).  README.md says
# which is which.

# agency_id, agency_name, agency_url, agency_lang, agency_phone.  The phone numbers are
# placeholders in the local (0546) format: 0546-000000 is not a real subscriber number.
FLEX_AGENCIES = [
    ("AUTOMAATJE", "ANWB AutoMaatje Twenterand", "https://www.anwb.nl/automaatje", "nl", "0546-000001"),
    ("REGIOTAXI", "Regiotaxi Twente", "https://www.regiotaxitwente.nl", "nl", "0546-000000"),
]
REGIOTAXI_ROUTE = "regiotaxi-twente"
AUTOMAATJE_ROUTE = "automaatje-twenterand"
# Not in the national routes.txt (demand-responsive services are not in the Dutch GTFS feed):
# route_type 715 = demand and response bus service, 1500 = taxi service (extended route types).
FLEX_ROUTES = [
    [REGIOTAXI_ROUTE, "REGIOTAXI", "Regiotaxi", "Regiotaxi Twente (Wmo)",
     "Gedeeld deur-tot-deurvervoer voor houders van een Regiotaxipas (Wmo)", "715", "", "", ""],
    [AUTOMAATJE_ROUTE, "AUTOMAATJE", "AutoMaatje", "AutoMaatje Twenterand",
     "Vrijwilligers rijden minder mobiele inwoners in hun eigen auto", "1500", "", "", ""],
]

# Municipality zones for locations.geojson: location_id -> (stop_name, outer ring).
# Source: CBS "gemeente_gegeneraliseerd" 2023 (Statistics Netherlands / Kadaster, CC BY 4.0),
# as published in the cartomap/nl repository (wgs84/gemeente_2023.geojson).  Borders between
# two of these zones are the same vertices in both rings (no gaps, no overlaps).  Simplified
# with Douglas-Peucker, topology-preserving (each shared border simplified once): 300 m on
# borders between two zones, 1,200 m on outer borders, and only for Hardenberg and Hellendoorn
# (over 25 vertices); every other ring is CBS's as it is, except Borne, which got one extra
# vertex, the midpoint of its border with Hof van Twente, to reach 10 vertices.  Largest
# distance between a CBS vertex and the simplified outline: 1.07 km (Hardenberg, outer border).
# Rings are [lon, lat], counter-clockwise, open here (closed when written).
ZONES = {
    "zone-twenterand": ("Gemeente Twenterand", [
        (6.595, 52.48), (6.554, 52.488), (6.505, 52.491), (6.504, 52.482), (6.465, 52.475),
        (6.45, 52.461), (6.475, 52.441), (6.511, 52.437), (6.543, 52.451), (6.572, 52.447),
        (6.596, 52.455), (6.598, 52.439), (6.573, 52.423), (6.576, 52.418), (6.599, 52.384),
        (6.652, 52.399), (6.699, 52.394), (6.67, 52.417), (6.676, 52.444), (6.692, 52.447),
        (6.718, 52.478), (6.698, 52.486), (6.669, 52.495), (6.642, 52.471), (6.611, 52.467)]),
    "zone-almelo": ("Gemeente Almelo", [
        (6.599, 52.384), (6.615, 52.363), (6.605, 52.345), (6.619, 52.326), (6.605, 52.312),
        (6.632, 52.302), (6.626, 52.29), (6.658, 52.295), (6.691, 52.308), (6.707, 52.321),
        (6.721, 52.341), (6.713, 52.374), (6.699, 52.394), (6.652, 52.399)]),
    "zone-hardenberg": ("Gemeente Hardenberg", [
        (6.323, 52.593), (6.403, 52.591), (6.415, 52.57), (6.488, 52.569), (6.505, 52.576),
        (6.522, 52.561), (6.534, 52.528), (6.55, 52.515), (6.61, 52.493), (6.595, 52.48),
        (6.611, 52.467), (6.642, 52.471), (6.669, 52.495), (6.698, 52.486), (6.681, 52.553),
        (6.767, 52.564), (6.719, 52.589), (6.708, 52.649), (6.615, 52.674), (6.514, 52.646),
        (6.519, 52.614), (6.464, 52.624), (6.384, 52.612), (6.328, 52.659), (6.303, 52.597)]),
    "zone-hellendoorn": ("Gemeente Hellendoorn", [
        (6.45, 52.461), (6.43, 52.439), (6.39, 52.428), (6.389, 52.38), (6.343, 52.37),
        (6.334, 52.351), (6.356, 52.318), (6.468, 52.326), (6.499, 52.364), (6.496, 52.376),
        (6.513, 52.382), (6.516, 52.406), (6.576, 52.418), (6.573, 52.423), (6.598, 52.439),
        (6.596, 52.455), (6.572, 52.447), (6.543, 52.451), (6.511, 52.437), (6.475, 52.441)]),
    "zone-wierden": ("Gemeente Wierden", [
        (6.576, 52.418), (6.516, 52.406), (6.513, 52.382), (6.496, 52.376), (6.499, 52.364),
        (6.468, 52.326), (6.525, 52.326), (6.545, 52.318), (6.553, 52.295), (6.55, 52.288),
        (6.554, 52.283), (6.568, 52.27), (6.605, 52.271), (6.626, 52.29), (6.632, 52.302),
        (6.605, 52.312), (6.619, 52.326), (6.605, 52.345), (6.615, 52.363), (6.599, 52.384)]),
    "zone-ommen": ("Gemeente Ommen", [
        (6.323, 52.593), (6.362, 52.525), (6.332, 52.522), (6.344, 52.481), (6.343, 52.457),
        (6.371, 52.45), (6.381, 52.43), (6.39, 52.428), (6.43, 52.439), (6.45, 52.461),
        (6.465, 52.475), (6.504, 52.482), (6.505, 52.491), (6.554, 52.488), (6.595, 52.48),
        (6.61, 52.493), (6.55, 52.515), (6.534, 52.528), (6.522, 52.561), (6.505, 52.576),
        (6.488, 52.569), (6.415, 52.57), (6.403, 52.591)]),
    "zone-hengelo": ("Gemeente Hengelo", [
        (6.802, 52.314), (6.776, 52.293), (6.743, 52.283), (6.753, 52.252), (6.724, 52.253),
        (6.712, 52.226), (6.702, 52.217), (6.712, 52.206), (6.767, 52.191), (6.756, 52.217),
        (6.774, 52.238), (6.814, 52.229), (6.82, 52.244), (6.843, 52.254), (6.84, 52.276),
        (6.846, 52.291), (6.821, 52.299), (6.823, 52.309)]),
    "zone-borne": ("Gemeente Borne", [
        (6.721, 52.341), (6.707, 52.321), (6.691, 52.308), (6.712, 52.304), (6.7275, 52.2935),
        (6.743, 52.283), (6.776, 52.293), (6.802, 52.314), (6.774, 52.319), (6.759, 52.332)]),
    "zone-tubbergen": ("Gemeente Tubbergen", [
        (6.718, 52.478), (6.692, 52.447), (6.676, 52.444), (6.67, 52.417), (6.699, 52.394),
        (6.713, 52.374), (6.721, 52.341), (6.759, 52.332), (6.783, 52.36), (6.817, 52.365),
        (6.864, 52.364), (6.862, 52.408), (6.853, 52.427), (6.897, 52.433), (6.929, 52.434),
        (6.949, 52.433), (6.947, 52.437), (6.942, 52.435), (6.906, 52.442), (6.889, 52.447),
        (6.862, 52.451), (6.854, 52.46), (6.775, 52.46), (6.753, 52.464)]),
}
# Order of the zones in locations.geojson, trips and service-rules.json (Twenterand first).
ZONE_ORDER = ["zone-twenterand", "zone-almelo", "zone-hardenberg", "zone-hellendoorn", "zone-wierden",
              "zone-ommen", "zone-hengelo", "zone-borne", "zone-tubbergen"]
ZONE_MUNICIPALITY = {z: ZONES[z][0].removeprefix("Gemeente ") for z in ZONE_ORDER}

# The municipality of every stop, by the town code TT of its id (TTSSQQ / stoparea:TTSS); the
# check verifies that the zone outlines put each stop there.  Note that Daarlerveen (15) lies in
# Hellendoorn and Sibculo (26) and Kloosterhaar (25) in Hardenberg, not in Twenterand.
TOWN_ZONE = {
    "10": "zone-almelo", "11": "zone-twenterand", "12": "zone-twenterand", "13": "zone-twenterand",
    "14": "zone-twenterand", "15": "zone-hellendoorn", "16": "zone-hellendoorn",
    "17": "zone-hellendoorn", "18": "zone-hellendoorn", "19": "zone-wierden", "20": "zone-borne",
    "21": "zone-hengelo", "22": "zone-hardenberg", "23": "zone-hardenberg", "24": "zone-hardenberg",
    "25": "zone-hardenberg", "26": "zone-hardenberg", "27": "zone-ommen",
}

# Villages and towns with their municipality (approximate centres, lat, lon): the check verifies
# that each lies in its zone.  Bruinehaar (a hamlet of Twenterand) is not listed.
VILLAGES = [
    ("Vriezenveen", 52.4092, 6.6240, "zone-twenterand"),
    ("Westerhaar-Vriezenveensewijk", 52.4577, 6.6218, "zone-twenterand"),
    ("Vroomshoop", 52.4612, 6.5760, "zone-twenterand"),
    ("Den Ham", 52.4636, 6.4960, "zone-twenterand"),
    ("Geerdijk", 52.4760, 6.5660, "zone-twenterand"),
    ("Almelo", 52.3565, 6.6630, "zone-almelo"),
    ("Aadorp", 52.3795, 6.6335, "zone-almelo"),
    ("Bornerbroek", 52.3110, 6.6530, "zone-almelo"),
    ("Hardenberg", 52.5750, 6.6200, "zone-hardenberg"),
    ("Mariënberg", 52.5110, 6.5800, "zone-hardenberg"),
    ("Bergentheim", 52.5270, 6.6080, "zone-hardenberg"),
    ("Sibculo", 52.4810, 6.6400, "zone-hardenberg"),
    ("Kloosterhaar", 52.5020, 6.6390, "zone-hardenberg"),
    ("Gramsbergen", 52.6090, 6.6740, "zone-hardenberg"),
    ("Dedemsvaart", 52.6000, 6.4580, "zone-hardenberg"),
    ("Slagharen", 52.6240, 6.5600, "zone-hardenberg"),
    ("Nijverdal", 52.3620, 6.4640, "zone-hellendoorn"),
    ("Hellendoorn", 52.3885, 6.4495, "zone-hellendoorn"),
    ("Daarle", 52.4330, 6.5330, "zone-hellendoorn"),
    ("Daarlerveen", 52.4419, 6.5767, "zone-hellendoorn"),
    ("Wierden", 52.3590, 6.5930, "zone-wierden"),
    ("Enter", 52.2940, 6.5790, "zone-wierden"),
    ("Hoge Hexel", 52.3955, 6.5235, "zone-wierden"),
    ("Ommen", 52.5210, 6.4210, "zone-ommen"),
    ("Hengelo", 52.2650, 6.7930, "zone-hengelo"),
    ("Beckum", 52.2215, 6.7360, "zone-hengelo"),
    ("Borne", 52.3010, 6.7530, "zone-borne"),
    ("Hertme", 52.3265, 6.7425, "zone-borne"),
    ("Tubbergen", 52.4070, 6.7840, "zone-tubbergen"),
    ("Albergen", 52.3665, 6.7580, "zone-tubbergen"),
    ("Langeveen", 52.4475, 6.7610, "zone-tubbergen"),
]

# location_group_id -> (location_group_name, stop ids).  Where a taxi can set down or pick up for
# a first or last mile by train, and the Almelo hubs.  Daarlerveen station lies just across the
# border in Hellendoorn; it is the station of southern Vroomshoop and Westerhaar all the same.
LOCATION_GROUPS = {
    "stations-twenterand": ("Stations Vriezenveen, Daarlerveen en Vroomshoop",
                            ["110101", "110111", "150101", "150111", "130101", "130102", "130111"]),
    "hubs-almelo": ("Almelo: station en Ziekenhuis ZGT",
                    ["100101", "100102", "100103", "100111", "100112", "100113", "100401"]),
}

# Service days on which AutoMaatje's "2 working days" are counted: the feed's `weekday` service
# runs Monday to Friday except the public holidays (and Liberation Day), i.e. on working days.
WORKING_DAYS_SERVICE = "weekday"

# The rules (DOMAIN.md defaults unless marked "modelled").
REGIOTAXI_RULES = {
    "lead_min": 60, "late_after": "21:00", "late_surcharge": 3.00,
    "free_cancel_min": 60, "cancel_fee": 5.00,                      # cancel fee: modelled
    "start_fee": 3.26, "per_km": 0.49, "market_start_fee": 3.26,
    "market_per_km": 2.60,                                          # modelled
    "tariff_radius_km": 25, "max_radius_km": 28, "yearly_km": 2000,
    "ride_factor": 1.5, "ride_extra_min": 15, "pickup_window_min": 15,
    "hours": ("06:00", "25:00"),
}
AUTOMAATJE_RULES = {
    "lead_working_days": 2, "last_time": "12:00",                   # last time: modelled
    "free_cancel_min": 1440, "response_hours": 24,                  # modelled
    "per_km": 0.30, "radius_km": 40,                                # radius: modelled
    "hours": ("08:00", "18:00"),                                    # modelled
}
REGIOTAXI_RULE_ID = "regiotaxi-60min"
AUTOMAATJE_RULE_ID = "automaatje-2-working-days"
AUTOMAATJE_DESTINATIONS = ["zone-almelo", "zone-hardenberg", "zone-hellendoorn"]


def euro(amount: float) -> str:
    return f"€ {amount:.2f}".replace(".", ",")


BOOKING_RULES_HEADER = [
    "booking_rule_id", "booking_type", "prior_notice_duration_min", "prior_notice_duration_max",
    "prior_notice_last_day", "prior_notice_last_time", "prior_notice_start_day",
    "prior_notice_start_time", "prior_notice_service_id", "message", "pickup_message",
    "drop_off_message", "phone_number", "info_url", "booking_url"]


def booking_rules() -> list[list[str]]:
    rt, am = REGIOTAXI_RULES, AUTOMAATJE_RULES
    rt_phone, am_phone = (dict((a[0], a[4]) for a in FLEX_AGENCIES)[k] for k in ("REGIOTAXI", "AUTOMAATJE"))
    rt_message = (f"Reserveer uw rit minstens {rt['lead_min']} minuten van tevoren. Boekt u na "
                  f"{rt['late_after']} uur voor de volgende dag, of op de dag zelf, dan betaalt u "
                  f"{euro(rt['late_surcharge'])} toeslag per pashouder. Alleen met een Regiotaxipas (Wmo).")
    am_message = (f"Vraag uw rit minstens {am['lead_working_days']} werkdagen van tevoren aan, voor "
                  f"{am['last_time']} uur. Een vrijwilliger rijdt u in zijn eigen auto; u betaalt hem "
                  f"{euro(am['per_km'])} per kilometer, gerekend vanaf zijn huis, en eventuele parkeerkosten. "
                  f"Een rit is niet gegarandeerd: binnen {am['response_hours']} uur hoort u of er een "
                  f"chauffeur is. Alleen voor deelnemers van AutoMaatje.")
    return [
        [AUTOMAATJE_RULE_ID, "2", "", "", str(am["lead_working_days"]), am["last_time"] + ":00", "", "",
         WORKING_DAYS_SERVICE, am_message, "", "", am_phone, "https://www.anwb.nl/automaatje", ""],
        [REGIOTAXI_RULE_ID, "1", str(rt["lead_min"]), "", "", "", "", "", "", rt_message, "", "",
         rt_phone, "https://www.regiotaxitwente.nl", ""],
    ]


# One Regiotaxi trip per day type and zone; AutoMaatje runs on working days only.
REGIOTAXI_SERVICES = ["weekday", "saturday", "sunday"]


def flex_trips() -> list[tuple]:
    """-> [(trip_id, route_id, service_id, headsign, wheelchair, [call, ...])] with a call
    (location_id, pickup_type, drop_off_type, window_start, window_end, pickup_rule, drop_off_rule)."""
    out = []
    rt_start, rt_end = (h + ":00" for h in REGIOTAXI_RULES["hours"])
    for zone in ZONE_ORDER:
        short = zone.removeprefix("zone-")
        call = (zone, "2", "2", rt_start, rt_end, REGIOTAXI_RULE_ID, REGIOTAXI_RULE_ID)
        for service in REGIOTAXI_SERVICES:
            out.append((f"regiotaxi-{short}-{service}", REGIOTAXI_ROUTE, service, ZONE_MUNICIPALITY[zone],
                        1, [call, call]))
    am_start, am_end = (h + ":00" for h in AUTOMAATJE_RULES["hours"])
    home = "zone-twenterand"
    rule = AUTOMAATJE_RULE_ID
    svc = WORKING_DAYS_SERVICE
    within = (home, "2", "2", am_start, am_end, rule, rule)
    out.append((f"automaatje-twenterand-{svc}", AUTOMAATJE_ROUTE, svc, "Twenterand", 0, [within, within]))
    for zone in AUTOMAATJE_DESTINATIONS:
        short = zone.removeprefix("zone-")
        board_home = (home, "2", "1", am_start, am_end, rule, "")
        alight_home = (home, "1", "2", am_start, am_end, "", rule)
        board_there = (zone, "2", "1", am_start, am_end, rule, "")
        alight_there = (zone, "1", "2", am_start, am_end, "", rule)
        out.append((f"automaatje-twenterand-to-{short}-{svc}", AUTOMAATJE_ROUTE, svc, ZONE_MUNICIPALITY[zone],
                    0, [board_home, alight_there]))
        out.append((f"automaatje-{short}-to-twenterand-{svc}", AUTOMAATJE_ROUTE, svc, "Twenterand",
                    0, [board_there, alight_home]))
    out.sort(key=lambda t: t[0])
    return out


def locations_geojson() -> bytes:
    """One Feature per zone, one line each (closed rings, [lon, lat], counter-clockwise)."""
    lines = ['{', '  "type": "FeatureCollection",', '  "features": [']
    for i, zone in enumerate(ZONE_ORDER):
        name, ring = ZONES[zone]
        closed = list(ring) + [ring[0]]
        feature = {"type": "Feature", "id": zone, "properties": {"stop_name": name},
                   "geometry": {"type": "Polygon", "coordinates": [[[lon, lat] for lon, lat in closed]]}}
        text = json.dumps(feature, ensure_ascii=False, separators=(", ", ": "))
        lines.append("    " + text + ("," if i < len(ZONE_ORDER) - 1 else ""))
    lines += ["  ]", "}", ""]
    return "\n".join(lines).encode("utf-8")


def service_rules() -> dict:
    rt, am = REGIOTAXI_RULES, AUTOMAATJE_RULES
    return {
        "version": 1,
        "currency": "EUR",
        "services": [
            {
                "id": "regiotaxi", "routeId": REGIOTAXI_ROUTE, "name": "Regiotaxi Twente", "kind": "regiotaxi",
                "eligibility": {"requiresPass": "wmo", "minimumAge": None, "requiresMembership": None},
                "booking": {"leadTimeMinutes": rt["lead_min"], "lateBookingAfter": rt["late_after"],
                            "lateBookingSurcharge": rt["late_surcharge"],
                            "freeCancellationMinutes": rt["free_cancel_min"], "cancellationFee": rt["cancel_fee"],
                            "workingDaysOnly": False, "leadWorkingDays": None, "responseDeadlineHours": None},
                "fare": {"startFee": rt["start_fee"], "perKm": rt["per_km"], "marketStartFee": rt["market_start_fee"],
                         "marketPerKm": rt["market_per_km"], "perKmFromDriverHome": False,
                         "paidTo": "Regiotaxi Twente"},
                "distance": {"tariffRadiusKm": rt["tariff_radius_km"], "maximumRadiusKm": rt["max_radius_km"],
                             "measuredFrom": "home"},
                "yearlyKmBudget": rt["yearly_km"],
                "companions": {"socialPays": True, "medicalFree": True, "minimumAge": 12, "maximum": 1},
                "rideTime": {"factor": rt["ride_factor"], "extraMinutes": rt["ride_extra_min"]},
                "pickupWindowMinutes": rt["pickup_window_min"],
                "serviceHours": {"start": rt["hours"][0], "end": rt["hours"][1]},
                "guaranteed": True,
                # Every aid, vehicle aid and kind of supervision of the CROW list: whether a
                # vehicle on duty has what a ride needs is the dispatcher's question.
                "serves": [f"HR-{n:02d}" for n in range(1, 13)] + [f"HV-{n:02d}" for n in range(1, 6)]
                          + [f"AB-{n:02d}" for n in range(1, 5)],
                "municipalities": [{"zone": z, "name": ZONE_MUNICIPALITY[z]} for z in ZONE_ORDER],
            },
            {
                "id": "automaatje", "routeId": AUTOMAATJE_ROUTE, "name": "AutoMaatje Twenterand",
                "kind": "volunteer",
                "eligibility": {"requiresPass": None, "minimumAge": None, "requiresMembership": "automaatje"},
                "booking": {"leadTimeMinutes": None, "lateBookingAfter": None, "lateBookingSurcharge": 0,
                            "freeCancellationMinutes": am["free_cancel_min"], "cancellationFee": 0,
                            "workingDaysOnly": True, "leadWorkingDays": am["lead_working_days"],
                            "responseDeadlineHours": am["response_hours"]},
                "fare": {"startFee": 0, "perKm": am["per_km"], "marketStartFee": None, "marketPerKm": None,
                         "perKmFromDriverHome": True, "paidTo": "the volunteer driver"},
                "distance": {"tariffRadiusKm": am["radius_km"], "maximumRadiusKm": am["radius_km"],
                             "measuredFrom": "home"},
                "yearlyKmBudget": None,
                "companions": {"socialPays": False, "medicalFree": True, "minimumAge": 12, "maximum": 1},
                "rideTime": None,
                "pickupWindowMinutes": 15,
                "serviceHours": {"start": am["hours"][0], "end": am["hours"][1]},
                "guaranteed": False,
                "serves": ["HR-07"],
                "municipalities": [{"zone": "zone-twenterand", "name": ZONE_MUNICIPALITY["zone-twenterand"]}],
            },
        ],
    }


# ------------------------------------------------------------------------------------------------
# Scenarios: supply (Regiotaxi fleet, AutoMaatje volunteers) and people (travellers, places)
# ------------------------------------------------------------------------------------------------
# All modelled, written to Scenarios/twente/*.json; documented in Scenarios/README.md.  Names of
# people are pseudonyms, homes are village-level positions (no real addresses).

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
ALL_DAYS = WEEKDAYS + ["sat", "sun"]

# depot key -> (name, lat, lon): modelled positions on the edge of each town.
DEPOTS = {
    "almelo": ("Depot Almelo", 52.3640, 6.6380),
    "vriezenveen": ("Depot Vriezenveen", 52.4025, 6.6090),
    "hardenberg": ("Depot Hardenberg", 52.5680, 6.6300),
    "nijverdal": ("Depot Nijverdal", 52.3580, 6.4700),
}

# id, depot, seats, wheelchair places, shifts [(days, start, end)].  Seats are passenger seats
# beside the driver; a wheelchair place is extra floor space (the van keeps its seats).
# Weekdays: early 06:00-14:00, day 07:00-17:00, late 14:00-22:00, night 17:00-25:00;
# weekends thinner (3-4 vehicles a day), still covering 06:00-25:00.
FLEET = [
    ("RT-01", "almelo", 8, 2, [(WEEKDAYS, "06:00", "14:00"), (["sat"], "06:00", "15:00")]),
    ("RT-02", "almelo", 8, 2, [(WEEKDAYS, "14:00", "22:00"), (["sat"], "15:00", "25:00")]),
    ("RT-03", "almelo", 6, 1, [(WEEKDAYS, "08:00", "16:30")]),
    ("RT-04", "almelo", 4, 0, [(WEEKDAYS, "17:00", "25:00"), (["sun"], "15:00", "25:00")]),
    ("RT-05", "almelo", 4, 0, [(WEEKDAYS, "07:00", "15:00"), (["sun"], "06:00", "15:00")]),
    ("RT-06", "vriezenveen", 8, 2, [(WEEKDAYS, "06:00", "14:00"), (["sun"], "09:00", "18:00")]),
    ("RT-07", "vriezenveen", 6, 1, [(WEEKDAYS, "14:00", "22:00"), (["sat"], "09:00", "18:00")]),
    ("RT-08", "vriezenveen", 4, 0, [(WEEKDAYS, "08:00", "17:00")]),
    ("RT-09", "vriezenveen", 4, 0, [(WEEKDAYS, "17:00", "25:00"), (["sat"], "17:00", "25:00")]),
    ("RT-10", "hardenberg", 6, 1, [(WEEKDAYS, "07:00", "15:00")]),
    ("RT-11", "hardenberg", 4, 0, [(WEEKDAYS, "12:00", "20:00"), (["sat"], "10:00", "18:00")]),
    ("RT-12", "nijverdal", 7, 1, [(WEEKDAYS, "06:00", "14:00"), (["sun"], "10:00", "18:00")]),
    ("RT-13", "nijverdal", 4, 0, [(WEEKDAYS, "14:00", "22:00"), (["sat"], "08:00", "16:00")]),
    ("RT-14", "nijverdal", 8, 2, [(WEEKDAYS, "09:00", "17:00")]),
]

# id, first name (pseudonym), home (village, lat, lon), max rides per day, per week, seats,
# wheelchair, acceptance rate, availability [(days, start, end)].  Fifteen live in Twenterand;
# V16 (Daarlerveen, Hellendoorn), V17 (Sibculo) and V18 (Kloosterhaar, both Hardenberg) live
# just across its border, as volunteers of a village scheme often do.
VOLUNTEERS = [
    ("V01", "Henk", ("Vroomshoop", 52.4630, 6.5790), 2, 5, 3, False, 0.8,
     [(["mon"], "09:00", "12:00"), (["wed"], "09:00", "16:00"), (["fri"], "13:00", "17:00")]),
    ("V02", "Gerda", ("Vriezenveen", 52.4110, 6.6280), 1, 2, 3, False, 0.9,
     [(["tue", "thu"], "08:30", "12:30")]),
    ("V03", "Jan", ("Westerhaar", 52.4550, 6.6170), 2, 6, 4, False, 0.75,
     [(WEEKDAYS, "08:00", "12:00")]),
    ("V04", "Dinie", ("Den Ham", 52.4620, 6.4930), 1, 2, 3, False, 0.85,
     [(["mon", "wed"], "13:00", "17:30")]),
    ("V05", "Bennie", ("Vriezenveen", 52.4050, 6.6190), 3, 6, 4, False, 0.7,
     [(["mon", "tue", "wed"], "08:00", "18:00")]),
    ("V06", "Annie", ("Vroomshoop", 52.4590, 6.5720), 1, 1, 3, False, 0.95,
     [(["thu"], "09:00", "15:00")]),
    ("V07", "Harm", ("Vriezenveen", 52.4140, 6.6230), 2, 4, 2, True, 0.8,
     [(["tue", "thu"], "08:00", "17:00"), (["fri"], "08:00", "12:00")]),
    ("V08", "Riek", ("Westerhaar", 52.4600, 6.6250), 1, 2, 3, False, 0.65,
     [(["wed", "fri"], "09:30", "14:30")]),
    ("V09", "Wim", ("Den Ham", 52.4665, 6.5000), 2, 5, 4, False, 0.6,
     [(WEEKDAYS, "13:00", "18:00")]),
    ("V10", "Jannie", ("Vriezenveen", 52.4075, 6.6330), 1, 2, 3, False, 0.9,
     [(["mon", "thu"], "10:00", "16:00")]),
    ("V11", "Albert", ("Geerdijk", 52.4750, 6.5650), 2, 3, 3, False, 0.7,
     [(["tue"], "08:00", "18:00"), (["fri"], "08:00", "13:00")]),
    ("V12", "Hennie", ("Vroomshoop", 52.4655, 6.5800), 1, 4, 4, False, 0.85,
     [(["mon", "tue", "wed", "thu"], "08:00", "11:30")]),
    ("V13", "Mina", ("Westerhaar", 52.4500, 6.6240), 1, 2, 3, False, 0.75,
     [(["tue", "wed"], "12:00", "17:00")]),
    ("V14", "Johan", ("Vriezenveen", 52.4020, 6.6250), 2, 4, 4, False, 0.8,
     [(["wed", "thu", "fri"], "08:00", "14:00")]),
    ("V15", "Truus", ("Den Ham", 52.4600, 6.5010), 1, 2, 3, False, 0.9,
     [(["mon", "fri"], "08:30", "12:00")]),
    ("V16", "Evert", ("Daarlerveen", 52.4430, 6.5780), 2, 4, 4, False, 0.7,
     [(["mon", "wed", "fri"], "09:00", "17:00")]),
    ("V17", "Tonnie", ("Sibculo", 52.4800, 6.6410), 1, 2, 3, False, 0.8,
     [(["tue", "thu"], "13:00", "18:00")]),
    ("V18", "Gerrit", ("Kloosterhaar", 52.5010, 6.6380), 2, 5, 4, False, 0.55,
     [(WEEKDAYS, "10:00", "15:00")]),
]

# id, name, kind, lat, lon.  Real places at approximate positions (within a few hundred
# metres); GP practices, pharmacies and day centres carry generic names.
PLACES = [
    ("zgt-almelo", "Ziekenhuis ZGT Almelo", "hospital", 52.3497, 6.6378),
    ("zgt-hengelo", "Ziekenhuis ZGT Hengelo", "hospital", 52.2752, 6.7826),
    ("saxenburgh-hardenberg", "Saxenburgh Medisch Centrum Hardenberg", "hospital", 52.5710, 6.6090),
    ("gp-vriezenveen", "Huisartsenpraktijk Vriezenveen", "gp", 52.4080, 6.6210),
    ("gp-westerhaar", "Huisartsenpraktijk Westerhaar", "gp", 52.4565, 6.6225),
    ("gp-vroomshoop", "Huisartsenpraktijk Vroomshoop", "gp", 52.4625, 6.5740),
    ("gp-den-ham", "Huisartsenpraktijk Den Ham", "gp", 52.4645, 6.4985),
    ("pharmacy-vriezenveen", "Apotheek Vriezenveen", "pharmacy", 52.4100, 6.6245),
    ("pharmacy-vroomshoop", "Apotheek Vroomshoop", "pharmacy", 52.4615, 6.5765),
    ("pharmacy-den-ham", "Apotheek Den Ham", "pharmacy", 52.4630, 6.4975),
    ("day-centre-vriezenveen", "Dagactiviteitencentrum Vriezenveen", "dayCentre", 52.4060, 6.6270),
    ("day-centre-vroomshoop", "Dagactiviteitencentrum Vroomshoop", "dayCentre", 52.4590, 6.5800),
    ("day-centre-den-ham", "Dagactiviteitencentrum Den Ham", "dayCentre", 52.4610, 6.4940),
    ("centre-vriezenveen", "Vriezenveen, centrum", "villageCentre", 52.4092, 6.6240),
    ("centre-westerhaar", "Westerhaar-Vriezenveensewijk, centrum", "villageCentre", 52.4577, 6.6218),
    ("centre-vroomshoop", "Vroomshoop, centrum", "villageCentre", 52.4612, 6.5760),
    ("centre-den-ham", "Den Ham, centrum", "villageCentre", 52.4636, 6.4960),
    ("centre-geerdijk", "Geerdijk", "villageCentre", 52.4760, 6.5660),
    ("centre-daarlerveen", "Daarlerveen, centrum", "villageCentre", 52.4419, 6.5767),
    ("centre-sibculo", "Sibculo, centrum", "villageCentre", 52.4810, 6.6400),
    ("centre-kloosterhaar", "Kloosterhaar, centrum", "villageCentre", 52.5020, 6.6390),
    ("centre-almelo", "Almelo, centrum", "townCentre", 52.3565, 6.6630),
]
PLACE_KINDS = ["hospital", "gp", "pharmacy", "dayCentre", "villageCentre", "townCentre"]

# The CROW codes the travellers carry (HR-01 wheelchair, HR-09 mobility scooter, HR-07 rollator,
# AB-02 help from door to door); Sources/Domain/CROWCode.swift has the whole list.
CROW_CODES = ["HR-01", "HR-09", "HR-07", "AB-02"]

# Travellers: the cases the planner must explain.
TRAVELLERS = [
    {"id": "jansen", "name": "Mevrouw Jansen", "age": 78,
     "home": {"name": "Westerhaar", "lat": 52.4590, "lon": 6.6195}, "livesAlone": True,
     "wmoPass": {"number": "WMO-0001", "kmBudgetLeft": 1450, "needs": ["HR-01"]},
     "automaatjeMember": True, "needs": ["HR-01"], "companions": 0, "companionKind": None,
     "maxWalkMetres": 150, "preferences": {"prefer": "comfort", "avoidTransfers": True}},
    {"id": "de-vries", "name": "Meneer De Vries", "age": 72,
     "home": {"name": "Vroomshoop", "lat": 52.4640, "lon": 6.5710}, "livesAlone": False,
     "wmoPass": None, "automaatjeMember": True, "needs": ["HR-07"], "companions": 0, "companionKind": None,
     "maxWalkMetres": 300, "preferences": {"prefer": "comfort", "avoidTransfers": True}},
    {"id": "bakker", "name": "Mevrouw Bakker", "age": 81,
     "home": {"name": "Vriezenveen", "lat": 52.4040, "lon": 6.6300}, "livesAlone": True,
     "wmoPass": {"number": "WMO-0002", "kmBudgetLeft": 0, "needs": ["HR-07"]},
     "automaatjeMember": False, "needs": ["HR-07"], "companions": 0, "companionKind": None,
     "maxWalkMetres": 200, "preferences": {"prefer": "price", "avoidTransfers": True}},
    {"id": "smit", "name": "Meneer Smit", "age": 70,
     "home": {"name": "Den Ham", "lat": 52.4660, "lon": 6.5010}, "livesAlone": False,
     "wmoPass": None, "automaatjeMember": False, "needs": [], "companions": 0, "companionKind": None,
     "maxWalkMetres": 800, "preferences": {"prefer": "speed", "avoidTransfers": False}},
    {"id": "mulder", "name": "Mevrouw Mulder", "age": 83,
     "home": {"name": "Vriezenveen", "lat": 52.4130, "lon": 6.6190}, "livesAlone": True,
     "wmoPass": {"number": "WMO-0003", "kmBudgetLeft": 1820, "needs": ["HR-09"]},
     "automaatjeMember": False, "needs": ["HR-09"], "companions": 0, "companionKind": None,
     "maxWalkMetres": 100, "preferences": {"prefer": "comfort", "avoidTransfers": True}},
    {"id": "visser", "name": "Meneer Visser", "age": 76,
     "home": {"name": "Geerdijk", "lat": 52.4765, "lon": 6.5640}, "livesAlone": False,
     "wmoPass": {"number": "WMO-0004", "kmBudgetLeft": 980, "needs": ["AB-02"]},
     "automaatjeMember": True, "needs": ["AB-02"], "companions": 1, "companionKind": "medical",
     "maxWalkMetres": 100, "preferences": {"prefer": "comfort", "avoidTransfers": True}},
    {"id": "de-boer", "name": "Mevrouw De Boer", "age": 74,
     "home": {"name": "Daarlerveen", "lat": 52.4425, "lon": 6.5755}, "livesAlone": True,
     "wmoPass": {"number": "WMO-0005", "kmBudgetLeft": 2000, "needs": []},
     "automaatjeMember": False, "needs": [], "companions": 0, "companionKind": None,
     "maxWalkMetres": 400, "preferences": {"prefer": "price", "avoidTransfers": False}},
    {"id": "meijer", "name": "Mevrouw Meijer", "age": 88,
     "home": {"name": "Vroomshoop", "lat": 52.4595, "lon": 6.5785}, "livesAlone": True,
     "wmoPass": {"number": "WMO-0006", "kmBudgetLeft": 620, "needs": ["HR-07", "AB-02"]},
     "automaatjeMember": True, "needs": ["HR-07", "AB-02"], "companions": 1, "companionKind": "social",
     "maxWalkMetres": 50, "preferences": {"prefer": "comfort", "avoidTransfers": True}},
]
PREFERENCES = ["comfort", "speed", "price"]  # as in Sources/Mobility (Traveller.Preferences)


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


# ------------------------------------------------------------------------------------------------
# Geometry (zones are small: plain lon/lat arithmetic for point-in-polygon, haversine for distances)
# ------------------------------------------------------------------------------------------------


def ring_area(ring) -> float:
    """Signed area (shoelace) of an open or closed [(lon, lat)] ring: > 0 when counter-clockwise."""
    pts = list(ring)
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    return sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
               for i in range(len(pts))) / 2


def on_segment(p, a, b, eps=1e-9) -> bool:
    (px, py), (ax, ay), (bx, by) = p, a, b
    cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
    if abs(cross) > eps:
        return False
    return min(ax, bx) - eps <= px <= max(ax, bx) + eps and min(ay, by) - eps <= py <= max(ay, by) + eps


def point_in_ring(p, ring) -> bool:
    """Ray casting; ring open or closed, [(lon, lat)].  Points on the boundary count as inside."""
    pts = list(ring)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    x, y = p
    inside = False
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        if on_segment(p, (x1, y1), (x2, y2)):
            return True
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def strictly_inside(p, ring) -> bool:
    pts = list(ring) + [ring[0]]
    if any(on_segment(p, a, b) for a, b in zip(pts, pts[1:])):
        return False
    return point_in_ring(p, ring)


def segments_cross(a, b, c, d) -> bool:
    """True when segments ab and cd cross at a single interior point of both."""
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-12 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def zone_of(lat: float, lon: float) -> list[str]:
    return [z for z in ZONE_ORDER if point_in_ring((lon, lat), ZONES[z][1])]


def nearest_stop(lat: float, lon: float, stops) -> str:
    """The nearest boardable stop (location_type 0) of [(stop_id, lat, lon)]; ties by stop_id."""
    return min(stops, key=lambda s: (round(haversine_km((lat, lon), (s[1], s[2])), 6), s[0]))[0]


def haversine_km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def json_bytes(obj, sort_keys: bool) -> bytes:
    return (json.dumps(obj, indent=2, sort_keys=sort_keys, ensure_ascii=False) + "\n").encode("utf-8")


def build_scenarios() -> dict[str, bytes]:
    """Scenarios/twente/*.json (camelCase keys, 2-space indent, sorted keys, UTF-8, final newline)."""
    quays = [(q[0], q[2], q[3]) for q in QUAYS]
    files = {}
    vehicles = []
    for vid, depot, seats, wheel, shifts in FLEET:
        name, lat, lon = DEPOTS[depot]
        # Vans (with wheelchair places) are buses with a lift, a scooter place and room for two
        # folded aids; taxis are cars with room for one (CROW codes HR-02, HR-03, HR-09, AV-02, ...).
        van = wheel > 0
        vehicles.append({"id": vid, "depot": {"name": name, "lat": lat, "lon": lon}, "seats": seats,
                         "wheelchairPlaces": wheel, "kind": "bus" if van else "car", "frontSeats": 1,
                         "scooterPlaces": 1 if van else 0, "stowedAids": 2 if van else 1, "lift": van,
                         "lowFloor": False, "dogsAllowed": True,
                         "shifts": [{"days": list(days), "start": s, "end": e} for days, s, e in shifts]})
    files["fleet.json"] = json_bytes({"vehicles": vehicles}, True)
    volunteers = []
    for vid, first, (village, lat, lon), per_day, per_week, seats, wheel, rate, avail in VOLUNTEERS:
        volunteers.append({
            "id": vid, "name": f"{first} ({vid})", "home": {"name": village, "lat": lat, "lon": lon},
            "availability": [{"day": d, "start": s, "end": e} for days, s, e in avail for d in days],
            "maxRidesPerDay": per_day, "maxRidesPerWeek": per_week, "seats": seats, "wheelchair": wheel,
            "acceptanceRate": rate})
    for v in volunteers:
        v["availability"].sort(key=lambda a: (ALL_DAYS.index(a["day"]), a["start"]))
    files["volunteers.json"] = json_bytes({"volunteers": volunteers}, True)
    places = [{"id": pid, "name": name, "kind": kind, "lat": lat, "lon": lon,
               "nearestStopId": nearest_stop(lat, lon, quays)} for pid, name, kind, lat, lon in PLACES]
    files["places.json"] = json_bytes({"places": places}, True)
    files["travellers.json"] = json_bytes({"travellers": TRAVELLERS}, True)
    return files


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
        [(a, n, u, TZ, lang, ph) for a, n, u, lang, ph in sorted(AGENCIES + FLEX_AGENCIES)])
    files["routes.txt"] = csv_bytes(ROUTES_HEADER, sorted(ROUTES + FLEX_ROUTES, key=lambda r: r[0]))

    stop_rows = []
    for sid, name, lat, lon in STATIONS:
        stop_rows.append((sid, name, f"{lat:.6f}", f"{lon:.6f}", "1", "", "1", ""))
    for sid, name, lat, lon, parent, code, wb in QUAYS:
        stop_rows.append((sid, name, f"{lat:.6f}", f"{lon:.6f}", "0", parent, str(wb), code))
    files["stops.txt"] = csv_bytes(
        ["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station",
         "wheelchair_boarding", "platform_code"], sorted(stop_rows))

    trips = build_trips()
    flex = flex_trips()
    # Public-transport trips first (sorted by trip_id), then the flexible ones (their ids,
    # "automaatje-..." and "regiotaxi-...", sort after every public-transport id).
    files["trips.txt"] = csv_bytes(
        ["route_id", "service_id", "trip_id", "trip_headsign", "direction_id", "block_id",
         "wheelchair_accessible", "bikes_allowed"],
        [(t.route_id, t.service_id, t.trip_id, t.headsign, str(t.direction), t.block_id,
          str(t.wheelchair), str(t.bikes)) for t in trips]
        + [(route, service, tid, headsign, "", "", str(wheel), "2")
           for tid, route, service, headsign, wheel, _ in flex])
    # stop_times.txt: the GTFS-Flex columns follow the regular ones; they are empty on the
    # fixed-route rows, and the flexible rows have no stop_id and no times.
    st_rows = []
    for t in trips:
        n = len(t.times)
        for i, (s, arr, dep) in enumerate(t.times):
            pickup = "1" if i == n - 1 else "0"
            drop = "1" if i == 0 else "0"
            if 0 < i < n - 1 and s in t.untimed:
                st_rows.append((t.trip_id, "", "", s, str(i + 1), pickup, drop, "0") + ("",) * 6)
            else:
                st_rows.append((t.trip_id, fmt_time(arr), fmt_time(dep), s, str(i + 1), pickup, drop, "1")
                               + ("",) * 6)
    for tid, _, _, _, _, calls in flex:
        for i, (location, pickup, drop, start, end, p_rule, d_rule) in enumerate(calls):
            st_rows.append((tid, "", "", "", str(i + 1), pickup, drop, "", "", location, start, end,
                            p_rule, d_rule))
    files["stop_times.txt"] = csv_bytes(
        ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "pickup_type",
         "drop_off_type", "timepoint", "location_group_id", "location_id", "start_pickup_drop_off_window",
         "end_pickup_drop_off_window", "pickup_booking_rule_id", "drop_off_booking_rule_id"], st_rows)
    files["locations.geojson"] = locations_geojson()
    files["location_groups.txt"] = csv_bytes(
        ["location_group_id", "location_group_name"],
        sorted((gid, name) for gid, (name, _) in LOCATION_GROUPS.items()))
    files["location_group_stops.txt"] = csv_bytes(
        ["location_group_id", "stop_id"],
        sorted((gid, sid) for gid, (_, stops) in LOCATION_GROUPS.items() for sid in stops))
    files["booking_rules.txt"] = csv_bytes(BOOKING_RULES_HEADER, booking_rules())
    files["service-rules.json"] = json_bytes(service_rules(), False)

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

    by_trip, flex_trip_ids = {}, set()
    for r in read_csv(os.path.join(out, "stop_times.txt")):
        if r.get("location_id") or r.get("location_group_id"):
            # a GTFS-Flex zone call: checked by check_flex
            if r["trip_id"] not in trips:
                errors.append(f"stop_times: unknown trip {r['trip_id']}")
            flex_trip_ids.add(r["trip_id"])
            continue
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
        if tid not in by_trip and tid not in flex_trip_ids:
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
        late = [t for t in trips.values() if t["service_id"] in svcs and t["trip_id"] in by_trip
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


def is_time(s: str, seconds: bool) -> bool:
    parts = s.split(":")
    if len(parts) != (3 if seconds else 2) or not all(p.isdigit() and len(p) == 2 for p in parts):
        return False
    return int(parts[1]) < 60 and (not seconds or int(parts[2]) < 60)


def working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def check_flex(out: str, stats: bool) -> list[str]:
    """Checks the GTFS-Flex files, the zones and service-rules.json."""
    errors = []
    stops = {s["stop_id"]: s for s in read_csv(os.path.join(out, "stops.txt"))}
    routes = {r["route_id"]: r for r in read_csv(os.path.join(out, "routes.txt"))}
    trips = {t["trip_id"]: t for t in read_csv(os.path.join(out, "trips.txt"))}
    flex_routes = {r[0] for r in FLEX_ROUTES}

    # locations.geojson
    with open(os.path.join(out, "locations.geojson"), encoding="utf-8") as fh:
        gj = json.load(fh)
    zones = {}
    if gj.get("type") != "FeatureCollection" or not isinstance(gj.get("features"), list):
        return ["locations.geojson: not a FeatureCollection"]
    for f in gj["features"]:
        zid = f.get("id")
        geom = f.get("geometry", {})
        if f.get("type") != "Feature" or not isinstance(zid, str) or not zid:
            errors.append(f"locations.geojson: feature without a string id: {zid!r}")
            continue
        if zid in zones or zid in stops or zid in LOCATION_GROUPS:
            errors.append(f"locations.geojson: id {zid} is not unique across stops, locations and groups")
        if not f.get("properties", {}).get("stop_name"):
            errors.append(f"locations.geojson: {zid} has no stop_name")
        if geom.get("type") != "Polygon" or len(geom.get("coordinates", [])) != 1:
            errors.append(f"locations.geojson: {zid} is not a Polygon with one (outer) ring")
            continue
        ring = [tuple(p) for p in geom["coordinates"][0]]
        if len(ring) < 4 or ring[0] != ring[-1]:
            errors.append(f"locations.geojson: {zid}: ring not closed")
            continue
        if not all(6.0 < lon < 7.5 and 52.0 < lat < 53.0 for lon, lat in ring):
            errors.append(f"locations.geojson: {zid}: a position is not [lon, lat] in Twente")
        pts = ring[:-1]
        if not 10 <= len(pts) <= 25:
            errors.append(f"locations.geojson: {zid}: {len(pts)} vertices (expected 10-25)")
        if len(set(pts)) != len(pts):
            errors.append(f"locations.geojson: {zid}: repeated vertex")
        if ring_area(ring) <= 0:
            errors.append(f"locations.geojson: {zid}: outer ring is not counter-clockwise")
        n = len(pts)
        for i in range(n):
            for j in range(i + 2, n):
                if i == 0 and j == n - 1:
                    continue
                if segments_cross(pts[i], pts[(i + 1) % n], pts[j], pts[(j + 1) % n]):
                    errors.append(f"locations.geojson: {zid}: ring crosses itself")
        zones[zid] = pts
    if set(zones) != set(ZONE_ORDER):
        errors.append(f"locations.geojson: zones {sorted(zones)} != {sorted(ZONE_ORDER)}")
    # zones must not overlap: no crossing edges, no vertex or edge midpoint strictly inside
    # another zone, and no point of a 0.005-degree grid in two zones
    names = sorted(zones)
    for ai, a in enumerate(names):
        ra = zones[a]
        ea = list(zip(ra, ra[1:] + ra[:1]))
        for b in names[ai + 1:]:
            rb = zones[b]
            eb = list(zip(rb, rb[1:] + rb[:1]))
            if any(segments_cross(p, q, r, s) for p, q in ea for r, s in eb):
                errors.append(f"zones {a} and {b}: borders cross")
            for x, rx, y, ry, ex in ((a, ra, b, rb, ea), (b, rb, a, ra, eb)):
                probes = list(rx) + [((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) for p, q in ex]
                if any(strictly_inside(p, ry) for p in probes):
                    errors.append(f"zones {x} and {y} overlap")
                    break
    if zones:
        lon0 = min(p[0] for r in zones.values() for p in r)
        lon1 = max(p[0] for r in zones.values() for p in r)
        lat0 = min(p[1] for r in zones.values() for p in r)
        lat1 = max(p[1] for r in zones.values() for p in r)
        overlaps = 0
        for i in range(int((lat1 - lat0) / 0.005) + 1):
            for j in range(int((lon1 - lon0) / 0.005) + 1):
                p = (lon0 + 0.0025 + j * 0.005, lat0 + 0.0025 + i * 0.005)
                if sum(1 for r in zones.values() if strictly_inside(p, r)) > 1:
                    overlaps += 1
        if overlaps:
            errors.append(f"zones overlap at {overlaps} grid points")

    # every stop in exactly one zone, the one of its municipality
    in_zone, outside = {z: [] for z in zones}, []
    for sid, s in sorted(stops.items()):
        lat, lon = float(s["stop_lat"]), float(s["stop_lon"])
        found = [z for z in names if point_in_ring((lon, lat), zones[z])]
        if not found:
            outside.append(sid)
            continue
        if len(found) > 1:
            errors.append(f"stop {sid} lies in {len(found)} zones: {found}")
        in_zone[found[0]].append(sid)
        town = sid.split(":")[-1][:2]
        if TOWN_ZONE.get(town) not in found:
            errors.append(f"stop {sid} ({s['stop_name']}) lies in {found}, expected {TOWN_ZONE.get(town)}")
    if outside:
        print("stops outside every zone: " + ", ".join(outside))
    for name, lat, lon, zone in VILLAGES:
        found = [z for z in names if point_in_ring((lon, lat), zones[z])]
        if found != [zone]:
            errors.append(f"village {name}: in {found}, expected {zone}")

    # location groups
    groups = {g["location_group_id"]: g for g in read_csv(os.path.join(out, "location_groups.txt"))}
    for gid in groups:
        if gid in stops or gid in zones:
            errors.append(f"location group {gid}: id also used by a stop or zone")
    members = {}
    for r in read_csv(os.path.join(out, "location_group_stops.txt")):
        if r["location_group_id"] not in groups:
            errors.append(f"location_group_stops: unknown group {r['location_group_id']}")
        s = stops.get(r["stop_id"])
        if s is None or s["location_type"] not in ("", "0"):
            errors.append(f"location_group_stops: {r['stop_id']} is not a stop/platform")
        members.setdefault(r["location_group_id"], []).append(r["stop_id"])
    for gid in groups:
        if not members.get(gid):
            errors.append(f"location group {gid} has no stops")

    # booking rules
    rules = {r["booking_rule_id"]: r for r in read_csv(os.path.join(out, "booking_rules.txt"))}
    cal = read_csv(os.path.join(out, "calendar_dates.txt"))
    svc_days = {}
    for c in cal:
        if c["exception_type"] == "1":
            svc_days.setdefault(c["service_id"], set()).add(c["date"])
    for rid, r in rules.items():
        kind = r["booking_type"]
        if kind == "1":
            if not r["prior_notice_duration_min"].isdigit():
                errors.append(f"booking rule {rid}: type 1 needs prior_notice_duration_min")
            if r["prior_notice_last_day"] or r["prior_notice_last_time"] or r["prior_notice_service_id"]:
                errors.append(f"booking rule {rid}: type 1 forbids prior_notice_last_* / service_id")
        elif kind == "2":
            if not r["prior_notice_last_day"].isdigit() or not is_time(r["prior_notice_last_time"], True):
                errors.append(f"booking rule {rid}: type 2 needs prior_notice_last_day and _last_time")
            if r["prior_notice_duration_min"] or r["prior_notice_duration_max"]:
                errors.append(f"booking rule {rid}: type 2 forbids prior_notice_duration_*")
        else:
            errors.append(f"booking rule {rid}: booking_type {kind!r}")
        svc = r["prior_notice_service_id"]
        if svc:
            days = svc_days.get(svc, set())
            if not days:
                errors.append(f"booking rule {rid}: prior_notice_service_id {svc} never runs")
            d = FEED_START
            while d <= FEED_END:
                if (d.strftime("%Y%m%d") in days) != working_day(d):
                    errors.append(f"booking rule {rid}: service {svc} on {d} does not match working days")
                    break
                d += dt.timedelta(days=1)
        if not r["message"]:
            errors.append(f"booking rule {rid}: no message")

    # flexible stop_times
    flex_rows = {}
    for r in read_csv(os.path.join(out, "stop_times.txt")):
        if r["location_id"] or r["location_group_id"]:
            flex_rows.setdefault(r["trip_id"], []).append(r)
        elif r["start_pickup_drop_off_window"] or r["end_pickup_drop_off_window"] or \
                r["pickup_booking_rule_id"] or r["drop_off_booking_rule_id"]:
            errors.append(f"stop_times: trip {r['trip_id']}: Flex columns on a fixed-route row")
    windows_by_route = {}
    for tid, t in trips.items():
        is_flex = t["route_id"] in flex_routes
        if is_flex != (tid in flex_rows):
            errors.append(f"trip {tid}: route {t['route_id']} and its stop_times disagree about Flex")
    for tid, rows in flex_rows.items():
        rows.sort(key=lambda r: int(r["stop_sequence"]))
        if [int(r["stop_sequence"]) for r in rows] != list(range(1, len(rows) + 1)) or len(rows) < 2:
            errors.append(f"flex trip {tid}: stop_sequence not 1..n (n >= 2)")
        for r in rows:
            where = f"flex trip {tid} seq {r['stop_sequence']}"
            if r["arrival_time"] or r["departure_time"] or r["stop_id"]:
                errors.append(f"{where}: times or stop_id on a zone call")
            if bool(r["location_id"]) == bool(r["location_group_id"]):
                errors.append(f"{where}: needs exactly one of location_id / location_group_id")
            if r["location_id"] and r["location_id"] not in zones:
                errors.append(f"{where}: unknown location_id {r['location_id']}")
            if r["location_group_id"] and r["location_group_id"] not in groups:
                errors.append(f"{where}: unknown location_group_id {r['location_group_id']}")
            a, b = r["start_pickup_drop_off_window"], r["end_pickup_drop_off_window"]
            if not (is_time(a, True) and is_time(b, True) and tmin(a) < tmin(b)):
                errors.append(f"{where}: bad window {a}-{b}")
            if r["pickup_type"] not in ("1", "2") or r["drop_off_type"] not in ("1", "2"):
                errors.append(f"{where}: pickup/drop_off_type must be 1 or 2 on a zone call")
            for kind, col in (("pickup_type", "pickup_booking_rule_id"), ("drop_off_type", "drop_off_booking_rule_id")):
                if r[col] and r[col] not in rules:
                    errors.append(f"{where}: unknown booking rule {r[col]}")
                if (r[kind] == "2") != bool(r[col]):
                    errors.append(f"{where}: {col} should be set exactly when {kind}=2")
            rid = trips[tid]["route_id"] if tid in trips else ""
            windows_by_route.setdefault(rid, set()).add((a, b))
        if not any(r["pickup_type"] == "2" for r in rows[:-1]) or rows[-1]["drop_off_type"] != "2":
            errors.append(f"flex trip {tid}: no pickup before the last call's drop-off")

    # service-rules.json
    with open(os.path.join(out, "service-rules.json"), encoding="utf-8") as fh:
        sr = json.load(fh)
    if sr.get("version") != 1 or sr.get("currency") != "EUR":
        errors.append("service-rules.json: version 1 / EUR expected")
    by_id = {s["id"]: s for s in sr.get("services", [])}
    for sid, s in by_id.items():
        if s["routeId"] not in routes or s["routeId"] not in flex_routes:
            errors.append(f"service-rules.json: {sid}: unknown route {s['routeId']}")
        for m in s["municipalities"]:
            if m["zone"] not in zones:
                errors.append(f"service-rules.json: {sid}: unknown zone {m['zone']}")
        hours = (s["serviceHours"]["start"] + ":00", s["serviceHours"]["end"] + ":00")
        if windows_by_route.get(s["routeId"]) != {hours}:
            errors.append(f"service-rules.json: {sid}: serviceHours {hours} != windows "
                          f"{sorted(windows_by_route.get(s['routeId'], ()))}")
    rt, am = by_id.get("regiotaxi"), by_id.get("automaatje")
    if rt is None or am is None:
        errors.append("service-rules.json: regiotaxi and automaatje expected")
    else:
        if {m["zone"] for m in rt["municipalities"]} != set(zones):
            errors.append("service-rules.json: regiotaxi must list every zone")
        if str(rt["booking"]["leadTimeMinutes"]) != rules.get(REGIOTAXI_RULE_ID, {}).get("prior_notice_duration_min"):
            errors.append("service-rules.json: regiotaxi leadTimeMinutes != booking rule")
        if str(am["booking"]["leadWorkingDays"]) != rules.get(AUTOMAATJE_RULE_ID, {}).get("prior_notice_last_day"):
            errors.append("service-rules.json: automaatje leadWorkingDays != booking rule")
        if rt["distance"]["tariffRadiusKm"] > rt["distance"]["maximumRadiusKm"]:
            errors.append("service-rules.json: regiotaxi tariff radius beyond the maximum")

    if stats:
        print(f"{'zone':<18} {'vertices':>8}  stops")
        for z in ZONE_ORDER:
            if z in zones:
                print(f"{z:<18} {len(zones[z]):>8}  {len(in_zone[z]):>3}: {' '.join(in_zone[z])}")
        print(f"flex trips: {len(flex_rows)} ({sum(len(r) for r in flex_rows.values())} stop_times), "
              f"booking rules: {len(rules)}, location groups: {len(groups)}")
    return errors


def check_scenarios(scen: str, out: str) -> list[str]:
    """Checks Scenarios/twente/*.json against the feed and service-rules.json."""
    errors = []
    data = {}
    for name in ("fleet.json", "volunteers.json", "places.json", "travellers.json"):
        path = os.path.join(scen, name)
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
            data[name] = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as e:
            errors.append(f"{name}: {e}")
            continue
        if json_bytes(data[name], True) != raw:
            errors.append(f"{name}: not in the canonical form (2-space indent, sorted keys)")
    if errors:
        return errors
    stops = {s["stop_id"]: s for s in read_csv(os.path.join(out, "stops.txt"))}
    quays = [(sid, float(s["stop_lat"]), float(s["stop_lon"])) for sid, s in stops.items()
             if s["location_type"] in ("", "0")]
    with open(os.path.join(out, "service-rules.json"), encoding="utf-8") as fh:
        rules = {s["id"]: s for s in json.load(fh)["services"]}

    def in_a_zone(what, p):
        if len(zone_of(p["lat"], p["lon"])) != 1:
            errors.append(f"{what} ({p.get('name')}, {p['lat']}, {p['lon']}) is not in exactly one zone")

    def unique(kind, items):
        ids = [i["id"] for i in items]
        if len(set(ids)) != len(ids):
            errors.append(f"{kind}: duplicate ids")

    def minutes(s):
        return hm(s) if is_time(s, False) else None

    # fleet: depots in a zone, shifts valid, every day covered over the Regiotaxi service hours
    vehicles = data["fleet.json"]["vehicles"]
    unique("fleet.json", vehicles)
    rt_start, rt_end = (hm(rules["regiotaxi"]["serviceHours"][k]) for k in ("start", "end"))
    covered = {d: [] for d in ALL_DAYS}
    for v in vehicles:
        in_a_zone(f"vehicle {v['id']} depot", v["depot"])
        if v["seats"] < 1 or v["wheelchairPlaces"] < 0:
            errors.append(f"vehicle {v['id']}: seats / wheelchairPlaces")
        per_day = {}
        for sh in v["shifts"]:
            a, b = minutes(sh["start"]), minutes(sh["end"])
            if a is None or b is None or not a < b <= 25 * 60 or not sh["days"] \
                    or any(d not in ALL_DAYS for d in sh["days"]):
                errors.append(f"vehicle {v['id']}: bad shift {sh}")
                continue
            for d in sh["days"]:
                per_day.setdefault(d, []).append((a, b))
                covered[d].append((a, b))
        for d, spans in per_day.items():
            spans.sort()
            if any(x[1] > y[0] for x, y in zip(spans, spans[1:])):
                errors.append(f"vehicle {v['id']}: overlapping shifts on {d}")
    for d, spans in covered.items():
        t = rt_start
        for a, b in sorted(spans):
            if a <= t:
                t = max(t, b)
        if t < rt_end:
            errors.append(f"fleet: {d} not covered from {rules['regiotaxi']['serviceHours']['start']} "
                          f"to {rules['regiotaxi']['serviceHours']['end']} (gap at {t // 60:02d}:{t % 60:02d})")
    if not any(v["wheelchairPlaces"] > 0 for v in vehicles) or not any(v["wheelchairPlaces"] == 0 for v in vehicles):
        errors.append("fleet: expected vehicles with and without wheelchair places")

    # volunteers: homes in a zone, availability on working days within AutoMaatje's hours
    vols = data["volunteers.json"]["volunteers"]
    unique("volunteers.json", vols)
    am_start, am_end = (hm(rules["automaatje"]["serviceHours"][k]) for k in ("start", "end"))
    for v in vols:
        in_a_zone(f"volunteer {v['id']} home", v["home"])
        if not 0 < v["acceptanceRate"] <= 1 or not 1 <= v["maxRidesPerDay"] <= v["maxRidesPerWeek"] \
                or v["seats"] < 1 or not isinstance(v["wheelchair"], bool):
            errors.append(f"volunteer {v['id']}: rates, limits, seats or wheelchair")
        if not v["availability"]:
            errors.append(f"volunteer {v['id']}: no availability")
        for a in v["availability"]:
            s, e = minutes(a["start"]), minutes(a["end"])
            if a["day"] not in WEEKDAYS or s is None or e is None or not am_start <= s < e <= am_end:
                errors.append(f"volunteer {v['id']}: availability {a} outside working days "
                              f"{rules['automaatje']['serviceHours']}")
    if sum(1 for v in vols if v["wheelchair"]) < 1:
        errors.append("volunteers: none can take a wheelchair")

    # places: nearestStopId exists and is the nearest boardable stop
    places = data["places.json"]["places"]
    unique("places.json", places)
    for p in places:
        if p["kind"] not in PLACE_KINDS:
            errors.append(f"place {p['id']}: kind {p['kind']}")
        s = stops.get(p["nearestStopId"])
        if s is None:
            errors.append(f"place {p['id']}: nearestStopId {p['nearestStopId']} not in stops.txt")
        elif nearest_stop(p["lat"], p["lon"], quays) != p["nearestStopId"]:
            errors.append(f"place {p['id']}: {p['nearestStopId']} is not the nearest stop")
        in_a_zone(f"place {p['id']}", p)

    # travellers
    people = data["travellers.json"]["travellers"]
    unique("travellers.json", people)
    budget = rules["regiotaxi"]["yearlyKmBudget"]
    comp = rules["regiotaxi"]["companions"]
    for t in people:
        in_a_zone(f"traveller {t['id']} home", t["home"])
        wp = t["wmoPass"]
        if wp is not None and (not wp["number"] or not 0 <= wp["kmBudgetLeft"] <= budget
                               or any(a not in CROW_CODES for a in wp["needs"])):
            errors.append(f"traveller {t['id']}: wmoPass")
        if any(a not in CROW_CODES for a in t["needs"]) or not isinstance(t["automaatjeMember"], bool):
            errors.append(f"traveller {t['id']}: needs or automaatjeMember")
        if not 0 <= t["companions"] <= comp["maximum"] or \
                (t["companions"] == 0) != (t["companionKind"] is None) or \
                t["companionKind"] not in (None, "medical", "social"):
            errors.append(f"traveller {t['id']}: companions / companionKind")
        if t["preferences"]["prefer"] not in PREFERENCES or t["maxWalkMetres"] < 0:
            errors.append(f"traveller {t['id']}: preferences or maxWalkMetres")
    ids = {t["id"] for t in people}
    cases = {
        "jansen and de-vries": {"jansen", "de-vries"} <= ids,
        "a pass with its budget used up": any(t["wmoPass"] and t["wmoPass"]["kmBudgetLeft"] == 0 for t in people),
        "someone who walks 800 m": any(t["maxWalkMetres"] >= 800 for t in people),
        "a mobility scooter": any("HR-09" in t["needs"] for t in people),
        "a medical companion": any(t["companionKind"] == "medical" for t in people),
        "someone without a pass": any(t["wmoPass"] is None for t in people),
    }
    for case, ok in cases.items():
        if not ok:
            errors.append(f"travellers: no case for {case}")
    return errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--scenarios", default=DEFAULT_SCENARIOS)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    check_routes_source()
    for out, files in ((a.out, build_files()), (a.scenarios, build_scenarios())):
        os.makedirs(out, exist_ok=True)
        for name in sorted(files):
            with open(os.path.join(out, name), "wb") as fh:
                fh.write(files[name])
        total = sum(len(b) for b in files.values())
        print(f"wrote {len(files)} files ({total} bytes) to {out}")
    if a.check or a.stats:
        errors = check_feed(a.out, a.stats)
        errors += check_flex(a.out, a.stats)
        errors += check_scenarios(a.scenarios, a.out)
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
