//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Dispatch
import Domain
import FleetDispatch
import Foundation
import GTFS
import HeapModule
public import Mobility
public import Planner
import Synchronization
public import Transit

/// Runs a scenario through the real library, in the order things happen: every trip request is
/// planned by the planner, the traveller chooses (`ChoiceRule`), the choice is booked through the
/// booking desk (Regiotaxi insertion check, volunteer offers answered per volunteer), after the
/// last booking of a day the dispatcher assigns it and the day is driven (with seeded delays).
///
/// Deterministic for a scenario and seed: the clock is the simulated one (each booking, answer
/// and dispatch happens at its simulated time); every draw comes from seeded generators; the
/// day's search runs for a number of iterations, not seconds. The store is an in-memory SQLite
/// database behind the same `BookingStore` the API uses.
public struct Simulator: Sendable {
    public let scenario: Scenario
    /// The region as simulated: the scenario's rule overrides, its scaled fleet and volunteers,
    /// the base places and the generated travellers.
    public let region: Region
    public let choice = ChoiceRule()

    /// The standing orders of the day-care clients and pupils (``Scenario/FixedRides``), not yet
    /// numbered by a store; empty without fixed rides.
    let fixedOrders: [StandingOrder]
    /// The travellers who make trips (the fixed riders follow them in `supply.travellers`).
    let population: Int

    public var rules: ServiceRules { region.rules }
    public var supply: SupplyFiles { region.supply }
    public var timetable: Timetable { region.timetable }

    /// Prepares a run on `base` (the timetable, its rules and the scenario's base supply):
    /// applies the rule overrides, scales the supply, draws the travellers.
    public init(scenario: Scenario, region base: Region) throws {
        self.scenario = scenario
        var supply = base.supply
        supply.places += scenario.places ?? []
        supply.vehicles = Self.scaledFleet(base.supply.vehicles, factor: scenario.supply.fleetScale ?? 1, depots: scenario.supply.depots)
        supply.volunteers = Self.scaledVolunteers(
            base.supply.volunteers, factor: scenario.supply.volunteerScale ?? 1, acceptance: scenario.supply.acceptanceRate)
        var random = SeededGenerator(seed: scenario.seed &+ 1)
        supply.travellers = TravellerGenerator(population: scenario.population).travellers(using: &random)
        population = supply.travellers.count
        var orders: [StandingOrder] = []
        if let fixed = scenario.fixedRides {
            var draws = SeededGenerator(seed: scenario.seed &+ 7)
            let riders = FixedRiders(fixed, scenario: scenario, places: supply.places, using: &draws)
            supply.travellers += riders.travellers
            if fixed.separateFleets { for k in supply.vehicles.indices { supply.vehicles[k].targetGroups = [.wmo] } }
            supply.vehicles += riders.vehicles
            orders = riders.orders
        }
        fixedOrders = orders
        self.region = try base.with(rules: Self.overriding(base.rules, with: scenario.rules)).with(supply: supply)
    }

    /// Something happening at a simulated time (Unix seconds).
    enum Event {
        case trip(Int)
        /// A volunteer booking failed (declined by all, or no answer): the traveller plans again.
        case retry(booking: BookingID)
        case answer(leg: LegID, volunteer: VolunteerID, accepts: Bool)
        /// The evening before a day: its standing orders are booked.
        case standing(day: Int)
        case close(day: Int)

        /// At the same second: answers first, then retries, standing orders, the day's close, new trips.
        var order: Int {
            switch self {
            case .answer: 0
            case .retry: 1
            case .standing: 2
            case .close: 3
            case .trip: 4
            }
        }
    }

    /// What the loop knows of a request before its day is closed.
    struct TripState {
        var bookingId: BookingID?
        var refusal = ""
        var mode = ""
        var transitKm = 0.0
        var directMinutes = 0.0
    }

    /// Runs every day. `progress(done, total)` is called after each simulated day.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> SimulationResult {
        let clock = ContinuousClock()
        var timing = KPIs.Timing()
        let desk = try BookingDesk(store: try SQLiteBookingStore.inMemory(), region: region)
        var tripRandom = SeededGenerator(seed: scenario.seed &+ 2)
        let generator = TripGenerator(scenario: scenario, places: supply.places, timezone: timetable.feed.timezone)
        let trips = generator.requests(travellers: Array(supply.travellers.prefix(population)), using: &tripRandom)
        for order in fixedOrders { _ = try desk.addStandingOrder(order) }
        var states = [TripState](repeating: TripState(), count: trips.count)
        var answers = SeededGenerator(seed: scenario.seed &+ 3)
        var loop = DayLoop(simulator: self, desk: desk, trips: trips)

