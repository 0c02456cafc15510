//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import FleetDispatch
import Foundation
import GTFS
import Mobility
import Planner
import RideDispatch
import TestSupport
import Testing

/// G03: the overnight re-optimisation of a booked day, and travel times on demand for days too
/// large for a matrix.
@Suite struct G03_OvernightReoptimisationTests {
    static let date = ServiceDate("2026-11-23")!

    static func world() throws -> (DayDispatcher, [BookedRide]) {
        let w = try TwenteWorld.world.get()
        let rides = try BookedRide.load(TwenteWorld.root.appendingPathComponent("Scenarios/twente/rides-2026-11-23.csv").path)
        let dispatcher = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: w.supply.volunteers, road: StraightLineRoadModel())
        return (dispatcher, rides.filter { $0.service == .regiotaxi })
    }

    /// The day as the booking desk builds it: each ride through the insertion check, in order.
    static func booked(_ rides: [BookedRide], _ dispatcher: DayDispatcher) -> ([ShiftID: [RouteVisit]], [BookedRide]) {
        var routes: [ShiftID: [RouteVisit]] = [:]
        var taken: [BookedRide] = []
        for ride in rides {
            guard let (shift, route, _) = dispatcher.insert(ride, date: date, routes: routes) else { continue }
            routes[shift] = route
            var confirmed = ride
            confirmed.confirmedShift = shift
            taken.append(confirmed)
        }
        return (routes, taken)
    }

    /// Minutes of driving of a schedule, depot to depot.
    static func minutes(_ days: [VehicleDay], _ dispatcher: DayDispatcher, _ rides: [BookedRide]) -> Double {
        let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: dispatcher.shifts(on: date, includingVolunteers: false).map { ($0.id, $0.depot) })
        var total = 0.0
        for day in days where day.kind == .regiotaxi {
            guard let depot = depots[day.shift] else { continue }
            let places = [depot] + day.stops.map { stop in stop.pickup ? byID[stop.ride]!.from : byID[stop.ride]!.to } + [depot]
            for (a, b) in zip(places, places.dropFirst()) { total += Double(dispatcher.road.drive(from: a, to: b).seconds) / 60 }
        }
        return total
    }

    @Test func travelTimesOnDemandGiveTheSameDayAsTheMatrix() throws {
        let (dense, rides) = try Self.world()
        var onDemand = dense
        onDemand.matrixLimit = 0
        let (matrixInstance, _) = dense.instance(for: rides, date: Self.date)
        let (lazyInstance, _) = onDemand.instance(for: rides, date: Self.date)
        #expect(!matrixInstance.travel.isEmpty && matrixInstance.travelTime == nil)
        #expect(lazyInstance.travel.isEmpty && lazyInstance.travelTime != nil)
        for i in stride(from: 0, to: matrixInstance.nodeCount, by: 7) {
            for j in stride(from: 0, to: matrixInstance.nodeCount, by: 5) {
                #expect(matrixInstance.time(i, j) == lazyInstance.time(i, j), "\(i) → \(j)")
            }
        }
        let a = dense.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 100, seed: 3) { _, _ in true }
        let b = onDemand.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 100, seed: 3) { _, _ in true }
        #expect(a.days.map(\.stops) == b.days.map(\.stops), "the same times give the same search")
        #expect(a.kilometres == b.kilometres)
    }

    @Test func theNightlySearchStartsFromTheBookedRoutesAndKeepsEveryPromise() throws {
        let (dispatcher, all) = try Self.world()
        let (routes, rides) = Self.booked(all, dispatcher)
        #expect(rides.count > 20, "the insertion check takes most rides of the day")
        let asBooked = dispatcher.schedule(of: routes, date: Self.date)
        let none = dispatcher.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 0, seed: 5, booked: routes) { _, _ in true }
        #expect(none.days.filter { !$0.stops.isEmpty }.map(\.stops.count).sorted() == asBooked.map(\.stops.count).sorted(),
                "without iterations the routes are the booked ones")
        let night = dispatcher.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 300, seed: 5, booked: routes) { _, _ in true }
        #expect(night.unassigned.isEmpty, "no booked ride is dropped: \(night.unassigned.map(\.reason))")
        let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
        var pickedUp = Set<RideID>()
        for day in night.days {
            let confirmedVehicleKind = day.kind
            #expect(confirmedVehicleKind == .regiotaxi)
            for stop in day.stops where stop.pickup {
                let ride = try #require(byID[stop.ride])
                pickedUp.insert(ride.id)
                #expect(abs(stop.time - Double(ride.pickup)) <= 15 + 1e-6, "\(ride.id) planned at \(stop.time), agreed \(ride.pickup)")
            }
        }
        #expect(pickedUp == Set(rides.map(\.id)))
        let before = Self.minutes(asBooked, dispatcher, rides), after = Self.minutes(night.days, dispatcher, rides)
        #expect(after <= before + 1e-6, "re-optimised \(after) min of driving, booked \(before)")
        #expect(after < before, "300 iterations find something shorter than the booking order")
    }

    /// The booked day, and each planned pickup's minutes from its agreed time.
    static func bookedDay() throws -> (DayDispatcher, [ShiftID: [RouteVisit]], [BookedRide], offsets: ([VehicleDay]) -> [Double]) {
        let (dispatcher, all) = try world()
        let (routes, rides) = booked(all, dispatcher)
        let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
        return (dispatcher, routes, rides, { days in days.flatMap(\.stops).filter(\.pickup).map { $0.time - Double(byID[$0.ride]!.pickup) } })
    }

    /// With a planning window every pickup the day allows is planned within it; the rides that
    /// fit nowhere in it keep their whole window, and no booked ride is dropped.
    @Test func aPlanningWindowPlansPickupsNearTheAgreedTimeAndKeepsEveryPromise() throws {
        let (dispatcher, routes, rides, offsets) = try Self.bookedDay()
        let whole = dispatcher.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 300, seed: 5, booked: routes) { _, _ in true }
        var planning = dispatcher
        planning.planningWindow = 5
        let narrow = planning.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 300, seed: 5, booked: routes) { _, _ in true }
        #expect(narrow.unassigned.isEmpty, "no booked ride is dropped: \(narrow.unassigned.map(\.reason))")
        #expect(offsets(narrow.days).count == rides.count)
        #expect(offsets(narrow.days).allSatisfy { abs($0) <= 15 + 1e-6 }, "every promise holds")
        let outsideWhole = offsets(whole.days).filter { abs($0) > 5 + 1e-6 }.count
        let outsideNarrow = offsets(narrow.days).filter { abs($0) > 5 + 1e-6 }.count
        #expect(outsideWhole > 0, "without it some pickups are planned more than 5 minutes from the agreed time")
        #expect(outsideNarrow < outsideWhole, "with it fewer are: \(outsideNarrow) against \(outsideWhole)")
        // A window too narrow for the day (no ride can move at all) still keeps every ride.
        planning.planningWindow = 0.01
        let tightest = planning.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 50, seed: 5, booked: routes) { _, _ in true }
        #expect(tightest.unassigned.isEmpty)
        #expect(Set(tightest.days.flatMap(\.stops).map(\.ride)) == Set(rides.map(\.id)))
    }

    /// A planning window with more room before the agreed time than after it plans fewer
    /// pickups late in their window (where a delay on the road makes them late) and keeps
    /// every ride and every promise.
    @Test func aPlanningWindowOpenEarlierPlansFewerPickupsLate() throws {
        let (dispatcher, routes, rides, offsets) = try Self.bookedDay()
        var symmetric = dispatcher
        symmetric.planningWindow = 10
        var early = dispatcher
        early.planningWindow = 3
        early.planningWindowBefore = 10
        let a = symmetric.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 300, seed: 5, booked: routes) { _, _ in true }
        let b = early.dispatch(rides, date: Self.date, timeLimit: 60, iterations: 300, seed: 5, booked: routes) { _, _ in true }
        for plan in [a, b] {
            #expect(plan.unassigned.isEmpty, "no booked ride is dropped: \(plan.unassigned.map(\.reason))")
            #expect(offsets(plan.days).count == rides.count)
            #expect(offsets(plan.days).allSatisfy { abs($0) <= 15 + 1e-6 }, "every promise holds")
        }
        let lateA = offsets(a.days).filter { $0 > 3 + 1e-6 }.count
        let lateB = offsets(b.days).filter { $0 > 3 + 1e-6 }.count
        #expect(lateA > 0, "a symmetric window plans some pickups more than 3 minutes after the agreed time")
        #expect(lateB < lateA, "the window open earlier plans fewer: \(lateB) against \(lateA)")
    }
}
