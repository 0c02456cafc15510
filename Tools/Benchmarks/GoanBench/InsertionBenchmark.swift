//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Domain
import FleetDispatch
import Foundation
import GTFS
import Mobility
import Planner

/// Times the booking-time insertion check (`DayDispatcher.insert`, the one the booking desk
/// runs) on a seeded day: `rides` Regiotaxi rides between random points of Twente are booked
/// into `vehicles` vehicles one by one, as bookings arrive, then `checks` new rides are
/// checked against that day without being booked.
struct InsertionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insertion", abstract: "The insertion check on a day of N booked rides on V vehicles.")

    /// The scenario's first vehicle is the model of the fleet.
    @OptionGroup var region: RegionOptions

    @Option(help: "Rides already booked that day.")
    var rides: Int = 500

    @Option(help: "Vehicles on duty (06:00–24:00, depots spread over the region).")
    var vehicles: Int = 30

    @Option(help: "New rides to check.")
    var checks: Int = 200

    @Option(help: "Seed.")
    var seed: UInt64 = 1

    func run() throws {
        let region = try self.region.load()
        var rng = SeededGenerator(seed: seed)
        // Twente: Hardenberg to Enschede, Ootmarsum to Haaksbergen.
        func point() -> Coordinate {
            Coordinate(latitude: Double.random(in: 52.15 ... 52.55, using: &rng), longitude: Double.random(in: 6.45 ... 7.0, using: &rng))
        }
        var model = region.supply.vehicles[0]
        model.shifts = [model.shifts[0]]
        model.shifts[0].days = weekdayNames
        model.shifts[0].start = "06:00"
        model.shifts[0].end = "24:00"
        let fleet = (0 ..< vehicles).map { k in
            var vehicle = model
            vehicle.id = VehicleID(rawValue: "bench-\(k + 1)")
            let depot = point()
            vehicle.depot = NamedPosition(name: "depot \(k + 1)", lat: depot.latitude, lon: depot.longitude)
            return vehicle
        }
        let dispatcher = DayDispatcher(rules: region.rules, vehicles: fleet, volunteers: [], road: region.road)
        let date = ServiceDate("2026-11-23")!
        var number = 0
        func ride() -> BookedRide {
            number += 1
            return BookedRide(
                id: RideID(rawValue: "r\(number)"), traveller: TravellerID(rawValue: "t\(number)"), service: .regiotaxi, fromName: "from",
                from: point(), toName: "to", to: point(), pickup: Int.random(in: 6 * 60 + 30 ... 22 * 60, using: &rng), seats: 1,
                codes: Double.random(in: 0 ..< 1, using: &rng) < 0.1 ? [.wheelchairStandard] : [])
        }
        let clock = ContinuousClock()
        var routes: [ShiftID: [RouteVisit]] = [:], times: [ShiftID: RouteTimes] = [:]
        var booked = 0
        let building = clock.now
        for _ in 0 ..< rides {
            guard let (shift, route, routeTimes) = dispatcher.insert(ride(), date: date, routes: routes, times: times) else { continue }
            routes[shift] = route
            times[shift] = routeTimes
            booked += 1
        }
        let built = milliseconds(clock.now - building) / 1000
        var millis: [Double] = []
        var accepted = 0
        for _ in 0 ..< checks {
            let new = ride()
            let start = clock.now
            if dispatcher.insert(new, date: date, routes: routes, times: times) != nil { accepted += 1 }
            millis.append(milliseconds(clock.now - start))
        }
        print(String(format: "day: %d rides offered, %d booked on %d vehicles in %.1f s", rides, booked, vehicles, built))
        print(String(format: "insertion check: %d checks, %d fit, median_ms=%.2f p95_ms=%.2f", checks, accepted, percentile(millis, 0.5), percentile(millis, 0.95)))
    }
}
