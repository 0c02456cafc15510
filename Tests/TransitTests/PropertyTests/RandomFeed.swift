//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every seed gives the same
/// feed on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &self) < p }
}

/// One run of a vehicle as the brute force sees it: a GTFS trip, or one departure of a
/// frequency-based trip (`shift` seconds after its stop_times).
struct ModelTrip {
    var id: String
    var shift: Int32
    var service: String
    var stops: [Int]
    var arrivals: [Int32]
    var departures: [Int32]
    var pickup: [Bool]
    var dropOff: [Bool]
    var accessible: Bool
}

/// A small random GTFS feed for November 2026 and the plain model it was written from.
///
/// The model is what the brute force reads: it never goes through the GTFS loader or the
/// timetable builder, so both are checked too. Stops S0 and S1 have no footpaths at all (so
/// walking before the first ride or after the last one never matters for queries between them
/// and other stops; see C02 for that).
struct RandomFeed {
    static let november = (1 ... 30).map { ServiceDate(year: 2026, month: 11, day: $0)! }

    var stopCount = 0
    var stopAccessible: [Bool] = []
    var trips: [ModelTrip] = []
    var activeDays: [String: Set<ServiceDate>] = [:]
    var defaultMinTransfer: Int32 = 120
    var minTransfer: [Int32] = []
    var forbidden: [Bool] = []
    /// Outgoing walks per stop: (target, seconds).
    var walks: [[(to: Int, seconds: Int32)]] = []
    /// The feed in ``InlineFeed`` syntax.
    var text = ""

    func id(_ stop: Int) -> String { "S\(stop)" }

    func walk(from a: Int, to b: Int) -> Int32? { walks[a].first { $0.to == b }?.seconds }

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = rng.int(6 ... 12)
        stopCount = n
        var stopsTxt = ["stop_id,stop_name,stop_lat,stop_lon,wheelchair_boarding"]
        for s in 0 ..< n {
            let access = rng.chance(0.8) ? 1 : (rng.chance(0.5) ? 2 : 0)
            stopAccessible.append(access == 1)
            stopsTxt.append("S\(s),Stop \(s),\(52.0 + Double(s) * 0.01),6.0,\(access == 0 ? "" : String(access))")
        }

        // Services: every day; weekdays but one; two single days.
        let removed = Self.november[rng.int(19 ... 26)]
        let extra = [Self.november[rng.int(19 ... 26)], Self.november[rng.int(19 ... 26)]]
        activeDays["ALL"] = Set(Self.november)
        activeDays["WK"] = Set(Self.november.enumerated().filter { (i, date) in
            (i + 1 - 2 + 7) % 7 < 5 && date != removed  // 2 Nov 2026 is a Monday
        }.map(\.1))
        activeDays["X"] = Set(extra)
        let calendarTxt = [
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
            "ALL,1,1,1,1,1,1,1,20261101,20261130",
            "WK,1,1,1,1,1,0,0,20261101,20261130",
        ]
        let datesTxt = ["service_id,date,exception_type", "WK,\(removed.gtfsString),2"]
            + extra.map { "X,\($0.gtfsString),1" }

