//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A validated GTFS feed: typed records with references resolved to indices.
///
/// Invariants after ``load(from:)``:
/// - every id is unique in its file and every reference points at an existing record;
/// - each trip's calls are contiguous in ``stopTimes``, sorted by `stop_sequence`, with both
///   times present (interpolated where the feed left them empty) and never decreasing;
/// - trips that cannot run (fewer than two calls, times going backwards, no service days) were
///   dropped with a warning and have an empty range in ``StopTimes/rangeOfTrip``.
public struct Feed: Sendable {
    public var source: String
    public var agencies: [Agency] = []
    public var stops: [Stop] = []
    public var routes: [Route] = []
    public var trips: [Trip] = []
    public var stopTimes = StopTimes()
    public var services: [Service] = []
    public var frequencies: [Frequency] = []
    public var transfers: [Transfer] = []
    public var feedInfo: FeedInfo?
    /// GTFS-Flex: booking rules, zones, stop groups and the windowed calls of flexible trips.
    /// Flexible calls are kept apart from ``stopTimes``: the timetable never sees them.
    public var bookingRules: [BookingRule] = []
    public var flexLocations: [FlexLocation] = []
    public var locationGroups: [LocationGroup] = []
    public var flexStopTimes: [FlexStopTime] = []
    public var bookingRuleIndexByID: [String: Int32] = [:]
    public var flexLocationIndexByID: [String: Int32] = [:]
    public var locationGroupIndexByID: [String: Int32] = [:]
    /// Warnings about repaired or ignored data. (Errors prevent loading.)
    public var warnings: [Diagnostic] = []
    /// Files present in the source (GTFS and others).
    public var fileNames: [String] = []

    public var stopIndexByID: [String: Int32] = [:]
    public var tripIndexByID: [String: Int32] = [:]
    public var routeIndexByID: [String: Int32] = [:]
    public var serviceIndexByID: [String: Int32] = [:]

    public init(source: String) { self.source = source }

    /// The feed's time zone: the agencies' `agency_timezone`.
    public var timezone: String { agencies.first?.timezone ?? "UTC" }

    /// Loads and validates a feed.
    ///
    /// - Parameter source: a directory, a `.zip`, or in-memory files.
    /// - Returns: the feed; its ``warnings`` list what was repaired or ignored.
    /// - Throws: ``FeedLoadError`` listing every error found (file, line, column).
    /// - Complexity: O(n log n) in the number of stop_times rows.
    public static func load(from source: FeedSource) throws -> Feed {
        let (feed, diagnostics) = try inspect(source)
        guard let feed, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw FeedLoadError(source: source.name, diagnostics: diagnostics)
        }
        return feed
    }

    /// Loads a feed and returns every diagnostic, errors included, instead of throwing on them.
    ///
    /// The feed is `nil` when an error made it unusable.
    /// - Throws: only when the source itself cannot be opened.
    public static func inspect(_ source: FeedSource) throws -> (Feed?, [Diagnostic]) {
        let files = try source.open()
        var loader = FeedLoader(files: files, source: source.name)
        let feed = loader.load()
        return (feed, loader.diagnostics)
    }

    /// The calendar dates on which at least one service runs, or `nil` for an empty calendar.
    public var dateRange: ClosedRange<ServiceDate>? {
        var low: ServiceDate?
        var high: ServiceDate?
        for service in services {
            guard let range = service.dateRange else { continue }
            if low == nil || range.lowerBound < low! { low = range.lowerBound }
            if high == nil || range.upperBound > high! { high = range.upperBound }
        }
        guard let low, let high else { return nil }
        return low ... high
    }

    /// Whether trip `trip` has calls (it was not dropped while loading).
    public func hasCalls(_ trip: Int32) -> Bool {
        !stopTimes.rangeOfTrip[Int(trip)].isEmpty
    }
}
