//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import FleetDispatch
import GTFS
import Mobility
import Planner
import Transit

/// The booking and the closing of each day, and what they leave behind: request records, rides,
/// timelines and the day's KPIs.
struct DayLoop {
    let simulator: Simulator
    let desk: BookingDesk
    let trips: [TripRequest]
    /// Trip indices per day index.
    let tripsByDay: [[Int]]
    var records: [RequestRecord?]
    var rides: [RideRecord] = []
    /// AutoMaatje rides driven per volunteer over the run (the volunteers who drove a served ride).
    var ridesByVolunteer: [VolunteerID: Int] = [:]
    var timelines: [Timeline] = []
    var days: [DayKPIs] = []
    /// Per day: Regiotaxi km, empty km, passenger km, hours; volunteer km, hours, active volunteers.
    var usage: [DayUsage] = []
    var delays: SeededGenerator
    /// Wall-clock seconds of each day's overnight re-optimisation (not part of the outcome).
    var reoptimisationSeconds: [Double] = []
    /// What booking each day's standing orders did (day index → trips), and their rides driven.
    var fixedTrips: [Int: [StandingOrderTrip]] = [:]
    var fixedRides: [RideRecord] = []

    struct DayUsage {
        var taxiKm = 0.0, taxiEmptyKm = 0.0, taxiPassengerKm = 0.0, taxiHours = 0.0
        var volunteerKm = 0.0, volunteerHours = 0.0, volunteers = 0
        var transitKm = 0.0, kmBudget = 0.0
        /// Regiotaxi pickups in the dispatcher's plan, and those planned more than 10 minutes
        /// before the agreed time.
        var plannedPickups = 0, plannedEarlyPickups = 0
        var movedByCentral = 0
    }

    init(simulator: Simulator, desk: BookingDesk, trips: [TripRequest]) {
        self.simulator = simulator
        self.desk = desk
        self.trips = trips
        var byDay = [[Int]](repeating: [], count: simulator.scenario.days)
        for (index, trip) in trips.enumerated() { byDay[trip.dayIndex].append(index) }
        tripsByDay = byDay
        records = Array(repeating: nil, count: trips.count)
        delays = SeededGenerator(seed: simulator.scenario.seed &+ 4)
    }

    /// Books a planned request: the traveller's best option first, the next ones if it is
    /// refused (at most three tries). Returns the booking when one was made.
    mutating func book(
        _ index: Int, request: PlanRequest, plan: Plan, now: Int64, state: inout Simulator.TripState, withoutVolunteers: Bool = false
    ) throws -> BookingDetails? {
        let trip = trips[index]
        state.directMinutes = Double(desk.dispatcher.road.drive(from: trip.origin.coordinate, to: trip.destination.coordinate).seconds) / 60
        // After a failed volunteer booking the traveller does not ask a volunteer again; if
        // nothing else is offered, the volunteer's refusal stays the reason.
        let options = withoutVolunteers ? plan.itineraries.filter { !$0.modes.contains(.automaatje) } : plan.itineraries
        guard !options.isEmpty else {
            if !withoutVolunteers { state.refusal = Self.mainReason(plan.notOffered, for: request.traveller) }
            return nil
        }
        var arrival: Int32?
        if case .arriveBy(let t) = request.time { arrival = t }
        for (attempt, itinerary) in simulator.choice.ranked(options, for: request.traveller, desiredArrival: arrival).prefix(3).enumerated() {
            let key = "\(trip.id)-\(withoutVolunteers ? "again-" : "")\(attempt)"
            let details = try desk.bookAndCommit(itinerary, request: request, idempotencyKey: key, now: now)
            if details.booking.state == .confirmed || details.booking.state == .pending {
                state.bookingId = details.id
                state.mode = Self.mode(of: itinerary)
                state.transitKm = itinerary.legs.filter { $0.mode == .transit }.reduce(0) { $0 + $1.metres } / 1000
                return details
            }
            if !withoutVolunteers { state.refusal = details.booking.reasonCode?.rawValue ?? "REFUSED" }
        }
        return nil
    }

    /// The non-walking modes of an option joined by `+` (`walk` for a walk only).
    static func mode(of itinerary: Itinerary) -> String {
        var modes: [String] = []
        for mode in itinerary.modes where modes.last != mode.rawValue { modes.append(mode.rawValue) }
        return modes.isEmpty ? TravelMode.walk.rawValue : modes.joined(separator: "+")
    }

