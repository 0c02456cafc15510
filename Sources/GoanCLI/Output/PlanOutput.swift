//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import Transit

/// The answer of `goan plan`, as text for people and as JSON for programs.
struct PlanOutput {
    let timetable: Timetable
    let date: ServiceDate
    let origin: StopFinder.Match
    let destination: StopFinder.Match
    let request: JourneyRequest
    let journeys: [Journey]

    var zone: String { timetable.feed.timezone }

    /// Drops journeys a traveller would never choose although they are Pareto-optimal: one
    /// that takes more than 1.5 × the time of another journey with no more transfers, plus
    /// 10 minutes (a detour via Hardenberg to reach Almelo, say).
    static func reasonable(_ journeys: [Journey]) -> [Journey] {
        journeys.filter { j in
            !journeys.contains { o in
                o.transfers <= j.transfers && Double(j.duration) > 1.5 * Double(o.duration) + 600
            }
        }
    }

    /// Wall-clock `HH:MM`, with the day when it is not the travel date ("00:06 Tue").
    func clock(_ seconds: Int32) -> String {
        let wall = ServiceDayClock.wallClock(seconds, on: date, timezone: zone)
        guard wall.date != date else { return wall.time }
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return "\(wall.time) \(names[wall.date.weekday])"
    }

    func stopName(_ stop: StopIndex?) -> String {
        guard let stop else { return "" }
        let s = timetable.feed.stops[stop.int]
        return s.platformCode.isEmpty ? s.name : "\(s.name) (platform \(s.platformCode))"
    }

    static func minutes(_ seconds: Int32) -> String {
        let m = Int((Double(seconds) / 60).rounded())
        return m >= 60 ? "\(m / 60) h \(m % 60 < 10 ? "0" : "")\(m % 60) min" : "\(m) min"
    }

    // MARK: Text

    func text() -> String {
        var out: [String] = []
        let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.weekday]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let when: String
        switch request.time {
        case .departAt(let t): when = "leaving from \(clock(t))"
        case .arriveBy(let t): when = "arriving by \(clock(t))"
        }
        out.append("\(origin.label) → \(destination.label)")
        out.append("\(weekday) \(date.day) \(months[date.month - 1]) \(date.year), \(when)\(request.wheelchairOnly ? ", wheelchair accessible only" : "")")
        out.append("")
        if journeys.isEmpty {
            out.append("No connection found (NO_TRANSIT_CONNECTION): no public transport reaches \(destination.label) from \(origin.label) \(requestWindowText()) with at most \(request.maxTransfers) transfer\(request.maxTransfers == 1 ? "" : "s")\(request.wheelchairOnly ? " using only wheelchair-accessible trips and stops" : "").")
            return out.joined(separator: "\n")
        }
        let fastest = journeys.min { ($0.duration, $0.transfers) < ($1.duration, $1.transfers) }
        for (number, journey) in journeys.enumerated() {
            let transfers = journey.transfers == 0 ? "direct" : "\(journey.transfers) transfer\(journey.transfers == 1 ? "" : "s")"
            let mark = journey == fastest && journeys.count > 1 ? "  ← fastest" : ""
            out.append("Option \(number + 1)   \(clock(journey.departure)) → \(clock(journey.arrival))   \(Self.minutes(journey.duration)), \(transfers)\(mark)")
            for leg in journey.legs {
                out.append(contentsOf: describe(leg))
            }
            out.append("")
        }
        if out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    func requestWindowText() -> String {
        switch request.time {
        case .departAt(let t): "after \(clock(t)) that day or the next"
        case .arriveBy(let t): "by \(clock(t))"
        }
    }

    func describe(_ leg: Leg) -> [String] {
        switch leg.mode {
        case .transit:
            let trip = timetable.feed.trips[Int(leg.feedTrip ?? 0)]
            let route = timetable.feed.routes[Int(trip.route)]
            let headsign = trip.headsign.isEmpty ? "" : " towards \(trip.headsign)"
            let stops = leg.alightPosition - leg.boardPosition
            return [
                "  \(clock(leg.departure))  \(stopName(leg.fromStop))",
                "         \(route.modeName) \(route.displayName)\(headsign)  (\(stops) stop\(stops == 1 ? "" : "s"), \(Self.minutes(leg.duration)))",
                "  \(clock(leg.arrival))  \(stopName(leg.toStop))",
            ]
        case .walk:
            return ["         walk \(Self.minutes(leg.duration)) to \(stopName(leg.toStop))"]
        case .access:
            return ["  \(clock(leg.departure))  walk \(Self.minutes(leg.duration)) from \(origin.label) to \(stopName(leg.toStop))"]
        case .egress:
            return ["         walk \(Self.minutes(leg.duration)) to \(destination.label), arriving \(clock(leg.arrival))"]
        }
    }

