//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the node a coordinate snaps to (ROADS.md): the nearest node of the profile's largest
/// strongly connected component by haversine distance, ties to the smaller OSM id.
///
/// A uniform grid of cells over the component's nodes; a query scans rings of cells around the
/// point's cell until no farther ring can hold a closer node. Every candidate is measured with
/// the exact formula, so ties are decided exactly as the reference decides them.
/// Cells hold about four nodes each; a query near the network touches a few dozen nodes.
struct NodeSnapper: Sendable {
    /// Graph node indices of the component, grouped by cell: `cellFirst[c]..<cellFirst[c+1]`.
    var cellNodes: [Int32]
    var cellFirst: [Int32]
    /// Grid origin and cell size, degrees.
    var minLatitude: Double
    var minLongitude: Double
    var cellDegrees: Double
    var rows: Int
    var columns: Int

    init(cellNodes: [Int32], cellFirst: [Int32], minLatitude: Double, minLongitude: Double, cellDegrees: Double, rows: Int, columns: Int) {
        self.cellNodes = cellNodes
        self.cellFirst = cellFirst
        self.minLatitude = minLatitude
        self.minLongitude = minLongitude
        self.cellDegrees = cellDegrees
        self.rows = rows
        self.columns = columns
    }

    /// A grid over `nodes` (indices into `latitudes`/`longitudes`, 1e-7 degrees).
    init(nodes: [Int32], latitudes: [Int32], longitudes: [Int32]) {
        guard !nodes.isEmpty else {
            self.init(cellNodes: [], cellFirst: [0], minLatitude: 0, minLongitude: 0, cellDegrees: 1, rows: 0, columns: 0)
            return
        }
        var minLat = Double.infinity, maxLat = -Double.infinity, minLon = Double.infinity, maxLon = -Double.infinity
        for v in nodes {
            let lat = Double(latitudes[Int(v)]) / 1e7, lon = Double(longitudes[Int(v)]) / 1e7
            minLat = min(minLat, lat); maxLat = max(maxLat, lat)
            minLon = min(minLon, lon); maxLon = max(maxLon, lon)
        }
        let area = max((maxLat - minLat) * (maxLon - minLon), 1e-12)
        let cell = max((area / (Double(nodes.count) / 4)).squareRoot(), 1e-5)
        let rows = min(Int((maxLat - minLat) / cell) + 1, 1 << 14)
        let columns = min(Int((maxLon - minLon) / cell) + 1, 1 << 14)
        let cellDegrees = max((maxLat - minLat) / Double(rows), (maxLon - minLon) / Double(columns), cell) * 1.000001
        var counts = [Int32](repeating: 0, count: rows * columns + 1)
        var cellOf = [Int32](repeating: 0, count: nodes.count)
        for (k, v) in nodes.enumerated() {
            let r = min(rows - 1, Int((Double(latitudes[Int(v)]) / 1e7 - minLat) / cellDegrees))
            let c = min(columns - 1, Int((Double(longitudes[Int(v)]) / 1e7 - minLon) / cellDegrees))
            cellOf[k] = Int32(r * columns + c)
            counts[Int(cellOf[k]) + 1] += 1
        }
        for i in 0..<(rows * columns) { counts[i + 1] += counts[i] }
        var next = counts
        var cellNodes = [Int32](repeating: 0, count: nodes.count)
        for (k, v) in nodes.enumerated() {
            cellNodes[Int(next[Int(cellOf[k])])] = v
            next[Int(cellOf[k])] += 1
        }
        self.init(
            cellNodes: cellNodes, cellFirst: counts, minLatitude: minLat, minLongitude: minLon, cellDegrees: cellDegrees,
            rows: rows, columns: columns)
    }

    /// The nearest node and its distance in metres; `nil` only when the component is empty.
    func nearest(latitude: Double, longitude: Double, latitudes: [Int32], longitudes: [Int32], osmIDs: [Int64]) -> (node: Int32, metres: Double)? {
        guard rows > 0 else { return nil }
        let rowExact = Int(((latitude - minLatitude) / cellDegrees).rounded(.down))
        let columnExact = Int(((longitude - minLongitude) / cellDegrees).rounded(.down))
        let row0 = min(max(rowExact, 0), rows - 1)
        let column0 = min(max(columnExact, 0), columns - 1)
        // Metres a ring of cells is at least away: a degree of latitude, and a degree of
        // longitude at the highest latitude involved, shrunk by 1 % for the sphere's curvature.
        let highest = min(89.0, max(abs(latitude), abs(minLatitude), abs(minLatitude + Double(rows) * cellDegrees)))
        let cellMetres = cellDegrees * Haversine.radiansPerDegree * Haversine.earthRadius * cos(highest * Haversine.radiansPerDegree) * 0.99
        var best: Int32 = -1
        var bestMetres = Double.infinity
        let maxRing = max(rows, columns) + abs(rowExact - row0) + abs(columnExact - column0)
        var ring = 0
        while ring <= maxRing {
            if ring >= 1, Double(ring - 1) * cellMetres > bestMetres { break }
            let r0 = row0 - ring, r1 = row0 + ring, c0 = column0 - ring, c1 = column0 + ring
            func visit(_ r: Int, _ c: Int) {
                let cellIndex = r * columns + c
                for k in Int(cellFirst[cellIndex])..<Int(cellFirst[cellIndex + 1]) {
                    let v = cellNodes[k]
                    let d = Haversine.metres(latitude, longitude, Double(latitudes[Int(v)]) / 1e7, Double(longitudes[Int(v)]) / 1e7)
                    if d < bestMetres || (d == bestMetres && osmIDs[Int(v)] < osmIDs[Int(best)]) {
                        best = v
                        bestMetres = d
                    }
                }
            }
            for r in max(r0, 0)...min(r1, rows - 1) {
                if r == r0 || r == r1 {
                    for c in max(c0, 0)...min(c1, columns - 1) { visit(r, c) }
                } else {
                    // Inside rows of the ring only its two edge columns belong to it.
                    if c0 >= 0 { visit(r, c0) }
                    if c1 < columns { visit(r, c1) }
                }
            }
            ring += 1
        }
        return best < 0 ? nil : (best, bestMetres)
    }
}
