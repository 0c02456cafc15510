//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS

/// A brute-force router over a ``RandomFeed`` model: a connection scan (Dibbelt, Pajor,
/// Strasser, Wagner) run once per number of rides, over the runs of the query day and the days
/// before and after it (the horizon RAPTOR searches).
///
/// Semantics, the plain GTFS ones: board at or after the time one is ready at a stop; after a
/// ride one is ready at the same stop after its minimum transfer time (unless changing there is
/// forbidden), or at another stop after one walk; one may walk once before the first ride (from
/// the origin) and once after the last ride (to the destination).
struct ConnectionScan {
    struct Connection {
        var run: Int
        var position: Int
        var from: Int
        var to: Int
        var departure: Int32
        var arrival: Int32
    }

    static let never: Int32 = 1_000_000_000

    let model: RandomFeed
    let wheelchair: Bool
    /// Runs active within the horizon: (model trip, day offset −1 … 1).
    private(set) var runs: [(trip: Int, offset: Int)] = []
    private(set) var byDeparture: [Connection] = []
    private(set) var byArrival: [Connection] = []

    init(model: RandomFeed, date: ServiceDate, wheelchair: Bool) {
        self.model = model
        self.wheelchair = wheelchair
        var connections: [Connection] = []
        for (t, trip) in model.trips.enumerated() {
            for offset in -1 ... 1 where model.activeDays[trip.service]!.contains(date.adding(days: offset)) {
                let run = runs.count
                runs.append((t, offset))
                let shift = Int32(offset * 86_400)
                for k in 0 ..< trip.stops.count - 1 {
                    connections.append(Connection(
                        run: run, position: k, from: trip.stops[k], to: trip.stops[k + 1],
                        departure: trip.departures[k] + shift, arrival: trip.arrivals[k + 1] + shift))
                }
            }
        }
        byDeparture = connections.sorted { ($0.departure, $0.run, $0.position) < ($1.departure, $1.run, $1.position) }
        byArrival = connections.sorted { ($0.arrival, $0.run, $0.position) > ($1.arrival, $1.run, $1.position) }
    }

    func trip(ofRun run: Int) -> ModelTrip { model.trips[runs[run].trip] }

    private func canBoard(_ trip: ModelTrip, at position: Int) -> Bool {
        trip.pickup[position] && (!wheelchair || (trip.accessible && model.stopAccessible[trip.stops[position]]))
    }

    private func canAlight(_ trip: ModelTrip, at position: Int) -> Bool {
        trip.dropOff[position] && (!wheelchair || (trip.accessible && model.stopAccessible[trip.stops[position]]))
    }

    /// Earliest arrival at `target` leaving `origin` at or after `start`, with at most r rides,
    /// for r = 1 … maxRides (`never` where unreachable).
    func earliestArrivals(from origin: Int, to target: Int, at start: Int32, maxRides: Int) -> [Int32] {
        let n = model.stopCount
        var ready = [Int32](repeating: Self.never, count: n)
        ready[origin] = start
        for walk in model.walks[origin] { ready[walk.to] = min(ready[walk.to], start + walk.seconds) }
        var best = Self.never
        var result: [Int32] = []
        for _ in 1 ... maxRides {
            var arrival = [Int32](repeating: Self.never, count: n)
            var onBoard = [Bool](repeating: false, count: runs.count)
            for c in byDeparture {
                let trip = trip(ofRun: c.run)
                if !onBoard[c.run] && ready[c.from] <= c.departure && canBoard(trip, at: c.position) {
                    onBoard[c.run] = true
                }
                if onBoard[c.run] && canAlight(trip, at: c.position + 1) {
                    arrival[c.to] = min(arrival[c.to], c.arrival)
                }
            }
            for s in 0 ..< n where arrival[s] < Self.never {
                if s == target { best = min(best, arrival[s]) }
                if let walk = model.walk(from: s, to: target) { best = min(best, arrival[s] + walk) }
                if !model.forbidden[s] { ready[s] = min(ready[s], arrival[s] + model.minTransfer[s]) }
                for walk in model.walks[s] { ready[walk.to] = min(ready[walk.to], arrival[s] + walk.seconds) }
            }
            result.append(best)
        }
        return result
    }

