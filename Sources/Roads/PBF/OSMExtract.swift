//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// One OSM way with a `highway` tag, as the road profiles need it.
public struct OSMWay: Sendable, Hashable {
    /// The OSM way id.
    public var id: Int64
    /// The way's tags, restricted to ``OSMExtract/profileKeys`` (the first value where a key
    /// repeats). Values are kept exactly: case-sensitive, untrimmed, `a;b` not split.
    public var tags: [String: String]
    /// The way's node references in order (a closed way repeats its first node at the end).
    public var nodes: [Int64]

    public init(id: Int64, tags: [String: String], nodes: [Int64]) {
        self.id = id
        self.tags = tags
        self.nodes = nodes
    }
}

/// What goan reads of an OSM extract: every way with a `highway` tag (any value) and the
/// location of every node such a way references that the file contains.
///
/// Invariants: `nodeIDs` is sorted ascending without repeats; `latitudes[i]`/`longitudes[i]`
/// belong to `nodeIDs[i]` and are OSM fixed-point coordinates in 1e-7 degrees (osmium's
/// `Location`: `(raw × granularity + offset) / 100`, truncated toward zero). A node a way
/// references but the file lacks (a clipped extract), or that lies outside the requested
/// bounding box, is absent.
public struct OSMExtract: Sendable {
    /// The tag keys the v1 profiles read (ROADS.md); other tags are not kept.
    public static let profileKeys: Set<String> = [
        "highway", "access", "motor_vehicle", "motorcar", "maxspeed", "oneway", "junction",
        "foot", "wheelchair", "area",
    ]

    /// Highway ways in file order.
    public var ways: [OSMWay]
    public var nodeIDs: [Int64]
    public var latitudes: [Int32]
    public var longitudes: [Int32]

    public init(ways: [OSMWay], nodeIDs: [Int64], latitudes: [Int32], longitudes: [Int32]) {
        self.ways = ways
        self.nodeIDs = nodeIDs
        self.latitudes = latitudes
        self.longitudes = longitudes
    }
}
