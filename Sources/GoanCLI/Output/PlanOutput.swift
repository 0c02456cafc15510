//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GTFS
import Planner
import Transit

/// The answer of `goan plan`, as text for people and as JSON for programs.
struct PlanOutput {
    let timetable: Timetable
    let date: ServiceDate
    let origin: StopFinder.Match
    let destination: StopFinder.Match
    let request: JourneyRequest
    let journeys: [Journey]
    /// Which road model gave the walking times ("road network: F" or "straight-line estimate").
    let roadModel: String

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
        out.append("Walking times: \(roadModel).")
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

    /// The journeys in the one wire format (`PlanDocument`, as the multimodal plan and the API):
    /// public transport only, so without prices.
    func json() throws -> String {
        let document = PlanDocument(
            journeys: journeys, request: request, from: origin, to: destination, date: date, timetable: timetable,
            noConnection: "No public transport reaches \(destination.label) from \(origin.label) \(requestWindowText()) with at most \(request.maxTransfers) transfers\(request.wheelchairOnly ? " using only wheelchair-accessible trips and stops" : "").",
            roads: roadModel)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
