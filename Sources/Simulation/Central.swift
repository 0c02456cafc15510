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
/// volunteer accepted them). The taxis asked are the nearest that could fetch the traveller
/// within the window by a direct drive: on the road, still to start, or without rides at
/// their depots; not those back at the depot for the day.
struct Central {
    let window: Double
    let road: any RoadModel
    /// Minutes before a late ride that no taxi could take is tried again.
    static let retryMinutes = 10.0
    /// Late rides of one taxi the central tries to move at one departure at most.
    static let attemptsPerDeparture = 3
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

    /// Moves the late rides of `runs[index]`, which sets off at `time`; returns the run each
    /// moved ride went to.
    mutating func moveLateRides(of index: Int, in runs: inout [VehicleRun], at time: Double) -> [Int] {
        var moved: [Int] = [], given: Set<RideID> = []
        for _ in 0 ..< Self.attemptsPerDeparture {
            let run = runs[index]
            let plan = Route(run, central: self)
            let late = run.stops.indices.dropFirst(run.next).first { j in
                let stop = run.stops[j]
                return stop.isPickup && plan.begins[j - run.next] > stop.agreed + window + 1e-9 && !given.contains(stop.ride)
                    && triedAt[stop.ride].map { time - $0 >= Self.retryMinutes } ?? true
            }
            guard let late, let dropoff = run.stops[(late + 1)...].first(where: { $0.ride == run.stops[late].ride }) else { break }
            let pickup = run.stops[late]
            if let (target, route) = bestTaxi(for: pickup, dropoff, from: index, in: runs) {
                runs[index].remove(ride: pickup.ride)
                runs[target].replaceStopsAhead(with: route)
                moved.append(target)
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
            guard let base = run.base, base.drivesWmo, pickup.seats <= base.seats, pickup.wheelchairs <= base.wheelchairPlaces else { continue }
            if pickup.special || run.stops[run.next...].contains(where: \.special) { continue }
            let reach = run.leave + minutes(run.previous, pickup.point)
            if reach <= pickup.agreed + window { near.append((reach, u)) }
        }
        near.sort { ($0.reach, $0.run) < ($1.reach, $1.run) }
        var best: (extra: Double, run: Int, a: Int, b: Int)?
        for (_, u) in near.prefix(Self.taxisAsked) {
            guard let base = runs[u].base else { continue }
            let route = Route(runs[u], central: self)
            for a in 0 ... route.ahead.count {
                // Where the taxi would set off to the pickup: later positions only set off later.
                let setOff = a == 0 ? runs[u].leave : route.begins[a - 1] + route.ahead[a - 1].service
                if setOff > pickup.agreed + window { break }
                if setOff + minutes(a == 0 ? runs[u].previous : route.ahead[a - 1].point, pickup.point) > pickup.agreed + window { continue }
                for b in a ... min(a + Self.stopsBetween, route.ahead.count) {
                    guard let extra = route.extraMinutes(inserting: pickup, at: a, dropoff, at: b, base: base, central: self) else { continue }
                    if let best, extra >= best.extra { continue }
                    best = (extra, u, a, b)
                }
            }
        }
        guard let best else { return nil }
        var stops = runs[best.run].stops
        let next = runs[best.run].next
        stops.insert(dropoff, at: next + best.b)
        stops.insert(pickup, at: next + best.a)
        return (best.run, stops)
    }

    /// Minutes of the drive between two points at the planned speed.
    func minutes(_ from: Coordinate, _ to: Coordinate) -> Double {
        Double(road.drive(from: from, to: to).seconds) / 60
    }
}

/// A taxi's stops ahead as planned, with the drives between them measured once, so that each
/// insertion tried measures only the drives to and from the two new stops.
private struct Route {
    let run: VehicleRun
    let ahead: [VehicleRun.Stop]
    /// `legs[i]`: minutes to `ahead[i]` from the stop before (or from where the taxi is);
    /// `legs[count]`: from the last stop to the depot.
    let legs: [Double]
    /// When each stop ahead begins as planned, and the taxi is back at the depot.
    let begins: [Double]
    let home: Double
    /// The position in `ahead` of each drop-off's pickup (−1: on board already), and each
    /// drop-off's minutes on board as planned.
    let pickupOf: [Int]
    let rideMinutes: [Double]

