//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Simulation
import Testing

/// The Regiotaxi central during the day: a busy week of twenterand-2019 with heavy delays,
/// driven once with the central moving late rides and once without. The bookings and the plan
/// are the same; only the day as driven differs.
@Suite struct CentralTests {
    static func run(central: Bool) throws -> SimulationResult {
        try SimulationFixtures.run(SimulationFixtures.shortScenario(days: 7) { scenario in
            var execution = scenario.execution ?? SimulationFixtures.decodeExecution()
            execution.delayProbability = 0.3
            execution.delayMeanMinutes = 10
            execution.centralMovesLateRides = central
            scenario.execution = execution
            scenario.demand.tripsPerTravellerPerWeek *= 4
        })
    }

    static let runs: Result<(with: SimulationResult, without: SimulationResult), any Error> = Result {
        (try run(central: true), try run(central: false))
    }

    static func late(_ result: SimulationResult) -> Int {
        result.rides.filter { $0.service == .regiotaxi && $0.waitBeyondWindow > 0.05 }.count
    }

    @Test func theCentralMovesRidesAndFewerAreLate() throws {
        let (with, without) = try Self.runs.get()
        #expect(with.requests == without.requests, "the bookings do not depend on the day as driven")
        let before = Dictionary(uniqueKeysWithValues: without.rides.map { ("\($0.request) \($0.agreedPickup)", $0.vehicle) })
        let moved = with.rides.filter { before["\($0.request) \($0.agreedPickup)"] != $0.vehicle }
        #expect(!moved.isEmpty, "with 30 % of the drives late by 10 minutes on average, some ride is moved")
        #expect(moved.allSatisfy { $0.service == .regiotaxi }, "a volunteer's ride is never moved")
        #expect(Self.late(without) > 0)
        #expect(Self.late(with) < Self.late(without), "late: \(Self.late(with)) with the central, \(Self.late(without)) without")
    }

    /// Whoever drives a ride, it is driven once, by one vehicle whose timeline stops at its
    /// pickup and drop-off, within its ride-time promise unless the delays made it longer.
    @Test func everyRideIsDrivenOnceByTheVehicleThatRecordsIt() throws {
        let (with, without) = try Self.runs.get()
        #expect(with.rides.count == without.rides.count)
        for ride in with.rides {
            let stops = with.timelines.filter { $0.day == ride.day && $0.vehicle == ride.vehicle }.flatMap(\.segments).filter { $0.activity == "stop" }
            #expect(stops.contains { $0.start == ride.pickup }, "\(ride.request): no stop at its pickup in \(ride.vehicle)'s timeline")
            #expect(stops.contains { $0.start == ride.dropoff }, "\(ride.request): no stop at its drop-off in \(ride.vehicle)'s timeline")
            #expect(ride.pickup >= ride.agreedPickup - 15 - 1e-6, "\(ride.request): fetched before the window")
        }
        for day in Set(with.rides.map(\.day)) {
            let stops = with.timelines.filter { $0.day == day && $0.kind == "regiotaxi" }.flatMap(\.segments).filter { $0.activity == "stop" }.count
            #expect(stops == 2 * with.rides.filter { $0.day == day && $0.service == .regiotaxi }.count, "\(day): two stops a ride")
            for timeline in with.timelines where timeline.day == day {
                for (a, b) in zip(timeline.segments, timeline.segments.dropFirst()) {
                    #expect(a.end <= b.start + 1e-9, "\(timeline.vehicle) \(day): segments overlap")
                }
                #expect(timeline.segments.allSatisfy { $0.onBoard >= 0 && $0.onBoard <= 8 }, "\(timeline.vehicle) \(day): seats")
            }
        }
    }
}
