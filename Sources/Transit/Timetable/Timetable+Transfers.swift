//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
public import GTFS

/// Seconds of walking from one point to each of several (`nil`: no walk), from a street
/// network: what footpaths between stops take instead of the straight-line estimate.
public typealias WalkingTimes = (Coordinate, [Coordinate]) -> [Int32?]

extension Timetable {
    /// Fills same-stop transfer times, forbidden transfers and footpaths.
    ///
    /// transfers.txt, stop to same stop: type 0 → the default time, 1 → 0 s, 2 →
    /// `min_transfer_time`, 3 → changing there is forbidden. Stop to other stop: a footpath of
    /// `min_transfer_time` seconds (type 1 without a time: 0 s; else the walking time of the
    /// distance); type 3 removes the link. Rows naming routes or trips are only honoured when
    /// they forbid a change (type 3); others are ignored, as in nigiri.
    /// With `walkingTimes`, a footpath takes the network's walking time where the network
    /// covers both stops, and the straight-line estimate elsewhere.
    static func buildTransfers(feed: Feed, options: TimetableOptions, walkingTimes: WalkingTimes?, parts: inout TimetableParts) {
        let n = feed.stops.count
        var minTransfer = ContiguousArray<Int32>(repeating: options.defaultMinTransferTime, count: n)
        var forbiddenHere = ContiguousArray<Bool>(repeating: false, count: n)
        var links = [[Int32: Int32]](repeating: [:], count: n)
        var forbiddenLinks = Set<[Int32]>()
        var hasSpecific = ContiguousArray<Bool>(repeating: false, count: n)

        func walkSeconds(_ a: Int, _ b: Int) -> Int32 {
            if let walkingTimes, let seconds = walkingTimes(feed.stops[a].coordinate, [feed.stops[b].coordinate])[0] { return seconds }
            return options.walkingTime(metres: feed.stops[a].coordinate.distance(to: feed.stops[b].coordinate))
        }

        // Generated links first, so transfers.txt rows override them.
        if options.footpaths == .generated {
            addNearbyLinks(feed: feed, options: options, walkingTimes: walkingTimes, links: &links)
        }
        var explicitSelf = Set<Int32>()
        var explicitPairs = Set<[Int32]>()
        for transfer in feed.transfers {
            let from = transfer.fromStop, to = transfer.toStop
            if transfer.isSpecific {
                if transfer.kind == .notPossible {
                    parts.specificForbiddenTransfers.append(transfer)
                    hasSpecific[Int(to)] = true
                    hasSpecific[Int(from)] = true
                }
                continue
            }
            if from == to {
                switch transfer.kind {
                case .recommended:
                    if !explicitSelf.contains(from) { minTransfer[Int(from)] = options.defaultMinTransferTime }
                case .timed: minTransfer[Int(from)] = explicitSelf.contains(from) ? min(minTransfer[Int(from)], 0) : 0
                case .minimumTime:
                    let value = transfer.minTransferTime ?? options.defaultMinTransferTime
                    minTransfer[Int(from)] = explicitSelf.contains(from) ? min(minTransfer[Int(from)], value) : value
                case .notPossible: forbiddenHere[Int(from)] = true
                case .inSeat, .inSeatNotAllowed: continue
                }
                explicitSelf.insert(from)
                continue
            }
            switch transfer.kind {
            case .notPossible:
                forbiddenLinks.insert([from, to])
            case .inSeat, .inSeatNotAllowed:
                continue
            case .recommended, .timed, .minimumTime:
                let seconds = transfer.minTransferTime ?? (transfer.kind == .timed ? 0 : walkSeconds(Int(from), Int(to)))
                // The first row for a pair wins over later duplicates, but replaces generated links.
                if explicitPairs.contains([from, to]) { continue }
                explicitPairs.insert([from, to])
                links[Int(from)][to] = seconds
            }
        }
        for pair in forbiddenLinks { links[Int(pair[0])][pair[1]] = nil }

        var outgoing = [[Footpath]](repeating: [], count: n)
        var incoming = [[Footpath]](repeating: [], count: n)
        for from in 0 ..< n {
            for (to, seconds) in links[from].sorted(by: { $0.key < $1.key }) where Int(to) != from {
                outgoing[from].append(Footpath(stop: UInt32(to), duration: seconds))
                incoming[Int(to)].append(Footpath(stop: UInt32(from), duration: seconds))
            }
        }
        parts.minTransferTime = minTransfer
        parts.sameStopTransferForbidden = forbiddenHere
        parts.footpaths = JaggedArray(rows: outgoing)
        parts.incomingFootpaths = JaggedArray(rows: incoming)
        parts.stopHasSpecificRules = hasSpecific
    }