    init(_ run: VehicleRun, central: Central) {
        self.run = run
        let ahead = Array(run.stops[run.next...])
        self.ahead = ahead
        var legs: [Double] = [], at = run.previous
        for stop in ahead {
            legs.append(central.minutes(at, stop.point))
            at = stop.point
        }
        legs.append(central.minutes(at, run.depot))
        self.legs = legs
        var begins: [Double] = [], time = run.leave
        for (i, stop) in ahead.enumerated() {
            time = max(stop.time, time + legs[i])
            begins.append(time)
            time += stop.service
        }
        self.begins = begins
        home = time + legs[ahead.count]
        var pickupOf = [Int](repeating: -1, count: ahead.count), rideMinutes = [Double](repeating: 0, count: ahead.count)
        var boarded: [RideID: Int] = [:]
        for (i, stop) in ahead.enumerated() {
            if stop.isPickup {
                boarded[stop.ride] = i
            } else {
                pickupOf[i] = boarded[stop.ride] ?? -1
                let start = pickupOf[i] >= 0 ? begins[pickupOf[i]] : (run.pickedUp[stop.ride] ?? begins[i])
                rideMinutes[i] = begins[i] - start - stop.service
            }
        }
        self.pickupOf = pickupOf
        self.rideMinutes = rideMinutes
    }

    /// Minutes later back at the depot with `pickup` before `ahead[a]` and `dropoff` before
    /// `ahead[b]` (`a ≤ b`; `count`: at the end), or nil when a promise would break: seats or
    /// wheelchair places, a pickup after its window that was not late already, a ride longer
    /// than promised that was not already, the shift's end unless already past.
    func extraMinutes(inserting pickup: VehicleRun.Stop, at a: Int, _ dropoff: VehicleRun.Stop, at b: Int, base: DayExecution.Base, central: Central) -> Double? {
        let count = ahead.count
        var time = run.leave, at = run.previous
        var previous = -1  // the original stop served last; -1: where the taxi is, -2: a new stop
        var seats = run.onBoard, wheelchairs = run.wheelchairsOnBoard
        var newBegins = [Double](repeating: 0, count: count)
        var boarded = 0.0
        func serve(_ stop: VehicleRun.Stop, drive: Double) -> Double {
            time = max(stop.time, time + drive)
            let begin = time
            time += stop.service
            at = stop.point
            seats += stop.seats
            wheelchairs += stop.wheelchairs
            return begin
        }
        for k in 0 ..< count + 2 {
            if k == a {
                boarded = serve(pickup, drive: central.minutes(at, pickup.point))
                previous = -2
                if boarded > pickup.agreed + central.window + 1e-9 || seats > base.seats || wheelchairs > base.wheelchairPlaces { return nil }
                continue
            }
            if k == b + 1 {
                let begin = serve(dropoff, drive: central.minutes(at, dropoff.point))
                previous = -2
                if begin - boarded - pickup.service > pickup.limit + 1e-9 { return nil }
                continue
            }
            let i = k < a ? k : k <= b ? k - 1 : k - 2
            let stop = ahead[i]
            let drive = previous == i - 1 ? legs[i] : central.minutes(at, stop.point)
            // Back on the planned schedule after both new stops: the rest is as planned (and
            // pickups before it only later, so nobody's ride grows), so the depot is reached
            // on time as planned.
            if k > b + 1, max(stop.time, time + drive) <= begins[i] + 1e-9 { return 0 }
            let begin = serve(stop, drive: drive)
            newBegins[i] = begin
            previous = i
            if seats > base.seats || wheelchairs > base.wheelchairPlaces { return nil }
            if stop.isPickup {
                if begin > max(stop.agreed + central.window, begins[i]) + 1e-9 { return nil }
            } else {
                let j = pickupOf[i]
                let start = j >= 0 ? newBegins[j] : (run.pickedUp[stop.ride] ?? begin)
                if begin - start - stop.service > max(stop.limit, rideMinutes[i]) + 1e-9 { return nil }
            }
        }
        let home = time + (previous == count - 1 ? legs[count] : central.minutes(at, run.depot))
        if home > max(base.end, self.home) + 1e-9 { return nil }
        return home - self.home
    }
}
