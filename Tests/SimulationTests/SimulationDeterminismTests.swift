//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GTFS
import Mobility
import Planner
import Simulation
import TestSupport
import Testing

/// The same scenario and seed give the same run (everything but the wall-clock timing); another
/// seed gives another.
@Suite struct SimulationDeterminismTests {
    @Test func sameSeedSameRun() throws {
        let first = try SimulationFixtures.week.get()
        let second = try SimulationFixtures.run(SimulationFixtures.shortScenario(days: 7))
        #expect(first.kpis.days == second.kpis.days)
        #expect(first.kpis.total == second.kpis.total)
        #expect(first.kpis.automaatjeRiders == second.kpis.automaatjeRiders)
        #expect(first.requests == second.requests)
        #expect(first.rides == second.rides)
        #expect(first.timelines == second.timelines)
        #expect(first.calibration == second.calibration)
    }

    @Test func anotherSeedAnotherRun() throws {
        let first = try SimulationFixtures.week.get()
        let other = try SimulationFixtures.run(SimulationFixtures.shortScenario(days: 7, seed: first.seed &+ 100))
        #expect(other.seed != first.seed)
        #expect(first.requests != other.requests)
        #expect(first.rides != other.rides)
    }

    /// The simulator draws the travellers from the scenario's seed.
    @Test func theSimulatorDrawsThePopulation() throws {
        let scenario = try SimulationFixtures.shortScenario(days: 7)
        let a = try SimulationFixtures.simulator(scenario), b = try SimulationFixtures.simulator(scenario)
        #expect(a.supply.travellers.count == scenario.population.travellers)
        #expect(a.supply.travellers == b.supply.travellers)
        let other = try SimulationFixtures.simulator(SimulationFixtures.shortScenario(days: 7, seed: scenario.seed &+ 1))
        #expect(a.supply.travellers != other.supply.travellers)
    }
}
