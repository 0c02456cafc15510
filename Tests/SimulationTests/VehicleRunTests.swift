//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
import Mobility
@testable import Simulation
import Testing

/// A Regiotaxi driven without delays: an empty taxi early at a pickup waits for the agreed
/// time, but never longer than the plan's room before the next pickup (the slack before the
/// window closes is kept for delays on the road).
@Suite struct VehicleRunTests {
    /// Every drive between two different points takes ten minutes.
    struct TenMinuteRoads: RoadModel {
        func drive(from origin: Coordinate, to destination: Coordinate) -> RoadLeg {
            origin == destination ? RoadLeg(metres: 0, seconds: 0) : RoadLeg(metres: 8000, seconds: 600)
        }
        func walk(from origin: Coordinate, to destination: Coordinate, as profile: WalkProfile) -> WalkLeg? { nil }
        var description: String { "ten minutes a drive" }
    }

    static let depot = Coordinate(latitude: 52.35, longitude: 6.60)
    static let points = (1 ... 4).map { Coordinate(latitude: 52.35 + 0.01 * Double($0), longitude: 6.60) }

    /// Ride A (agreed 10:00) planned at 09:50, then ride B (agreed 10:20) planned at
    /// `plannedB`; returns when each was picked up.
    static func drive(plannedB: Double) -> (a: Double, b: Double) {
        func stop(_ ride: RideID, leg: LegID, _ point: Int, pickup: Bool, agreed: Double, time: Double) -> VehicleRun.Stop {
            .init(ride: ride, leg: leg, point: points[point], seats: pickup ? 1 : -1, wheelchairs: 0, service: 2, agreed: agreed, time: time, limit: 60)
        }
        // As planned: A 590 (+2 boarding, 10 driving) drop-off 602, (+2, 10) B no earlier than 614.
        let stops = [
            stop("A", leg: 1, 0, pickup: true, agreed: 600, time: 590), stop("A", leg: 1, 1, pickup: false, agreed: 600, time: 602),
            stop("B", leg: 2, 2, pickup: true, agreed: 620, time: plannedB), stop("B", leg: 2, 3, pickup: false, agreed: 620, time: plannedB + 12),
        ]
        let base = DayExecution.Base(depot: depot, start: 480, end: 1020, seats: 4, wheelchairPlaces: 1, taxi: true)
        let roads = TenMinuteRoads()
        var run = VehicleRun(shift: "RT-1", kind: .regiotaxi, volunteer: nil, base: base, depot: depot, stops: stops, road: roads)
        var rides: [LegID: DayExecution.Ride] = [:]
        while !run.finished { run.driveOn(late: 0, window: 15, road: roads, rides: &rides) }
        return (rides[1]?.pickup ?? .nan, rides[2]?.pickup ?? .nan)
    }

    @Test func anEmptyTaxiWaitsForTheAgreedTimeWhenTheNextPickupHasRoom() {
        // B planned at 10:30 (its window closes at 10:35): waiting ten minutes for A costs B nothing.
        let (a, b) = Self.drive(plannedB: 630)
        #expect(a == 600, "A is fetched at its agreed time, not at \(a)")
        #expect(b == 630)
    }

    @Test func itDoesNotWaitIntoTheSlackThePlanKeptForDelays() {
        // B planned at 10:18: waiting the full ten minutes for A would fetch B at 10:24, still
        // inside B's window (10:35) but past its planned time and its agreed time (10:20).
        let (a, b) = Self.drive(plannedB: 618)
        #expect(a > 590 && a < 600, "A waits only for the plan's four minutes of room, not until \(a)")
        #expect(b == 620, "B is fetched at its own agreed time (the taxi is early there and waits), not at \(b)")
    }
}
