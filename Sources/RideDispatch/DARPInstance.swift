//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A static dial-a-ride problem (DARP) in the form of Cordeau (2006): `n` requests, each a
/// pickup node `i` (1…n) and its drop-off `n + i`; node 0 is the depot (start and end of
/// every route). Times and distances share one unit (minutes in the benchmark; seconds when
/// built from the road model).
///
/// Invariants: `nodes.count == 2n + 1`; `travel[i][j]` is the travel time (= cost) i → j.
public struct DARPInstance: Sendable {
    public struct Node: Sendable, Hashable {
        public var x: Double
        public var y: Double
        /// Service duration at the node.
        public var service: Double
        /// +seats at a pickup, −seats at its drop-off, 0 at the depot.
        public var load: Int
        /// Wheelchair places: +1 at the pickup of a wheelchair user, −1 at the drop-off.
        public var wheelchair: Int
        public var earliest: Double
        public var latest: Double

        public init(x: Double, y: Double, service: Double, load: Int, wheelchair: Int = 0, earliest: Double, latest: Double) {
            self.x = x
            self.y = y
            self.service = service
            self.load = load
            self.wheelchair = wheelchair
            self.earliest = earliest
            self.latest = latest
        }
    }

    public var name: String
    public var vehicles: Int
    /// Seats per vehicle.
    public var capacity: Int
    /// Wheelchair places per vehicle.
    public var wheelchairCapacity: Int
    /// Maximum route duration (end of route − start of route).
    public var maxRouteDuration: Double
    /// Maximum ride time of a passenger (drop-off start − end of pickup service).
    public var maxRideTime: Double
    public var nodes: [Node]
    /// Travel times, `travel[i * nodeCount + j]`.
    public var travel: [Double]

    public var requestCount: Int { (nodes.count - 1) / 2 }
    public var nodeCount: Int { nodes.count }

    public init(
        name: String, vehicles: Int, capacity: Int, wheelchairCapacity: Int = 0, maxRouteDuration: Double,
        maxRideTime: Double, nodes: [Node], travel: [Double]? = nil
    ) {
        self.name = name
        self.vehicles = vehicles
        self.capacity = capacity
        self.wheelchairCapacity = wheelchairCapacity
        self.maxRouteDuration = maxRouteDuration
        self.maxRideTime = maxRideTime
        self.nodes = nodes
        if let travel {
            self.travel = travel
        } else {
            var matrix = [Double](repeating: 0, count: nodes.count * nodes.count)
            for i in nodes.indices {
                for j in nodes.indices {
                    let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y
                    matrix[i * nodes.count + j] = (dx * dx + dy * dy).squareRoot()
                }
            }
            self.travel = matrix
        }
    }

    @inline(__always) public func time(_ i: Int, _ j: Int) -> Double { travel[i * nodes.count + j] }

    /// The drop-off node of pickup `i`.
    @inline(__always) public func dropOff(of pickup: Int) -> Int { pickup + requestCount }
}