        var events = EventQueue()
        for day in 0 ..< scenario.days {
            let next = ServiceDate(scenario.start)!.adding(days: day + 1)
            events.push(ServiceDayClock.unix(wallClock: 3 * 3600, on: next, timezone: timetable.feed.timezone), .close(day: day))
            if !fixedOrders.isEmpty {
                let date = ServiceDate(scenario.start)!.adding(days: day)
                events.push(ServiceDayClock.unix(wallClock: 18 * 3600, on: date.adding(days: -1), timezone: timetable.feed.timezone), .standing(day: day))
            }
        }
        var nextTrip = 0
        var plans: [Int: (PlanRequest, Plan)] = [:]
        var asked = Set<String>()
        var tripOfBooking: [BookingID: Int] = [:]
        var retried = Set<Int>()
        // The earliest response deadline of a volunteer leg still pending (none: .max).
        var nextDeadline = Int64.max
        while true {
            // The next thing to happen: the earliest of the next trip and the queue's head.
            let tripTime = nextTrip < trips.count ? trips[nextTrip].bookedAt : Int64.max
            let event: Event, now: Int64
            if let head = events.peek(), (head.time, head.event.order) < (tripTime, Event.trip(0).order) {
                (now, event) = (head.time, head.event)
                events.pop()
            } else if nextTrip < trips.count {
                (now, event) = (tripTime, .trip(nextTrip))
                nextTrip += 1
            } else {
                break
            }
            switch event {
            case .trip(let index):
                if plans[index] == nil {
                    let start = clock.now
                    plans = try planAhead(from: index, trips: trips, desk: desk)
                    timing.planningSeconds += Self.seconds(clock.now - start)
                }
                let start = clock.now
                // Deadlines fall due only after a volunteer was asked: no store query before.
                if now >= nextDeadline { nextDeadline = try expire(desk, now: now, asked: &asked, events: &events, random: &answers) }
                let (request, plan) = plans.removeValue(forKey: index)!
                let booked = try loop.book(index, request: request, plan: plan, now: now, state: &states[index])
                if let booked {
                    tripOfBooking[booked.id] = index
                    scheduleAnswers(booked, now: now, asked: &asked, events: &events, random: &answers)
                    for leg in booked.legs where leg.state == .pending { nextDeadline = min(nextDeadline, leg.responseDeadline ?? .max) }
                }
                timing.bookingSeconds += Self.seconds(clock.now - start)
            case .retry(let booking):
                let start = clock.now
                if let index = tripOfBooking[booking], retried.insert(index).inserted {
                    var request = try planAhead(from: index, trips: trips, desk: desk, count: 1)[index]!.0
                    request.bookedAt = now
                    let plan = desk.plan(request)
                    if let booked = try loop.book(index, request: request, plan: plan, now: now, state: &states[index], withoutVolunteers: true) {
                        tripOfBooking[booked.id] = index
                    }
                }
                timing.bookingSeconds += Self.seconds(clock.now - start)
            case .answer(let leg, let volunteer, let accepts):
                let start = clock.now
                if now >= nextDeadline { nextDeadline = try expire(desk, now: now, asked: &asked, events: &events, random: &answers) }
                if let details = try? desk.answer(leg: leg, volunteer: volunteer, accepted: accepts, now: now) {
                    scheduleAnswers(details, now: now, asked: &asked, events: &events, random: &answers)
                    for leg in details.legs where leg.state == .pending { nextDeadline = min(nextDeadline, leg.responseDeadline ?? .max) }
                }
                timing.bookingSeconds += Self.seconds(clock.now - start)
            case .standing(let day):
                let start = clock.now
                loop.fixedTrips[day] = try desk.bookStandingOrders(on: ServiceDate(scenario.start)!.adding(days: day), now: now)
                timing.bookingSeconds += Self.seconds(clock.now - start)
            case .close(let day):
                let start = clock.now
                nextDeadline = try expire(desk, now: now, asked: &asked, events: &events, random: &answers)
                try loop.close(day: day, states: &states)
                timing.dispatchingSeconds += Self.seconds(clock.now - start)
                progress(day + 1, scenario.days)
            }
        }
        timing.longestReoptimisationSeconds = loop.reoptimisationSeconds.max() ?? 0
        return loop.result(timing: timing)
    }

    /// Plans the next requests (up to 256, the ones not yet planned) on every core. Travellers'
    /// km budgets are read once for the batch; a booking later in the batch can still be refused
    /// at commit for the budget (the commit checks it again), as a traveller's app would be.
    func planAhead(from first: Int, trips: [TripRequest], desk: BookingDesk, count: Int = 256) throws -> [Int: (PlanRequest, Plan)] {
        let last = min(trips.count, first + count)
        var profiles = (first ..< last).map { supply.travellers[trips[$0].traveller] }
        try desk.store.read { tx in
            for k in profiles.indices where profiles[k].wmoPass != nil {
                profiles[k].wmoPass!.kmBudgetLeft = try tx.kmBudgetLeft(traveller: profiles[k].id)
            }
        }
        let requests = (first ..< last).enumerated().map { k, index in request(for: trips[index], traveller: profiles[k]) }
        let results = Mutex<[Int: (PlanRequest, Plan)]>([:])
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < requests.count {
                let plan = desk.plan(requests[index])
                results.withLock { $0[first + index] = (requests[index], plan) }
                index += workers
            }
        }
        return results.withLock { $0 }
    }

    /// The planner's request for a trip (`traveller` with the live km budget).
    func request(for trip: TripRequest, traveller: Traveller) -> PlanRequest {
        let zero = ServiceDayClock.noonMinus12h(trip.date, timezone: timetable.feed.timezone)
        let seconds = Int32(ServiceDayClock.unix(wallClock: trip.desiredSecond, on: trip.date, timezone: timetable.feed.timezone) - zero)
        return PlanRequest(
            traveller: traveller, origin: trip.origin.coordinate, originName: trip.origin.name, destination: trip.destination.coordinate,
            destinationName: trip.destination.name, date: trip.date, time: trip.arriveBy ? .arriveBy(seconds) : .departAt(seconds),
            bookedAt: trip.bookedAt)
    }

    /// Each volunteer asked gets an answer event: after an exponential delay (the scenario's
    /// mean, 4 hours by default), yes with their acceptance rate. An answer later than the
    /// deadline is never given (the desk moves on at the deadline).
    func scheduleAnswers(
        _ details: BookingDetails, now: Int64, asked: inout Set<String>, events: inout EventQueue, random: inout SeededGenerator
    ) {
        let mean = (scenario.execution?.volunteerAnswerMeanHours ?? 4) * 3600
        if details.booking.state.isRefused {
            events.push(now + 60, .retry(booking: details.id))
            return
        }
        for leg in details.legs where leg.state == .pending {
            guard let id = leg.id, let volunteer = leg.askedVolunteer, asked.insert("\(id)/\(volunteer)").inserted else { continue }
            let delay = Int64(Draw.exponential(mean, using: &random).rounded()) + 60
            let rate = supply.volunteers.first { $0.id == volunteer }?.acceptanceRate ?? 1
            let accepts = Draw.chance(rate, using: &random)
            if let deadline = leg.responseDeadline, now + delay > deadline { continue }
            events.push(now + delay, .answer(leg: id, volunteer: volunteer, accepts: accepts))
        }
    }

    /// Lets the desk expire (or re-offer) what is past its deadline, asks the next volunteers,
    /// and returns the earliest deadline still pending.
    func expire(_ desk: BookingDesk, now: Int64, asked: inout Set<String>, events: inout EventQueue, random: inout SeededGenerator) throws -> Int64 {
        for changed in try desk.expireDue(now: now) {
            scheduleAnswers(changed, now: now, asked: &asked, events: &events, random: &random)
        }
        return try desk.store.pendingVolunteerLegs().compactMap(\.responseDeadline).min() ?? .max
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Events by (time, kind order, insertion order): the same run pops them in the same order.
struct EventQueue {
    struct Entry: Comparable {
        var time: Int64
        var event: Simulator.Event
        var sequence: Int
        var key: (Int64, Int, Int) { (time, event.order, sequence) }

        static func < (a: Entry, b: Entry) -> Bool { a.key < b.key }
        static func == (a: Entry, b: Entry) -> Bool { a.key == b.key }
    }

    private var heap = Heap<Entry>()
    private var sequence = 0

    mutating func push(_ time: Int64, _ event: Simulator.Event) {
        sequence += 1
        heap.insert(Entry(time: time, event: event, sequence: sequence))
    }

    func peek() -> Entry? { heap.min }

    mutating func pop() { _ = heap.popMin() }
}
