//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import FleetDispatch
public import GTFS
import Mobility
import Planner
import Transit

/// What became of a standing order on one day.
public struct StandingOrderTrip: Sendable {
    public enum Outcome: Sendable {
        /// The booking made for the day (CONFIRMED, PENDING, or REJECTED with its reason).
        case booked(BookingDetails)
        /// The order does not run that day.
        case skipped(StandingOrder.SkipReason)
        /// No Regiotaxi ride could be offered (a Wmo order: the planner's reason).
        case notOffered(Reason)
    }

    public var order: StandingOrder
    public var date: String
    public var outcome: Outcome
}

extension BookingDesk {
    /// Stores a new standing order for a known traveller. The caller checks `order.problem`.
    public func addStandingOrder(_ order: StandingOrder) throws -> StandingOrder {
        _ = try traveller(order.travellerId)
        if let problem = order.problem { throw DeskError.conflict(code: "INVALID_STANDING_ORDER", message: "\(problem.field): \(problem.message)") }
        var order = order
        order.id = nil
        return try store.save(order)
    }

    public func standingOrder(_ id: StandingOrderID) throws -> StandingOrder {
        guard let order = try store.standingOrder(id: id) else { throw DeskError.notFound("standing order \(id)") }
        return order
    }

    /// Pauses an order from `from` through `through` (`nil`: until resumed); trips already
    /// booked in the pause are cancelled (free or with the fee, as any cancellation).
    public func pauseStandingOrder(_ id: StandingOrderID, from: String, through: String?, now: Int64) throws -> (StandingOrder, cancelled: [BookingDetails]) {
        var order = try standingOrder(id)
        try checkChange(order, id: id, from: from, through: through)
        order.pauses.append(StandingOrder.Pause(from: from, through: through))
        order = try store.save(order)
        return (order, try cancelBookedTrips(of: order, where: { order.pauses.last!.contains($0) }, reason: "standing order \(id) paused", now: now))
    }

    /// Ends the pauses of an order from `date` on: an open pause ends the day before, a pause
    /// that starts later is dropped.
    public func resumeStandingOrder(_ id: StandingOrderID, on date: String) throws -> StandingOrder {
        var order = try standingOrder(id)
        try checkChange(order, id: id, from: date, through: nil)
        let dayBefore = ServiceDate(date)!.adding(days: -1).description
        order.pauses = order.pauses.compactMap { pause in
            if pause.from >= date { return nil }
            guard pause.contains(date) else { return pause }
            return StandingOrder.Pause(from: pause.from, through: dayBefore)
        }
        return try store.save(order)
    }

    /// Ends an order after `lastDay`; trips already booked after it are cancelled.
    public func endStandingOrder(_ id: StandingOrderID, lastDay: String, now: Int64) throws -> (StandingOrder, cancelled: [BookingDetails]) {
        var order = try standingOrder(id)
        try Self.checkDates([lastDay])
        if lastDay < order.validFrom {
            throw DeskError.conflict(code: "INVALID_STANDING_ORDER", message: "standing order \(id) starts \(order.validFrom), after \(lastDay)")
        }
        order.validThrough = min(order.validThrough ?? lastDay, lastDay)
        order = try store.save(order)
        return (order, try cancelBookedTrips(of: order, where: { $0 > lastDay }, reason: "standing order \(id) ended", now: now))
    }

    static func checkDates(_ texts: [String]) throws {
        for text in texts where ServiceDate(text) == nil || text.count != 10 {
            throw DeskError.conflict(code: "INVALID_STANDING_ORDER", message: "'\(text)' is not a date YYYY-MM-DD")
        }
    }

    func checkChange(_ order: StandingOrder, id: StandingOrderID, from: String, through: String?) throws {
        try Self.checkDates([from] + (through.map { [$0] } ?? []))
        if let through, through < from { throw DeskError.conflict(code: "INVALID_STANDING_ORDER", message: "\(through) is before \(from)") }
        if let last = order.validThrough, from > last {
            throw DeskError.conflict(code: "WRONG_STATE", message: "standing order \(id) ended on \(last)")
        }
    }

    /// Cancels the live bookings made from `order` for the dates `when` selects.
    func cancelBookedTrips(of order: StandingOrder, where when: (String) -> Bool, reason: String, now: Int64) throws -> [BookingDetails] {
        let prefix = StandingOrder.bookingKey(order.id!, date: "")
        return try store.bookings(traveller: order.travellerId, date: nil)
            .filter { $0.booking.idempotencyKey.hasPrefix(prefix) && when($0.booking.date) && $0.booking.state.isLive }
            .map { try cancel($0.id, now: now, reason: reason) }
    }

