//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import Mobility
import Planner
@testable import Simulation
import TestSupport
import Testing

/// A simulated day on a street network: its drives, kilometres and CO2 are the network's, and
/// the report says which model gave them.
@Suite struct RoadNetworkSimulationTests {
    @Test func aDayOnTheNetworkDrivesItsKilometresAndSaysSo() throws {
        let scenario = try SimulationFixtures.shortScenario(days: 1)
        let world = try TwenteWorld.world.get()
        let base = try SupplyFiles.load(directory: SimulationFixtures.scenariosDirectory.appendingPathComponent(scenario.supply.base).path)
        let road = try SyntheticStreets.twente.get()
        let onNetwork = try Simulator(scenario: scenario, region: world.with(supply: base).with(road: road)).run()
        let estimated = try SimulationFixtures.run(scenario)
        #expect(onNetwork.roadModel == "road network: synthetic-twente.roads")
        #expect(estimated.roadModel == "straight-line estimate")
        #expect(onNetwork.kpis.total.requests == estimated.kpis.total.requests, "the same demand")
        #expect(onNetwork.kpis.total.vehicleKm > 0)
        #expect(abs(onNetwork.kpis.total.vehicleKm - estimated.kpis.total.vehicleKm) > 0.5, "kilometres from the network")
        #expect(!onNetwork.rides.isEmpty)
        let html = ReportHTML.page(onNetwork)
        #expect(html.contains("drives and walks: road network: synthetic-twente.roads"))
    }
}
