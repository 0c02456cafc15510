//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// What a route leaves free at each gap between its stops, for rejecting an insertion without
/// evaluating the new route: necessary conditions only, so an insertion they reject is one the
/// evaluation would reject too (it accepts only feasible routes), and the search chooses
/// exactly what it chose without them, after fewer evaluations.
///
/// Gap `g` (0…m for m stops) is the place before stop `g` (after stop `g − 1`; gap 0 follows
/// the depot, gap m comes before the return).
struct RouteRoom {
    /// Seats and wheelchair places taken while the vehicle drives through gap `g`.
    var seats: [Int] = [0]
    var chairs: [Int] = [0]
    /// The least ride-time room, over the requests on board through gap `g`, between their
    /// ride-time limit and the shortest ride the route's path allows them (its drives and the
    /// services between their pickup and drop-off, no waiting); `.infinity` when nobody is on
    /// board. A stop put into gap `g` lengthens that path by its detour and its service, so a
    /// detour beyond this room breaks somebody's ride-time limit, whatever the schedule.
    var rideSlack: [Double] = [.infinity]
    /// Requests on board through gap `g`: each rides a stop's detour longer when one is put
    /// there (the cost of the passengers' time, `DARPInstance.rideTimeWeight`).
    var riders: [Int] = [0]
    /// Places taken in the instance's lanes through gap `g` (empty when it has no lanes).
    var places: [SIMD8<Int16>] = []
    /// Target groups on board through gap `g` (``DARPInstance/groupLoad``; empty without groups).
    var groups: [SIMD8<Int16>] = []
    /// Gaps between a request that must be dropped off right after its pickup and its drop-off:
    /// no stop may go there (empty when no request of the route is such).
    var sealed: [Bool] = []

    init() {}

    /// - Complexity: O(m²) for m stops.
    init(_ route: [Int], instance: DARPInstance) {
        let m = route.count, n = instance.requestCount, nodes = instance.nodes
        seats = [Int](repeating: 0, count: m + 1)
        chairs = [Int](repeating: 0, count: m + 1)
        rideSlack = [Double](repeating: .infinity, count: m + 1)
        riders = [Int](repeating: 0, count: m + 1)
        for k in 0 ..< m {
            seats[k + 1] = seats[k] + nodes[route[k]].load
            chairs[k + 1] = chairs[k] + nodes[route[k]].wheelchair
        }
        if !instance.placeLoad.isEmpty {
            places = [SIMD8<Int16>](repeating: .zero, count: m + 1)
            for k in 0 ..< m { places[k + 1] = places[k] &+ instance.placeLoad[route[k]] }
        }
        if !instance.groupLoad.isEmpty {
            groups = [SIMD8<Int16>](repeating: .zero, count: m + 1)
            for k in 0 ..< m { groups[k + 1] = groups[k] &+ instance.groupLoad[route[k]] }
        }
        for k in 0 ..< m where route[k] <= n && instance.isConsecutive(route[k]) {
            if sealed.isEmpty { sealed = [Bool](repeating: false, count: m + 1) }
            sealed[k + 1] = true
        }
        // Path length from the begin of stop 0 to the begin of stop k, waiting aside.
        var path = [Double](repeating: 0, count: max(m, 1))
        for k in stride(from: 1, to: m, by: 1) {
            path[k] = path[k - 1] + nodes[route[k - 1]].service + instance.time(route[k - 1], route[k])
        }
        for (p, node) in route.enumerated() where node <= n {
            guard let d = route[(p + 1)...].firstIndex(of: node + n) else { continue }
            let shortest = path[d] - path[p] - nodes[node].service
            let room = instance.maxRide(node) - shortest
            for g in (p + 1) ... d {
                rideSlack[g] = min(rideSlack[g], room)
                riders[g] += 1
            }
        }
    }
}
