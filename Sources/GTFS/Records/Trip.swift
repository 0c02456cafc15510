//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A trip (`trips.txt`): one run of a vehicle along a route on the days of its service.
public struct Trip: Sendable, Hashable {
    /// `wheelchair_accessible`.
    public typealias Accessibility = WheelchairAccessibility

    public var id: String
    /// Index into ``Feed/routes``.
    public var route: Int32
    /// Index into ``Feed/services``.
    public var service: Int32
    public var headsign: String
    public var shortName: String
    /// 0 or 1, or `nil` when absent.
    public var directionID: Int8?
    public var blockID: String
    public var wheelchairAccessible: Accessibility
    public var line: Int32
}

/// A trip's calls, in stop_sequence order, as parallel arrays (see ``Feed/stopTimes``).
///
/// Times are seconds after the service day's noon − 12 h. After loading, every call has both
/// times: missing times at non-timepoints are interpolated.
public struct StopTimes: Sendable {
    /// Row `r` of the flattened table belongs to trip `trip[r]`; rows of a trip are contiguous
    /// and sorted by `sequence`.
    public var trip: [Int32] = []
    public var stop: [Int32] = []
    public var sequence: [Int32] = []
    public var arrival: [Int32] = []
    public var departure: [Int32] = []
    /// `pickup_type` / `drop_off_type`: 0 regular, 1 none, 2 phone agency, 3 ask driver.
    public var pickupType: [UInt8] = []
    public var dropOffType: [UInt8] = []
    /// Row range of each trip (index = trip index); empty when the trip has no calls.
    public var rangeOfTrip: [Range<Int32>] = []

    public var count: Int { trip.count }
}