    /// Why nothing was offered, from the traveller's point of view: the reason of the service
    /// they would normally use (Regiotaxi with a pass, AutoMaatje as a member, else transit).
    static func mainReason(_ notOffered: [(mode: String, reason: Reason)], for traveller: Traveller) -> String {
        let order = (traveller.wmoPass != nil ? [TravelMode.regiotaxi.rawValue] : []) + (traveller.automaatjeMember ? [TravelMode.automaatje.rawValue] : []) + [TravelMode.transit.rawValue, TravelMode.walk.rawValue]
        for mode in order {
            if let reason = notOffered.first(where: { $0.mode == mode }) { return reason.reason.code.rawValue }
        }
        return notOffered.first?.reason.code.rawValue ?? "NO_OPTION"
    }

    /// After the last booking of a day: the dispatcher assigns the day, the day is driven, and
    /// every request of the day gets its outcome.
    mutating func close(day: Int, states: inout [Simulator.TripState]) throws {
        let scenario = simulator.scenario
        let date = ServiceDate(scenario.start)!.adding(days: day)
        let dateText = date.description
        let dispatcher = desk.dispatcher
        let booked = try desk.rides(on: dateText)
        let byRide = Dictionary(booked.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let taxiRides = booked.filter { $0.service == .regiotaxi }.count
        let iterations = scenario.dispatch?.iterations ?? 1000
        let routes = try desk.routes(on: dateText)
        let accepted = booked.filter { $0.service == .automaatje && $0.acceptedBy != nil }
        let asBooked = dispatcher.schedule(of: routes, date: date) + dispatcher.acceptedDays(accepted, date: date)
        let vehicleDays: [VehicleDay]
        let reoptimised = iterations > 0 && taxiRides <= scenario.dispatch?.maxRidesToImprove ?? 400
        if reoptimised {
            // Overnight, from the routes as booked: every promise of the bookings stays (the
            // window, the ride-time limit, the vehicle kind; volunteers answered at booking
            // time, so their rides are fixed or awaiting).
            let clock = ContinuousClock(), started = clock.now
            var nightly = dispatcher
            nightly.rideTimeWeight = scenario.dispatch?.rideTimeWeight ?? 0
            nightly.planningWindow = scenario.dispatch?.planningWindowMinutes
            nightly.planningWindowBefore = scenario.dispatch?.planningWindowBeforeMinutes
            vehicleDays = nightly.dispatch(
                booked, date: date, timeLimit: 86_400, iterations: iterations, seed: scenario.seed &+ UInt64(day), booked: routes
            ) { _, _ in true }.days
            reoptimisationSeconds.append(Simulator.seconds(clock.now - started))
        } else {
            vehicleDays = asBooked
        }
        let window = Double(simulator.rules.services.first { $0.kind == .regiotaxi }?.pickupWindowMinutes ?? 15)
        var bases: [ShiftID: DayExecution.Base] = [:]
        for shift in dispatcher.shifts(on: date, includingVolunteers: true) {
            bases[shift.id] = .init(
                depot: shift.depot, start: shift.start, end: shift.end, seats: shift.seats, wheelchairPlaces: shift.wheelchairPlaces,
                taxi: shift.volunteer == nil, drivesWmo: shift.drives(.wmo))
        }
        let volunteers = simulator.supply.volunteers
        func drive(_ days: [VehicleDay], delays: inout SeededGenerator) -> DayExecution {
            DayExecution(
                days: days, rides: byRide, bases: bases, volunteers: volunteers, date: dateText, road: dispatcher.road,
                boarding: dispatcher.boardingMinutes, window: window, rideTimeLimit: dispatcher.rideTimeLimit(of:), delayProbability: scenario.execution?.delayProbability ?? 0,
                delayMean: scenario.execution?.delayMeanMinutes ?? 0, central: scenario.execution?.centralMovesLateRides ?? true, random: &delays)
        }
        // The day as booked, driven with the same delays: what the re-optimisation gained.
        var comparison: DayKPIs.AsBooked?
        if reoptimised {
            var sameDelays = delays
            comparison = .init(execution: drive(asBooked, delays: &sameDelays), rides: byRide, road: dispatcher.road, boarding: dispatcher.boardingMinutes, window: window)
        }
        // Through a local: `drive` reads `self`, so `self.delays` cannot be passed inout to it.
        var dayDelays = delays
        let execution = drive(vehicleDays, delays: &dayDelays)
        delays = dayDelays
        timelines += execution.timelines
        var use = DayUsage(
            taxiKm: execution.taxiKm, taxiEmptyKm: execution.taxiEmptyKm, taxiPassengerKm: execution.taxiPassengerKm, taxiHours: execution.taxiHours,
            volunteerKm: execution.volunteerKm, volunteerHours: execution.volunteerHours, volunteers: execution.volunteersActive.count)
        use.movedByCentral = execution.reassigned
        for stop in vehicleDays.filter({ $0.kind == .regiotaxi }).flatMap(\.stops) where stop.pickup {
            guard let agreed = byRide[stop.ride]?.pickup else { continue }
            use.plannedPickups += 1
            if stop.time < Double(agreed) - 10 - 1e-9 { use.plannedEarlyPickups += 1 }
        }
        let firstRide = rides.count
        for index in tripsByDay[day] {
            let trip = trips[index], state = states[index]
            let traveller = simulator.supply.travellers[trip.traveller].id.rawValue
            var record = RequestRecord(
                id: trip.id, day: dateText, traveller: traveller, purpose: trip.purpose, leadMinutes: trip.leadMinutes,
                desiredMinute: trip.desiredSecond / 60, outcome: .refused, mode: "", reason: state.refusal.isEmpty ? "NO_OPTION" : state.refusal,
                price: 0, directMinutes: (state.directMinutes * 10).rounded() / 10)
            if let id = state.bookingId {
                let details = try desk.booking(id)
                switch details.booking.state {
                case .confirmed:
                    let onDemand = details.legs.filter(\.isOnDemand)
                    let driven = onDemand.compactMap { leg in leg.id.flatMap { execution.rides[$0] }.map { (leg, $0) } }
                    if driven.count == onDemand.count {
                        record.outcome = .served
                        record.mode = state.mode
                        record.reason = ""
                        record.price = details.booking.price + details.booking.fee
                        use.transitKm += state.transitKm
                        use.kmBudget += details.booking.km
                        for (leg, ride) in driven {
                            let drive = desk.dispatcher.road.drive(from: BookingRide.from(leg), to: BookingRide.to(leg))
                            let direct = Double(drive.seconds) / 60
                            let agreed = Double(leg.pickupMinute)
                            if let volunteer = ride.volunteer { ridesByVolunteer[volunteer, default: 0] += 1 }
                            rides.append(RideRecord(
                                request: trip.id, day: dateText, traveller: traveller, service: ride.service, vehicle: ride.vehicle, agreedPickup: agreed,
                                pickup: ride.pickup, dropoff: ride.dropoff, rideMinutes: ride.dropoff - ride.pickup - desk.dispatcher.boardingMinutes.minutes(for: leg.rideNeeds),
                                directMinutes: direct, waitBeyondWindow: (max(0, ride.pickup - agreed - window) * 100).rounded() / 100, km: (drive.metres / 100).rounded() / 10))
                        }
                    } else {
                        record.reason = "NOT_DISPATCHED"
                    }
                case .pending:
                    record.reason = "NO_VOLUNTEER_ANSWER"
                case .expired where details.legs.contains { $0.mode == .automaatje }:
                    record.reason = "NO_VOLUNTEER_ANSWER"
                default:
                    record.reason = details.booking.reasonCode?.rawValue ?? "REFUSED"
                }
            }
            records[index] = record
        }
        usage.append(use)
        var figures = kpis(day: dateText, records: tripsByDay[day].compactMap { records[$0] }, rides: Array(rides[firstRide...]), use: use)
        figures.asBooked = comparison
        if !simulator.fixedOrders.isEmpty {
            figures.fixedRides = fixedRideKPIs(day: day, date: dateText, execution: execution, vehicleDays: vehicleDays, byRide: byRide, window: window)
        }
        days.append(figures)
    }
}

/// A booked leg's ends as coordinates.
enum BookingRide {
    static func from(_ leg: BookedLeg) -> Coordinate { Coordinate(latitude: leg.fromLat, longitude: leg.fromLon) }
    static func to(_ leg: BookedLeg) -> Coordinate { Coordinate(latitude: leg.toLat, longitude: leg.toLon) }
}
