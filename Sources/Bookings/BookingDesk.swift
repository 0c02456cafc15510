//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import FleetDispatch
import Foundation
import GTFS
public import Mobility
public import Planner
public import Transit

/// The booking desk: turns planned itineraries into offers and offers into bookings whose
/// on-demand legs are booked with their services — a Regiotaxi leg is confirmed at once when the
/// dispatcher's insertion check fits it into a vehicle's route of that day; an AutoMaatje leg is
/// offered to the nearest free volunteer and waits for an answer. The CLI and the HTTP API are
/// thin façades over it. Every method takes `now` (Unix seconds): the caller owns the clock.
public struct BookingDesk: Sendable {
    public let store: any BookingStore
    /// The timetable, services, rules, supply and road model the desk plans and books with.
    public let region: Region
    let planners: PlannerPool
    public let dispatcher: DayDispatcher
    /// Position of each traveller in `supply.travellers` by id.
    let travellerIndex: [TravellerID: Int]
    /// The day's routes between bookings (see `DayPlanCache`).
    let dayPlans = DayPlanCache()
    /// Seconds an offer stays bookable at its price.
    public var offerLifetime: Int64 = 15 * 60

    public var timetable: Timetable { region.timetable }
    public var rules: ServiceRules { region.rules }
    public var supply: SupplyFiles { region.supply }
    public var timezone: String { region.timezone }

