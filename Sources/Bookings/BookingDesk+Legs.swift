//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import Mobility
import Planner
import RideDispatch

extension BookingDesk {
    /// COMMIT: books every on-demand leg with its service, in one transaction. A leg that cannot
    /// be booked makes the whole trip REJECTED (or EXPIRED, for an expired offer) with the reason,
    /// and releases what the other legs took. Committing a booking already committed changes nothing.
    ///
    /// A trip that departed already is REJECTED (`DEPARTURE_IN_THE_PAST`); so is one that
    /// overlaps another PENDING or CONFIRMED trip of the traveller (`OVERLAPPING_BOOKING`: the
    /// same ride booked twice would take the vehicle place and the kilometres twice) unless
    /// `allowOverlap`.
    public func commit(_ id: Int64, allowOverlap: Bool = false, now: Int64) throws -> BookingDetails {
        try store.update(bookingId: id) { details, tx in
            switch details.booking.state {
            case "NEW": try commitLegs(&details, tx, allowOverlap: allowOverlap, now: now)
            case "PENDING", "CONFIRMED": return
            default: throw DeskError.conflict(code: "WRONG_STATE", message: "booking \(id) is \(details.booking.state); only a NEW booking can be committed")
            }
        }.0
    }

    /// Books the legs of a NEW booking inside the caller's transaction (see `commit`).
    func commitLegs(_ details: inout BookingDetails, _ tx: any BookingTransaction, allowOverlap: Bool, now: Int64) throws {
        if let late = departedAlready(details, now: now) {
            try release(&details, tx, state: "REJECTED", reason: late)
            return
        }
        if now > details.booking.validUntil {
            try release(&details, tx, state: "EXPIRED", reason: "OFFER_EXPIRED: the offer expired at \(ServiceDayClock.iso(unix: details.booking.validUntil, timezone: timezone))")
            return
        }
        // Inside the write transaction, as every decision on a resource: two commits of the
        // same ride at once cannot both pass.
        if !allowOverlap, let other = try tx.activeBookings(
            traveller: details.booking.travellerId, overlapping: details.booking.pickupAt, details.booking.arrivalAt, excluding: details.id
        ).first {
            let clock = { (unix: Int64) in ServiceDayClock.iso(unix: unix, timezone: timezone) }
            try release(
                &details, tx, state: "REJECTED",
                reason: "\(Self.overlappingBooking): booking \(other.id ?? 0) (\(other.state)) of this traveller travels \(clock(other.pickupAt)) to "
                    + "\(clock(other.arrivalAt)), at the same time; book again with allowOverlap to keep both")
            return
        }
        for index in details.legs.indices where details.legs[index].isOnDemand {
            if let refusal = try bookLeg(index, &details, tx, now: now) {
                try release(&details, tx, state: "REJECTED", reason: refusal)
                return
            }
        }
        settleState(&details)
    }

    /// The reason code of a trip that overlaps another of the same traveller.
    static let overlappingBooking = "OVERLAPPING_BOOKING"

    /// Books one on-demand leg; returns the refusal ("CODE: words") or `nil`.
    func bookLeg(_ index: Int, _ details: inout BookingDetails, _ tx: any BookingTransaction, now: Int64) throws -> String? {
        let leg = details.legs[index]
        if let deadline = leg.bookingDeadline, now > deadline {
            return "\(Reason.Code.leadTimeNotMet.rawValue): the last moment to book this \(leg.mode) ride was \(ServiceDayClock.iso(unix: deadline, timezone: timezone))"
        }
        switch leg.mode {
        case "regiotaxi":
            let left = try tx.kmBudgetLeft(traveller: details.booking.travellerId)
            if leg.budgetKm > left + 0.000_1 {
                return "\(Reason.Code.kmBudgetExhausted.rawValue): the ride takes \(Int(leg.budgetKm.rounded())) km of the yearly budget; \(Int(left.rounded())) km are left"
            }
            guard let vehicle = try insertRegiotaxi(leg, tx) else {
                let code = leg.wheelchair ? Reason.Code.noVehicleWithAid : Reason.Code.noVehicleAvailable
                return "\(code.rawValue): no Regiotaxi vehicle on duty can take the ride \(leg.wheelchair ? "with a wheelchair place " : "")next to its other rides then"
            }
            try tx.adjustBudget(traveller: details.booking.travellerId, by: -leg.budgetKm)
            details.booking.km += leg.budgetKm
            details.legs[index].assignee = vehicle
            details.legs[index].state = "CONFIRMED"
        default:
            var machine = machine(for: leg)
            let candidates = try volunteerCandidates(for: leg, tx)
            _ = machine.requestVolunteer(candidates: candidates, now: now)
            guard case .pending(let volunteer, let deadline, let remaining) = machine.state else {
                return "\(Reason.Code.noVolunteerAvailable.rawValue): no AutoMaatje volunteer is free for the whole drive then"
            }
            details.legs[index].state = "PENDING"
            details.legs[index].askedVolunteer = volunteer
            details.legs[index].responseDeadline = deadline
            details.legs[index].candidates = remaining.joined(separator: ",")
        }
        return nil
    }

