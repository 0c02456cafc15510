//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Marks a time the feed left empty, until it is interpolated.
let missingTime: Int32 = -1

extension FeedLoader {
    mutating func loadStopTimes(into feed: inout Feed) {
        guard let table = requiredTable("stop_times.txt"), let trip = requiredColumn(table, "trip_id"),
            let sequence = requiredColumn(table, "stop_sequence")
        else { return }
        let flex = FlexColumns(table)
        // GTFS-Flex makes stop_id and the times conditional: a zone or group call has neither.
        guard let stop = flex.isPresent ? table.column("stop_id") ?? -1 : requiredColumn(table, "stop_id") else { return }
        guard let arrival = flex.isPresent ? table.column("arrival_time") ?? -1 : requiredColumn(table, "arrival_time"),
            let departure = flex.isPresent ? table.column("departure_time") ?? -1 : requiredColumn(table, "departure_time")
        else { return }
        if table.rowCount == 0 {
            error(file: table.file, line: 1, column: nil, "the file has only a header: every trip needs its stop times")
            return
        }
        let pickup = table.column("pickup_type"), dropOff = table.column("drop_off_type")
        let timepoint = table.column("timepoint")
        var rows = StopTimes()
        let n = table.rowCount
        rows.trip.reserveCapacity(n)
        rows.stop.reserveCapacity(n)
        rows.sequence.reserveCapacity(n)
        rows.arrival.reserveCapacity(n)
        rows.departure.reserveCapacity(n)
        rows.pickupType.reserveCapacity(n)
        rows.dropOffType.reserveCapacity(n)
        var lines: [Int32] = []
        lines.reserveCapacity(n)
        // Consecutive rows usually belong to the same trip and stop: cache the last lookups.
        var lastTripText: [UInt8] = [], lastTrip: Int32 = -1
        for row in 0 ..< n {
            let tripIndex: Int32? = table.withField(row: row, column: trip) { field in
                if lastTrip >= 0, field.elementsEqual(lastTripText) { return lastTrip }
                return nil
            }
            var resolvedTrip = tripIndex
            if resolvedTrip == nil {
                let tripID = table.string(row: row, column: trip)
                if tripID.isEmpty {
                    error(table, row: row, column: "trip_id", "required value is empty")
                    continue
                }
                guard let found = feed.tripIndexByID[tripID] else {
                    error(table, row: row, column: "trip_id", "unknown trip_id '\(tripID)'")
                    continue
                }
                resolvedTrip = found
                lastTripText = table.withField(row: row, column: trip) { Array($0) }
                lastTrip = found
            }
            let stopID = table.string(row: row, column: stop >= 0 ? stop : nil)
            if flex.isPresent || (!stopID.isEmpty && feed.stopIndexByID[stopID] == nil) {
                switch flexCall(table, row: row, columns: flex, stopID: stopID, trip: resolvedTrip!, sequence: sequence, feed: feed) {
                case .flexible(let call):
                    feed.flexStopTimes.append(call)
                    flexTrips.insert(resolvedTrip!)
                    continue
                case .failed:
                    continue
                case .fixed:
                    break
                }
            }
            guard !stopID.isEmpty else {
                error(table, row: row, column: "stop_id", "required value is empty")
                continue
            }
            guard let stopIndex = feed.stopIndexByID[stopID] else {
                error(table, row: row, column: "stop_id", "unknown stop_id '\(stopID)'")
                continue
            }
            let type = feed.stops[Int(stopIndex)].locationType
            if type != .stopOrPlatform && type != .boardingArea {
                error(table, row: row, column: "stop_id", "stop '\(stopID)' is a \(type == .station ? "station" : "non-stopping location") (location_type \(type.rawValue)); vehicles stop at platforms")
                continue
            }
            guard let sequenceValue = integer(table, row: row, column: sequence, name: "stop_sequence") else {
                if table.isEmpty(row: row, column: sequence) {
                    error(table, row: row, column: "stop_sequence", "required value is empty")
                }
                continue
            }
            if sequenceValue < 0 || sequenceValue > Int(Int32.max) {
                error(table, row: row, column: "stop_sequence", "\(sequenceValue) must be a non-negative integer")
                continue
            }
            guard let arrivalTime = time(table, row: row, column: arrival >= 0 ? arrival : nil, name: "arrival_time"),
                let departureTime = time(table, row: row, column: departure >= 0 ? departure : nil, name: "departure_time")
            else { continue }
            let pickupValue = enumValue(table, row: row, column: pickup, name: "pickup_type", allowed: 0 ... 3) ?? 0
            let dropOffValue = enumValue(table, row: row, column: dropOff, name: "drop_off_type", allowed: 0 ... 3) ?? 0
            if timepoint != nil {
                _ = enumValue(table, row: row, column: timepoint, name: "timepoint", allowed: 0 ... 1)
            }
            rows.trip.append(resolvedTrip!)
            rows.stop.append(stopIndex)
            rows.sequence.append(Int32(sequenceValue))
            // A call with only one time given uses it for both (common for first/last calls).
            let a = arrivalTime ?? departureTime ?? missingTime
            let d = departureTime ?? arrivalTime ?? missingTime
            rows.arrival.append(a)
            rows.departure.append(d)
            rows.pickupType.append(UInt8(pickupValue))
            rows.dropOffType.append(UInt8(dropOffValue))
            lines.append(table.rowLine[row])
        }
        if hasErrors { return }
        feed.stopTimes = groupByTrip(rows, lines: lines, tripCount: feed.trips.count, table: table)
    }