    /// Registers the region's travellers in the store (their pass budgets become the store's
    /// live budgets; travellers already known keep theirs).
    public init(store: any BookingStore, region: Region) throws {
        self.store = store
        self.region = region
        self.travellerIndex = Dictionary(region.supply.travellers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.planners = PlannerPool(region.planner())
        self.dispatcher = DayDispatcher(rules: region.rules, vehicles: region.supply.vehicles, volunteers: region.supply.volunteers, road: region.road)
        try store.registerTravellers(region.supply.travellers.map { ($0.id, $0.wmoPass?.kmBudgetLeft ?? 0) })
    }

    /// The traveller's profile with the store's live km budget.
    public func traveller(_ id: TravellerID) throws -> Traveller {
        guard let index = travellerIndex[id] else { throw DeskError.notFound("traveller '\(id)'") }
        var traveller = supply.travellers[index]
        if traveller.wmoPass != nil, let left = try store.budget(traveller: id) { traveller.wmoPass!.kmBudgetLeft = left }
        return traveller
    }

    /// Plans a trip (not bookable).
    public func plan(_ request: PlanRequest) -> Plan {
        planners.withPlanner { $0.plan(request) }
    }

    /// Plans a trip and keeps every itinerary as a bookable offer.
    ///
    /// Options with Regiotaxi legs are offered only when the dispatcher's insertion check (the
    /// one the commit makes) fits every such leg into the day's booked routes now; the others
    /// are listed as not offered with the reason. A booking between planning and commit can
    /// still take the place: the commit checks again.
    public func offers(_ request: PlanRequest, now: Int64) throws -> (Plan, [Offer]) {
        let (plan, offers) = try bookableOffers(request, now: now)
        for offer in offers { try store.save(offer) }
        return (plan, offers)
    }

    /// Plans the way there and the way back and keeps every pair of options (the way back
    /// leaving after the way there arrives) as one bookable offer: a return trip, booked,
    /// committed and cancelled together (or one way alone, see `cancel(_:part:now:)`).
    /// `back` is the request for the way back (from `request`'s destination to its origin).
    public func offers(_ request: PlanRequest, back: PlanRequest, now: Int64) throws -> ReturnTripPlan {
        let (therePlan, thereOffers) = try bookableOffers(request, now: now)
        let (backPlan, backOffers) = try bookableOffers(back, now: now)
        var pairs: [ReturnTripPlan.Pair] = []
        for (i, there) in thereOffers.enumerated() {
            for (j, way) in backOffers.enumerated() where way.departureAt >= there.arrivalAt {
                let offer = Offer(returnTrip: there, back: way, id: Self.newOfferId())
                try store.save(offer)
                pairs.append(.init(offer: offer, there: i, back: j))
            }
        }
        return ReturnTripPlan(there: therePlan, back: backPlan, pairs: pairs)
    }

    /// The plan's itineraries as offers (not saved), without those whose Regiotaxi legs the
    /// dispatcher's insertion check cannot fit into the day's booked routes now.
    func bookableOffers(_ request: PlanRequest, now: Int64) throws -> (Plan, [Offer]) {
        var plan = plan(request)
        var offers: [Offer] = []
        var day: DayPlanCache.DayPlan?
        var refused: Reason?
        var kept: [Itinerary] = []
        for itinerary in plan.itineraries {
            let offer = makeOffer(itinerary, request: request, now: now)
            let taxi = offer.legs.filter { $0.mode == .regiotaxi }
            if !taxi.isEmpty {
                if day == nil { day = try store.read { tx in try dayPlan(offer.date, tx) } }
                if let leg = taxi.first(where: { dispatcher.insert(Self.ride($0), date: request.date, routes: day!.routes, times: day!.times) == nil }) {
                    let needs = leg.rideNeeds
                    refused = needs.asksForAPlaceOrEquipment
                        ? Reason(.noVehicleWithAid, "Every Regiotaxi vehicle with \(needs.summary) on duty then is already booked.")
                        : Reason(.noVehicleAvailable, "Every Regiotaxi vehicle on duty then is already booked.")
                    continue
                }
            }
            offers.append(offer)
            kept.append(itinerary)
        }
        if let refused, !offers.contains(where: { $0.legs.contains { $0.mode == .regiotaxi } }) {
            plan.notOffered.append((TravelMode.regiotaxi.rawValue, refused))
        }
        plan.itineraries = kept
        if day != nil {
            // Said once for the plan and on each Regiotaxi leg: what decided was the insertion check.
            let method = "the dispatcher's insertion check against the day's booked routes"
            plan.availabilityMethod = method
            for i in plan.itineraries.indices {
                for j in plan.itineraries[i].legs.indices {
                    plan.itineraries[i].legs[j].notes = plan.itineraries[i].legs[j].notes.map {
                        $0 == "availability: \(FleetCapacityCheck.method)" ? "availability: \(method)" : $0
                    }
                }
            }
        }
        return (plan, offers)
    }

    /// The day's Regiotaxi routes as booked (shift → visits in order).
    public func routes(on date: String) throws -> [ShiftID: [RouteVisit]] {
        try store.read { tx in try dayPlan(date, tx).routes }
    }

    func makeOffer(_ itinerary: Itinerary, request: PlanRequest, now: Int64) -> Offer {
        let zero = ServiceDayClock.noonMinus12h(request.date, timezone: timezone)
        let midnight = ServiceDayClock.unix(wallClock: 0, on: request.date, timezone: timezone)
        let date = request.date.description
        var validUntil = now + offerLifetime
        let legs = itinerary.legs.enumerated().map { position, leg in
            let departure = zero + Int64(leg.departure)
            if let deadline = leg.bookingDeadline { validUntil = min(validUntil, deadline) }
            return BookedLeg(
                id: nil, bookingId: 0, position: position, mode: leg.mode, state: .new, fromName: leg.fromName,
                fromLat: leg.from.latitude, fromLon: leg.from.longitude, toName: leg.toName, toLat: leg.to.latitude, toLon: leg.to.longitude,
                date: date, departureAt: departure, arrivalAt: zero + Int64(leg.arrival), pickupMinute: Int((departure - midnight) / 60),
                price: leg.price, budgetKm: (leg.budgetKm * 10).rounded() / 10, seats: 1 + request.traveller.companions,
                wheelchair: RideNeeds(codes: request.traveller.needs).wheelchairPlace, bookingDeadline: leg.bookingDeadline, assignee: nil,
                askedVolunteer: nil, responseDeadline: nil, candidates: [], declinedBy: [], reason: "", needs: request.traveller.needs)
        }
        return Offer(
            id: Self.newOfferId(), travellerId: request.traveller.id, createdAt: now, validUntil: validUntil, date: date,
            departureAt: zero + Int64(itinerary.departure), arrivalAt: zero + Int64(itinerary.arrival),
            price: (itinerary.price * 100).rounded() / 100, legs: legs)
    }

    /// 128 random bits (the system generator is cryptographically secure): an offer id cannot be guessed.
    static func newOfferId() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64, low = generator.next() as UInt64
        func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return hex(high) + hex(low)
    }

    /// Books an offer (state NEW): the same idempotency key returns the booking made before;
    /// with another `fingerprint` (what the request asked; default: the offer) it throws
    /// `DeskError.idempotencyKeyReused`. A trip that departed already is refused
    /// (`DEPARTURE_IN_THE_PAST`), nothing is stored.
    public func book(offerId: String, idempotencyKey: String, fingerprint: String? = nil, now: Int64) throws -> (BookingDetails, created: Bool) {
        guard let offer = try store.offer(id: offerId) else { throw DeskError.notFound("offer '\(offerId)'") }
        let (details, created) = try store.createBooking(
            from: offer, saveOffer: false, idempotencyKey: idempotencyKey, fingerprint: fingerprint ?? Self.fingerprint(offer), now: now
        ) { details, _ in
            if let late = departedAlready(details, now: now) { throw DeskError.conflict(code: late.code.rawValue, message: late.description) }
        }
        return (details, created)
    }

