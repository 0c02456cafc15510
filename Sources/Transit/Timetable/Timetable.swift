//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

/// The compact in-memory timetable RAPTOR runs on: struct-of-arrays with typed indices.
///
/// Layout (after nigiri's `timetable.h` and R5's `TripPattern`):
/// - a *pattern* is a set of trips with the same stop sequence and the same pickup/drop-off
///   rules, split further so that **no trip overtakes another: at every stop position the
///   trips of a pattern are sorted by departure and by arrival**. The trip search relies on it.
/// - the trips of a pattern are contiguous (`patternFirstTrip`), and their times are stored
///   trip-major: for pattern `p` with `n` stops, the time of trip `i` (0-based within the
///   pattern) at stop position `k` is `arrivals[patternTimeBase[p] + i * n + k]`, so riding a
///   trip reads memory in order; the trip search binary-searches with stride `n`. (A stop-major
///   copy, as nigiri keeps, measured no faster on the shared feeds and doubled the memory.)
/// - times are `Int32` seconds after the trip's service day's noon − 12 h (GTFS time).
/// - service days are deduplicated bitsets (``ServiceDays``).
public struct Timetable: Sendable {
    /// The feed this was built from (names, ids, route details).
    public let feed: Feed
    public let options: TimetableOptions

    // MARK: Stops (index = feed stop index)
    public var stopCount: Int { feed.stops.count }
    /// Same-stop minimum transfer time in seconds (transfers.txt self row, else the default).
    public let minTransferTime: ContiguousArray<Int32>
    /// `true` where transfers.txt forbids changing vehicles at the stop (type 3, same stop).
    public let sameStopTransferForbidden: ContiguousArray<Bool>
    /// Walking links to other stops: (target, seconds). Not transitively closed: a journey
    /// walks at most once between two rides.
    public let footpaths: JaggedArray<Footpath>
    /// The same links reversed (for arrive-by searches): (source, seconds).
    public let incomingFootpaths: JaggedArray<Footpath>
    /// Patterns calling at each stop, with the stop's position in the pattern.
    public let patternsAtStop: JaggedArray<PatternStop>
    /// Whether the stop can be used by a wheelchair (wheelchair_boarding = 1, inherited).
    public let stopIsAccessible: ContiguousArray<Bool>
    /// The stops one ride segment or one walk away (`nextStops`), and the reverse
    /// (`previousStops`): the static network a search checks reachability on before it starts.
    public let nextStops: JaggedArray<UInt32>
    public let previousStops: JaggedArray<UInt32>
    /// Child stops of each station (location_type 1); empty for other stops.
    public let stationChildren: JaggedArray<UInt32>

    // MARK: Patterns
    public var patternCount: Int { patternStops.rowCount }
    public let patternStops: JaggedArray<UInt32>
    /// Per pattern stop position: bit 0 = boarding allowed, bit 1 = alighting allowed.
    public let patternStopRules: JaggedArray<UInt8>
    /// Trips of each pattern: `patternFirstTrip[p] ..< patternFirstTrip[p + 1]`.
    public let patternFirstTrip: ContiguousArray<UInt32>
    public let patternTimeBase: ContiguousArray<UInt32>
    public let patternRoute: ContiguousArray<UInt32>
    /// Earliest departure / latest arrival of any trip of the pattern (for pruning whole days).
    public let patternFirstDeparture: ContiguousArray<Int32>
    public let patternLastArrival: ContiguousArray<Int32>
    /// Bitset index of the union of the days of the pattern's trips.
    public let patternDays: ContiguousArray<UInt32>
    /// Trip-major times, see above.
    public let arrivals: ContiguousArray<Int32>
    public let departures: ContiguousArray<Int32>

    // MARK: Trips
    public var tripCount: Int { feedTrip.count }
    /// The GTFS trip each timetable trip comes from.
    public let feedTrip: ContiguousArray<UInt32>
    /// Bitset index of the days the trip runs.
    public let tripDays: ContiguousArray<UInt32>
    /// `true` when wheelchair_accessible = 1.
    public let tripIsAccessible: ContiguousArray<Bool>
    /// Seconds added to the GTFS trip's times (non-zero for frequency-based departures).
    public let tripShift: ContiguousArray<Int32>
    /// The pattern of each trip and its position within the pattern.
    public let tripPattern: ContiguousArray<UInt32>

    public let serviceDays: ServiceDays
    /// Transfers that apply only between certain routes or trips and forbid the change
    /// (type 3); checked when boarding at the stops in ``stopHasSpecificRules``.
    public let specificForbiddenTransfers: [Transfer]
    public let stopHasSpecificRules: ContiguousArray<Bool>

    /// A walking link between two stops.
    public struct Footpath: Sendable, Hashable {
        public var stop: UInt32
        /// Seconds.
        public var duration: Int32
    }

    /// A pattern calling at a stop, at `position` in the pattern's stop list.
    public struct PatternStop: Sendable, Hashable {
        public var pattern: UInt32
        public var position: UInt32
    }

