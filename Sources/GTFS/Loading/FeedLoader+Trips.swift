//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension FeedLoader {
    mutating func loadFrequencies(into feed: inout Feed) {
        guard let table = table("frequencies.txt"), let trip = requiredColumn(table, "trip_id"),
            let start = requiredColumn(table, "start_time"), let end = requiredColumn(table, "end_time"),
            let headway = requiredColumn(table, "headway_secs")
        else { return }
        let exact = table.column("exact_times")
        for row in 0 ..< table.rowCount {
            guard let tripID = requiredText(table, row: row, column: trip, name: "trip_id") else { continue }
            guard let tripIndex = feed.tripIndexByID[tripID] else {
                error(table, row: row, column: "trip_id", "unknown trip_id '\(tripID)'")
                continue
            }
            guard let startTime = time(table, row: row, column: start, name: "start_time"),
                let endTime = time(table, row: row, column: end, name: "end_time")
            else { continue }
            guard let startTime, let endTime else {
                error(table, row: row, column: startTime == nil ? "start_time" : "end_time", "required value is empty")
                continue
            }
            guard let seconds = integer(table, row: row, column: headway, name: "headway_secs") else {
                if table.isEmpty(row: row, column: headway) {
                    error(table, row: row, column: "headway_secs", "required value is empty")
                }
                continue
            }
            guard seconds > 0 else {
                error(table, row: row, column: "headway_secs", "\(seconds) must be greater than 0")
                continue
            }
            guard seconds <= Int(Int32.max) else {
                error(table, row: row, column: "headway_secs", "\(seconds) is too large")
                continue
            }
            guard endTime > startTime else {
                error(table, row: row, column: "end_time", "end_time \(GTFSTime.format(endTime)) is not after start_time \(GTFSTime.format(startTime))")
                continue
            }
            let exactTimes = enumValue(table, row: row, column: exact, name: "exact_times", allowed: 0 ... 1) ?? 0
            feed.frequencies.append(
                Frequency(trip: tripIndex, start: startTime, end: endTime, headway: Int32(seconds), exactTimes: exactTimes == 1))
        }
    }

    mutating func loadTransfers(into feed: inout Feed) {
        guard let table = table("transfers.txt") else { return }
        let from = table.column("from_stop_id"), to = table.column("to_stop_id")
        guard let type = requiredColumn(table, "transfer_type") else { return }
        let minTime = table.column("min_transfer_time")
        let fromRoute = table.column("from_route_id"), toRoute = table.column("to_route_id")
        let fromTrip = table.column("from_trip_id"), toTrip = table.column("to_trip_id")
        for row in 0 ..< table.rowCount {
            let kindValue: Int
            if table.isEmpty(row: row, column: type) {
                kindValue = 0  // an empty transfer_type means 0 (recommended)
            } else {
                guard let value = enumValue(table, row: row, column: type, name: "transfer_type", allowed: 0 ... 5) else { continue }
                kindValue = value
            }
            let kind = Transfer.Kind(rawValue: kindValue)!
            func resolve(_ column: Int?, _ name: String, _ index: [String: Int32], required: Bool) -> (Int32?, Bool) {
                let text = table.string(row: row, column: column)
                if text.isEmpty { return (nil, !required) }
                if let found = index[text] { return (found, true) }
                return (nil, false)
            }
            var ok = true
            var stops: [Int32?] = [nil, nil]
            for (slot, (column, name)) in [(from, "from_stop_id"), (to, "to_stop_id")].enumerated() {
                let text = table.string(row: row, column: column)
                if text.isEmpty {
                    if kind.rawValue <= 3 {
                        error(table, row: row, column: name, "required for transfer_type \(kind.rawValue) but empty")
                        ok = false
                    }
                } else if let found = feed.stopIndexByID[text] {
                    stops[slot] = found
                } else {
                    error(table, row: row, column: name, "unknown stop_id '\(text)'")
                    ok = false
                }
            }
            var refs: [Int32?] = []
            for (column, name, index) in [
                (fromRoute, "from_route_id", feed.routeIndexByID), (toRoute, "to_route_id", feed.routeIndexByID),
                (fromTrip, "from_trip_id", feed.tripIndexByID), (toTrip, "to_trip_id", feed.tripIndexByID),
            ] {
                let text = table.string(row: row, column: column)
                if text.isEmpty {
                    refs.append(nil)
                } else if let found = index[text] {
                    refs.append(found)
                } else {
                    error(table, row: row, column: name, "unknown \(name.hasSuffix("route_id") ? "route_id" : "trip_id") '\(text)'")
                    ok = false
                    refs.append(nil)
                }
            }
            let seconds = integer(table, row: row, column: minTime, name: "min_transfer_time")
            if let seconds, seconds < 0 {
                error(table, row: row, column: "min_transfer_time", "\(seconds) must not be negative")
                ok = false
            }
            if let seconds, seconds > Int(Int32.max) {
                error(table, row: row, column: "min_transfer_time", "\(seconds) is too large")
                ok = false
            }
            if kind == .minimumTime && seconds == nil && ok && table.isEmpty(row: row, column: minTime) {
                warning(table, row: row, column: "min_transfer_time", "transfer_type 2 without min_transfer_time; the default transfer time applies")
            }
            guard ok, let fromStop = stops[0] ?? stops[1], let toStop = stops[1] ?? stops[0] else { continue }
            feed.transfers.append(
                Transfer(
                    fromStop: fromStop, toStop: toStop, fromRoute: refs[0], toRoute: refs[1], fromTrip: refs[2],
                    toTrip: refs[3], kind: kind, minTransferTime: seconds.map(Int32.init), line: table.rowLine[row]))
        }
    }

    /// Interpolates missing times, then drops trips that cannot run, with a warning each.
    mutating func finishTrips(in feed: inout Feed) {
        var dropped = 0
        for trip in feed.trips.indices {
            let range = feed.stopTimes.rangeOfTrip[trip]
            let tripID = feed.trips[trip].id
            if range.count < 2 {
                if range.isEmpty && flexTrips.contains(Int32(trip)) { continue }  // a flexible trip: no timed calls
                if range.count == 1 || !feed.frequencies.contains(where: { $0.trip == Int32(trip) }) {
                    warning(
                        file: "stop_times.txt", line: range.isEmpty ? nil : Int(stopTimeLines[Int(range.lowerBound)]),
                        column: "trip_id", "trip '\(tripID)' has \(range.count) stop time\(range.count == 1 ? "" : "s"); it is ignored")
                }
                feed.stopTimes.rangeOfTrip[trip] = range.lowerBound ..< range.lowerBound
                dropped += 1
                continue
            }
            let first = Int(range.lowerBound), last = Int(range.upperBound) - 1
            // GTFS requires both times at a trip's first and last stop (one of them is enough
            // here: it stands for both); without them the trip's times cannot be interpolated.
            var untimed = false
            if feed.stopTimes.departure[first] == missingTime {
                error(
                    file: "stop_times.txt", line: Int(stopTimeLines[first]), column: "departure_time",
                    "trip '\(tripID)' has no departure_time at its first stop (stop_sequence \(feed.stopTimes.sequence[first])); it is required there")
                untimed = true
            }
            if feed.stopTimes.arrival[last] == missingTime {
                error(
                    file: "stop_times.txt", line: Int(stopTimeLines[last]), column: "arrival_time",
                    "trip '\(tripID)' has no arrival_time at its last stop (stop_sequence \(feed.stopTimes.sequence[last])); it is required there")
                untimed = true
            }
            if untimed { continue }
            interpolate(&feed.stopTimes, rows: first ... last)
            var previous = feed.stopTimes.departure[first]
            var backwards: Int?
            if feed.stopTimes.arrival[first] > previous { backwards = first }
            for row in first + 1 ... last where backwards == nil {
                let a = feed.stopTimes.arrival[row], d = feed.stopTimes.departure[row]
                if a < previous || d < a { backwards = row }
                previous = d
            }
            if let row = backwards {
                warning(
                    file: "stop_times.txt", line: Int(stopTimeLines[row]), column: "arrival_time",
                    "trip '\(tripID)' goes back in time at stop_sequence \(feed.stopTimes.sequence[row]); the trip is ignored")
                feed.stopTimes.rangeOfTrip[trip] = range.lowerBound ..< range.lowerBound
                dropped += 1
            }
        }
        _ = dropped
    }

    /// Fills calls without times (non-timepoints) linearly by stop index between the
    /// neighbouring calls that have times, as most routers do when `shape_dist_traveled` is not
    /// used.
    private func interpolate(_ times: inout StopTimes, rows: ClosedRange<Int>) {
        var previousKnown = rows.lowerBound
        var row = rows.lowerBound + 1
        while row <= rows.upperBound {
            if times.arrival[row] != missingTime {
                previousKnown = row
                row += 1
                continue
            }
            var nextKnown = row
            while times.arrival[nextKnown] == missingTime { nextKnown += 1 }
            let startTime = Double(times.departure[previousKnown])
            let endTime = Double(times.arrival[nextKnown])
            let span = Double(nextKnown - previousKnown)
            // Keep the resolution of the surrounding times: between whole minutes, round to a whole
            // minute (half away from zero), as published timetables and nigiri do.
            let resolution: Double = times.departure[previousKnown] % 60 == 0 && times.arrival[nextKnown] % 60 == 0 ? 60 : 1
            for fill in row ..< nextKnown {
                let exact = startTime + (endTime - startTime) * Double(fill - previousKnown) / span
                let value = Int32(((exact - startTime) / resolution).rounded() * resolution + startTime)
                times.arrival[fill] = value
                times.departure[fill] = value
            }
            row = nextKnown
        }
    }
}
