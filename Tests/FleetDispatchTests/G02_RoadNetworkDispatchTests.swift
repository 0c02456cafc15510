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

/// G: the day dispatcher on a street network: its plan keeps every promise with the network's
/// drive times, and its kilometres are the network's.
@Suite struct G02_RoadNetworkDispatchTests {
    @Test func aDayOnTheNetworkKeepsEveryWindowWithNetworkTimes() throws {
        let w = try TwenteWorld.world.get()
        let road = try SyntheticStreets.twente.get()
        let rides = try BookedRide.load(TwenteWorld.root.appendingPathComponent("Scenarios/twente/rides-2026-11-23.csv").path)
        let dispatcher = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: w.supply.volunteers, road: road)
        let schedule = dispatcher.dispatch(rides, date: ServiceDate("2026-11-23")!, timeLimit: 30, iterations: 200, seed: 1) { _, _ in true }
        let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
        var pickups = 0
        for day in schedule.days {
            var previous: (time: Double, point: Coordinate)?
            for stop in day.stops {
                let ride = try #require(byID[stop.ride])
                let here = stop.pickup ? ride.from : ride.to
                if stop.pickup {
                    pickups += 1
                    #expect(abs(stop.time - Double(ride.pickup)) <= 15 + 1e-6, "\(ride.id) at \(stop.time)")
                }
                // Consecutive stops are at least the network's drive apart.
                if let previous, previous.point != here {
                    let minutes = Double(road.drive(from: previous.point, to: here).seconds) / 60
                    #expect(stop.time - previous.time >= minutes - 1e-6, "\(day.shift): \(stop.ride)")
                }
                previous = (stop.time, here)
            }
        }
        #expect(pickups > 10)
        let straight = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: w.supply.volunteers, road: StraightLineRoadModel())
            .dispatch(rides, date: ServiceDate("2026-11-23")!, timeLimit: 30, iterations: 200, seed: 1) { _, _ in true }
        #expect(abs(schedule.kilometres - straight.kilometres) > 1, "the network's kilometres, not the estimate's")
    }

    /// A day too large for a matrix asks the network on demand and remembers each pair: the
    /// same times, so the same plan, as with the matrix.
    @Test func travelTimesOnDemandFromTheNetworkGiveTheSameDay() throws {
        let w = try TwenteWorld.world.get()
        let road = try SyntheticStreets.twente.get()
        let rides = try BookedRide.load(TwenteWorld.root.appendingPathComponent("Scenarios/twente/rides-2026-11-23.csv").path)
        let dense = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: w.supply.volunteers, road: road)
        var onDemand = dense
        onDemand.matrixLimit = 0
        let date = ServiceDate("2026-11-23")!
        let (matrix, _) = dense.instance(for: rides, date: date)
        let (lazy, _) = onDemand.instance(for: rides, date: date)
        #expect(lazy.travel.isEmpty)
        for i in stride(from: 0, to: matrix.nodeCount, by: 3) {
            for j in stride(from: 0, to: matrix.nodeCount, by: 4) {
                #expect(matrix.time(i, j) == lazy.time(i, j), "\(i) → \(j)")
                #expect(lazy.time(i, j) == lazy.time(i, j), "a remembered pair answers the same")
            }
        }
        let a = dense.dispatch(rides, date: date, timeLimit: 60, iterations: 80, seed: 2) { _, _ in true }
        let b = onDemand.dispatch(rides, date: date, timeLimit: 60, iterations: 80, seed: 2) { _, _ in true }
        #expect(a.days.map(\.stops) == b.days.map(\.stops))
    }
}
