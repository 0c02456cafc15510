//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Simulation
import Testing

/// Each simulated day is re-optimised overnight from the routes as booked, and the KPIs carry
/// the day as booked beside it; with no iterations the routes are driven as booked.
@Suite struct OvernightReoptimisationTests {
    @Test func aReoptimisedDayListsItsRoutesAsBooked() throws {
        let result = try SimulationFixtures.run(SimulationFixtures.shortScenario(days: 3))
        let days = result.kpis.days.filter { $0.vehicleKm > 0 }
        #expect(!days.isEmpty)
        for day in days {
            let before = try #require(day.asBooked, "\(day.day) was re-optimised and lists the day as booked")
            #expect(before.vehicleKm > 0 && before.vehicleHours > 0, "\(day.day)")
        }
        let total = try #require(result.kpis.total.asBooked)
        #expect(abs(total.vehicleKm - result.kpis.days.compactMap(\.asBooked).reduce(0) { $0 + $1.vehicleKm }) < 1e-6)
        #expect(total.timedRides == result.kpis.days.compactMap(\.asBooked).reduce(0) { $0 + $1.timedRides })
        #expect(abs(result.kpis.days.reduce(0) { $0 + $1.vehicleHours } - result.kpis.total.vehicleHours) < 1e-6)
        // The plan begins pickups at the agreed time where the routes leave room.
        #expect(result.kpis.total.plannedEarlyPickupShare < 0.1, "\(result.kpis.total.plannedEarlyPickupShare)")
    }

    @Test func withoutIterationsTheRoutesAreDrivenAsBooked() throws {
        let scenario = try SimulationFixtures.shortScenario(days: 3) { scenario in
            scenario.dispatch = .init(iterations: 0)
        }
        let result = try SimulationFixtures.run(scenario)
        #expect(result.kpis.days.allSatisfy { $0.asBooked == nil })
        #expect(result.kpis.total.asBooked == nil)
        #expect(result.kpis.total.vehicleKm > 0)
    }
}
