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

/// The Regiotaxi central during the day, as an operator reacts to delays: when a taxi is about
/// to set off and its route, at the planned drive times from where it is now, would pick
/// somebody up after the window, the central moves that ride to the taxi that can take it at
/// the least extra time, if one can keep the window.
///
/// A move keeps every promise of the taxi that takes the ride: its seats and wheelchair places,
/// no pickup after its window that was not already late, no ride longer than promised that
/// was not already, back at the depot by the shift's end unless it was already late. The ride
/// moved keeps its window and ride-time limit. Volunteers' rides are never moved (the
/// volunteer accepted them). Only taxis on the road or still to start are asked, not those
/// back at the depot for the day or without rides.
struct Central {
    let window: Double
    let road: any RoadModel
    /// Minutes before a late ride that no taxi could take is tried again.
    static let retryMinutes = 10.0
    /// Rides moved off one taxi at one departure at most.
    static let movesPerDeparture = 3
    /// Stops between a moved ride's pickup and drop-off at most (a taxi does not take a
    /// passenger on a long round).
    static let stopsBetween = 6
    /// Taxis asked for one ride at most, the nearest (a central calls the few close by).
    static let taxisAsked = 15

    private var triedAt: [RideID: Double] = [:]

    init(window: Double, road: any RoadModel) {
        self.window = window
        self.road = road
    }

    /// Moves the late rides of `runs[index]`, which sets off at `time`; returns how many.
    mutating func moveLateRides(of index: Int, in runs: inout [VehicleRun], at time: Double) -> Int {
        var moved = 0, given: Set<RideID> = []
        while moved < Self.movesPerDeparture {
            let run = runs[index]
            let plan = run.projected(road: road)
            let late = run.stops.indices.dropFirst(run.next).first { j in
                let stop = run.stops[j]
                return stop.isPickup && plan.begins[j - run.next] > stop.agreed + window + 1e-9 && !given.contains(stop.ride)
                    && triedAt[stop.ride].map { time - $0 >= Self.retryMinutes } ?? true
            }
            guard let late, let dropoff = run.stops[(late + 1)...].first(where: { $0.ride == run.stops[late].ride }) else { break }
            let pickup = run.stops[late]
            if let (target, route) = bestTaxi(for: pickup, dropoff, from: index, in: runs) {
                _ = runs[index].remove(ride: pickup.ride)
                runs[target].replaceStopsAhead(with: route)
                moved += 1
            } else {
                triedAt[pickup.ride] = time
                given.insert(pickup.ride)
            }
        }
        return moved
    }

    /// The taxi (other than `runs[index]`) and its new route that take the ride at the least
    /// extra time back at the depot.
    private func bestTaxi(
        for pickup: VehicleRun.Stop, _ dropoff: VehicleRun.Stop, from index: Int, in runs: [VehicleRun]
    ) -> (Int, [VehicleRun.Stop])? {
        var dropoff = dropoff
        dropoff.time = 0  // a drop-off has no earliest time of its own
        // The taxis that could fetch them within the window by a direct drive, nearest first.
        var near: [(reach: Double, run: Int)] = []
        for (u, run) in runs.enumerated() where u != index && run.volunteer == nil && !run.finished {
            guard let base = run.base, pickup.seats <= base.seats, pickup.wheelchairs <= base.wheelchairPlaces else { continue }
            let reach = run.leave + Double(road.drive(from: run.previous, to: pickup.point).seconds) / 60
            if reach <= pickup.agreed + window { near.append((reach, u)) }
        }
        near.sort { ($0.reach, $0.run) < ($1.reach, $1.run) }
        var best: (extra: Double, run: Int, route: [VehicleRun.Stop])?
        for (_, u) in near.prefix(Self.taxisAsked) {
            let run = runs[u]
            guard let base = run.base else { continue }
            let before = run.projected(road: road)
            let rideTimesBefore = Dictionary(uniqueKeysWithValues: rideTimes(run, run.stops, before.begins).map { ($0.ride, $0.minutes) })
            for a in run.next ... run.stops.count {
                // Where the taxi would set off to the pickup: later positions only set off later.
                var setOff = run.leave, from = run.previous
                if a > run.next {
                    setOff = before.begins[a - 1 - run.next] + run.stops[a - 1].service
                    from = run.stops[a - 1].point
                }
                if setOff > pickup.agreed + window { break }
                if setOff + Double(road.drive(from: from, to: pickup.point).seconds) / 60 > pickup.agreed + window { continue }
                for b in (a + 1) ... min(a + 1 + Self.stopsBetween, run.stops.count + 1) {
                    var route = run.stops
                    route.insert(pickup, at: a)
                    route.insert(dropoff, at: b)
                    let after = run.projected(route, road: road)
                    let extra = after.home - before.home
                    if let best, extra >= best.extra { continue }
                    guard keepsPromises(run, base: base, route: route, after: after, before: before, rideTimesBefore: rideTimesBefore, inserted: (a, b))
                    else { continue }
                    best = (extra, u, route)
                }
            }
        }
        return best.map { ($0.run, $0.route) }
    }

    /// Minutes on board and the promised limit of each ride dropped off on `route` (from
    /// `run.next`), with the begins `begins` of its stops ahead.
    private func rideTimes(_ run: VehicleRun, _ route: [VehicleRun.Stop], _ begins: [Double]) -> [(ride: RideID, minutes: Double, limit: Double)] {
        var boarded: [RideID: Double] = [:], times: [(ride: RideID, minutes: Double, limit: Double)] = []
        for (offset, stop) in route[run.next...].enumerated() {
            if stop.isPickup {
                boarded[stop.ride] = begins[offset] + stop.service
            } else if let start = boarded[stop.ride] ?? run.pickedUp[stop.ride].map({ $0 + stop.service }) {
                times.append((stop.ride, begins[offset] - start, stop.limit))
            }
        }
        return times
    }

    private func keepsPromises(
        _ run: VehicleRun, base: DayExecution.Base, route: [VehicleRun.Stop], after: (begins: [Double], home: Double),
        before: (begins: [Double], home: Double), rideTimesBefore: [RideID: Double], inserted: (Int, Int)
    ) -> Bool {
        guard after.home <= max(base.end, before.home) + 1e-9 else { return false }
        var seats = run.onBoard, wheelchairs = run.wheelchairsOnBoard
        for (offset, stop) in route[run.next...].enumerated() {
            let position = run.next + offset
            seats += stop.seats
            wheelchairs += stop.wheelchairs
            if seats > base.seats || wheelchairs > base.wheelchairPlaces { return false }
            guard stop.isPickup else { continue }
            var allowed = stop.agreed + window
            if position != inserted.0 {
                let old = offset - (position > inserted.0 ? 1 : 0) - (position > inserted.1 ? 1 : 0)
                allowed = max(allowed, before.begins[old])
            }
            if after.begins[offset] > allowed + 1e-9 { return false }
        }
        for (ride, minutes, limit) in rideTimes(run, route, after.begins) where minutes > max(limit, rideTimesBefore[ride] ?? -.infinity) + 1e-9 {
            return false
        }
        return true
    }
}
