//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
public import FleetDispatch
import GTFS
import Mobility
import Planner

extension BookingDesk {
    /// CANCEL by the traveller: free until each service's limit before its pickup (Regiotaxi:
    /// 60 min), the service's fee after; kilometres come back on a free cancellation only.
    public func cancel(_ id: Int64, now: Int64, reason: String = "cancelled by the traveller") throws -> BookingDetails {
        try store.update(bookingId: id) { details, tx in
            guard ["NEW", "PENDING", "CONFIRMED"].contains(details.booking.state) else {
                if details.booking.state == "CANCELLED" { return }  // a repeated CANCEL changes nothing
                throw DeskError.conflict(code: "WRONG_STATE", message: "booking \(id) is \(details.booking.state) and cannot be cancelled")
            }
            var fee = 0.0
            for index in details.legs.indices {
                let leg = details.legs[index]
                if leg.isOnDemand && leg.state == "CONFIRMED" {
                    let stateBefore: BookingStateMachine.State = .confirmed(by: leg.assignee)
                    var machine = machine(for: leg, state: stateBefore)
                    if case .settleCancellation(let legFee, let restore) = machine.cancel(now: now) {
                        fee += legFee
                        try releaseLeg(index, &details, tx, restoreBudget: restore)
                    }
                }
                details.legs[index].state = "CANCELLED"
                details.legs[index].askedVolunteer = ""
                details.legs[index].responseDeadline = nil
            }
            details.booking.fee = (fee * 100).rounded() / 100
            details.booking.state = "CANCELLED"
            details.booking.reason = fee > 0 ? "\(reason); cancelled less than the free period before pickup: fee \(RideRules.euros(fee))" : reason
        }.0
    }

    /// DENY by a coordinator or dispatcher: a booking not yet confirmed is rejected.
    public func deny(_ id: Int64, reason: String, now: Int64) throws -> BookingDetails {
        try store.update(bookingId: id) { details, tx in
            guard ["NEW", "PENDING"].contains(details.booking.state) else {
                throw DeskError.conflict(code: "WRONG_STATE", message: "booking \(id) is \(details.booking.state); only a NEW or PENDING booking can be denied")
            }
            try release(&details, tx, state: "REJECTED", reason: "DENIED: \(reason)")
        }.0
    }

    /// A volunteer's answer to the ride offered to them: an acceptance confirms the leg (unless
    /// it would exceed their maximum rides or clash with a ride they accepted); a decline offers
    /// it to the next volunteer, and rejects the trip when nobody is left.
    public func answer(leg legId: Int64, volunteer: String, accepted: Bool, now: Int64) throws -> BookingDetails {
        guard let bookingId = try store.bookingId(ofLeg: legId) else { throw DeskError.notFound("volunteer request \(legId)") }
        return try store.update(bookingId: bookingId) { details, tx in
            guard let index = details.legs.firstIndex(where: { $0.id == legId }), details.legs[index].mode == "automaatje" else {
                throw DeskError.notFound("volunteer request \(legId)")
            }
            let leg = details.legs[index]
            guard leg.state == "PENDING", let deadline = leg.responseDeadline else {
                throw DeskError.conflict(code: "NOT_PENDING", message: "ride \(legId) is \(leg.state); no answer is expected")
            }
            guard leg.askedVolunteer == volunteer else {
                throw DeskError.conflict(code: "NOT_ASKED", message: "'\(volunteer)' was not asked for ride \(legId)")
            }
            if accepted, now <= deadline, let clash = try volunteerLimit(volunteer, leg, tx) {
                throw DeskError.conflict(code: "VOLUNTEER_LIMIT", message: clash)
            }
            var machine = machine(for: leg, state: .pending(volunteer: volunteer, deadline: deadline, remaining: Self.list(leg.candidates)))
            if !accepted { details.legs[index].declinedBy = (Self.list(leg.declinedBy) + [volunteer]).joined(separator: ",") }
            _ = machine.volunteerAnswered(volunteer, accepted: accepted, now: now)
            try apply(machine.state, toLeg: index, &details, tx, now: now)
        }.0
    }

