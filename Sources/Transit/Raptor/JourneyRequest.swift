//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

/// A stop where a search may start or end, with the seconds needed to get between it and the
/// traveller's origin or destination (0 when the stop itself is the origin or destination).
public struct StopOffset: Sendable, Hashable {
    public var stop: StopIndex
    /// Seconds of walking (or riding an on-demand leg) between the place and the stop.
    public var duration: Int32

    public init(stop: StopIndex, duration: Int32 = 0) {
        self.stop = stop
        self.duration = duration
    }
}

/// What a traveller asks the router.
///
/// Times are seconds after noon − 12 h of ``date`` in the feed's time zone (GTFS service-day
/// time), so `09:00` is 32 400 even on the days clocks change.
public struct JourneyRequest: Sendable {
    /// Depart at (or after) a time, or arrive by a time.
    public enum TimeConstraint: Sendable, Hashable {
        case departAt(Int32)
        case arriveBy(Int32)
    }

    public var origins: [StopOffset]
    public var destinations: [StopOffset]
    public var date: ServiceDate
    public var time: TimeConstraint
    /// Seconds: a range query returns the journeys departing within `[t, t + window]`
    /// (depart-at) or arriving within `[t − window, t]` (arrive-by). 0 for a single time.
    public var window: Int32 = 0
    /// At most this many transfers (rides − 1). RAPTOR needs `maxTransfers + 1` rounds.
    public var maxTransfers: Int = 14
    /// Only wheelchair-accessible trips (wheelchair_accessible = 1), boarding and alighting only
    /// at accessible stops (wheelchair_boarding = 1).
    public var wheelchairOnly: Bool = false
    /// Build the legs of each journey (route-batch only needs times and transfer counts).
    public var reconstructLegs: Bool = true
    /// May the journey walk (a footpath) from an origin stop before the first ride? Plain GTFS
    /// semantics, as the peer router is compared under, say no ("no walking at the origin").
    public var walkAtOrigin: Bool = true
    /// May the journey walk from the last stop to a destination stop after the last ride?
    public var walkAtDestination: Bool = true
    /// Footpaths longer than this (seconds) are not used: a traveller who walks little gets no
    /// change on foot between distant stops.
    public var maxWalkSeconds: Int32 = .max
    /// Every change takes this many times the feed's transfer time (the minimum at a stop, the
    /// walk between two): 2 for a traveller who needs twice as long (CROW ZR-24).
    public var transferTimeFactor: Int32 = 1

    public init(
        origins: [StopOffset], destinations: [StopOffset], date: ServiceDate, time: TimeConstraint,
        window: Int32 = 0, maxTransfers: Int = 14, wheelchairOnly: Bool = false
    ) {
        self.origins = origins
        self.destinations = destinations
        self.date = date
        self.time = time
        self.window = window
        self.maxTransfers = maxTransfers
        self.wheelchairOnly = wheelchairOnly
    }
}
