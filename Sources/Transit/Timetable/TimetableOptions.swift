//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// How a ``Timetable`` is built from a feed: transfer semantics and walking.
///
/// Defaults suit elderly travellers in Twente: walking at 1.2 m/s (4.3 km/h, slower than the
/// 1.4–1.5 m/s journey planners use for the general public), a detour factor of 1.3 over the
/// straight line (streets are not straight), links only between stops within 400 m.
public struct TimetableOptions: Sendable, Hashable {
    /// Where footpaths between different stops come from.
    public enum Footpaths: String, Sendable, Hashable, CaseIterable {
        /// Only the rows of transfers.txt (plain GTFS semantics).
        case transfersOnly = "transfers-only"
        /// transfers.txt plus walking between stops closer than ``maxWalkDistance``, and
        /// between all stops of one station.
        case generated
    }

    public var footpaths: Footpaths = .generated
    /// Metres: stops closer than this (straight line) are linked by a walk.
    public var maxWalkDistance: Double = 400
    /// Metres per second.
    public var walkingSpeed: Double = 1.2
    /// Walking distance ÷ straight-line distance.
    public var detourFactor: Double = 1.3
    /// Seconds needed to change vehicles at one stop where transfers.txt says nothing.
    public var defaultMinTransferTime: Int32 = 120

    public init() {}

    public init(footpaths: Footpaths, defaultMinTransferTime: Int32) {
        self.footpaths = footpaths
        self.defaultMinTransferTime = defaultMinTransferTime
    }

    /// Seconds to walk `metres` of straight-line distance, rounded up.
    public func walkingTime(metres: Double) -> Int32 {
        Int32((metres * detourFactor / walkingSpeed).rounded(.up))
    }
}