    /// Books every standing order that runs on `date` (the way there, and back when the order
    /// has a return time), once: a day booked before returns the bookings made then. Run it
    /// before the day is dispatched (`goan dispatch --date` does).
    ///
    /// A Wmo order is planned as the traveller would (fare, km budget, service rules) and
    /// booked as a direct Regiotaxi ride each way. Day-care and school orders are the
    /// municipality's contracted rides on the same fleet: a direct ride each way, free for the
    /// traveller and outside the km budget, arriving by the fixed time (the service's whole
    /// pickup window and ride-time promise before it) and collected from the fixed leaving time
    /// on (the pickup window opens then).
    public func bookStandingOrders(on date: ServiceDate, now: Int64) throws -> [StandingOrderTrip] {
        try store.standingOrders(traveller: nil).map { order in
            let day = date.description
            if case .failure(let reason) = order.runs(on: date, calendar: supply.calendar) {
                return StandingOrderTrip(order: order, date: day, outcome: .skipped(reason))
            }
            let key = StandingOrder.bookingKey(order.id!, date: day)
            if let made = try store.booking(idempotencyKey: key) { return StandingOrderTrip(order: order, date: day, outcome: .booked(made)) }
            let offer: Offer
            switch try standingOrderOffer(order, date: date, now: now) {
            case .failure(let reason): return StandingOrderTrip(order: order, date: day, outcome: .notOffered(reason))
            case .success(let made): offer = made
            }
            let (details, _) = try bookAndCommit(offer, saveOffer: true, idempotencyKey: key, fingerprint: "standing-order=\(order.id!)", allowOverlap: false, now: now)
            return StandingOrderTrip(order: order, date: day, outcome: .booked(details))
        }
    }

    /// The day's trip of an order as an offer (not saved).
    func standingOrderOffer(_ order: StandingOrder, date: ServiceDate, now: Int64) throws -> Result<Offer, Reason> {
        let traveller = try traveller(order.travellerId)
        let midnight = ServiceDayClock.unix(wallClock: 0, on: date, timezone: timezone)
        let zero = ServiceDayClock.noonMinus12h(date, timezone: timezone)
        // Service-day seconds of a wall-clock minute of the day (exact across a DST change).
        func seconds(_ minute: Int) -> Int32 { Int32(ServiceDayClock.unix(wallClock: minute * 60, on: date, timezone: timezone) - zero) }
        var request = PlanRequest(
            traveller: traveller, origin: order.from.coordinate, originName: order.from.name, destination: order.to.coordinate,
            destinationName: order.to.name, date: date, time: order.arriveBy.map { .arriveBy(seconds($0)) } ?? .departAt(seconds(order.departAt ?? 0)),
            bookedAt: now)
        request.window = 0
        let back = order.returnAt.map { request.wayBack(departing: seconds($0), afterAppointment: true) }
        if order.kind != .wmo {
            var legs = [contractedRide(order, request, part: .outward, midnight: midnight, zero: zero)]
            if let back { legs.append(contractedRide(order, back, part: .back, midnight: midnight, zero: zero)) }
            for i in legs.indices { legs[i].position = i }
            return .success(Offer(
                id: Self.newOfferId(), travellerId: traveller.id, createdAt: now, validUntil: now + offerLifetime, date: date.description,
                departureAt: legs.first!.departureAt, arrivalAt: legs.last!.arrivalAt, price: 0, legs: legs))
        }
        // One direct Regiotaxi ride each way.
        func direct(_ offer: Offer, _ part: TripPart) -> Bool {
            offer.legs.filter { $0.part == part && $0.mode != .walk }.map(\.mode) == [.regiotaxi]
        }
        func refusal(_ plan: Plan) -> Reason {
            plan.notOffered.first { $0.mode == TravelMode.regiotaxi.rawValue }?.reason
                ?? Reason(.noVehicleAvailable, "no direct Regiotaxi ride was offered for \(order.from.name) → \(order.to.name)")
        }
        guard let back else {
            let (plan, offers) = try bookableOffers(request, now: now)
            guard let offer = offers.first(where: { direct($0, .outward) }) else { return .failure(refusal(plan)) }
            return .success(offer)
        }
        let (therePlan, thereOffers) = try bookableOffers(request, now: now)
        let (backPlan, backOffers) = try bookableOffers(back, now: now)
        guard let there = thereOffers.first(where: { direct($0, .outward) }) else { return .failure(refusal(therePlan)) }
        guard let home = backOffers.first(where: { direct($0, .outward) && $0.departureAt >= there.arrivalAt }) else { return .failure(refusal(backPlan)) }
        return .success(Offer(returnTrip: there, back: home, id: Self.newOfferId()))
    }

    /// A contracted (day-care or school) ride: direct, with the Regiotaxi service's pickup window
    /// and ride-time promise, free for the traveller.
    func contractedRide(_ order: StandingOrder, _ request: PlanRequest, part: TripPart, midnight: Int64, zero: Int64) -> BookedLeg {
        let drive = region.road.drive(from: request.origin, to: request.destination)
        let service = serviceRules(for: .regiotaxi)
        let window = Int32((service?.pickupWindowMinutes ?? 0) * 60)
        let worst = service?.rideTime?.maximumRideTime(direct: drive.seconds) ?? drive.seconds
        let departure = zero + Int64(request.directPickup(worstRide: worst, window: window))
        return BookedLeg(
            id: nil, bookingId: 0, position: 0, mode: .regiotaxi, state: .new, fromName: request.originName, fromLat: request.origin.latitude,
            fromLon: request.origin.longitude, toName: request.destinationName, toLat: request.destination.latitude, toLon: request.destination.longitude,
            date: request.date.description, departureAt: departure, arrivalAt: departure + Int64(drive.seconds),
            pickupMinute: Int((departure - midnight) / 60), price: 0, budgetKm: 0, seats: 1 + request.traveller.companions,
            wheelchair: RideNeeds(codes: request.traveller.needs).wheelchairPlace, bookingDeadline: nil, assignee: nil, askedVolunteer: nil,
            responseDeadline: nil, candidates: [], declinedBy: [], reason: "", needs: request.traveller.needs, part: part, targetGroup: order.kind)
    }
}
