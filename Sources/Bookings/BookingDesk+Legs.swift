//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import FleetDispatch
import GTFS
import Mobility
import Planner

extension BookingDesk {
    /// COMMIT: books every on-demand leg with its service, in one transaction. A leg that cannot
    /// be booked makes the whole trip REJECTED (or EXPIRED, for an expired offer) with the reason,
    /// and releases what the other legs took. Committing a booking already committed changes nothing.
    ///
    /// A trip that departed already is REJECTED (`DEPARTURE_IN_THE_PAST`); so is one that
    /// overlaps another PENDING or CONFIRMED trip of the traveller (`OVERLAPPING_BOOKING`: the
    /// same ride booked twice would take the vehicle place and the kilometres twice) unless
    /// `allowOverlap`.
    public func commit(_ id: BookingID, allowOverlap: Bool = false, now: Int64) throws -> BookingDetails {
        try store.update(bookingId: id) { details, tx in
            switch details.booking.state {
            case .new: try commitLegs(&details, tx, allowOverlap: allowOverlap, now: now)
            case .pending, .confirmed: return
            default:
                throw DeskError.conflict(
                    code: "WRONG_STATE", message: "booking \(id) is \(details.booking.state.rawValue); only a NEW booking can be committed")
            }
        }.0
    }

    /// Books the legs of a NEW booking inside the caller's transaction (see `commit`).
    func commitLegs(_ details: inout BookingDetails, _ tx: any BookingTransaction, allowOverlap: Bool, now: Int64) throws {
        if let late = departedAlready(details, now: now) {
            try release(&details, tx, state: .rejected, reason: late)
            return
        }
        if now > details.booking.validUntil {
            let expiry = ServiceDayClock.iso(unix: details.booking.validUntil, timezone: timezone)
            try release(&details, tx, state: .expired, reason: Reason(.offerExpired, "the offer expired at \(expiry)"))
            return
        }
        // Inside the write transaction, as every decision on a resource: two commits of the
        // same ride at once cannot both pass.
        if !allowOverlap, let other = try tx.activeBookings(
            traveller: details.booking.travellerId, overlapping: details.booking.pickupAt, details.booking.arrivalAt, excluding: details.id
        ).first {
            let clock = { (unix: Int64) in ServiceDayClock.iso(unix: unix, timezone: timezone) }
            try release(
                &details, tx, state: .rejected,
                reason: Reason(
                    .overlappingBooking,
                    "booking \(other.id ?? 0) (\(other.state.rawValue)) of this traveller travels \(clock(other.pickupAt)) to "
                        + "\(clock(other.arrivalAt)), at the same time; book again with allowOverlap (goan: --allow-overlap) to keep both"))
            return
        }
        for index in details.legs.indices where details.legs[index].isOnDemand {
            var machine = machine(for: details.legs[index])
            let action = try book(details.legs[index], with: &machine, traveller: details.booking.travellerId, tx, now: now)
            try apply(action, toLeg: index, &details, tx)
            if details.booking.state.isRefused { return }
        }
        settleState(&details)
    }

    /// Books one on-demand leg with its service through its lifecycle machine: the Regiotaxi
    /// insertion check (writing the vehicle's new route), or the first volunteer to ask.
    /// Returns the machine's action (confirm, offer or reject).
    func book(
        _ leg: BookedLeg, with machine: inout BookingStateMachine, traveller: TravellerID, _ tx: any BookingTransaction, now: Int64
    ) throws -> BookingStateMachine.Action {
        if let deadline = leg.bookingDeadline, now > deadline {
            let last = ServiceDayClock.iso(unix: deadline, timezone: timezone)
            return machine.deny(Reason(.leadTimeNotMet, "the last moment to book this \(leg.mode.rawValue) ride was \(last)"))
        }
        switch leg.mode {
        case .regiotaxi:
            let left = try tx.kmBudgetLeft(traveller: traveller)
            if leg.budgetKm > left + 0.000_1 {
                return machine.deny(Reason(
                    .kmBudgetExhausted, "the ride takes \(Int(leg.budgetKm.rounded())) km of the yearly budget; \(Int(left.rounded())) km are left"))
            }
            guard let shift = try insertRegiotaxi(leg, tx) else {
                let needs = leg.rideNeeds
                let aid = needs.asksForAPlaceOrEquipment ? "with \(needs.summary) " : ""
                return machine.deny(Reason(
                    needs.asksForAPlaceOrEquipment ? .noVehicleWithAid : .noVehicleAvailable,
                    "no Regiotaxi vehicle on duty can take the ride \(aid)next to its other rides then"))
            }
            return machine.requestOperator(shift: shift)
        default:
            return machine.requestVolunteer(candidates: try volunteerCandidates(for: leg, tx), now: now)
        }
    }

