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

/// The central's moves on a hand-made day: when no taxi can fetch a late traveller in time,
/// the delayed taxi gives an earlier pickup to a taxi that can take it, and catches up.
@Suite struct CentralMoveTests {
    /// A grid where a drive takes 1 minute per 0.001° of latitude plus longitude (no detours).
    struct GridRoads: RoadModel {
        func drive(from origin: Coordinate, to destination: Coordinate) -> RoadLeg {
            let minutes = (abs(origin.latitude - destination.latitude) + abs(origin.longitude - destination.longitude)) * 1000
            return RoadLeg(metres: minutes * 500, seconds: Int32((minutes * 60).rounded()))
        }
        func walk(from origin: Coordinate, to destination: Coordinate, as profile: WalkProfile) -> WalkLeg? { nil }
        var description: String { "grid" }
    }

    /// Minutes east and north of the first taxi's depot as a point.
    static func at(_ east: Double, _ north: Double) -> Coordinate {
        Coordinate(latitude: 52 + north / 1000, longitude: 6 + east / 1000)
    }

    static func stop(_ ride: RideID, leg: LegID, _ point: Coordinate, pickup: Bool, agreed: Double, time: Double) -> VehicleRun.Stop {
        .init(ride: ride, leg: leg, point: point, seats: pickup ? 1 : -1, wheelchairs: 0, service: 2, agreed: agreed, time: time, limit: 60)
    }

    /// Taxi 1 (depot at 0,0) is to fetch A 20 minutes east at 10:00, take A 10 further east,
    /// then fetch B 10 minutes north of its depot (agreed 10:20): B would wait until 10:54,
    /// past its window (10:35). Taxi 2 waits at its depot 50 minutes east from 09:40: it
    /// reaches A by 10:10 but B only at 10:40.
    static func day() -> (runs: [VehicleRun], roads: GridRoads) {
        let roads = GridRoads()
        let stops = [
            stop("A", leg: 1, at(20, 0), pickup: true, agreed: 600, time: 600),
            stop("A", leg: 1, at(30, 0), pickup: false, agreed: 600, time: 612),
            stop("B", leg: 2, at(0, 10), pickup: true, agreed: 620, time: 620),
            stop("B", leg: 2, at(0, 20), pickup: false, agreed: 620, time: 632),
        ]
        let first = DayExecution.Base(depot: at(0, 0), start: 480, end: 1020, seats: 4, wheelchairPlaces: 1, taxi: true)
        let second = DayExecution.Base(depot: at(50, 0), start: 580, end: 1020, seats: 4, wheelchairPlaces: 1, taxi: true)
        return ([
            VehicleRun(shift: "RT-1", kind: .regiotaxi, volunteer: nil, base: first, depot: first.depot, stops: stops, road: roads),
            VehicleRun(shift: "RT-2", kind: .regiotaxi, volunteer: nil, base: second, depot: second.depot, stops: [], road: roads),
        ], roads)
    }

    @Test func theDelayedTaxiGivesAnEarlierPickupAwayAndFetchesTheLateOneInTime() {
        var (runs, roads) = Self.day()
        #expect(runs[0].leave == 580)
        var central = Central(window: 15, road: roads)
        let moved = central.moveLateRides(of: 0, in: &runs, at: 580)
        #expect(moved == [1], "A goes to the second taxi")
        #expect(runs[0].stops.map(\.ride) == ["B", "B"])
        #expect(runs[1].stops.map(\.ride) == ["A", "A"])
        var rides: [LegID: DayExecution.Ride] = [:]
        for i in runs.indices { while !runs[i].finished { runs[i].driveOn(late: 0, window: 15, road: roads, rides: &rides) } }
        #expect(rides[2]?.vehicle == "RT-1")
        #expect((rides[2]?.pickup ?? .infinity) <= 620 + 15, "B fetched at \(rides[2]?.pickup ?? .nan)")
        #expect(rides[1]?.vehicle == "RT-2")
        #expect((rides[1]?.pickup ?? .infinity) <= 600 + 15, "A fetched at \(rides[1]?.pickup ?? .nan)")
    }

    @Test func nothingMovesWhenTheOtherTaxiCannotReachTheEarlierPickupInTime() {
        var (runs, roads) = Self.day()
        // The second taxi starts at 09:50: A only by 10:20, after its window.
        let late = DayExecution.Base(depot: Self.at(50, 0), start: 590, end: 1020, seats: 4, wheelchairPlaces: 1, taxi: true)
        runs[1] = VehicleRun(shift: "RT-2", kind: .regiotaxi, volunteer: nil, base: late, depot: late.depot, stops: [], road: roads)
        var central = Central(window: 15, road: roads)
        #expect(central.moveLateRides(of: 0, in: &runs, at: 580).isEmpty)
        #expect(runs[0].stops.map(\.ride) == ["A", "A", "B", "B"])
    }
}
