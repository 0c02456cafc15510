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
import Mobility
import Planner
import Transit

/// The answer of `goan plan --traveller`, for a traveller's helper to read, or as JSON.
struct ItineraryOutput {
    let plan: Plan
    let request: PlanRequest
    let timezone: String
    /// Whether to say who travels (not again for the way back of a return trip).
    var aboutTheTraveller = true

    func clock(_ seconds: Int32) -> String {
        let wall = ServiceDayClock.wallClock(seconds, on: request.date, timezone: timezone)
        guard wall.date != request.date else { return wall.time }
        return "\(wall.time) \(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][wall.date.weekday])"
    }

    static func euros(_ value: Double) -> String { RideRules.euros(value) }

    func text() -> String {
        var out: [String] = []
        let t = request.traveller
        let when: String
        switch request.time {
        case .departAt(let s): when = request.readyFrom ? "after an appointment ending \(clock(s))" : "leaving from \(clock(s))"
        case .arriveBy(let s): when = "arriving by \(clock(s))"
        }
        out.append("\(request.originName) → \(request.destinationName)")
        out.append("\(RideRules.describe(ServiceDayClock.noonMinus12h(request.date, timezone: timezone) + 43_200, zone: timezone).dropLast(6)), \(when)")
        var about = "\(t.name), \(t.age)"
        about += t.wmoPass.map { ", Wmo pass (\(Int($0.kmBudgetLeft)) km budget left)" } ?? ", no Wmo pass"
        if t.automaatjeMember { about += ", AutoMaatje member" }
        if !t.needs.isEmpty { about += ", \(t.needs.map { "\($0.rawValue) \($0.name.lowercased())" }.joined(separator: ", "))" }
        if aboutTheTraveller { out.append("For \(about); asking on \(RideRules.describe(request.bookedAt, zone: timezone))") }
        out.append("")
        let itineraries = plan.itineraries
        if itineraries.isEmpty { out.append("No way to make this trip was found.") }
        let fastest = itineraries.min { ($0.arrival - $0.departure, $0.price) < ($1.arrival - $1.departure, $1.price) }
        let cheapest = itineraries.min { ($0.price, $0.duration) < ($1.price, $1.duration) }
        for (number, itinerary) in itineraries.enumerated() {
            var marks: [String] = []
            if itinerary == fastest && itineraries.count > 1 { marks.append("fastest") }
            if itinerary == cheapest && itineraries.count > 1 { marks.append("cheapest") }
            let modes = itinerary.legs.map(\.mode).filter { $0 != .walk }.map { mode -> String in
                switch mode {
                case .transit: "public transport"
                case .regiotaxi: "Regiotaxi"
                case .automaatje: "AutoMaatje"
                case .walk: "walk"
                }
            }
            var seen: [String] = []
            for m in modes where !seen.contains(m) { seen.append(m) }
            let title = seen.isEmpty ? "on foot" : seen.joined(separator: " + ")
            out.append("\(number + 1). \(title)   \(clock(itinerary.departure)) → \(clock(itinerary.arrival))   \(PlanOutput.minutes(itinerary.duration)), \(Self.euros(itinerary.price))\(marks.isEmpty ? "" : "   ← " + marks.joined(separator: ", "))")
            for leg in itinerary.legs { out.append(contentsOf: describe(leg)) }
            if !itinerary.guaranteed { out.append("   Not guaranteed: a volunteer must accept the ride.") }
            out.append("")
        }
        if !plan.notOffered.isEmpty {
            out.append("Not offered:")
            for (mode, reason) in plan.notOffered {
                out.append("  - \(Self.modeName(mode)): \(reason.message) [\(reason.code.rawValue)]")
            }
        }
        return out.joined(separator: "\n")
    }

    static func modeName(_ mode: String) -> String {
        switch mode {
        case TravelMode.walk.rawValue: "Walking"
        case TravelMode.transit.rawValue: "Public transport"
        case TravelMode.regiotaxi.rawValue: "Regiotaxi"
        case TravelMode.automaatje.rawValue: "AutoMaatje"
        case "regiotaxi+transit": "Regiotaxi to or from a station"
        case "automaatje+transit": "AutoMaatje to or from a station"
        default: mode
        }
    }

    func describe(_ leg: ItineraryLeg) -> [String] {
        switch leg.mode {
        case .walk:
            return ["   \(clock(leg.departure))  walk \(PlanOutput.minutes(leg.duration)) (\(Int(leg.metres.rounded())) m) to \(leg.toName)"]
        case .transit:
            var lines = [
                "   \(clock(leg.departure))  \(leg.vehicle ?? "transit") \(leg.route ?? "")\(leg.headsign.map { $0.isEmpty ? "" : " towards \($0)" } ?? "") from \(leg.fromName), about \(Self.euros(leg.price)) to \(leg.paidTo ?? "the operator")",
                "   \(clock(leg.arrival))  arrive \(leg.toName)",
            ]
            if let fares = leg.fares {
                lines.append("          per person: " + fares.map { "\($0.passenger) \(Self.euros($0.price))" }.joined(separator: ", "))
            }
            return lines
        case .regiotaxi, .automaatje:
            let name = leg.mode == .regiotaxi ? "Regiotaxi" : "AutoMaatje"
            var lines = [
                "   \(clock(leg.departure))  \(name) from \(leg.fromName) (pickup \(clock(leg.departure - Int32((leg.windowMinutes ?? 0) * 60)))–\(clock(leg.departure + Int32((leg.windowMinutes ?? 0) * 60)))), \(Self.euros(leg.price)) to \(leg.paidTo ?? "the operator")",
                "   \(clock(leg.arrival))  arrive \(leg.toName) (about \(PlanOutput.minutes(leg.duration)) by road, \(Int((leg.metres / 1000).rounded())) km)",
            ]
            if let fares = leg.fares {
                lines.append("          per person: " + fares.map { "\($0.passenger) \(Self.euros($0.price))" }.joined(separator: ", "))
            }
            if let deadline = leg.bookingDeadline {
                lines.append("          book by \(RideRules.describe(deadline, zone: timezone))")
            }
            for note in leg.notes { lines.append("          \(note)") }
            return lines
        }
    }

    // MARK: JSON

    /// The plan in the one wire format (`PlanDocument`, the API's too).
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(PlanDocument(plan, request: request, timezone: timezone)), as: UTF8.self)
    }
}

extension ItineraryLeg {
    var duration: Int32 { arrival - departure }
}
