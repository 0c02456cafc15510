//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A prepared street network of the three profiles (car, foot, wheelchair) of one OSM extract:
/// what a `.roads` file holds. Immutable and `Sendable`; queries run on a ``RoadRouter``,
/// which holds the per-query scratch memory.
public struct RoadNetwork: Sendable {
    /// Where it came from (the PBF file name), for "road network: …" in answers.
    public var source: String
    /// The bounding box the extract was clipped to, if any.
    public var clip: BoundingBox?
    var profiles: [ProfileNetwork]

    init(source: String, clip: BoundingBox?, profiles: [ProfileNetwork]) {
        self.source = source
        self.clip = clip
        self.profiles = profiles
    }

    /// Prepares all three profiles of an extract.
    public init(extract: OSMExtract, source: String, clip: BoundingBox? = nil) {
        self.init(source: source, clip: clip, profiles: RoadProfile.allCases.map { ProfileNetwork(graph: ProfileGraph(extract: extract, profile: $0)) })
    }

    func network(_ profile: RoadProfile) -> ProfileNetwork {
        profiles[RoadProfile.allCases.firstIndex(of: profile)!]
    }

    /// Snaps a coordinate (degrees) to the profile's network; with `limit` (metres), a point
    /// farther than that from every node of it is refused.
    public func snap(_ profile: RoadProfile, latitude: Double, longitude: Double, limit: Double? = nil) -> Result<RoadPoint, SnapFailure> {
        let net = network(profile)
        guard let (node, metres) = net.snapper.nearest(latitude: latitude, longitude: longitude, latitudes: net.latitudes, longitudes: net.longitudes, osmIDs: net.osmIDs) else {
            return .failure(.emptyNetwork(profile: profile))
        }
        if let limit, metres > limit { return .failure(.tooFarFromRoad(profile: profile, metres: metres, limit: limit)) }
        return .success(RoadPoint(
            profile: profile, node: node, osmID: net.osmIDs[Int(node)],
            latitude: Double(net.latitudes[Int(node)]) / 1e7, longitude: Double(net.longitudes[Int(node)]) / 1e7, snapMetres: metres))
    }

    /// Summary figures of one profile.
    public func summary(_ profile: RoadProfile) -> ProfileSummary {
        let net = network(profile)
        let s = net.statistics
        return ProfileSummary(
            profile: profile, nodes: net.nodeCount, arcs: s.arcs, segments: s.segments, waysUsed: s.waysUsed, waysRead: s.waysRead,
            componentNodes: s.componentNodes, components: s.components, shortcuts: s.shortcuts, kilometres: s.totalMetres / 1000,
            missingNodeReferences: s.missingNodeReferences, memoryBytes: net.memoryBytes,
            treeHeight: net.hierarchy.treeParent.isEmpty ? nil : EliminationTree.height(of: net.hierarchy.treeParent))
    }

    /// The corners of all nodes of all profiles, degrees; `nil` when the network is empty.
    public var bounds: BoundingBox? {
        var minLat = Int32.max, maxLat = Int32.min, minLon = Int32.max, maxLon = Int32.min
        for net in profiles {
            for i in 0..<net.nodeCount {
                minLat = min(minLat, net.latitudes[i]); maxLat = max(maxLat, net.latitudes[i])
                minLon = min(minLon, net.longitudes[i]); maxLon = max(maxLon, net.longitudes[i])
            }
        }
        guard minLat <= maxLat else { return nil }
        return BoundingBox(minLongitude: Double(minLon) / 1e7, minLatitude: Double(minLat) / 1e7, maxLongitude: Double(maxLon) / 1e7, maxLatitude: Double(maxLat) / 1e7)
    }

    /// Bytes the network's arrays hold in memory.
    public var memoryBytes: Int { profiles.reduce(0) { $0 + $1.memoryBytes } }
}

