//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// One way to travel: legs in time order.
///
/// Invariants: legs are contiguous in time (each starts at or after the previous one ends) and
/// in space (each starts where the previous one ended); ``transfers`` = transit legs − 1.
public struct Journey: Sendable, Hashable {
    public var legs: [Leg]
    /// Seconds after the query date's noon − 12 h: the start of the first leg.
    public var departure: Int32
    /// Seconds after the query date's noon − 12 h: the end of the last leg.
    public var arrival: Int32
    /// Number of changes between vehicles.
    public var transfers: Int

    public init(legs: [Leg], departure: Int32, arrival: Int32, transfers: Int) {
        self.legs = legs
        self.departure = departure
        self.arrival = arrival
        self.transfers = transfers
    }

    /// Seconds from departure to arrival.
    public var duration: Int32 { arrival - departure }

    public var transitLegs: [Leg] { legs.filter { $0.mode == .transit } }
}

/// A part of a journey.
public struct Leg: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable {
        /// From the origin to the first stop (walking, or another access mode).
        case access
        /// On foot between two stops.
        case walk
        /// On board a vehicle of a trip.
        case transit
        /// From the last stop to the destination.
        case egress
    }

    public var mode: Mode
    /// `nil` for the origin side of an access leg.
    public var fromStop: StopIndex?
    /// `nil` for the destination side of an egress leg.
    public var toStop: StopIndex?
    /// Seconds after the query date's noon − 12 h.
    public var departure: Int32
    public var arrival: Int32
    /// For transit legs: the timetable trip, its GTFS trip index, and the service day of the
    /// trip relative to the query date (−1, 0 or +1).
    public var trip: TripIndex?
    public var feedTrip: Int32?
    public var serviceDayOffset: Int = 0
    /// For transit legs: the positions of boarding and alighting in the trip's stop list.
    public var boardPosition: Int = 0
    public var alightPosition: Int = 0

    public init(
        mode: Mode, fromStop: StopIndex?, toStop: StopIndex?, departure: Int32, arrival: Int32
    ) {
        self.mode = mode
        self.fromStop = fromStop
        self.toStop = toStop
        self.departure = departure
        self.arrival = arrival
    }

    public var duration: Int32 { arrival - departure }
}

/// Cheap, deterministic counters of one search (after nigiri's `raptor_stats`): print them in
/// benchmarks and assert them in tests.
public struct RaptorStatistics: Sendable, Hashable, CustomStringConvertible {
    /// Runs of the round loop (one per departure time of a range query).
    public var runs = 0
    public var rounds = 0
    public var patternsScanned = 0
    public var tripSearches = 0
    public var arrivalsImprovedByTransit = 0
    public var arrivalsImprovedByTransfer = 0

    public init() {}

    /// Adds another search's counters (for totals over a batch).
    public mutating func add(_ other: RaptorStatistics) {
        runs += other.runs
        rounds += other.rounds
        patternsScanned += other.patternsScanned
        tripSearches += other.tripSearches
        arrivalsImprovedByTransit += other.arrivalsImprovedByTransit
        arrivalsImprovedByTransfer += other.arrivalsImprovedByTransfer
    }

    public var description: String {
        "runs=\(runs) rounds=\(rounds) patterns=\(patternsScanned) tripSearches=\(tripSearches) "
            + "improvedByTransit=\(arrivalsImprovedByTransit) improvedByTransfer=\(arrivalsImprovedByTransfer)"
    }
}

/// What a search returns: the Pareto set and its statistics.
public struct RaptorResult: Sendable {
    /// Pareto-optimal journeys over (departure, arrival, transfers): none departs earlier and
    /// arrives later with at least as many transfers as another. Sorted by departure, then arrival.
    public var journeys: [Journey]
    /// (arrival, transfers) per optimal journey of a single-time query, even without legs
    /// (arrive-by: (departure, transfers)).
    public var pareto: [(time: Int32, transfers: Int)]
    public var statistics: RaptorStatistics

    /// The earliest arrival (latest departure for arrive-by) and the fewest transfers that reach it.
    public var best: (time: Int32, transfers: Int)? { pareto.last }
}
