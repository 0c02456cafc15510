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

/// Great-circle distance as ROADS.md defines it (haversine, R = 6,371,008.8 m).
///
/// The operations are those of the reference (`osm_ref.py`: `math.radians`, `** 2` as `pow`,
/// the same association), so two nodes at the same distance from a point tie here exactly when
/// they tie there: the snapping rule breaks ties by OSM id, and a tie decided differently
/// changes an answer by minutes.
enum Haversine {
    /// Metres; Earth radius of ROADS.md.
    static let earthRadius = 6_371_008.8
    static let radiansPerDegree = Double.pi / 180.0

    /// Metres between two points given in degrees.
    @inline(__always)
    static func metres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let p1 = lat1 * radiansPerDegree
        let p2 = lat2 * radiansPerDegree
        let dp = p2 - p1
        let dl = lon2 * radiansPerDegree - lon1 * radiansPerDegree
        let a = pow(sin(dp / 2), 2) + cos(p1) * cos(p2) * pow(sin(dl / 2), 2)
        return 2 * earthRadius * asin(min(1.0, a.squareRoot()))
    }

    /// Metres between two points in OSM fixed point (1e-7 degrees).
    @inline(__always)
    static func metres(e7 lat1: Int32, _ lon1: Int32, _ lat2: Int32, _ lon2: Int32) -> Double {
        metres(Double(lat1) / 1e7, Double(lon1) / 1e7, Double(lat2) / 1e7, Double(lon2) / 1e7)
    }
}
