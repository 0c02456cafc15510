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

/// G: the daily dispatch of the Twente rides file to the fleet and the volunteers.
@Suite struct G01_DayDispatchTests {
    static func dispatch(_ date: String) throws -> ([BookedRide], DaySchedule, SupplyFiles) {
        let w = try TwenteWorld.world.get()
        let rides = try BookedRide.load(TwenteWorld.root.appendingPathComponent("Scenarios/twente/rides-2026-11-23.csv").path)
        let dispatcher = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: w.supply.volunteers, road: StraightLineRoadModel())
        // Volunteers answer with their acceptance rate, seeded (as `goan dispatch` draws them).
        var random = SeededGenerator(seed: 1 &+ 0x5EED)
        let schedule = dispatcher.dispatch(rides, date: ServiceDate(date)!, timeLimit: 30, iterations: 300, seed: 1) { _, volunteer in
            Double.random(in: 0 ..< 1, using: &random) < (volunteer.acceptanceRate ?? 1)
        }
        return (rides, schedule, w.supply)
    }

    @Test func everyRideIsAssignedOnceOrHasAReasonAndEveryPromiseHolds() throws {
        let (rides, schedule, supply) = try Self.dispatch("2026-11-23")
        let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
        var seen: [RideID: Int] = [:]
        var wheelchairPickups = 0
        for day in schedule.days {
            for stop in day.stops where stop.pickup {
                seen[stop.ride, default: 0] += 1
                let ride = try #require(byID[stop.ride])
                // Picked up within the ±15-minute window around the agreed time.
                #expect(abs(stop.time - Double(ride.pickup)) <= 15 + 1e-6, "\(ride.id) at \(stop.time)")
                // Regiotaxi rides go to Regiotaxi vehicles, AutoMaatje rides to volunteers.
                #expect((ride.service == .regiotaxi) == (day.kind == .regiotaxi), "\(ride.id) on \(day.shift)")
                if ride.wheelchair {
                    wheelchairPickups += 1
                    let vehicle = try #require(supply.vehicles.first { $0.id == day.vehicle }, "\(ride.id) on \(day.shift), not a vehicle of the scenario")
                    #expect(vehicle.wheelchairPlaces > 0, "\(ride.id) needs a wheelchair place on \(day.shift)")
                }
            }
            // Each drop-off after its pickup.
            for (k, stop) in day.stops.enumerated() where !stop.pickup {
                #expect(day.stops[..<k].contains { $0.pickup && $0.ride == stop.ride })
            }
            if day.kind == .volunteer {
                let volunteer = supply.volunteers.first { $0.id == day.volunteer }
                #expect(day.stops.count / 2 <= (volunteer?.maxRidesPerDay ?? 0))
            }
        }
        for ride in rides {
            let assigned = seen[ride.id, default: 0]
            let reasons = schedule.unassigned.filter { $0.ride.id == ride.id }.count
            #expect(assigned + reasons == 1, "\(ride.id): assigned \(assigned), reasons \(reasons)")
        }
        #expect(schedule.unassigned.count < rides.count / 4)
        #expect(wheelchairPickups > 0, "the rides file has wheelchair rides, and some are dispatched")
    }

    @Test func aDeclinedRideIsReofferedToSomeoneElse() throws {
        let (_, schedule, _) = try Self.dispatch("2026-11-23")
        #expect(!schedule.declines.isEmpty, "with acceptance rates below 1 some volunteer declines (seeded)")
        for (ride, decliners) in schedule.declines {
            if let day = schedule.days.first(where: { $0.stops.contains { $0.ride == ride } }) {
                #expect(day.kind == .volunteer)
                #expect(!decliners.contains(day.shift), "\(ride) went back to \(day.shift), who declined it")
            } else {
                let reason = try #require(schedule.unassigned.first { $0.ride.id == ride }?.reason)
                #expect(reason.hasPrefix("declined by"))
            }
        }
    }

    @Test func onASundayTheVolunteersAreOffAndSaySo() throws {
        let (rides, schedule, _) = try Self.dispatch("2026-11-29")
        let automaatje = rides.filter { $0.service == .automaatje }.map(\.id)
        #expect(!automaatje.isEmpty)
        for id in automaatje {
            let reason = try #require(schedule.unassigned.first { $0.ride.id == id }?.reason)
            #expect(reason.contains("volunteer"))
        }
    }

    @Test func aMalformedRidesFileNamesTheLineAndField() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rides-bad.csv").path
        try """
            ride_id,traveller_id,service,from_name,from_lat,from_lon,to_name,to_lat,to_lon,pickup,seats,wheelchair
            R1,x,regiotaxi,A,52.4,6.6,B,52.3,6.6,09:00,1,0
            R2,y,bus,A,52.4,6.6,B,52.3,6.6,09:00,1,0
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try BookedRide.load(path)
        } throws: { error in
            "\(error)".contains("line 3: service") && "\(error)".contains("'bus' is not regiotaxi or automaatje")
        }
    }
    /// The booking desk inserts each Regiotaxi ride into the day's routes vehicle by vehicle,
    /// each with only the travel times an insertion reads; it must choose exactly what the
    /// insertion into the whole day's instance chooses, ride after ride, on the real rides of a day.
    @Test func insertingVehicleByVehicleChoosesWhatTheWholeDayChooses() throws {
        let w = try TwenteWorld.world.get()
        let rides = try BookedRide.load(TwenteWorld.root.appendingPathComponent("Scenarios/twente/rides-2026-11-23.csv").path)
            .filter { $0.service == .regiotaxi }
        #expect(rides.count > 20)
        let dispatcher = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: w.supply.volunteers, road: StraightLineRoadModel())
        let date = ServiceDate("2026-11-23")!
        var routes: [ShiftID: [RouteVisit]] = [:]
        var times: [ShiftID: RouteTimes] = [:]
        var accepted = 0
        for count in 1 ... rides.count {
            let prefix = Array(rides[..<count]), n = count
            let (full, _) = dispatcher.instance(for: prefix, date: date, includingVolunteers: false)
            let index = Dictionary(uniqueKeysWithValues: prefix.enumerated().map { ($1.id, $0 + 1) })
            let nodes = full.fleet.map { (routes[ShiftID(rawValue: $0.name)] ?? []).map { index[$0.ride.id]! + ($0.pickup ? 0 : n) } }
            var solution = DARPSolution(routes: nodes, unassigned: [n], cost: 0)
            var solver = DARPSolver(instance: full, seed: 0)
            let expected = solver.reinsert(n, into: &solution, excluding: [])

            let inserted = dispatcher.insert(rides[n - 1], date: date, routes: routes)
            #expect(inserted?.shift.rawValue == expected.map { full.fleet[$0].name }, "ride \(rides[n - 1].id)")
            // With the routes' times the vehicles that cannot be there in time are skipped: same choice.
            let skipping = dispatcher.insert(rides[n - 1], date: date, routes: routes, times: times)
            #expect(skipping?.shift == inserted?.shift && skipping?.route == inserted?.route, "ride \(rides[n - 1].id)")
            guard let expected, let inserted else { continue }
            let expectedVisits = solution.routes[expected].map { RouteVisit(ride: prefix[($0 <= n ? $0 : $0 - n) - 1], pickup: $0 <= n) }
            #expect(inserted.route == expectedVisits, "ride \(rides[n - 1].id)")
            routes[inserted.shift] = inserted.route
            times[inserted.shift] = inserted.times
            #expect(dispatcher.times(of: routes, date: date)[inserted.shift] == inserted.times)
            accepted += 1
        }
        #expect(accepted > rides.count / 2, "most rides of the day fit")
    }
}
