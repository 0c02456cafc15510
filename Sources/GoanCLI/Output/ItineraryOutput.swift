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
        case .departAt(let s): when = "leaving from \(clock(s))"
        case .arriveBy(let s): when = "arriving by \(clock(s))"
        }
        out.append("\(request.originName) → \(request.destinationName)")
        out.append("\(RideRules.describe(ServiceDayClock.noonMinus12h(request.date, timezone: timezone) + 43_200, zone: timezone).dropLast(6)), \(when)")
        var about = "\(t.name), \(t.age)"
        about += t.wmoPass.map { ", Wmo pass (\(Int($0.kmBudgetLeft)) km budget left)" } ?? ", no Wmo pass"
        if t.automaatjeMember { about += ", AutoMaatje member" }
        if !t.aids.isEmpty { about += ", \(t.aids.map(\.rawValue).joined(separator: ", "))" }
        out.append("For \(about); asking on \(RideRules.describe(request.bookedAt, zone: timezone))")
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
        case "walk": "Walking"
        case "transit": "Public transport"
        case "regiotaxi": "Regiotaxi"
        case "automaatje": "AutoMaatje"
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
            return [
                "   \(clock(leg.departure))  \(leg.vehicle ?? "transit") \(leg.route ?? "")\(leg.headsign.map { $0.isEmpty ? "" : " towards \($0)" } ?? "") from \(leg.fromName), about \(Self.euros(leg.price)) to \(leg.paidTo ?? "the operator")",
                "   \(clock(leg.arrival))  arrive \(leg.toName)",
            ]
        case .regiotaxi, .automaatje:
            let name = leg.mode == .regiotaxi ? "Regiotaxi" : "AutoMaatje"
            var lines = [
                "   \(clock(leg.departure))  \(name) from \(leg.fromName) (pickup \(clock(leg.departure - Int32((leg.windowMinutes ?? 0) * 60)))–\(clock(leg.departure + Int32((leg.windowMinutes ?? 0) * 60)))), \(Self.euros(leg.price)) to \(leg.paidTo ?? "the operator")",
                "   \(clock(leg.arrival))  arrive \(leg.toName) (about \(PlanOutput.minutes(leg.duration)) by road, \(Int((leg.metres / 1000).rounded())) km)",
            ]
            if let deadline = leg.bookingDeadline {
                lines.append("          book by \(RideRules.describe(deadline, zone: timezone))")
            }
            for note in leg.notes { lines.append("          \(note)") }
            return lines
        }
    }

    // MARK: JSON

    struct Document: Codable {
        var from: String
        var to: String
        var date: String
        var timezone: String
        var traveller: String
        var itineraries: [ItineraryJSON]
        var notOffered: [NotOffered]
        var availability: String
    }

    struct NotOffered: Codable {
        var mode: String
        var code: String
        var message: String
    }

    struct ItineraryJSON: Codable {
        var departure: String
        var arrival: String
        var durationMinutes: Int
        var priceEuros: Double
        var transfers: Int
        var walkingMetres: Int
        var guaranteed: Bool
        var legs: [LegJSON]
    }

    struct LegJSON: Codable {
        var mode: String
        var from: String
        var to: String
        var departure: String
        var arrival: String
        var pickupWindowMinutes: Int?
        var priceEuros: Double
        var paidTo: String?
        var bookingDeadline: String?
        var guaranteed: Bool
        var metres: Int
        var route: String?
        var headsign: String?
        var tripId: String?
        var notes: [String]
    }

    func json() throws -> String {
        func iso(_ t: Int32) -> String { ServiceDayClock.wallClock(t, on: request.date, timezone: timezone).iso }
        func isoUnix(_ unix: Int64) -> String {
            let local = ServiceDayClock.localDate(unix: unix, timezone: timezone)
            let seconds = Int32(ServiceDayClock.serviceSeconds(unix: unix, on: local.date, timezone: timezone))
            return ServiceDayClock.wallClock(seconds, on: local.date, timezone: timezone).iso
        }
        let document = Document(
            from: request.originName, to: request.destinationName, date: request.date.description, timezone: timezone,
            traveller: request.traveller.id.rawValue,
            itineraries: plan.itineraries.map { it in
                ItineraryJSON(
                    departure: iso(it.departure), arrival: iso(it.arrival), durationMinutes: Int((Double(it.duration) / 60).rounded()),
                    priceEuros: (it.price * 100).rounded() / 100, transfers: it.transfers, walkingMetres: Int(it.walkingMetres.rounded()),
                    guaranteed: it.guaranteed,
                    legs: it.legs.map { leg in
                        LegJSON(
                            mode: leg.mode.rawValue, from: leg.fromName, to: leg.toName, departure: iso(leg.departure),
                            arrival: iso(leg.arrival), pickupWindowMinutes: leg.windowMinutes, priceEuros: (leg.price * 100).rounded() / 100,
                            paidTo: leg.paidTo, bookingDeadline: leg.bookingDeadline.map(isoUnix), guaranteed: leg.guaranteed,
                            metres: Int(leg.metres.rounded()), route: leg.route, headsign: leg.headsign, tripId: leg.tripId, notes: leg.notes)
                    })
            },
            notOffered: plan.notOffered.map { NotOffered(mode: $0.mode, code: $0.reason.code.rawValue, message: $0.reason.message) },
            availability: plan.availabilityMethod)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}

extension ItineraryLeg {
    var duration: Int32 { arrival - departure }
}