    init(
        feed: Feed, options: TimetableOptions, parts: TimetableParts
    ) {
        self.feed = feed
        self.options = options
        minTransferTime = parts.minTransferTime
        sameStopTransferForbidden = parts.sameStopTransferForbidden
        footpaths = parts.footpaths
        incomingFootpaths = parts.incomingFootpaths
        patternsAtStop = parts.patternsAtStop
        stopIsAccessible = parts.stopIsAccessible
        stationChildren = parts.stationChildren
        nextStops = parts.nextStops
        previousStops = parts.previousStops
        patternStops = parts.patternStops
        patternStopRules = parts.patternStopRules
        patternFirstTrip = parts.patternFirstTrip
        patternTimeBase = parts.patternTimeBase
        patternRoute = parts.patternRoute
        patternFirstDeparture = parts.patternFirstDeparture
        patternLastArrival = parts.patternLastArrival
        patternDays = parts.patternDays
        arrivals = parts.arrivals
        departures = parts.departures
        feedTrip = parts.feedTrip
        tripDays = parts.tripDays
        tripIsAccessible = parts.tripIsAccessible
        tripShift = parts.tripShift
        tripPattern = parts.tripPattern
        serviceDays = parts.serviceDays
        specificForbiddenTransfers = parts.specificForbiddenTransfers
        stopHasSpecificRules = parts.stopHasSpecificRules
    }

    /// The index in ``arrivals`` and ``departures`` of trip `i` of pattern `p` at position `k`.
    @inlinable
    public func timeIndex(pattern p: Int, trip i: Int, position k: Int) -> Int {
        Int(patternTimeBase[p]) + i * patternStops[p].count + k
    }

    /// Number of trips in pattern `p`.
    @inlinable
    public func tripCount(ofPattern p: Int) -> Int { Int(patternFirstTrip[p + 1] - patternFirstTrip[p]) }

    /// Bytes held by the timetable's own arrays (the feed records not included).
    public var byteCount: Int {
        func size<T>(_ a: ContiguousArray<T>) -> Int { a.count * MemoryLayout<T>.stride }
        return size(minTransferTime) + size(sameStopTransferForbidden) + footpaths.byteCount
            + incomingFootpaths.byteCount + patternsAtStop.byteCount + size(stopIsAccessible)
            + stationChildren.byteCount + nextStops.byteCount + previousStops.byteCount + patternStops.byteCount + patternStopRules.byteCount
            + size(patternFirstTrip) + size(patternTimeBase) + size(patternRoute) + size(patternFirstDeparture)
            + size(patternLastArrival) + size(patternDays) + size(arrivals) + size(departures)
            + size(feedTrip)
            + size(tripDays) + size(tripIsAccessible) + size(tripShift) + size(tripPattern) + serviceDays.byteCount
    }

    /// The stops a query id stands for: the stop itself, or every child of a station.
    public func stopsFor(_ stop: Int) -> [Int] {
        let children = stationChildren[stop]
        return children.isEmpty ? [stop] : children.map(Int.init)
    }
}

/// The arrays a ``TimetableBuilder`` produces (kept apart so the builder can fill them in steps).
struct TimetableParts {
    var minTransferTime = ContiguousArray<Int32>()
    var sameStopTransferForbidden = ContiguousArray<Bool>()
    var footpaths = JaggedArray<Timetable.Footpath>(rows: [])
    var incomingFootpaths = JaggedArray<Timetable.Footpath>(rows: [])
    var patternsAtStop = JaggedArray<Timetable.PatternStop>(rows: [])
    var stopIsAccessible = ContiguousArray<Bool>()
    var stationChildren = JaggedArray<UInt32>(rows: [])
    var nextStops = JaggedArray<UInt32>(rows: [])
    var previousStops = JaggedArray<UInt32>(rows: [])
    var patternStops = JaggedArray<UInt32>(rows: [])
    var patternStopRules = JaggedArray<UInt8>(rows: [])
    var patternFirstTrip = ContiguousArray<UInt32>([0])
    var patternTimeBase = ContiguousArray<UInt32>()
    var patternRoute = ContiguousArray<UInt32>()
    var patternFirstDeparture = ContiguousArray<Int32>()
    var patternLastArrival = ContiguousArray<Int32>()
    var patternDays = ContiguousArray<UInt32>()
    var arrivals = ContiguousArray<Int32>()
    var departures = ContiguousArray<Int32>()
    var feedTrip = ContiguousArray<UInt32>()
    var tripDays = ContiguousArray<UInt32>()
    var tripIsAccessible = ContiguousArray<Bool>()
    var tripShift = ContiguousArray<Int32>()
    var tripPattern = ContiguousArray<UInt32>()
    var serviceDays = ServiceDays(firstDate: ServiceDate(dayNumber: 0), dayCount: 0, sets: [])
    var specificForbiddenTransfers: [Transfer] = []
    var stopHasSpecificRules = ContiguousArray<Bool>()
}
