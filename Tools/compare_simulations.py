#!/usr/bin/env python3
"""Proves that a restructuring did not change behaviour: runs `goan simulate` with two goan
binaries (before and after) on the same scenarios and compares requests.csv and rides.csv byte
for byte and kpis.json byte for byte except its "timing" object (wall-clock seconds, which
differ from run to run). Exit 1 on any other difference, printing the first differing lines.

    python3 Tools/compare_simulations.py --before /path/to/old/goan --after .build/release/goan \
        [--scenario Scenarios/twenterand-2019 --scenario Scenarios/twente-region]
"""
import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def run(goan: str, scenario: str, out: Path) -> None:
    subprocess.run([goan, "simulate", scenario, "--out", str(out)], check=True, stdout=subprocess.DEVNULL)


def without_timing(path: Path) -> str:
    document = json.loads(path.read_text())
    if isinstance(document.get("kpis"), dict):
        document["kpis"].pop("timing", None)
    return json.dumps(document, indent=1, sort_keys=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--scenario", action="append", default=[])
    args = parser.parse_args()
    scenarios = args.scenario or ["Scenarios/twenterand-2019", "Scenarios/twente-region"]
    work = Path(tempfile.mkdtemp(prefix="goan-compare-"))
    failures = 0
    for scenario in scenarios:
        name = Path(scenario).name
        before, after = work / "before" / name, work / "after" / name
        run(args.before, scenario, before)
        run(args.after, scenario, after)
        for file in ("requests.csv", "rides.csv", "kpis.json"):
            a, b = before / file, after / file
            if file == "kpis.json":
                same = without_timing(a) == without_timing(b)
                left, right = without_timing(a), without_timing(b)
            else:
                same = a.read_bytes() == b.read_bytes()
                left, right = a.read_text(), b.read_text()
            lines = sum(1 for _ in b.open())
            print(f"{name}/{file}: {'identical' if same else 'DIFFERENT'} ({lines} lines{', timing ignored' if file == 'kpis.json' else ''})")
            if not same:
                failures += 1
                diff = difflib.unified_diff(left.splitlines(), right.splitlines(), "before", "after", lineterm="", n=1)
                for line in list(diff)[:40]:
                    print("   ", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