    /// Writes what a leg's lifecycle machine decided into the booking (inside the caller's
    /// transaction): the only place a leg's state changes.
    func apply(_ action: BookingStateMachine.Action, toLeg index: Int, _ details: inout BookingDetails, _ tx: any BookingTransaction) throws {
        switch action {
        case .offer(let volunteer, let deadline, let remaining):
            details.legs[index].state = .pending
            details.legs[index].askedVolunteer = volunteer
            details.legs[index].responseDeadline = deadline
            details.legs[index].candidates = remaining
        case .confirm(let assignee):
            if case .shift = assignee, details.legs[index].mode == .regiotaxi {
                // Confirmed into a vehicle's route: the kilometres leave the yearly budget now.
                let km = details.legs[index].budgetKm
                try tx.adjustBudget(traveller: details.booking.travellerId, by: -km)
                details.booking.km += km
            }
            details.legs[index].state = .confirmed
            details.legs[index].assignee = assignee
            details.legs[index].askedVolunteer = nil
            details.legs[index].responseDeadline = nil
        case .reject(let reason):
            try release(&details, tx, state: .rejected, reason: reason)
        case .expire(let reason):
            try release(&details, tx, state: .expired, reason: reason)
        case .settleCancellation(_, let restoreBudget):
            try releaseLeg(index, &details, tx, restoreBudget: restoreBudget)
            details.legs[index].state = .cancelled
            details.legs[index].askedVolunteer = nil
            details.legs[index].responseDeadline = nil
        case .ignore:
            break
        }
    }

    /// The cheapest feasible insertion of `leg` into the day's stored Regiotaxi routes (the
    /// dispatcher's insertion check); writes the new route. Returns the vehicle (shift) name, or
    /// `nil` when no vehicle can take it.
    func insertRegiotaxi(_ leg: BookedLeg, _ tx: any BookingTransaction) throws -> ShiftID? {
        guard let date = ServiceDate(leg.date), leg.id != nil else { return nil }
        var plan = try dayPlan(leg.date, tx)
        guard let (shift, route, times) = dispatcher.insert(Self.ride(leg), date: date, routes: plan.routes, times: plan.times) else { return nil }
        try tx.setRoute(date: leg.date, shift: shift, stops: route.compactMap { visit in
            visit.ride.leg.map { RouteStop(legId: $0, pickup: visit.pickup) }
        })
        plan.routes[shift] = route
        plan.times[shift] = times
        plan.version = try tx.dayPlanVersion(date: leg.date)
        dayPlans.store(leg.date, plan)
        return shift
    }

    /// The stored Regiotaxi routes of a travel date with their rides and times: from the cache
    /// when the store's version matches, else read from the store (and cached).
    func dayPlan(_ date: String, _ tx: any BookingTransaction) throws -> DayPlanCache.DayPlan {
        let version = try tx.dayPlanVersion(date: date)
        if let plan = dayPlans.plan(date, version: version) { return plan }
        let stored = try tx.routes(date: date)
        let legs = try tx.legs(ids: stored.values.flatMap { $0.filter(\.pickup).map(\.legId) })
        var rides: [LegID: BookedRide] = [:]
        for leg in legs { if let id = leg.id { rides[id] = Self.ride(leg) } }
        let routes = stored.mapValues { stops in stops.compactMap { stop in rides[stop.legId].map { RouteVisit(ride: $0, pickup: stop.pickup) } } }
        let times = ServiceDate(date).map { dispatcher.times(of: routes, date: $0) } ?? [:]
        let plan = DayPlanCache.DayPlan(version: version, routes: routes, times: times)
        dayPlans.store(date, plan)
        return plan
    }