    // MARK: JSON

    /// The stable JSON shape of `goan plan --json` (documented in the README).
    struct Document: Codable {
        var from: Place
        var to: Place
        var date: String
        var timezone: String
        var query: Query
        var journeys: [JourneyJSON]
        var reasons: [Reason]
    }

    struct Query: Codable {
        var depart: String?
        var arrive: String?
        var windowMinutes: Int
        var maxTransfers: Int
        var wheelchair: Bool
    }

    struct Place: Codable {
        var query: String
        var stopIds: [String]
        var lat: Double?
        var lon: Double?
    }

    struct Reason: Codable {
        var code: String
        var message: String
    }

    struct JourneyJSON: Codable {
        var departure: String
        var arrival: String
        var durationMinutes: Int
        var transfers: Int
        var legs: [LegJSON]
    }

    struct StopJSON: Codable {
        var stopId: String
        var name: String
        var platform: String?
        var lat: Double
        var lon: Double
    }

    struct LegJSON: Codable {
        var mode: String
        var from: StopJSON?
        var to: StopJSON?
        var departure: String
        var arrival: String
        var durationMinutes: Int
        var routeId: String?
        var routeShortName: String?
        var routeLongName: String?
        var vehicle: String?
        var agency: String?
        var tripId: String?
        var headsign: String?
        var serviceDate: String?
    }

    func stopJSON(_ stop: StopIndex?) -> StopJSON? {
        guard let stop else { return nil }
        let s = timetable.feed.stops[stop.int]
        return StopJSON(stopId: s.id, name: s.name, platform: s.platformCode.isEmpty ? nil : s.platformCode, lat: s.latitude, lon: s.longitude)
    }

    func json() throws -> String {
        func iso(_ t: Int32) -> String { ServiceDayClock.wallClock(t, on: date, timezone: zone).iso }
        let feed = timetable.feed
        let document = Document(
            from: Place(query: origin.label, stopIds: origin.stops.map { feed.stops[$0.stop.int].id }, lat: origin.coordinate?.latitude, lon: origin.coordinate?.longitude),
            to: Place(query: destination.label, stopIds: destination.stops.map { feed.stops[$0.stop.int].id }, lat: destination.coordinate?.latitude, lon: destination.coordinate?.longitude),
            date: date.description, timezone: zone,
            query: {
                switch request.time {
                case .departAt(let t): Query(depart: clock(t), arrive: nil, windowMinutes: Int(request.window / 60), maxTransfers: request.maxTransfers, wheelchair: request.wheelchairOnly)
                case .arriveBy(let t): Query(depart: nil, arrive: clock(t), windowMinutes: Int(request.window / 60), maxTransfers: request.maxTransfers, wheelchair: request.wheelchairOnly)
                }
            }(),
            journeys: journeys.map { journey in
                JourneyJSON(
                    departure: iso(journey.departure), arrival: iso(journey.arrival),
                    durationMinutes: Int((Double(journey.duration) / 60).rounded()), transfers: journey.transfers,
                    legs: journey.legs.map { leg in
                        var item = LegJSON(
                            mode: leg.mode.rawValue, from: stopJSON(leg.fromStop), to: stopJSON(leg.toStop),
                            departure: iso(leg.departure), arrival: iso(leg.arrival),
                            durationMinutes: Int((Double(leg.duration) / 60).rounded()))
                        if leg.mode == .transit, let t = leg.feedTrip {
                            let trip = feed.trips[Int(t)]
                            let route = feed.routes[Int(trip.route)]
                            item.routeId = route.id
                            item.routeShortName = route.shortName
                            item.routeLongName = route.longName
                            item.vehicle = route.modeName
                            item.agency = feed.agencies[Int(route.agency)].name
                            item.tripId = trip.id
                            item.headsign = trip.headsign
                            item.serviceDate = date.adding(days: leg.serviceDayOffset).description
                        }
                        return item
                    })
            },
            reasons: journeys.isEmpty
                ? [Reason(code: "NO_TRANSIT_CONNECTION", message: "No public transport reaches \(destination.label) from \(origin.label) \(requestWindowText()) with at most \(request.maxTransfers) transfers\(request.wheelchairOnly ? " using only wheelchair-accessible trips and stops" : "").")]
                : [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
