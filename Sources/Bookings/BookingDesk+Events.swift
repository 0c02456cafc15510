//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import FleetDispatch
import GTFS
import Mobility
import Planner

extension BookingDesk {
    /// CANCEL by the traveller: free until each service's limit before its pickup (Regiotaxi:
    /// 60 min), the service's fee after; kilometres come back on a free cancellation only.
    ///
    /// `part`: only the way there or only the way back of a return trip; the booking stays
    /// live for the other way (its price and times become those of what is left), and is
    /// CANCELLED once no way is left. A way already cancelled changes nothing.
    public func cancel(_ id: BookingID, part: TripPart? = nil, now: Int64, reason: String = "cancelled by the traveller") throws -> BookingDetails {
        try store.update(bookingId: id) { details, tx in
            guard details.booking.state.isLive else {
                if details.booking.state == .cancelled { return }  // a repeated CANCEL changes nothing
                throw DeskError.conflict(code: "WRONG_STATE", message: "booking \(id) is \(details.booking.state.rawValue) and cannot be cancelled")
            }
            if let part, !details.legs.contains(where: { $0.part == part }) {
                throw DeskError.conflict(code: "NO_SUCH_PART", message: "booking \(id) has no \(part == .back ? "way back" : "way there")")
            }
            let cancelled = details.legs.indices.filter { part == nil || details.legs[$0].part == part }
            guard cancelled.contains(where: { details.legs[$0].state != .cancelled }) else { return }
            var fee = 0.0
            for index in cancelled {
                if details.legs[index].isOnDemand {
                    var machine = machine(for: details.legs[index], state: machineState(of: details.legs[index]))
                    let action = machine.cancel(now: now)
                    if case .settleCancellation(let legFee, _) = action { fee += legFee }
                    try apply(action, toLeg: index, &details, tx)
                }
                details.legs[index].state = .cancelled
            }
            details.booking.fee = ((details.booking.fee + fee) * 100).rounded() / 100
            var words = fee > 0 ? "\(reason); cancelled less than the free period before pickup: fee \(RideRules.euros(fee))" : reason
            if let part { words = "\(part == .back ? "way back" : "way there") \(words)" }
            // A way cancelled before stays in the reason.
            details.booking.reason = details.booking.reason.isEmpty || details.booking.reasonCode != nil ? words : details.booking.reason + "; " + words
            details.booking.reasonCode = nil
            let left = details.legs.filter { $0.state != .cancelled }
            guard let first = left.first, let last = left.last else {
                details.booking.state = .cancelled
                return
            }
            // One way goes on: the booking is what is left of the trip.
            details.booking.price = (left.reduce(0) { $0 + $1.price } * 100).rounded() / 100
            details.booking.pickupAt = first.departureAt
            details.booking.arrivalAt = last.arrivalAt
            settleState(&details)
        }.0
    }

    /// DENY by a coordinator or dispatcher: a booking not yet confirmed is rejected.
    public func deny(_ id: BookingID, reason: String, now: Int64) throws -> BookingDetails {
        try store.update(bookingId: id) { details, tx in
            guard details.booking.state == .new || details.booking.state == .pending else {
                throw DeskError.conflict(
                    code: "WRONG_STATE", message: "booking \(id) is \(details.booking.state.rawValue); only a NEW or PENDING booking can be denied")
            }
            let denial = Reason(.denied, reason)
            for index in details.legs.indices where details.legs[index].isOnDemand {
                var machine = machine(for: details.legs[index], state: machineState(of: details.legs[index]))
                try apply(machine.deny(denial), toLeg: index, &details, tx)
                if details.booking.state.isRefused { return }
            }
            try release(&details, tx, state: .rejected, reason: denial)  // a trip without on-demand legs
        }.0
    }