    /// The cheapest feasible insertion of `leg` into the day's stored Regiotaxi routes (the
    /// dispatcher's insertion check); writes the new route. Returns the vehicle (shift) name, or
    /// `nil` when no vehicle can take it.
    func insertRegiotaxi(_ leg: BookedLeg, _ tx: any BookingTransaction) throws -> String? {
        guard let date = ServiceDate(leg.date), leg.id != nil else { return nil }
        var plan = try dayPlan(leg.date, tx)
        guard let (vehicle, route, times) = dispatcher.insert(Self.ride(leg), date: date, routes: plan.routes, times: plan.times) else { return nil }
        try tx.setRoute(date: leg.date, vehicle: vehicle, stops: route.compactMap { visit in
            Self.legId(ofRide: visit.ride.id).map { RouteStop(legId: $0, pickup: visit.pickup) }
        })
        plan.routes[vehicle] = route
        plan.times[vehicle] = times
        plan.version = try tx.dayPlanVersion(date: leg.date)
        dayPlans.store(leg.date, plan)
        return vehicle
    }

    /// The stored Regiotaxi routes of a travel date with their rides and times: from the cache
    /// when the store's version matches, else read from the store (and cached).
    func dayPlan(_ date: String, _ tx: any BookingTransaction) throws -> DayPlanCache.DayPlan {
        let version = try tx.dayPlanVersion(date: date)
        if let plan = dayPlans.plan(date, version: version) { return plan }
        let stored = try tx.routes(date: date)
        let legs = try tx.legs(ids: stored.values.flatMap { $0.filter(\.pickup).map(\.legId) })
        var rides: [Int64: BookedRide] = [:]
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
            id: "ride-\(leg.id ?? 0)", traveller: "", service: leg.mode, fromName: leg.fromName,
            from: Coordinate(latitude: leg.fromLat, longitude: leg.fromLon), toName: leg.toName,
            to: Coordinate(latitude: leg.toLat, longitude: leg.toLon), pickup: leg.pickupMinute, seats: leg.seats, wheelchair: leg.wheelchair)
    }

    /// The leg of a ride the desk made (`ride-<leg id>`), or `nil` for another id.
    public static func legId(ofRide id: String) -> Int64? {
        id.hasPrefix("ride-") ? Int64(id.dropFirst(5)) : nil
    }

    /// Volunteers who can drive the leg, nearest first: free for the whole drive, with rides
    /// left that day and week, and no confirmed ride of their own at that time.
    func volunteerCandidates(for leg: BookedLeg, _ tx: any BookingTransaction, excluding: Set<String> = []) throws -> [String] {
        guard let date = ServiceDate(leg.date) else { return [] }
        var matcher = VolunteerMatcher(volunteers: supply.volunteers.filter { !excluding.contains($0.id) }, road: dispatcher.road)
        var busy = Set<String>()
        for volunteer in matcher.volunteers {
            let week = try confirmedWeek(of: volunteer.id, around: date, tx)
            matcher.ridesThisWeek[volunteer.id] = week.count
            let today = week.filter { $0.date == leg.date }
            matcher.ridesToday[volunteer.id] = today.count
            if today.contains(where: { Self.overlap($0, leg) }) { busy.insert(volunteer.id) }
        }
        return matcher.candidates(
            date: date, pickup: Int32(leg.pickupMinute * 60), origin: Coordinate(latitude: leg.fromLat, longitude: leg.fromLon),
            destination: Coordinate(latitude: leg.toLat, longitude: leg.toLon), wheelchair: leg.wheelchair, seats: leg.seats
        ).map(\.volunteer.id).filter { !busy.contains($0) }
    }

    /// A volunteer's confirmed rides in the week (Monday to Sunday) of `date`.
    func confirmedWeek(of volunteer: String, around date: ServiceDate, _ tx: any BookingTransaction) throws -> [BookedLeg] {
        let monday = date.adding(days: -date.weekday)
        return try tx.volunteerLegs(volunteer: volunteer, from: monday.description, through: monday.adding(days: 6).description)
    }

    /// Whether two drives overlap, with an hour around each for the trips from and back home.
    static func overlap(_ a: BookedLeg, _ b: BookedLeg) -> Bool {
        a.departureAt - 3600 < b.arrivalAt + 3600 && b.departureAt - 3600 < a.arrivalAt + 3600
    }

    /// Ends a booking that cannot go on: every leg gets `state`, confirmed Regiotaxi legs leave
    /// their vehicle's route and give back their kilometres.
    func release(_ details: inout BookingDetails, _ tx: any BookingTransaction, state: String, reason: String) throws {
        for index in details.legs.indices {
            try releaseLeg(index, &details, tx, restoreBudget: true)
            details.legs[index].state = state
            details.legs[index].askedVolunteer = ""
            details.legs[index].responseDeadline = nil
        }
        details.booking.state = state
        details.booking.reason = reason
    }

    /// Takes a confirmed Regiotaxi leg out of its route (and gives its kilometres back).
    func releaseLeg(_ index: Int, _ details: inout BookingDetails, _ tx: any BookingTransaction, restoreBudget: Bool) throws {
        let leg = details.legs[index]
        guard leg.mode == "regiotaxi", leg.state == "CONFIRMED", let id = leg.id else { return }
        if var stops = try tx.routes(date: leg.date)[leg.assignee] {
            stops.removeAll { $0.legId == id }
            try tx.setRoute(date: leg.date, vehicle: leg.assignee, stops: stops)
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
        let state = onDemand.contains { $0.state == "PENDING" } ? "PENDING" : "CONFIRMED"
        details.booking.state = state
        for index in details.legs.indices where !details.legs[index].isOnDemand { details.legs[index].state = state }
    }
}
