#!/usr/bin/env python3
"""build_rides.py - a modelled day of booked Regiotaxi and AutoMaatje rides in Twente.

    python3 Tools/twente/build_rides.py [--date 2026-11-23] [--seed 1] [--out Scenarios/twente/rides-2026-11-23.csv]

Deterministic for a seed. Travellers are the profiles of Scenarios/twente/travellers.json plus
pseudonymous extra pass holders living in the village centres of places.json; destinations are
the places (hospitals, GPs, day centres, …). Regiotaxi rides go to holders of a pass; AutoMaatje
rides to members, on weekdays between 09:00 and 16:00. Columns:

ride_id,traveller_id,service,from_name,from_lat,from_lon,to_name,to_lat,to_lon,pickup,seats,wheelchair,needs
"""
import argparse, csv, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--date", default="2026-11-23")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--regiotaxi", type=int, default=40)
    ap.add_argument("--automaatje", type=int, default=8)
    ap.add_argument("--out")
    a = ap.parse_args()
    out = a.out or os.path.join(ROOT, "Scenarios", "twente", f"rides-{a.date}.csv")
    scen = os.path.join(ROOT, "Scenarios", "twente")
    travellers = json.load(open(os.path.join(scen, "travellers.json")))["travellers"]
    places = json.load(open(os.path.join(scen, "places.json")))["places"]
    rng = random.Random(a.seed)
    centres = [p for p in places if p["kind"] in ("villageCentre",)] or places
    destinations = [p for p in places if p["kind"] not in ("villageCentre",)]
    pass_holders = [t for t in travellers if t["wmoPass"]]
    members = [t for t in travellers if t["automaatjeMember"]]
    rows = []

    def ride(service, who, home_name, home, needs):
        # The traveller's CROW codes; a wheelchair place for a wheelchair the traveller stays in.
        wheelchair = "HR-01" in needs
        dest = rng.choice(destinations)
        outbound = rng.random() < 0.6
        if service == "regiotaxi":
            minute = rng.randrange(7 * 60, 19 * 60, 5)
        else:
            minute = rng.randrange(9 * 60, 16 * 60, 15)
        a_, b_ = ((home_name, home), (dest["name"], (dest["lat"], dest["lon"]))) if outbound else \
            ((dest["name"], (dest["lat"], dest["lon"])), (home_name, home))
        rows.append([None, who, service, a_[0], f"{a_[1][0]:.5f}", f"{a_[1][1]:.5f}", b_[0], f"{b_[1][0]:.5f}",
                     f"{b_[1][1]:.5f}", f"{minute // 60:02d}:{minute % 60:02d}", 1 + (1 if rng.random() < 0.1 else 0),
                     1 if wheelchair else 0, " ".join(needs)])

    for k in range(a.regiotaxi):
        if k < len(pass_holders):
            t = pass_holders[k]
            ride("regiotaxi", t["id"], f"home ({t['home']['name']})", (t["home"]["lat"], t["home"]["lon"]), t["needs"])
        else:
            c = rng.choice(centres)
            lat = c["lat"] + rng.uniform(-0.006, 0.006)
            lon = c["lon"] + rng.uniform(-0.009, 0.009)
            ride("regiotaxi", f"pass-{k:03d}", f"home near {c['name']}", (lat, lon), ["HR-01"] if rng.random() < 0.12 else [])
    for k in range(a.automaatje):
        t = members[k % len(members)]
        ride("automaatje", t["id"] if k < len(members) else f"member-{k:03d}", f"home ({t['home']['name']})",
             (t["home"]["lat"], t["home"]["lon"]), [])
    rows.sort(key=lambda r: (r[9], r[1]))
    for i, r in enumerate(rows, 1):
        r[0] = f"R{i:03d}"
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["ride_id", "traveller_id", "service", "from_name", "from_lat", "from_lon", "to_name", "to_lat",
                    "to_lon", "pickup", "seats", "wheelchair", "needs"])
        w.writerows(rows)
    print(f"{len(rows)} rides -> {out}")


if __name__ == "__main__":
    main()