    /// Books an offer and commits it at once (what `goan book` and `goan plan --book` do).
    /// Creation and commit run in one transaction; a repeated key returns the booking made
    /// before (committed now if it was still NEW).
    public func bookAndCommit(offerId: String, idempotencyKey: String, allowOverlap: Bool = false, now: Int64) throws -> BookingDetails {
        guard let offer = try store.offer(id: offerId) else { throw DeskError.notFound("offer '\(offerId)'") }
        return try bookAndCommit(offer, saveOffer: false, idempotencyKey: idempotencyKey, fingerprint: nil, allowOverlap: allowOverlap, now: now).0
    }

    /// Books a stored offer and commits it in one transaction; `created` is false for a
    /// repeated idempotency key (see `book` for `fingerprint`).
    public func bookAndCommit(
        _ offer: Offer, idempotencyKey: String, fingerprint: String? = nil, allowOverlap: Bool = false, now: Int64
    ) throws -> (BookingDetails, created: Bool) {
        try bookAndCommit(offer, saveOffer: false, idempotencyKey: idempotencyKey, fingerprint: fingerprint, allowOverlap: allowOverlap, now: now)
    }

    /// Keeps an itinerary as an offer, books and commits it, all in one transaction (what a
    /// client does that lets the traveller choose before storing anything: the simulation).
    public func bookAndCommit(
        _ itinerary: Itinerary, request: PlanRequest, idempotencyKey: String, allowOverlap: Bool = false, now: Int64
    ) throws -> BookingDetails {
        let offer = makeOffer(itinerary, request: request, now: now)
        return try bookAndCommit(offer, saveOffer: true, idempotencyKey: idempotencyKey, fingerprint: nil, allowOverlap: allowOverlap, now: now).0
    }

    func bookAndCommit(
        _ offer: Offer, saveOffer: Bool, idempotencyKey: String, fingerprint: String?, allowOverlap: Bool, now: Int64
    ) throws -> (BookingDetails, created: Bool) {
        let (details, created) = try store.createBooking(
            from: offer, saveOffer: saveOffer, idempotencyKey: idempotencyKey, fingerprint: fingerprint ?? Self.fingerprint(offer), now: now
        ) { details, tx in
            try commitLegs(&details, tx, allowOverlap: allowOverlap, now: now)
        }
        return (created || details.booking.state != .new ? details : try commit(details.id, allowOverlap: allowOverlap, now: now), created)
    }

    /// What a booking request through the desk asks when the caller says no more: its offer.
    static func fingerprint(_ offer: Offer) -> String { "offer=\(offer.id)" }

    /// Seconds a trip may have departed and still be booked: planned times are whole minutes,
    /// and a trip planned to leave "now" departs at the start of the current minute.
    static let departureGrace: Int64 = 60

    /// Why a booking cannot be made or committed at `now` because its trip departed, or `nil`.
    func departedAlready(_ details: BookingDetails, now: Int64) -> Reason? {
        guard details.booking.pickupAt + Self.departureGrace < now else { return nil }
        return Reason(
            .departureInThePast, "the trip departed at \(ServiceDayClock.iso(unix: details.booking.pickupAt, timezone: timezone)), "
                + "before now (\(ServiceDayClock.iso(unix: now, timezone: timezone)))")
    }

    public func booking(_ id: BookingID) throws -> BookingDetails {
        guard let details = try store.booking(id: id) else { throw DeskError.notFound("booking \(id)") }
        return details
    }

    /// The rules of the service that runs a leg of this mode.
    func serviceRules(for mode: TravelMode) -> ServiceRules.Service? {
        rules.services.first { mode == .regiotaxi ? $0.kind == .regiotaxi : $0.kind == .volunteer }
    }

    /// The lifecycle machine of an on-demand leg, with its service's deadlines and fees.
    func machine(for leg: BookedLeg, state: BookingStateMachine.State = .new) -> BookingStateMachine {
        let service = serviceRules(for: leg.mode)
        return BookingStateMachine(
            resuming: state, pickup: leg.departureAt, responseTime: Int64(service?.booking.responseDeadlineHours ?? 24) * 3600,
            freeCancellationSeconds: Int64(service?.booking.freeCancellationMinutes ?? 60) * 60,
            cancellationFee: service?.booking.cancellationFee ?? 0)
    }
}
