//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Whether a wheelchair user can use a stop (`wheelchair_boarding`) or a trip
/// (`wheelchair_accessible`): the two GTFS fields share their values.
public enum WheelchairAccessibility: Int, Sendable, Hashable {
    case unknown = 0
    case accessible = 1
    case notAccessible = 2
}

/// A stop, platform, station, entrance or node (`stops.txt`).
public struct Stop: Sendable, Hashable {
    /// `location_type`: what kind of place this row describes.
    public enum LocationType: Int, Sendable, Hashable {
        /// A stop or platform where vehicles stop (0, the default).
        case stopOrPlatform = 0
        /// A station grouping platforms (1); vehicles never stop at it directly.
        case station = 1
        case entrance = 2
        case genericNode = 3
        case boardingArea = 4
    }

    /// `wheelchair_boarding`. For a platform with `unknown`, the parent station's value applies.
    public typealias Accessibility = WheelchairAccessibility

    public var id: String
    public var code: String
    public var name: String
    /// WGS84 degrees; 0 when a location_type 3/4 row leaves them empty.
    public var latitude: Double
    public var longitude: Double
    public var locationType: LocationType
    /// Index of the parent station in ``Feed/stops``, if any.
    public var parent: Int32?
    public var platformCode: String
    public var wheelchairBoarding: Accessibility
    /// 1-based line in stops.txt, for diagnostics that come later (e.g. in the timetable).
    public var line: Int32
}
