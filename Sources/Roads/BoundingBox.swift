//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A rectangle in WGS84 degrees, bounds included (`minLon,minLat,maxLon,maxLat`, as osmium and
/// Geofabrik write it).
public struct BoundingBox: Sendable, Hashable, CustomStringConvertible {
    public var minLongitude: Double
    public var minLatitude: Double
    public var maxLongitude: Double
    public var maxLatitude: Double

    public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    /// Parses `minLon,minLat,maxLon,maxLat`; `nil` when it is not four numbers in range with
    /// min ≤ max.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0)) }
        guard parts.count == 4, let a = parts[0], let b = parts[1], let c = parts[2], let d = parts[3],
            (-180...180).contains(a), (-180...180).contains(c), (-90...90).contains(b), (-90...90).contains(d),
            a <= c, b <= d
        else { return nil }
        self.init(minLongitude: a, minLatitude: b, maxLongitude: c, maxLatitude: d)
    }

    /// Whether a point in 1e-7 degrees lies inside (bounds included).
    public func contains(latitudeE7: Int32, longitudeE7: Int32) -> Bool {
        let lat = Double(latitudeE7) / 1e7
        let lon = Double(longitudeE7) / 1e7
        return lat >= minLatitude && lat <= maxLatitude && lon >= minLongitude && lon <= maxLongitude
    }

    public var description: String { "\(minLongitude),\(minLatitude),\(maxLongitude),\(maxLatitude)" }
}