    /// Latest departure from `origin` reaching `target` at or before `deadline`, with at most r
    /// rides, for r = 1 … maxRides (`-never` where impossible).
    func latestDepartures(from origin: Int, to target: Int, by deadline: Int32, maxRides: Int) -> [Int32] {
        let n = model.stopCount
        var ready = [Int32](repeating: -Self.never, count: n)  // latest arrival at the stop that still works
        ready[target] = deadline
        for u in 0 ..< n {
            if let walk = model.walk(from: u, to: target) { ready[u] = max(ready[u], deadline - walk) }
        }
        var best = -Self.never
        var result: [Int32] = []
        for _ in 1 ... maxRides {
            var departure = [Int32](repeating: -Self.never, count: n)
            var usable = [Bool](repeating: false, count: runs.count)
            for c in byArrival {
                let trip = trip(ofRun: c.run)
                if !usable[c.run] && c.arrival <= ready[c.to] && canAlight(trip, at: c.position + 1) {
                    usable[c.run] = true
                }
                if usable[c.run] && canBoard(trip, at: c.position) {
                    departure[c.from] = max(departure[c.from], c.departure)
                }
            }
            for s in 0 ..< n where departure[s] > -Self.never {
                if s == origin { best = max(best, departure[s]) }
                if let walk = model.walk(from: origin, to: s) { best = max(best, departure[s] - walk) }
                if !model.forbidden[s] { ready[s] = max(ready[s], departure[s] - model.minTransfer[s]) }
                for u in 0 ..< n {
                    if let walk = model.walk(from: u, to: s) { ready[u] = max(ready[u], departure[s] - walk) }
                }
            }
            result.append(best)
        }
        return result
    }

    /// The Pareto front (time, transfers) of per-ride-count bests: entries that improve on fewer rides.
    static func front(_ bests: [Int32], forward: Bool) -> [Point] {
        var points: [Point] = []
        var previous = forward ? never : -never
        for (r, time) in bests.enumerated() where forward ? time < previous : time > previous {
            points.append(Point(time: time, transfers: r))
            previous = time
        }
        return points
    }

    struct Point: Hashable, CustomStringConvertible {
        var time: Int32
        var transfers: Int
        var description: String { "\(GTFSTime.format(time))/\(transfers)" }
    }

    /// Departure times at `origin` (depart-at) or arrival times at `target` (arrive-by) within
    /// `range`: the candidate start times of a range query.
    /// The times a range query starts from: departures at the origin (forward) or arrivals at the
    /// target (backward) within `range`, and those one walk away, moved by the walk.
    func startTimes(at stop: Int, forward: Bool, in range: ClosedRange<Int32>) -> [Int32] {
        var times = Set(eventTimes(at: stop, forward: forward, in: range))
        for other in 0 ..< model.stopCount where other != stop {
            guard let walk = forward ? model.walk(from: stop, to: other) : model.walk(from: other, to: stop) else { continue }
            let shifted = forward ? range.lowerBound + walk ... range.upperBound + walk : range.lowerBound - walk ... range.upperBound - walk
            for t in eventTimes(at: other, forward: forward, in: shifted) { times.insert(forward ? t - walk : t + walk) }
        }
        return times.sorted()
    }

    func eventTimes(at stop: Int, forward: Bool, in range: ClosedRange<Int32>) -> [Int32] {
        var times = Set<Int32>()
        for c in byDeparture {
            let trip = trip(ofRun: c.run)
            if forward && c.from == stop && trip.pickup[c.position] && (!wheelchair || trip.accessible)
                && range.contains(c.departure)
            {
                times.insert(c.departure)
            }
            if !forward && c.to == stop && trip.dropOff[c.position + 1] && (!wheelchair || trip.accessible)
                && range.contains(c.arrival)
            {
                times.insert(c.arrival)
            }
        }
        return times.sorted()
    }
}