        // Routes and trips.
        var routesTxt = ["route_id,agency_id,route_short_name,route_long_name,route_type"]
        var tripsTxt = ["route_id,service_id,trip_id,wheelchair_accessible"]
        var stopTimesTxt = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type"]
        var frequenciesTxt = ["trip_id,start_time,end_time,headway_secs,exact_times"]
        let routeCount = rng.int(4 ... 8)
        let frequencyRoute = rng.chance(0.4) ? routeCount - 1 : -1
        for r in 0 ..< routeCount {
            routesTxt.append("R\(r),A,\(r),,3")
            var stops = Array((0 ..< n).shuffled(using: &rng).prefix(rng.int(2 ... 4)))
            // Make S0 and S1 (the query stops) well served, and some routes circular.
            if r == 0 && !stops.contains(0) { stops[0] = 0 }
            if r == 1 && !stops.contains(1) { stops[stops.count - 1] = 1 }
            if rng.chance(0.15) { stops.append(stops[0]) }
            let tripCount = r == frequencyRoute ? 1 : rng.int(2 ... 6)
            for t in 0 ..< tripCount {
                let tripID = "R\(r)T\(t)"
                let service = rng.chance(0.5) ? "ALL" : (rng.chance(0.6) ? "WK" : "X")
                let accessValue = rng.chance(0.6) ? 1 : (rng.chance(0.5) ? 2 : 0)
                tripsTxt.append("R\(r),\(service),\(tripID),\(accessValue == 0 ? "" : String(accessValue))")
                // Half the trips run the other way (a pattern of their own).
                let calls = r != frequencyRoute && rng.chance(0.5) ? Array(stops.reversed()) : stops
                var trip = ModelTrip(
                    id: tripID, shift: 0, service: service, stops: calls, arrivals: [], departures: [],
                    pickup: [], dropOff: [], accessible: accessValue == 1)
                // Times relative to the first departure, then a start: mostly in the morning, some
                // late at night and past midnight, and often timed to leave a shared stop a few
                // minutes (or seconds) after another trip arrives there, so change times matter.
                var relative: [(arrival: Int32, departure: Int32)] = []
                var time: Int32 = 0
                for k in calls.indices {
                    if k > 0 { time += Int32(rng.int(1 ... 15) * 60) }
                    let arrival = time
                    if k > 0 && k < calls.count - 1 { time += Int32(rng.int(0 ... 2) * 60) }
                    relative.append((arrival, time))
                }
                let minute = rng.chance(0.75) ? rng.int(6 * 60 ... 10 * 60) : rng.int(5 * 60 ... 26 * 60)
                var start = Int32(minute * 60 + (rng.chance(0.2) ? 30 : 0))
                if r == frequencyRoute {
                    start = 6 * 3600
                } else if rng.chance(0.8), let feeder = trips.filter({ !Set($0.stops).isDisjoint(with: calls.dropLast()) }).randomElement(using: &rng) {
                    let k = calls.dropLast().indices.filter { feeder.stops.contains(calls[$0]) }.randomElement(using: &rng)!
                    let j = feeder.stops.firstIndex(of: calls[k])!
                    let slack = Int32([-60, 0, 30, 60, 90, 120, 150, 180, 240, 300][rng.int(0 ... 9)])
                    start = max(0, feeder.arrivals[j] + slack - relative[k].departure)
                }
                let restricted = rng.chance(0.25)
                for (k, stop) in calls.enumerated() {
                    let arrival = start + relative[k].arrival, departure = start + relative[k].departure
                    let pickup = !(restricted && rng.chance(0.2)), dropOff = !(restricted && rng.chance(0.2))
                    trip.arrivals.append(arrival)
                    trip.departures.append(departure)
                    trip.pickup.append(pickup)
                    trip.dropOff.append(dropOff)
                    stopTimesTxt.append(
                        "\(tripID),\(GTFSTime.format(arrival)),\(GTFSTime.format(departure)),S\(stop),\(k * 2 + 1),\(pickup ? 0 : 1),\(dropOff ? 0 : 1)")
                }
                if r == frequencyRoute {
                    let start = Int32(rng.int(6 * 60 ... 25 * 60) * 60)
                    let end = start + Int32(rng.int(30 ... 150) * 60)
                    let headway = Int32(rng.int(5 ... 30) * 60)
                    frequenciesTxt.append("\(tripID),\(GTFSTime.format(start)),\(GTFSTime.format(end)),\(headway),\(rng.int(0 ... 1))")
                    var departure = start
                    while departure < end {
                        var copy = trip
                        copy.shift = departure - trip.departures[0]
                        copy.arrivals = trip.arrivals.map { $0 + copy.shift }
                        copy.departures = trip.departures.map { $0 + copy.shift }
                        trips.append(copy)
                        departure += headway
                    }
                } else {
                    trips.append(trip)
                }
            }
        }

        // Transfers: same-stop rows of every type, and footpaths between stops S2 and up.
        defaultMinTransfer = [0, 60, 120, 180][rng.int(0 ... 3)]
        minTransfer = Array(repeating: defaultMinTransfer, count: n)
        forbidden = Array(repeating: false, count: n)
        walks = Array(repeating: [], count: n)
        var transfersTxt = ["from_stop_id,to_stop_id,transfer_type,min_transfer_time"]
        for s in 0 ..< n where rng.chance(0.35) {
            switch rng.int(0 ... 3) {
            case 0: transfersTxt.append("S\(s),S\(s),0,")
            case 1:
                transfersTxt.append("S\(s),S\(s),1,")
                minTransfer[s] = 0
            case 2:
                let seconds = Int32(rng.int(0 ... 10) * 30)
                transfersTxt.append("S\(s),S\(s),2,\(seconds)")
                minTransfer[s] = seconds
            default:
                transfersTxt.append("S\(s),S\(s),3,")
                forbidden[s] = true
            }
        }
        for a in 2 ..< max(2, n) {
            for b in 2 ..< n where a != b && rng.chance(0.2) {
                let seconds: Int32 = rng.chance(0.2) ? 0 : Int32(rng.int(1 ... 20) * 30)
                transfersTxt.append(seconds == 0 ? "S\(a),S\(b),1," : "S\(a),S\(b),2,\(seconds)")
                walks[a].append((b, seconds))
            }
        }

        var sections = [
            ("stops.txt", stopsTxt), ("calendar.txt", calendarTxt), ("calendar_dates.txt", datesTxt),
            ("routes.txt", routesTxt), ("trips.txt", tripsTxt), ("stop_times.txt", stopTimesTxt),
            ("transfers.txt", transfersTxt),
        ]
        if frequenciesTxt.count > 1 { sections.append(("frequencies.txt", frequenciesTxt)) }
        text = sections.map { "# \($0.0)\n" + $0.1.joined(separator: "\n") }.joined(separator: "\n")
    }
}
