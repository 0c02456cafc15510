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
        /// The time service should begin when the route leaves room (the agreed pickup time of a
        /// booked ride, inside [earliest, latest]); `nil` when any time in the window is as good
        /// (the benchmark instances). Schedules move service towards it, never past the window.
        public var target: Double?

        public init(
            x: Double, y: Double, service: Double, load: Int, wheelchair: Int = 0, earliest: Double, latest: Double, target: Double? = nil
        ) {
            self.x = x
            self.y = y
            self.service = service
            self.load = load
            self.wheelchair = wheelchair
            self.earliest = earliest
            self.latest = latest
            self.target = target
        }
    }

    /// A vehicle of a heterogeneous fleet (daily dispatch): its own depot, shift and places.
    /// Volunteers are vehicles too: their availability window is the shift, their home the depot.
    public struct Vehicle: Sendable, Hashable {
        public var name: String
        /// Node index of the depot (after the 2n request nodes).
        public var depot: Int
        public var start: Double
        public var end: Double
        public var seats: Int
        public var wheelchairPlaces: Int
        /// Only requests of this kind (0 = any).
        public var kind: Int
        /// At most this many requests (volunteers' rides per day).
        public var maxRequests: Int
        /// Room in each lane of ``DARPInstance/placeLoad`` (what a lane means is the caller's:
        /// scooter places, front seats, …); a lane the vehicle does not limit holds `Int16.max`.
        public var places: SIMD8<Int16> = SIMD8(repeating: .max)
        /// Equipment the vehicle has, as bits (the caller's meaning: a lift, a low floor, …); a
        /// request needing a bit the vehicle lacks never rides in it.
        public var equipment: UInt32 = 0

        public init(name: String, depot: Int, start: Double, end: Double, seats: Int, wheelchairPlaces: Int, kind: Int = 0, maxRequests: Int = .max) {
            self.name = name
            self.depot = depot
            self.start = start
            self.end = end
            self.seats = seats
            self.wheelchairPlaces = wheelchairPlaces
            self.kind = kind
            self.maxRequests = maxRequests
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
    /// Travel times, `travel[i * nodeCount + j]`; empty when `travelTime` answers instead.
    public var travel: [Double]
    /// Travel times on demand (minutes from node i to node j), for days too large for a
    /// matrix: a region's day of 3,000 rides would need 40 million entries, while a search only
    /// ever asks for the times between stops that can share a route.
    public var travelTime: (@Sendable (Int, Int) -> Double)?
    /// An upper bound of any travel time the search may ask for (the penalty of an unserved
    /// request is built on it); `nil`: the largest finite entry of `travel`.
    public var longestTravel: Double?
    /// Route cost per minute a passenger spends on board, counted on the route's path without
    /// waiting (drives and the stops in between, from the end of the pickup to the drop-off):
    /// 0 for the benchmark's objective (driving only); a day's dispatch may weigh its
    /// passengers' time against the vehicles' (1: a passenger-minute costs as much as a
    /// vehicle-minute). Waiting is left out, so the cost of an insertion stays exact and cheap.
    public var rideTimeWeight: Double = 0

    /// The heterogeneous fleet; empty for the homogeneous benchmark (node 0 the only depot).
    public var fleet: [Vehicle] = []
    /// Maximum ride time per request (index = pickup node); empty: `maxRideTime` for all.
    public var requestMaxRide: [Double] = []
    /// Kind of vehicle each request needs (index = pickup node; 0 = any); empty: any.
    public var requestKind: [Int] = []
    /// Places each node takes in the lanes of ``Vehicle/places``: positive at a pickup, the
    /// same negated at its drop-off (index = node); empty: no lanes (the benchmark). While a
    /// request is on board its places count in every lane, so a lane can also exclude sharing:
    /// a request that takes all of a lane rides alone in it.
    public var placeLoad: [SIMD8<Int16>] = []
    /// Equipment bits each request needs (index = pickup node); empty: none.
    public var requestEquipment: [UInt32] = []
    /// Requests whose drop-off must be the stop right after their pickup (picked up last,
    /// dropped off first; index = pickup node); empty: none.
    public var requestConsecutive: [Bool] = []
    /// Target groups on board (index = node; positive at a pickup, negated at its drop-off):
    /// lanes 0…3 count the riders of groups 0…3, lanes 4…7 those of them who share the vehicle
    /// only with their own group. Empty: no groups (everyone may share). See ``groupsClash(_:)``.
    public var groupLoad: [SIMD8<Int16>] = []
    /// Number of requests (nodes 1…n pickups, n+1…2n drop-offs; depots of the fleet follow).
    public private(set) var requestCount: Int

    /// Routes to fill: one per vehicle of the fleet, or `vehicles` for the benchmark.
    public var routeCount: Int { fleet.isEmpty ? vehicles : fleet.count }

    @inline(__always) public func maxRide(_ pickup: Int) -> Double {
        requestMaxRide.isEmpty ? maxRideTime : requestMaxRide[pickup]
    }

    /// The depot, shift and capacities of route `v`.
    @inline(__always) func terms(_ v: Int) -> (depot: Int, start: Double, end: Double, seats: Int, chairs: Int, duration: Double, kind: Int, maxRequests: Int) {
        if fleet.isEmpty {
            return (0, nodes[0].earliest, nodes[0].latest, capacity, wheelchairCapacity, maxRouteDuration, 0, .max)
        }
        let f = fleet[v]
        return (f.depot, f.start, f.end, f.seats, f.wheelchairPlaces, min(maxRouteDuration, f.end - f.start), f.kind, f.maxRequests)
    }
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
        self.requestCount = (nodes.count - 1) / 2
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

    @inline(__always) public func time(_ i: Int, _ j: Int) -> Double {
        if let travelTime { return travelTime(i, j) }
        return travel[i * nodes.count + j]
    }

    /// An instance for a day: `requests` requests, then one depot node per vehicle of `fleet`.
    public init(
        name: String, requests: Int, nodes: [Node], travel: [Double], fleet: [Vehicle], maxRide: [Double], kinds: [Int],
        maxRouteDuration: Double = 24 * 60
    ) {
        self.init(
            name: name, vehicles: fleet.count, capacity: fleet.map(\.seats).max() ?? 0,
            wheelchairCapacity: fleet.map(\.wheelchairPlaces).max() ?? 0, maxRouteDuration: maxRouteDuration,
            maxRideTime: maxRide.max() ?? 0, nodes: nodes, travel: travel)
        self.requestCount = requests
        self.fleet = fleet
        self.requestMaxRide = maxRide
        self.requestKind = kinds
    }

    /// Whether route `v`'s vehicle has every piece of equipment request `pickup` needs.
    @inline(__always) func equipped(_ v: Int, for pickup: Int) -> Bool {
        requestEquipment.isEmpty || fleet.isEmpty || requestEquipment[pickup] & ~fleet[v].equipment == 0
    }

    /// Whether the riders counted in `onBoard` (lanes of ``groupLoad``) may not ride together: one
    /// who keeps to their own group is on board with a rider of another group.
    @inline(__always) public static func groupsClash(_ onBoard: SIMD8<Int16>) -> Bool {
        for g in 0 ..< 4 where onBoard[4 + g] > 0 {
            for h in 0 ..< 4 where h != g && onBoard[h] > 0 { return true }
        }
        return false
    }

    /// Whether request `request` (its pickup's ``groupLoad``) clashes with riders whose group
    /// counts at some of the gaps it rides through are at most `most` (lane by lane): exact,
    /// as a clash involves the new rider at one gap.
    @inline(__always) static func groupsClash(adding request: SIMD8<Int16>, toAtMost most: SIMD8<Int16>) -> Bool {
        guard let own = (0 ..< 4).first(where: { request[$0] > 0 }) else { return false }
        let keepsToOwn = request[4 + own] > 0
        for g in 0 ..< 4 where g != own {
            if most[4 + g] > 0 { return true }
            if keepsToOwn && most[g] > 0 { return true }
        }
        return false
    }

    /// Whether request `pickup` must be dropped off right after it is picked up.
    @inline(__always) func isConsecutive(_ pickup: Int) -> Bool {
        !requestConsecutive.isEmpty && pickup < requestConsecutive.count && requestConsecutive[pickup]
    }

    /// The lanes' room of route `v`.
    @inline(__always) func places(_ v: Int) -> SIMD8<Int16> {
        fleet.isEmpty ? SIMD8(repeating: .max) : fleet[v].places
    }

    /// The drop-off node of pickup `i`.
    @inline(__always) public func dropOff(of pickup: Int) -> Int { pickup + requestCount }
}