/// The figures `goan roads info` prints for one profile.
public struct ProfileSummary: Sendable, Hashable {
    public var profile: RoadProfile
    public var nodes: Int
    public var arcs: Int
    public var segments: Int
    public var waysUsed: Int
    public var waysRead: Int
    /// Nodes of the largest strongly connected component (where points snap), and how many
    /// components there are.
    public var componentNodes: Int
    public var components: Int
    public var shortcuts: Int
    public var kilometres: Double
    public var missingNodeReferences: Int
    public var memoryBytes: Int
    /// Nodes on the longest path to the root of the hierarchy's elimination tree (what bounds a
    /// query's work) when it is ordered by nested dissection; `nil` for the greedy order.
    public var treeHeight: Int?
}

/// Queries on a ``RoadNetwork``. Holds scratch memory proportional to the network (reused
/// across queries, reset by timestamps): make one per thread or task, not one per query.
public struct RoadRouter: Sendable {
    public let network: RoadNetwork
    /// Per profile: the search its hierarchy's order calls for, made on first use.
    private var searches: [(any PointToPointSearch)?]

    public init(network: RoadNetwork) {
        self.network = network
        searches = Array(repeating: nil, count: network.profiles.count)
    }

    /// The fastest way between two snapped points of one profile; `speed` (m/s) for foot and
    /// wheelchair (their defaults when `nil`; ignored for car). `nil` when `to` cannot be
    /// reached (never between two points of the largest component).
    public mutating func route(from: RoadPoint, to: RoadPoint, speed: Double? = nil, geometry: Bool = false) -> RoadRoute? {
        precondition(from.profile == to.profile, "a route joins two points of one profile")
        let p = RoadProfile.allCases.firstIndex(of: from.profile)!
        let ch = network.profiles[p].hierarchy
        let rankFrom = ch.rank[Int(from.node)], rankTo = ch.rank[Int(to.node)]
        if searches[p] == nil { searches[p] = ch.treeParent.isEmpty ? HierarchyQuery(nodeCount: ch.nodeCount) : TreeQuery(nodeCount: ch.nodeCount) }
        guard let answer = searches[p]!.run(ch, from: rankFrom, to: rankTo, path: geometry) else { return nil }
        var route = RoadRoute(seconds: Double(answer.ticks) * network.profiles[p].secondsPerTick(speed: speed), metres: Double(answer.centimetres) / 100)
        if geometry {
            let net = network.profiles[p]
            route.geometry = answer.path.map { r in
                let v = Int(net.hierarchy.node[Int(r)])
                return RoadRoute.PathNode(osmID: net.osmIDs[v], latitude: Double(net.latitudes[v]) / 1e7, longitude: Double(net.longitudes[v]) / 1e7)
            }
        }
        return route
    }

    /// Seconds and metres from every source to every target (row-major, sources × targets);
    /// `nil` entries cannot be reached.
    public func matrix(_ profile: RoadProfile, sources: [RoadPoint], targets: [RoadPoint], speed: Double? = nil) -> RoadMatrix {
        let net = network.network(profile)
        let ch = net.hierarchy
        let table = HierarchyMatrix.table(ch, sources: sources.map { ch.rank[Int($0.node)] }, targets: targets.map { ch.rank[Int($0.node)] })
        let perTick = net.secondsPerTick(speed: speed)
        return RoadMatrix(
            rows: sources.count, columns: targets.count,
            seconds: table.ticks.map { $0 == .max ? nil : Double($0) * perTick },
            metres: zip(table.ticks, table.centimetres).map { $0 == .max ? nil : Double($1) / 100 })
    }
}

/// A table of road times: `seconds[row * columns + column]`.
public struct RoadMatrix: Sendable, Hashable {
    public var rows: Int
    public var columns: Int
    public var seconds: [Double?]
    public var metres: [Double?]

    public subscript(row: Int, column: Int) -> (seconds: Double, metres: Double)? {
        guard let s = seconds[row * columns + column], let m = metres[row * columns + column] else { return nil }
        return (s, m)
    }
}
