//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
public import GTFS
public import Mobility
public import Roads

/// A made-up street network for tests that need one without `../shared` (no OSM extract of
/// Twente ships with goan): a square grid of residential streets, every 6th row and column a
/// 65 km/h primary road, and between rows 2 and 3 of every 4th column a flight of steps instead
/// of a street (so foot and wheelchair walks differ).
public enum SyntheticStreets {
    /// The extract: `rows × columns` nodes `spacing` metres apart from `southWest`.
    public static func extract(southWest: Coordinate, rows: Int, columns: Int, spacing: Double) -> OSMExtract {
        let dLat = spacing / 111_195.0
        let dLon = spacing / (111_195.0 * cos(southWest.latitude * .pi / 180))
        var ids: [Int64] = [], lats: [Int32] = [], lons: [Int32] = []
        func id(_ r: Int, _ c: Int) -> Int64 { Int64(r * columns + c + 1) }
        for r in 0..<rows {
            for c in 0..<columns {
                ids.append(id(r, c))
                lats.append(Int32(((southWest.latitude + Double(r) * dLat) * 1e7).rounded()))
                lons.append(Int32(((southWest.longitude + Double(c) * dLon) * 1e7).rounded()))
            }
        }
        var ways: [OSMWay] = []
        var next: Int64 = 1
        func add(_ nodes: [Int64], _ highway: String) {
            ways.append(OSMWay(id: next, tags: ["highway": highway], nodes: nodes))
            next += 1
        }
        for r in 0..<rows { add((0..<columns).map { id(r, $0) }, r % 6 == 0 ? "primary" : "residential") }
        for c in 0..<columns {
            let kind = c % 6 == 0 ? "primary" : "residential"
            if c % 4 == 1, rows > 3 {
                add((0...2).map { id($0, c) }, kind)
                add([id(2, c), id(3, c)], "steps")
                add((3..<rows).map { id($0, c) }, kind)
            } else {
                add((0..<rows).map { id($0, c) }, kind)
            }
        }
        return OSMExtract(ways: ways, nodeIDs: ids, latitudes: lats, longitudes: lons)
    }

    /// Twenterand and Almelo (Westerhaar to ZGT Almelo and beyond) at 250 m.
    public static let twente: Result<NetworkRoadModel, any Error> = Result {
        let streets = Self.extract(southWest: Coordinate(latitude: 52.30, longitude: 6.45), rows: 90, columns: 90, spacing: 250)
        return NetworkRoadModel(network: RoadNetwork(extract: streets, source: "synthetic-twente.osm.pbf"), source: "synthetic-twente.roads")
    }
}