    /// Orders rows by trip, then stop_sequence (a counting sort by trip: rows of one trip are
    /// usually adjacent already), and checks that no trip repeats a stop_sequence.
    private mutating func groupByTrip(
        _ rows: StopTimes, lines: [Int32], tripCount: Int, table: CSVTable
    ) -> StopTimes {
        var counts = [Int32](repeating: 0, count: tripCount + 1)
        for trip in rows.trip { counts[Int(trip) + 1] += 1 }
        for i in 0 ..< tripCount { counts[i + 1] += counts[i] }
        var order = [Int32](repeating: 0, count: rows.count)
        var next = counts
        for (row, trip) in rows.trip.enumerated() {
            order[Int(next[Int(trip)])] = Int32(row)
            next[Int(trip)] += 1
        }
        var result = StopTimes()
        result.rangeOfTrip = (0 ..< tripCount).map { counts[$0] ..< counts[$0 + 1] }
        for trip in 0 ..< tripCount {
            let range = Int(counts[trip]) ..< Int(counts[trip + 1])
            guard range.count > 1 else { continue }
            let isSorted = zip(order[range].dropLast(), order[range].dropFirst()).allSatisfy {
                rows.sequence[Int($0)] < rows.sequence[Int($1)]
            }
            if !isSorted {
                order[range].sort { (rows.sequence[Int($0)], $0) < (rows.sequence[Int($1)], $1) }
                for i in range.dropFirst() where rows.sequence[Int(order[i])] == rows.sequence[Int(order[i - 1])] {
                    error(
                        file: table.file, line: Int(lines[Int(order[i])]), column: "stop_sequence",
                        "trip repeats stop_sequence \(rows.sequence[Int(order[i])]) (also on line \(lines[Int(order[i - 1])]))")
                }
            }
        }
        result.trip = order.map { rows.trip[Int($0)] }
        result.stop = order.map { rows.stop[Int($0)] }
        result.sequence = order.map { rows.sequence[Int($0)] }
        result.arrival = order.map { rows.arrival[Int($0)] }
        result.departure = order.map { rows.departure[Int($0)] }
        result.pickupType = order.map { rows.pickupType[Int($0)] }
        result.dropOffType = order.map { rows.dropOffType[Int($0)] }
        stopTimeLines = order.map { lines[Int($0)] }
        return result
    }
}

/// The GTFS-Flex columns of stop_times.txt, under their adopted or draft names.
struct FlexColumns {
    let locationGroup: Int?
    let location: Int?
    let windowStart: Int?
    let windowEnd: Int?
    let windowStartName: String
    let windowEndName: String
    let pickupRule: Int?
    let dropOffRule: Int?
    let pickup: Int?
    let dropOff: Int?

    init(_ table: CSVTable) {
        locationGroup = table.column("location_group_id")
        location = table.column("location_id")
        let adopted = table.column("start_pickup_drop_off_window") != nil || table.column("end_pickup_drop_off_window") != nil
        windowStartName = adopted ? "start_pickup_drop_off_window" : "start_pickup_dropoff_window"
        windowEndName = adopted ? "end_pickup_drop_off_window" : "end_pickup_dropoff_window"
        windowStart = table.column(windowStartName)
        windowEnd = table.column(windowEndName)
        pickupRule = table.column("pickup_booking_rule_id")
        dropOffRule = table.column("drop_off_booking_rule_id")
        pickup = table.column("pickup_type")
        dropOff = table.column("drop_off_type")
    }

