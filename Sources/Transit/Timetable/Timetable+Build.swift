//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

extension Timetable {
    /// Builds the timetable of a feed.
    ///
    /// Frequency-based trips are expanded into one trip per departure (`exact_times` 0 and 1
    /// alike: a router needs concrete departures, and headway-based services run close to their
    /// headway). Trips are grouped into patterns and split so that none overtakes another.
    ///
    /// - Complexity: O(t log t) in the number of trips, plus O(s) neighbour searches for
    ///   generated footpaths.
    ///
    /// - Parameter walkingTimes: seconds of walking from a stop to each of a list of stops,
    ///   `nil` where there is no walk, from a street network; without it footpaths take the
    ///   straight-line estimate of `options`.
    public static func build(
        from feed: Feed, options: TimetableOptions = TimetableOptions(), walkingTimes: WalkingTimes? = nil
    ) -> Timetable {
        var parts = TimetableParts()
        let range = feed.dateRange
        let firstDate = range?.lowerBound ?? ServiceDate(year: 2000, month: 1, day: 1)!
        let dayCount = range.map { $0.upperBound.dayNumber - $0.lowerBound.dayNumber + 1 } ?? 0
        var days = ServiceDaysBuilder(firstDate: firstDate, dayCount: dayCount)
        let serviceSet = feed.services.map { days.index(of: $0) }

        // 1. Trip instances: (GTFS trip, shift), frequency-based trips expanded.
        struct Instance {
            var trip: Int32
            var shift: Int32
        }
        var frequenciesOfTrip: [Int32: [Frequency]] = [:]
        for frequency in feed.frequencies { frequenciesOfTrip[frequency.trip, default: []].append(frequency) }
        var instancesByKey: [PatternKey: [Instance]] = [:]
        var keyOrder: [PatternKey] = []
        let st = feed.stopTimes
        for trip in feed.trips.indices {
            let rows = st.rangeOfTrip[trip]
            guard rows.count >= 2 else { continue }
            let key = PatternKey(
                stops: rows.map { UInt32(st.stop[Int($0)]) },
                rules: rows.map { row in
                    (st.pickupType[Int(row)] != 1 ? 1 : 0) | (st.dropOffType[Int(row)] != 1 ? 2 : 0)
                })
            if instancesByKey[key] == nil { keyOrder.append(key) }
            if let frequencies = frequenciesOfTrip[Int32(trip)] {
                let firstDeparture = st.departure[Int(rows.lowerBound)]
                for frequency in frequencies {
                    // Int, not Int32: a huge headway must end the loop, not overflow.
                    var start = Int(frequency.start)
                    while start < Int(frequency.end) {
                        instancesByKey[key, default: []].append(Instance(trip: Int32(trip), shift: Int32(start) - firstDeparture))
                        start += Int(frequency.headway)
                    }
                }
            } else {
                instancesByKey[key, default: []].append(Instance(trip: Int32(trip), shift: 0))
            }
        }

        // 2. Patterns: sort by departure, split greedily so no trip overtakes another.
        var patternStopRows: [[UInt32]] = []
        var patternRuleRows: [[UInt8]] = []
        for key in keyOrder {
            guard var instances = instancesByKey[key] else { continue }
            let n = key.stops.count
            func times(_ instance: Instance) -> (arrival: (Int) -> Int32, departure: (Int) -> Int32) {
                let base = Int(st.rangeOfTrip[Int(instance.trip)].lowerBound)
                return ({ st.arrival[base + $0] + instance.shift }, { st.departure[base + $0] + instance.shift })
            }
            // Sort by the whole time vector (departure, then arrival, stop by stop).
            let bases = Dictionary(uniqueKeysWithValues: Set(instances.map(\.trip)).map { ($0, Int(st.rangeOfTrip[Int($0)].lowerBound)) })
            st.arrival.withUnsafeBufferPointer { arrival in
                st.departure.withUnsafeBufferPointer { departure in
                    instances.sort { a, b in
                        let ba = bases[a.trip]!, bb = bases[b.trip]!
                        for k in 0 ..< n {
                            let da = departure[ba + k] + a.shift, db = departure[bb + k] + b.shift
                            if da != db { return da < db }
                            let aa = arrival[ba + k] + a.shift, ab = arrival[bb + k] + b.shift
                            if aa != ab { return aa < ab }
                        }
                        return (a.trip, a.shift) < (b.trip, b.shift)
                    }
                }
            }
            var groups: [[Instance]] = []
            for instance in instances {
                let t = times(instance)
                var placed = false
                for g in groups.indices {
                    let last = times(groups[g].last!)
                    var overtakes = false
                    for k in 0 ..< n where t.arrival(k) < last.arrival(k) || t.departure(k) < last.departure(k) {
                        overtakes = true
                        break
                    }
                    if !overtakes {
                        groups[g].append(instance)
                        placed = true
                        break
                    }
                }
                if !placed { groups.append([instance]) }
            }
            for group in groups {
                let pattern = UInt32(patternStopRows.count)
                patternStopRows.append(key.stops)
                patternRuleRows.append(key.rules)
                parts.patternTimeBase.append(UInt32(parts.arrivals.count))
                let m = group.count
                let route = feed.trips[Int(group[0].trip)].route
                parts.patternRoute.append(UInt32(route))
                var arrivals = [Int32](repeating: 0, count: n * m)
                var departures = [Int32](repeating: 0, count: n * m)
                var union = [UInt64](repeating: 0, count: max(1, (dayCount + 63) / 64))
                for (i, instance) in group.enumerated() {
                    let t = times(instance)
                    for k in 0 ..< n {
                        arrivals[i * n + k] = t.arrival(k)
                        departures[i * n + k] = t.departure(k)
                    }
                    let gtfsTrip = feed.trips[Int(instance.trip)]
                    let set = serviceSet[Int(gtfsTrip.service)]
                    for w in union.indices { union[w] |= days.sets[set][w] }
                    parts.feedTrip.append(UInt32(instance.trip))
                    parts.tripDays.append(UInt32(set))
                    parts.tripIsAccessible.append(gtfsTrip.wheelchairAccessible == .accessible)
                    parts.tripShift.append(instance.shift)
                    parts.tripPattern.append(pattern)
                }
                parts.arrivals.append(contentsOf: arrivals)
                parts.departures.append(contentsOf: departures)
                parts.patternFirstTrip.append(UInt32(parts.feedTrip.count))
                parts.patternFirstDeparture.append((0 ..< m).map { departures[$0 * n] }.min() ?? 0)
                parts.patternLastArrival.append((0 ..< m).map { arrivals[$0 * n + n - 1] }.max() ?? 0)
                parts.patternDays.append(UInt32(days.index(of: union)))
            }
        }
        parts.patternStops = JaggedArray(rows: patternStopRows)
        parts.patternStopRules = JaggedArray(rows: patternRuleRows)
        parts.serviceDays = days.build()

        var atStop = [[Timetable.PatternStop]](repeating: [], count: feed.stops.count)
        for (p, stops) in patternStopRows.enumerated() {
            for (position, stop) in stops.enumerated() {
                atStop[Int(stop)].append(Timetable.PatternStop(pattern: UInt32(p), position: UInt32(position)))
            }
        }
        parts.patternsAtStop = JaggedArray(rows: atStop)

        var children = [[UInt32]](repeating: [], count: feed.stops.count)
        for (index, stop) in feed.stops.enumerated() {
            guard let parent = stop.parent, stop.locationType == .stopOrPlatform || stop.locationType == .boardingArea
            else { continue }
            // Resolve to the top-most station (boarding areas hang below platforms).
            var current = Int(parent)
            var station: Int?
            for _ in 0 ..< 8 {
                if feed.stops[current].locationType == .station { station = current }
                guard let next = feed.stops[current].parent else { break }
                current = Int(next)
            }
            guard let top = station else { continue }
            children[top].append(UInt32(index))
        }
        parts.stationChildren = JaggedArray(rows: children)
        parts.stopIsAccessible = ContiguousArray(feed.stops.map { $0.wheelchairBoarding == .accessible })
        buildTransfers(feed: feed, options: options, walkingTimes: walkingTimes, parts: &parts)
        buildNetwork(stopCount: feed.stops.count, patternStops: patternStopRows, parts: &parts)
        let timetable = Timetable(feed: feed, options: options, parts: parts)
        #if ROUTING_INTERNAL_CHECKS
        timetable.checkInvariants()
        #endif
        return timetable
    }