    /// A volunteer's answer to the ride offered to them: an acceptance confirms the leg (unless
    /// it would exceed their maximum rides or clash with a ride they accepted); a decline offers
    /// it to the next volunteer, and rejects the trip when nobody is left.
    public func answer(leg legId: LegID, volunteer: VolunteerID, accepted: Bool, now: Int64) throws -> BookingDetails {
        guard let bookingId = try store.bookingId(ofLeg: legId) else { throw DeskError.notFound("volunteer request \(legId)") }
        return try store.update(bookingId: bookingId) { details, tx in
            guard let index = details.legs.firstIndex(where: { $0.id == legId }), details.legs[index].mode == .automaatje else {
                throw DeskError.notFound("volunteer request \(legId)")
            }
            let leg = details.legs[index]
            guard leg.state == .pending, leg.responseDeadline != nil else {
                throw DeskError.conflict(code: "NOT_PENDING", message: "ride \(legId) is \(leg.state.rawValue); no answer is expected")
            }
            guard leg.askedVolunteer == volunteer else {
                throw DeskError.conflict(code: "NOT_ASKED", message: "'\(volunteer)' was not asked for ride \(legId)")
            }
            if accepted, now <= leg.responseDeadline!, let clash = try volunteerLimit(volunteer, leg, tx) {
                throw DeskError.conflict(code: "VOLUNTEER_LIMIT", message: clash)
            }
            var machine = machine(for: leg, state: machineState(of: leg))
            if !accepted { details.legs[index].declinedBy.append(volunteer) }
            let action = machine.volunteerAnswered(volunteer, accepted: accepted, now: now)
            try apply(action, toLeg: index, &details, tx)
            if case .confirm = action { settleState(&details) }
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
                    guard leg.state == .pending, let deadline = leg.responseDeadline, deadline <= now else { continue }
                    var machine = machine(for: leg, state: machineState(of: leg))
                    try apply(machine.timeoutFired(now: now), toLeg: index, &details, tx)
                    didChange = true
                    if details.booking.state.isRefused { break }
                }
                return didChange
            }
            if didChange { changed.append(details) }
        }
        return changed
    }

    /// The lifecycle state a stored on-demand leg is in.
    func machineState(of leg: BookedLeg) -> BookingStateMachine.State {
        switch leg.state {
        case .pending:
            guard let volunteer = leg.askedVolunteer, let deadline = leg.responseDeadline else { return .new }
            return .pending(volunteer: volunteer, deadline: deadline, remaining: leg.candidates)
        case .confirmed:
            return leg.assignee.map { .confirmed(by: $0) } ?? .new
        default:
            return .new
        }
    }

    /// Why a volunteer may not take one more ride (their day or week maximum, or a ride they
    /// accepted at that time), or `nil`.
    func volunteerLimit(_ id: VolunteerID, _ leg: BookedLeg, _ tx: any BookingTransaction) throws -> String? {
        guard let volunteer = supply.volunteers.first(where: { $0.id == id }), let date = ServiceDate(leg.date) else { return nil }
        let week = try confirmedWeek(of: id, around: date, tx)
        let today = week.filter { $0.date == leg.date }
        if today.count >= volunteer.maxRidesPerDay { return "\(volunteer.name) already drives \(today.count) rides that day (at most \(volunteer.maxRidesPerDay))" }
        if week.count >= volunteer.maxRidesPerWeek { return "\(volunteer.name) already drives \(week.count) rides that week (at most \(volunteer.maxRidesPerWeek))" }
        if let clash = today.first(where: { Self.overlap($0, leg) }) { return "\(volunteer.name) already drives ride \(clash.id ?? 0) at that time" }
        return nil
    }

    /// The day's rides from the store for the dispatcher: confirmed Regiotaxi rides and
    /// AutoMaatje rides confirmed or still waiting for a volunteer.
    public func rides(on date: String) throws -> [BookedRide] {
        try store.bookings(traveller: nil, date: date).flatMap { details in
            details.legs.filter { $0.isOnDemand && ($0.state == .confirmed || $0.state == .pending) }.map { leg in
                var ride = Self.ride(leg)
                ride.traveller = details.booking.travellerId
                if leg.state == .confirmed {
                    ride.confirmedShift = leg.assignee?.shift
                    ride.acceptedBy = leg.assignee?.volunteer
                }
                if leg.state == .pending { ride.awaiting = leg.askedVolunteer }
                return ride
            }
        }.sorted { ($0.pickup, $0.id) < ($1.pickup, $1.id) }
    }
}
