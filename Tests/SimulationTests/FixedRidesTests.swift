//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import GTFS
@testable import Simulation
import Testing

/// Day care and school transport in the simulation (`maatwerkvervoer-twenterand`), two days:
/// every standing order that runs is booked or refused, once; on separate fleets the added
/// buses drive no Wmo ride and the Regiotaxi fleet no pupil, on one fleet the buses help out.
@Suite struct FixedRidesTests {
    static func run(separate: Bool) throws -> (Simulator, SimulationResult) {
        var scenario = try SimulationFixtures.scenario("maatwerkvervoer-twenterand")
        scenario.days = 2
        scenario.dispatch?.iterations = 100
        scenario.fixedRides?.separateFleets = separate
        scenario.fixedRides?.school?.pupils = 60
        scenario.fixedRides?.dayCare?.clients = 20
        scenario.fixedRides?.vehicles.count = 20
        let simulator = try SimulationFixtures.simulator(scenario)
        return (simulator, try simulator.run())
    }

    static let runs: Result<(shared: (Simulator, SimulationResult), separate: (Simulator, SimulationResult)), any Error> = Result {
        (try run(separate: false), try run(separate: true))
    }

    @Test(arguments: [false, true])
    func everyOrderThatRunsIsBookedOrRefusedOnce(separate: Bool) throws {
        let (simulator, result) = separate ? try Self.runs.get().separate : try Self.runs.get().shared
        let start = ServiceDate(simulator.scenario.start)!
        let due = (0 ..< simulator.scenario.days).reduce(0) { total, day in
            total + simulator.fixedOrders.filter { $0.weekdays.contains(start.adding(days: day).weekday) }.count
        }
        let fixed = try #require(result.kpis.total.fixedRides)
        #expect(due == 2 * 60 + simulator.fixedOrders.filter { $0.kind == .dayCare && $0.weekdays.contains(0) }.count
            + simulator.fixedOrders.filter { $0.kind == .dayCare && $0.weekdays.contains(1) }.count)
        #expect(fixed.trips + fixed.refused == due)
        #expect(fixed.trips > 0 && fixed.rides == 2 * fixed.trips, "there and back, every trip driven")
        #expect(result.kpis.days.compactMap(\.fixedRides).reduce(0) { $0 + $1.trips } == fixed.trips)
        #expect(fixed.vehiclesUsed >= fixed.vehiclesWithFixedRides && fixed.vehiclesWithFixedRides > 0)
    }

    @Test func separateFleetsKeepTheirRidesAndOneFleetShares() throws {
        let runs = try Self.runs.get()
        func wmoOnBuses(_ result: SimulationResult) -> Int { result.rides.filter { $0.service == .regiotaxi && $0.vehicle.hasPrefix("MV-") }.count }
        #expect(wmoOnBuses(runs.separate.1) == 0, "a separate bus drove a Wmo ride")
        #expect(wmoOnBuses(runs.shared.1) > 0, "on one fleet the buses drive Wmo rides too")
        // The same demand and orders either way.
        #expect(runs.shared.1.kpis.total.requests == runs.separate.1.kpis.total.requests)
        #expect(runs.shared.0.fixedOrders == runs.separate.0.fixedOrders)
    }
}