    var isPresent: Bool { locationGroup != nil || location != nil || windowStart != nil || windowEnd != nil }
}

/// What a stop_times row turned out to be.
enum FlexRowResult {
    case flexible(FlexStopTime)
    /// A regular timed call: read it as usual.
    case fixed
    /// An error was recorded; skip the row.
    case failed
}

extension FeedLoader {
    /// Reads a row as a GTFS-Flex call when it names a zone or group, or has a time window.
    mutating func flexCall(
        _ table: CSVTable, row: Int, columns: FlexColumns, stopID: String, trip: Int32, sequence: Int, feed: Feed
    ) -> FlexRowResult {
        let groupID = table.string(row: row, column: columns.locationGroup)
        let locationID = table.string(row: row, column: columns.location)
        let hasWindow = !table.isEmpty(row: row, column: columns.windowStart) || !table.isEmpty(row: row, column: columns.windowEnd)
        var place: FlexStopTime.Place?
        if !groupID.isEmpty {
            guard let index = feed.locationGroupIndexByID[groupID] else {
                error(table, row: row, column: "location_group_id", "unknown location_group_id '\(groupID)'")
                return .failed
            }
            place = .group(index)
        } else if !locationID.isEmpty {
            guard let index = feed.flexLocationIndexByID[locationID] else {
                error(table, row: row, column: "location_id", "unknown location_id '\(locationID)' (not in locations.geojson)")
                return .failed
            }
            place = .location(index)
        } else if !stopID.isEmpty, feed.stopIndexByID[stopID] == nil {
            // The older draft puts a group or zone id in stop_id.
            if let index = feed.locationGroupIndexByID[stopID] {
                place = .group(index)
            } else if let index = feed.flexLocationIndexByID[stopID] {
                place = .location(index)
            } else {
                return .fixed  // an unknown stop: the regular path reports it
            }
        } else if hasWindow, let index = feed.stopIndexByID[stopID] {
            place = .stop(index)
        }
        guard let place else { return .fixed }
        guard let sequenceValue = integer(table, row: row, column: sequence, name: "stop_sequence") else {
            if table.isEmpty(row: row, column: sequence) { error(table, row: row, column: "stop_sequence", "required value is empty") }
            return .failed
        }
        guard case .some(.some(let start)) = time(table, row: row, column: columns.windowStart, name: columns.windowStartName) else {
            if table.isEmpty(row: row, column: columns.windowStart) {
                error(table, row: row, column: columns.windowStartName, "required for a zone or group call but empty")
            }
            return .failed
        }
        guard case .some(.some(let end)) = time(table, row: row, column: columns.windowEnd, name: columns.windowEndName) else {
            if table.isEmpty(row: row, column: columns.windowEnd) {
                error(table, row: row, column: columns.windowEndName, "required for a zone or group call but empty")
            }
            return .failed
        }
        guard end > start else {
            error(table, row: row, column: columns.windowEndName, "the window ends (\(GTFSTime.format(end))) before it starts (\(GTFSTime.format(start)))")
            return .failed
        }
        var rules: [Int32?] = []
        for (column, name) in [(columns.pickupRule, "pickup_booking_rule_id"), (columns.dropOffRule, "drop_off_booking_rule_id")] {
            let ruleID = table.string(row: row, column: column)
            if ruleID.isEmpty {
                rules.append(nil)
            } else if let index = feed.bookingRuleIndexByID[ruleID] {
                rules.append(index)
            } else {
                error(table, row: row, column: name, "unknown booking_rule_id '\(ruleID)'")
                return .failed
            }
        }
        let pickup = enumValue(table, row: row, column: columns.pickup, name: "pickup_type", allowed: 0 ... 3) ?? 0
        let dropOff = enumValue(table, row: row, column: columns.dropOff, name: "drop_off_type", allowed: 0 ... 3) ?? 0
        return .flexible(FlexStopTime(
            trip: trip, sequence: Int32(sequenceValue), place: place, windowStart: start, windowEnd: end,
            pickupType: UInt8(pickup), dropOffType: UInt8(dropOff), pickupBookingRule: rules[0], dropOffBookingRule: rules[1],
            line: table.rowLine[row]))
    }
}