    /// Links every pair of stops closer than `maxWalkDistance`, and all stops of one station,
    /// using a grid of cells about as large as the distance.
    private static func addNearbyLinks(feed: Feed, options: TimetableOptions, walkingTimes: WalkingTimes?, links: inout [[Int32: Int32]]) {
        let stops = feed.stops
        let usable = stops.indices.filter {
            (stops[$0].locationType == .stopOrPlatform || stops[$0].locationType == .boardingArea)
                && !(stops[$0].latitude == 0 && stops[$0].longitude == 0)
        }
        let cellDegrees = max(options.maxWalkDistance, 1) / 111_000
        struct Cell: Hashable {
            var x: Int
            var y: Int
        }
        var grid: [Cell: [Int]] = [:]
        func cell(_ s: Int) -> Cell {
            Cell(x: Int((stops[s].longitude * cos(stops[s].latitude * .pi / 180) / cellDegrees).rounded(.down)),
                 y: Int((stops[s].latitude / cellDegrees).rounded(.down)))
        }
        for s in usable { grid[cell(s), default: []].append(s) }
        for s in usable {
            let c = cell(s)
            var near: [Int] = []
            for dx in -1 ... 1 {
                for dy in -1 ... 1 {
                    for other in grid[Cell(x: c.x + dx, y: c.y + dy)] ?? [] where other != s {
                        let metres = stops[s].coordinate.distance(to: stops[other].coordinate)
                        if metres <= options.maxWalkDistance {
                            if walkingTimes == nil {
                                links[s][Int32(other)] = options.walkingTime(metres: metres)
                            } else {
                                near.append(other)
                            }
                        }
                    }
                }
            }
            if let walkingTimes, !near.isEmpty {
                // A stop beyond the network's edge keeps the estimate: the network cannot say.
                for (other, seconds) in zip(near, walkingTimes(stops[s].coordinate, near.map { stops[$0].coordinate })) {
                    links[s][Int32(other)] = seconds ?? options.walkingTime(metres: stops[s].coordinate.distance(to: stops[other].coordinate))
                }
            }
        }
        // Platforms of one station are always linked, however far apart.
        var members: [Int32: [Int]] = [:]
        for s in usable {
            if let parent = stops[s].parent { members[parent, default: []].append(s) }
        }
        for group in members.values where group.count > 1 {
            for a in group {
                for b in group where a != b && links[a][Int32(b)] == nil {
                    let metres = stops[a].coordinate.distance(to: stops[b].coordinate)
                    let network = walkingTimes?(stops[a].coordinate, [stops[b].coordinate])[0]
                    links[a][Int32(b)] = max(network ?? options.walkingTime(metres: metres), 60)
                }
            }
        }
    }

    /// Whether a transfers.txt row naming routes or trips forbids changing from timetable trip
    /// `fromTrip` (alighting at `fromStop`) to timetable trip `toTrip` (boarding at `toStop`).
    func forbidsTransfer(fromTrip: Int, at fromStop: Int, toTrip: Int, at toStop: Int) -> Bool {
        let fromFeedTrip = Int32(feedTrip[fromTrip]), toFeedTrip = Int32(feedTrip[toTrip])
        let fromRoute = feed.trips[Int(fromFeedTrip)].route, toRoute = feed.trips[Int(toFeedTrip)].route
        return specificForbiddenTransfers.contains { rule in
            rule.fromStop == Int32(fromStop) && rule.toStop == Int32(toStop)
                && (rule.fromTrip == nil || rule.fromTrip == fromFeedTrip) && (rule.toTrip == nil || rule.toTrip == toFeedTrip)
                && (rule.fromRoute == nil || rule.fromRoute == fromRoute) && (rule.toRoute == nil || rule.toRoute == toRoute)
        }
    }
}
