//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// "Can this new ride still be taken by some vehicle given today's plan, and at what extra
/// cost?" — answered without re-solving: the cheapest feasible insertion of the ride into each
/// route of the current plan (the same insertion search the solver's repair step uses).
public struct InsertionCheck {
    public private(set) var instance: DARPInstance
    public private(set) var plan: DARPSolution

    public init(instance: DARPInstance, plan: DARPSolution) {
        self.instance = instance
        self.plan = plan
    }

    /// The answer: the vehicle (route index), the extra travel cost, and the route with the ride.
    public struct Answer: Sendable, Hashable {
        public var vehicle: Int
        public var extraCost: Double
        public var route: [Int]
    }

    /// Checks a new ride with the given pickup and drop-off nodes (load, windows, position).
    ///
    /// - Returns: the cheapest vehicle that can still take it, or `nil` when none can.
    /// - Complexity: O(vehicles × positions²) cheap tests, plus a route evaluation for each
    ///   candidate position until the first feasible one per vehicle.
    public func check(pickup: DARPInstance.Node, dropOff: DARPInstance.Node) -> Answer? {
        let (extended, remap) = instance.appending(pickup: pickup, dropOff: dropOff)
        var solver = DARPSolver(instance: extended, seed: 0)
        let newPickup = extended.requestCount
        var best: Answer?
        for (index, route) in plan.routes.enumerated() {
            let mapped = route.map(remap)
            guard let (delta, newRoute) = solver.bestInsertion(of: newPickup, into: mapped, vehicle: index, noise: false) else { continue }
            if best == nil || delta < best!.extraCost { best = Answer(vehicle: index, extraCost: delta, route: newRoute) }
        }
        return best
    }
}

extension DARPInstance {
    /// The instance with one more request (its pickup becomes node n + 1, its drop-off 2n + 2),
    /// and the renumbering of the old nodes (drop-offs move up by one).
    public func appending(pickup: Node, dropOff: Node, maxRide: Double? = nil, kind: Int = 0) -> (DARPInstance, (Int) -> Int) {
        let n = requestCount
        var nodes = Array(self.nodes[0 ... n])
        nodes.append(pickup)
        nodes.append(contentsOf: self.nodes[(n + 1) ... (2 * n)])
        nodes.append(dropOff)
        nodes.append(contentsOf: self.nodes[(2 * n + 1)...])  // the fleet's depots, if any
        // Old node k maps to k (depot 0, pickups), k + 1 (drop-offs) or k + 2 (fleet depots).
        let remap: (Int) -> Int = { $0 <= n ? $0 : ($0 <= 2 * n ? $0 + 1 : $0 + 2) }
        let count = nodes.count, oldCount = nodeCount
        var travel = [Double](repeating: 0, count: count * count)
        var oldOf = [Int](repeating: -1, count: count)
        for k in 0 ..< oldCount { oldOf[remap(k)] = k }
        for i in 0 ..< count {
            for j in 0 ..< count {
                if oldOf[i] >= 0 && oldOf[j] >= 0 {
                    travel[i * count + j] = self.travel[oldOf[i] * oldCount + oldOf[j]]
                } else {
                    let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y
                    travel[i * count + j] = (dx * dx + dy * dy).squareRoot()
                }
            }
        }
        var extended = DARPInstance(
            name: name, vehicles: vehicles, capacity: capacity, wheelchairCapacity: wheelchairCapacity,
            maxRouteDuration: maxRouteDuration, maxRideTime: maxRideTime, nodes: Array(nodes[0 ... 2 * n + 2]), travel: nil)
        if fleet.isEmpty {
            extended.travel = travel
        } else {
            var fleet = self.fleet
            for index in fleet.indices { fleet[index].depot += 2 }
            extended = DARPInstance(
                name: name, requests: n + 1, nodes: nodes, travel: travel, fleet: fleet,
                maxRide: requestMaxRide.isEmpty ? [] : requestMaxRide + [maxRide ?? maxRideTime],
                kinds: requestKind.isEmpty ? [] : requestKind + [kind], maxRouteDuration: maxRouteDuration)
        }
        return (extended, remap)
    }
}
