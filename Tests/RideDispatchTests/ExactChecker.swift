//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import RideDispatch

/// An independent, exact feasibility test for one route (as check_darp.py does): the service
/// start times B form a system of difference constraints — travel, time windows, ride times,
/// route duration — which is feasible iff its constraint graph has no negative cycle
/// (Bellman–Ford). Written apart from the solver's eight-step evaluation on purpose.
enum ExactChecker {
    static func isFeasible(_ route: [Int], _ instance: DARPInstance) -> Bool {
        if route.isEmpty { return true }
        let n = instance.requestCount
        // Load and order.
        var load = 0
        var position: [Int: Int] = [:]
        for (p, node) in route.enumerated() {
            position[node] = p + 1
            load += instance.nodes[node].load
            if load > instance.capacity || load < 0 { return false }
        }
        for node in route where node <= n {
            guard let dropPosition = position[node + n], dropPosition > position[node]! else { return false }
        }
        // Variables: x0 = departure from the depot, x1…xm = service starts, x(m+1) = return.
        let m = route.count
        let stops = [0] + route + [0]
        func service(_ p: Int) -> Double { p == 0 || p == m + 1 ? 0 : instance.nodes[stops[p]].service }
        var edges: [(Int, Int, Double)] = []  // x_v - x_u <= w  as edge u -> v with weight w
        let source = m + 2
        for p in 0 ... m + 1 {
            let node = stops[p]
            let lo = p == m + 1 ? instance.nodes[0].earliest : instance.nodes[node].earliest
            let hi = p == m + 1 ? instance.nodes[0].latest : instance.nodes[node].latest
            edges.append((source, p, hi))  // x_p - s <= hi
            edges.append((p, source, -lo))  // s - x_p <= -lo
            if p > 0 {
                // x_p >= x_{p-1} + service + travel
                edges.append((p, p - 1, -(service(p - 1) + instance.time(stops[p - 1], node))))
            }
        }
        for (p, node) in stops.enumerated() where p > 0 && p <= m && node <= n {
            let d = position[node + n]!
            // ride: x_d - (x_p + s_p) <= L
            edges.append((p, d, instance.maxRideTime + service(p)))
        }
        edges.append((0, m + 1, instance.maxRouteDuration))
        return hasNoNegativeCycle(edges, nodes: m + 3)
    }

    /// Bellman–Ford from a virtual source at distance 0 to every node: the difference
    /// constraints `x_v − x_u ≤ w` (arcs u → v of weight w) hold together iff no cycle is
    /// negative, i.e. the distances settle within `nodes` rounds.
    static func hasNoNegativeCycle(_ arcs: [(Int, Int, Double)], nodes: Int) -> Bool {
        var distance = [Double](repeating: 0, count: nodes)
        for _ in 0 ... nodes {
            var changed = false
            for (u, v, w) in arcs where distance[u] + w < distance[v] - 1e-9 {
                distance[v] = distance[u] + w
                changed = true
            }
            if !changed { return true }
        }
        return false
    }
}
