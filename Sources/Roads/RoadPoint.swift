//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A coordinate snapped to a profile's network (ROADS.md: the nearest node of the largest
/// strongly connected component, ties to the smaller OSM id).
public struct RoadPoint: Sendable, Hashable {
    public var profile: RoadProfile
    /// The node's index in the profile's graph.
    var node: Int32
    /// The OSM id of the node snapped to.
    public var osmID: Int64
    /// The node's position, degrees.
    public var latitude: Double
    public var longitude: Double
    /// Metres from the given coordinate to the node (haversine).
    public var snapMetres: Double
}

/// Why a coordinate has no point on the network.
public enum SnapFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The nearest node is farther than the caller's limit (metres).
    case tooFarFromRoad(profile: RoadProfile, metres: Double, limit: Double)
    /// The profile's network has no node at all (an extract without such ways).
    case emptyNetwork(profile: RoadProfile)

    public var description: String {
        switch self {
        case .tooFarFromRoad(let profile, let metres, let limit):
            "the nearest \(profile) road is \(Int(metres.rounded())) m away (more than \(Int(limit)) m)"
        case .emptyNetwork(let profile):
            "the road network has no \(profile) roads"
        }
    }
}

/// The fastest way between two points of one profile.
public struct RoadRoute: Sendable, Hashable {
    /// Seconds (at the speed asked for foot and wheelchair).
    public var seconds: Double
    /// Metres along one fastest path.
    public var metres: Double
    /// The OSM nodes along the path, from the first snapped node to the last, when geometry
    /// was asked; empty otherwise.
    public var geometry: [PathNode] = []

    /// One node of a path: its OSM id and position in degrees.
    public struct PathNode: Sendable, Hashable {
        public var osmID: Int64
        public var latitude: Double
        public var longitude: Double
    }

    init(seconds: Double, metres: Double) {
        self.seconds = seconds
        self.metres = metres
    }
}