    /// A leg as a ride of the dispatcher, with the id `ride-<leg id>`.
    static func ride(_ leg: BookedLeg) -> BookedRide {
        BookedRide(
            id: RideID(rawValue: "ride-\(leg.id?.rawValue ?? 0)"), leg: leg.id, traveller: "", service: leg.mode, fromName: leg.fromName,
            from: Coordinate(latitude: leg.fromLat, longitude: leg.fromLon), toName: leg.toName,
            to: Coordinate(latitude: leg.toLat, longitude: leg.toLon), pickup: leg.pickupMinute, seats: leg.seats, codes: leg.needs)
            .inGroup(leg.targetGroup)
    }

    /// Volunteers who can drive the leg, nearest first: free for the whole drive, with rides
    /// left that day and week, and no confirmed ride of their own at that time.
    func volunteerCandidates(for leg: BookedLeg, _ tx: any BookingTransaction) throws -> [VolunteerID] {
        guard let date = ServiceDate(leg.date) else { return [] }
        var matcher = VolunteerMatcher(volunteers: supply.volunteers, road: dispatcher.road)
        var busy = Set<VolunteerID>()
        for volunteer in matcher.volunteers {
            let week = try confirmedWeek(of: volunteer.id, around: date, tx)
            matcher.ridesThisWeek[volunteer.id] = week.count
            let today = week.filter { $0.date == leg.date }
            matcher.ridesToday[volunteer.id] = today.count
            if today.contains(where: { Self.overlap($0, leg) }) { busy.insert(volunteer.id) }
        }
        return matcher.candidates(
            date: date, pickup: Int32(leg.pickupMinute * 60), origin: Coordinate(latitude: leg.fromLat, longitude: leg.fromLon),
            destination: Coordinate(latitude: leg.toLat, longitude: leg.toLon), needs: leg.rideNeeds
        ).map(\.volunteer.id).filter { !busy.contains($0) }
    }

    /// A volunteer's confirmed rides in the week (Monday to Sunday) of `date`.
    func confirmedWeek(of volunteer: VolunteerID, around date: ServiceDate, _ tx: any BookingTransaction) throws -> [BookedLeg] {
        let monday = date.adding(days: -date.weekday)
        return try tx.volunteerLegs(volunteer: volunteer, from: monday.description, through: monday.adding(days: 6).description)
    }

    /// Whether two drives overlap, with an hour around each for the trips from and back home.
    static func overlap(_ a: BookedLeg, _ b: BookedLeg) -> Bool {
        a.departureAt - 3600 < b.arrivalAt + 3600 && b.departureAt - 3600 < a.arrivalAt + 3600
    }

    /// Ends a booking that cannot go on: every leg gets `state`, confirmed Regiotaxi legs leave
    /// their vehicle's route and give back their kilometres.
    func release(_ details: inout BookingDetails, _ tx: any BookingTransaction, state: BookingState, reason: Reason) throws {
        for index in details.legs.indices {
            try releaseLeg(index, &details, tx, restoreBudget: true)
            details.legs[index].state = state
            details.legs[index].askedVolunteer = nil
            details.legs[index].responseDeadline = nil
        }
        details.booking.state = state
        details.booking.reasonCode = reason.code
        details.booking.reason = reason.message
    }

    /// Takes a confirmed Regiotaxi leg out of its route (and gives its kilometres back).
    func releaseLeg(_ index: Int, _ details: inout BookingDetails, _ tx: any BookingTransaction, restoreBudget: Bool) throws {
        let leg = details.legs[index]
        guard leg.mode == .regiotaxi, leg.state == .confirmed, let id = leg.id, let shift = leg.assignee?.shift else { return }
        if var stops = try tx.routes(date: leg.date)[shift] {
            stops.removeAll { $0.legId == id }
            try tx.setRoute(date: leg.date, shift: shift, stops: stops)
        }
        if restoreBudget {
            try tx.adjustBudget(traveller: details.booking.travellerId, by: leg.budgetKm)
            details.booking.km = max(0, details.booking.km - leg.budgetKm)
        }
    }

    /// The trip's state from its on-demand legs: PENDING while an answer is awaited, else
    /// CONFIRMED; legs that need no booking follow the trip.
    func settleState(_ details: inout BookingDetails) {
        let onDemand = details.legs.filter(\.isOnDemand)
        let state: BookingState = onDemand.contains { $0.state == .pending } ? .pending : .confirmed
        details.booking.state = state
        // A way cancelled alone stays cancelled.
        for index in details.legs.indices where !details.legs[index].isOnDemand && details.legs[index].state != .cancelled {
            details.legs[index].state = state
        }
    }
}