    /// The static network: an edge for every consecutive pair of a pattern and every footpath.
    static func buildNetwork(stopCount: Int, patternStops: [[UInt32]], parts: inout TimetableParts) {
        var next = [Set<UInt32>](repeating: [], count: stopCount)
        for stops in patternStops {
            for (a, b) in zip(stops, stops.dropFirst()) where a != b { next[Int(a)].insert(b) }
        }
        for stop in 0 ..< stopCount {
            for link in parts.footpaths[stop] { next[stop].insert(link.stop) }
        }
        var previous = [[UInt32]](repeating: [], count: stopCount)
        for (stop, targets) in next.enumerated() {
            for target in targets { previous[Int(target)].append(UInt32(stop)) }
        }
        parts.nextStops = JaggedArray(rows: next.map { $0.sorted() })
        parts.previousStops = JaggedArray(rows: previous.map { $0.sorted() })
    }

    /// Verifies the ordering invariants the trip search relies on. Traps on violation.
    public func checkInvariants() {
        for p in 0 ..< patternCount {
            let m = tripCount(ofPattern: p)
            let n = patternStops[p].count
            for k in 0 ..< n {
                for i in 1 ..< max(1, m) {
                    let earlier = timeIndex(pattern: p, trip: i - 1, position: k)
                    let later = timeIndex(pattern: p, trip: i, position: k)
                    precondition(departures[earlier] <= departures[later], "pattern \(p) overtakes at position \(k)")
                    precondition(arrivals[earlier] <= arrivals[later], "pattern \(p) overtakes at position \(k)")
                }
            }
        }
    }
}

/// Trips share a pattern when they call at the same stops with the same pickup/drop-off rules.
struct PatternKey: Hashable {
    var stops: [UInt32]
    var rules: [UInt8]
}
