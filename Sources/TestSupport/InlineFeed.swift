//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS
public import Transit

/// A tiny GTFS feed written inline in a test, one file per `# name.txt` header:
///
/// ```
/// # stops.txt
/// stop_id,stop_name,stop_lat,stop_lon
/// A,A,52.0,6.0
/// ```
///
/// Lines are trimmed of leading spaces, so feeds can be indented inside multi-line strings.
/// `agency.txt` and `calendar.txt` are added when missing (one agency in Europe/Amsterdam; a
/// service `S` running every day of 2026), so most tests only write stops, routes, trips and
/// stop times.
public enum InlineFeed {
    /// The files of an inline feed, as bytes.
    public static func files(_ text: String, addDefaults: Bool = true) -> [String: [UInt8]] {
        var files: [String: [String]] = [:]
        var current: String?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop { $0 == " " }
            if line.hasPrefix("# ") {
                current = String(line.dropFirst(2)).trimmingCharacters()
                files[current!, default: []] = []
                continue
            }
            guard let name = current, !line.isEmpty else { continue }
            files[name, default: []].append(String(line))
        }
        if addDefaults {
            if files["agency.txt"] == nil {
                files["agency.txt"] = ["agency_id,agency_name,agency_url,agency_timezone", "A,Test agency,https://example.org,Europe/Amsterdam"]
            }
            if files["calendar.txt"] == nil && files["calendar_dates.txt"] == nil {
                files["calendar.txt"] = [
                    "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
                    "S,1,1,1,1,1,1,1,20260101,20261231",
                ]
            }
            if files["routes.txt"] == nil {
                files["routes.txt"] = ["route_id,agency_id,route_short_name,route_long_name,route_type", "R1,A,1,Route one,3"]
            }
        }
        return files.mapValues { Array(($0.joined(separator: "\n") + "\n").utf8) }
    }

    /// Loads an inline feed.
    public static func feed(_ text: String, addDefaults: Bool = true) throws -> Feed {
        try Feed.load(from: .inMemory(files(text, addDefaults: addDefaults)))
    }

    /// Loads an inline feed and builds its timetable.
    public static func timetable(_ text: String, options: TimetableOptions = TimetableOptions()) throws -> Timetable {
        Timetable.build(from: try feed(text), options: options)
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
}

extension Timetable {
    /// The stop index of a GTFS stop id; traps when the id is unknown (tests only).
    public func stop(_ id: String) -> StopIndex {
        guard let index = feed.stopIndexByID[id] else { preconditionFailure("unknown stop id \(id)") }
        return StopIndex(Int(index))
    }
}

extension Journey {
    /// A one-line summary for assertions: `A 10:00 ~ R1 ~ C 11:00 [1 transfers]`, with walks as
    /// `~ walk 2m ~`. Times are service-day times of the query date.
    public func summary(in timetable: Timetable) -> String {
        var parts: [String] = []
        for leg in legs {
            switch leg.mode {
            case .transit:
                let trip = timetable.feed.trips[Int(leg.feedTrip!)]
                let route = timetable.feed.routes[Int(trip.route)]
                if parts.isEmpty || !parts.last!.hasPrefix(timetable.feed.stops[leg.fromStop!.int].id + " ") {
                    parts.append("\(timetable.feed.stops[leg.fromStop!.int].id) \(GTFSTime.format(leg.departure).dropLast(3))")
                } else {
                    parts[parts.count - 1] = "\(timetable.feed.stops[leg.fromStop!.int].id) \(GTFSTime.format(leg.departure).dropLast(3))"
                }
                parts.append("~ \(route.displayName)/\(trip.id) ~")
                parts.append("\(timetable.feed.stops[leg.toStop!.int].id) \(GTFSTime.format(leg.arrival).dropLast(3))")
            case .walk:
                parts.append("~ walk \(leg.duration / 60)m ~")
                parts.append("\(timetable.feed.stops[leg.toStop!.int].id) \(GTFSTime.format(leg.arrival).dropLast(3))")
            case .access, .egress:
                parts.append("~ \(leg.mode.rawValue) \(leg.duration / 60)m ~")
            }
        }
        return parts.joined(separator: " ") + " [\(transfers) transfer\(transfers == 1 ? "" : "s")]"
    }
}
