//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A headway-based schedule (`frequencies.txt`) for the trip it names.
///
/// The trip's own stop_times give the running times; its first departure is moved to
/// `start`, `start + headway`, … while below `end`.
public struct Frequency: Sendable, Hashable {
    /// Index into ``Feed/trips``.
    public var trip: Int32
    /// Seconds after the service day's noon − 12 h; `end` is exclusive.
    public var start: Int32
    public var end: Int32
    /// Seconds between departures; always > 0.
    public var headway: Int32
    /// `exact_times`: `true` (1) for a fixed schedule, `false` (0) for a headway-based service.
    /// Both are expanded the same way; see the Transit design notes.
    public var exactTimes: Bool
}

/// A row of `transfers.txt`.
public struct Transfer: Sendable, Hashable {
    /// `transfer_type`.
    public enum Kind: Int, Sendable, Hashable {
        /// 0: a recommended transfer point; the usual minimum transfer time applies.
        case recommended = 0
        /// 1: a timed transfer: the departing vehicle waits; no minimum time.
        case timed = 1
        /// 2: needs `min_transfer_time` seconds.
        case minimumTime = 2
        /// 3: not possible.
        case notPossible = 3
        /// 4: stay seated (in-seat transfer between trips).
        case inSeat = 4
        /// 5: in-seat transfer not allowed.
        case inSeatNotAllowed = 5
    }

    /// Stop indices into ``Feed/stops``.
    public var fromStop: Int32
    public var toStop: Int32
    /// Route and trip indices when the row applies only to them.
    public var fromRoute: Int32?
    public var toRoute: Int32?
    public var fromTrip: Int32?
    public var toTrip: Int32?
    public var kind: Kind
    /// Seconds; `nil` when the column is empty.
    public var minTransferTime: Int32?
    public var line: Int32

    /// Whether the row names routes or trips, so it does not apply to every vehicle at the stop.
    public var isSpecific: Bool { fromRoute != nil || toRoute != nil || fromTrip != nil || toTrip != nil }
}