    /// Deadlines that passed: each pending ride goes to the next volunteer while there is time,
    /// else the trip EXPIRES with the reason. Returns the bookings that changed.
    @discardableResult
    public func expireDue(now: Int64) throws -> [BookingDetails] {
        var changed: [BookingDetails] = []
        for id in try store.bookingsWithDeadline(before: now) {
            let (details, didChange) = try store.update(bookingId: id) { details, tx -> Bool in
                var didChange = false
                for index in details.legs.indices {
                    let leg = details.legs[index]
                    guard leg.state == "PENDING", let deadline = leg.responseDeadline, deadline <= now else { continue }
                    var machine = machine(
                        for: leg, state: .pending(volunteer: leg.askedVolunteer, deadline: deadline, remaining: Self.list(leg.candidates)))
                    _ = machine.timeoutFired(now: now)
                    try apply(machine.state, toLeg: index, &details, tx, now: now)
                    didChange = true
                    if details.booking.state == "EXPIRED" || details.booking.state == "REJECTED" { break }
                }
                return didChange
            }
            if didChange { changed.append(details) }
        }
        return changed
    }

    /// Writes the machine's new state of a volunteer leg into the booking.
    func apply(_ state: BookingStateMachine.State, toLeg index: Int, _ details: inout BookingDetails, _ tx: any BookingTransaction, now: Int64) throws {
        switch state {
        case .confirmed(let by):
            details.legs[index].state = "CONFIRMED"
            details.legs[index].assignee = by
            details.legs[index].askedVolunteer = ""
            details.legs[index].responseDeadline = nil
            settleState(&details)
        case .pending(let next, let deadline, let remaining):
            details.legs[index].askedVolunteer = next
            details.legs[index].responseDeadline = deadline
            details.legs[index].candidates = remaining.joined(separator: ",")
        case .rejected(let reason):
            try release(&details, tx, state: "REJECTED", reason: "\(Reason.Code.noVolunteerAvailable.rawValue): \(reason)")
        case .expired(let reason):
            try release(&details, tx, state: "EXPIRED", reason: "\(Reason.Code.noVolunteerAvailable.rawValue): \(reason)")
        default:
            break
        }
    }

    /// Why a volunteer may not take one more ride (their day or week maximum, or a ride they
    /// accepted at that time), or `nil`.
    func volunteerLimit(_ id: String, _ leg: BookedLeg, _ tx: any BookingTransaction) throws -> String? {
        guard let volunteer = supply.volunteers.first(where: { $0.id == id }), let date = ServiceDate(leg.date) else { return nil }
        let week = try confirmedWeek(of: id, around: date, tx)
        let today = week.filter { $0.date == leg.date }
        if today.count >= volunteer.maxRidesPerDay { return "\(volunteer.name) already drives \(today.count) rides that day (at most \(volunteer.maxRidesPerDay))" }
        if week.count >= volunteer.maxRidesPerWeek { return "\(volunteer.name) already drives \(week.count) rides that week (at most \(volunteer.maxRidesPerWeek))" }
        if let clash = today.first(where: { Self.overlap($0, leg) }) { return "\(volunteer.name) already drives ride \(clash.id ?? 0) at that time" }
        return nil
    }

    static func list(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

    /// The day's rides from the store for the dispatcher: confirmed Regiotaxi rides and
    /// AutoMaatje rides confirmed or still waiting for a volunteer.
    public func rides(on date: String) throws -> [BookedRide] {
        let states: Set<String> = ["CONFIRMED", "PENDING"]
        return try store.bookings(traveller: nil, date: date).flatMap { details in
            details.legs.filter { $0.isOnDemand && states.contains($0.state) }.map { leg in
                var ride = Self.ride(leg)
                ride.traveller = TravellerID(rawValue: details.booking.travellerId)
                if leg.state == "CONFIRMED" {
                    if ride.service == .regiotaxi { ride.confirmedShift = ShiftID(rawValue: leg.assignee) } else { ride.acceptedBy = VolunteerID(rawValue: leg.assignee) }
                }
                if leg.state == "PENDING", !leg.askedVolunteer.isEmpty { ride.awaiting = VolunteerID(rawValue: leg.askedVolunteer) }
                return ride
            }
        }.sorted { ($0.pickup, $0.id) < ($1.pickup, $1.id) }
    }
}
