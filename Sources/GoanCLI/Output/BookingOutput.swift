//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import Foundation
import GTFS
import Mobility

/// A booking as the CLI prints it.
struct BookingOutput {
    var details: BookingDetails
    var timezone: String

    func time(_ unix: Int64) -> String { Self.time(unix, timezone: timezone) }

    /// "YYYY-MM-DD HH:MM" of an instant in `timezone`.
    static func time(_ unix: Int64, timezone: String) -> String {
        let (date, seconds) = ServiceDayClock.localDate(unix: unix, timezone: timezone)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date) \(two(seconds / 3600)):\(two(seconds / 60 % 60))"
    }

    func clock(_ unix: Int64) -> String { String(time(unix).suffix(5)) }

    /// One line: id, state, traveller, date, route.
    func line() -> String {
        let b = details.booking
        let first = details.legs.first, last = details.legs.last
        // A return trip: there and back.
        let route = if let there = details.legs.last(where: { $0.part == .outward }), details.legs.contains(where: { $0.part == .back }) {
            "\(first?.fromName ?? "") ⇄ \(there.toName)"
        } else {
            "\(first?.fromName ?? "") → \(last?.toName ?? "")"
        }
        return "\(details.id)\t\(b.state)\t\(b.travellerId)\t\(time(b.pickupAt))–\(clock(b.arrivalAt))\t\(b.service)\t\(route)"
    }

    func text() -> String {
        let b = details.booking
        var lines = ["Booking \(details.id): \(b.state)  (traveller \(b.travellerId), \(b.date))"]
        var facts = ["price \(RideRules.euros(b.price))"]
        if b.km > 0 { facts.append("\(Int(b.km.rounded())) km from the yearly Regiotaxi budget") }
        if b.fee > 0 { facts.append("cancellation fee \(RideRules.euros(b.fee))") }
        lines.append("  booked \(time(b.createdAt)) from offer \(b.offerId.prefix(8))…; " + facts.joined(separator: ", "))
        if !b.reasonText.isEmpty { lines.append("  reason: \(b.reasonText)") }
        let returnTrip = details.legs.contains { $0.part == .back }
        for leg in details.legs {
            if returnTrip, leg.position == 0 || leg.part != details.legs[leg.position - 1].part {
                let state = details.legs.filter { $0.part == leg.part }.allSatisfy { $0.state == .cancelled } ? " (cancelled)" : ""
                lines.append("  \(leg.part == .outward ? "the way there" : "the way back")\(state):")
            }
            var line = "  leg \(leg.id ?? 0)  \(leg.mode.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(clock(leg.departureAt)) \(leg.fromName) → \(clock(leg.arrivalAt)) \(leg.toName)"
            if leg.isOnDemand {
                line += "  [\(leg.state.rawValue)"
                if let assignee = leg.assignee { line += ", \(leg.mode == .regiotaxi ? "vehicle" : "volunteer") \(assignee)" }
                if let asked = leg.askedVolunteer, let deadline = leg.responseDeadline {
                    line += ", asked \(asked), answer due \(time(deadline))"
                }
                line += "]"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
