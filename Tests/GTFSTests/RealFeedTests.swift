//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import TestSupport
import Testing

/// The published feeds: Caltrain from `Tests/Fixtures/gtfs`, the larger ones from
/// `../shared/data/gtfs` (skipped without it; CI has it), and the modelled Twente feed in
/// `Timetables/twente`.
@Suite struct RealFeedTests {
    static let root = SharedData.repository

    static func shared(_ name: String) -> String { SharedData.path("gtfs/\(name)") }

    /// Known sizes of a feed: row counts of its files and the first and last service day, both
    /// computed independently with Python's csv module.
    struct Expected: Sendable, CustomTestStringConvertible {
        var name: String
        var agencies: Int
        var stops: Int
        var routes: Int
        var trips: Int
        var stopTimes: Int
        var frequencies: Int
        var transfers: Int
        var firstDate: String
        var lastDate: String
        /// Trips with a single stop time, dropped with a warning each.
        var oneCallTrips: Int
        var testDescription: String { name }
    }

    static let caltrain = Expected(
        name: "caltrain-2017.zip", agencies: 1, stops: 64, routes: 6, trips: 185, stopTimes: 2_853, frequencies: 0,
        transfers: 0, firstDate: "2017-10-02", lastDate: "2019-10-06", oneCallTrips: 0)

    /// The feeds only in `../shared/data/gtfs`.
    static let sharedFeeds: [Expected] = [
        Expected(
            name: "cairns-2014.zip", agencies: 1, stops: 416, routes: 22, trips: 1_339, stopTimes: 37_790, frequencies: 0,
            transfers: 0, firstDate: "2014-05-26", lastDate: "2014-12-28", oneCallTrips: 0),
        Expected(
            name: "helsinki-2022.zip", agencies: 1, stops: 1_388, routes: 200, trips: 3_195, stopTimes: 62_485,
            frequencies: 3_226, transfers: 4, firstDate: "2022-02-22", lastDate: "2022-02-22", oneCallTrips: 8),
        Expected(
            name: "dutch-ferries", agencies: 257, stops: 567, routes: 336, trips: 551, stopTimes: 1_151, frequencies: 551,
            transfers: 0, firstDate: "2018-01-01", lastDate: "2020-12-31", oneCallTrips: 1),
    ]

    @Test func caltrainLoadsWithKnownCounts() throws {
        try Self.check(Self.caltrain, at: SharedData.fixture("gtfs/caltrain-2017.zip"))
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data/gtfs (helsinki, cairns, dutch-ferries)"), arguments: sharedFeeds)
    func publishedFeedLoadsWithKnownCounts(_ expected: Expected) throws {
        try Self.check(expected, at: Self.shared(expected.name))
    }

    static func check(_ expected: Expected, at path: String) throws {
        #expect(FileManager.default.fileExists(atPath: path), "feed missing at \(path)")
        let source = try FeedSource.at(path)
        let feed = try Feed.load(from: source)
        #expect(feed.source == path)
        #expect(feed.agencies.count == expected.agencies)
        #expect(feed.stops.count == expected.stops)
        #expect(feed.routes.count == expected.routes)
        #expect(feed.trips.count == expected.trips)
        #expect(feed.stopTimes.count == expected.stopTimes)
        #expect(feed.frequencies.count == expected.frequencies)
        #expect(feed.transfers.count == expected.transfers)
        #expect(feed.dateRange?.lowerBound.description == expected.firstDate)
        #expect(feed.dateRange?.upperBound.description == expected.lastDate)
        #expect(feed.warnings.count == expected.oneCallTrips, "\(feed.warnings.prefix(3))")
        #expect(feed.warnings.allSatisfy { $0.severity == .warning && $0.message.contains("has 1 stop time") })
        #expect(feed.trips.indices.filter { !feed.hasCalls(Int32($0)) }.count == expected.oneCallTrips)
        // Invariants: every trip's calls are contiguous, sorted and never go back in time.
        #expect(feed.stopTimes.rangeOfTrip.count == feed.trips.count)
        for trip in feed.trips.indices where feed.hasCalls(Int32(trip)) {
            let rows = feed.stopTimes.rangeOfTrip[trip].map(Int.init)
            #expect(rows.count >= 2)
            for (a, b) in zip(rows, rows.dropFirst()) {
                #expect(feed.stopTimes.trip[a] == Int32(trip))
                #expect(feed.stopTimes.sequence[a] < feed.stopTimes.sequence[b])
                #expect(feed.stopTimes.departure[a] <= feed.stopTimes.arrival[b])
                #expect(feed.stopTimes.arrival[b] <= feed.stopTimes.departure[b])
            }
        }
        for stop in feed.stopTimes.stop { #expect(feed.stops[Int(stop)].locationType == .stopOrPlatform) }
    }

    @Test func caltrainDetails() throws {
        let feed = try Feed.load(from: .zip(SharedData.fixture("gtfs/caltrain-2017.zip")))
        #expect(feed.timezone == "America/Los_Angeles")
        #expect(feed.agencies.first?.name == "Caltrain")
        #expect(feed.fileNames.contains("fare_rules.txt"))
        // Caltrain 2017 has no station rows: two platforms per stop, no parents.
        #expect(feed.stops.allSatisfy { $0.locationType == .stopOrPlatform && $0.parent == nil })
        let sf = feed.stops[Int(try #require(feed.stopIndexByID["70011"]))]
        #expect(sf.name == "San Francisco Caltrain")
        #expect(sf.wheelchairBoarding == .accessible)
        // 3 services in calendar.txt and 24 more (Giants games, a special) only in calendar_dates.txt.
        #expect(feed.services.count == 27)
        let game = feed.services[Int(try #require(feed.serviceIndexByID["giants_06202018"]))]
        #expect(game.dateRange == ServiceDate("20180620")! ... ServiceDate("20180620")!)
        let weekdays = feed.services[Int(try #require(feed.serviceIndexByID["mtwtf"]))]
        #expect(weekdays.weekdays == [true, true, true, true, true, false, false])
        #expect(weekdays.startDate == ServiceDate("20171002") && weekdays.endDate == ServiceDate("20191004"))
        #expect(feed.trips.indices.allSatisfy { feed.hasCalls(Int32($0)) })
    }

    @Test(.enabled(if: SharedData.has("gtfs/helsinki-2022.zip"), "needs ../shared/data/gtfs/helsinki-2022.zip"))
    func helsinkiDetails() throws {
        let feed = try Feed.load(from: FeedSource.at(Self.shared("helsinki-2022.zip")))
        #expect(feed.timezone == "Europe/Helsinki")
        let info = try #require(feed.feedInfo)
        #expect(!info.publisherName.isEmpty)
        // Helsinki's night trips run past 24:00.
        #expect(feed.stopTimes.arrival.max()! > 24 * 3600)
    }

    @Test(.enabled(if: SharedData.has("gtfs/dutch-ferries"), "needs ../shared/data/gtfs/dutch-ferries"))
    func dutchFerriesDirectoryWithHeaderOnlyFiles() throws {
        let source = try FeedSource.at(Self.shared("dutch-ferries"))
        guard case .directory = source else {
            Issue.record("a directory should open as .directory")
            return
        }
        let feed = try Feed.load(from: source)
        #expect(feed.timezone == "Europe/Amsterdam")
        // calendar_dates.txt and transfers.txt hold only a header.
        #expect(feed.services.allSatisfy { $0.added.isEmpty && $0.removed.isEmpty })
        #expect(feed.fileNames.contains("README.md"))
        #expect(feed.routes.allSatisfy { $0.modeName == "ferry" || $0.type != 4 })
        // Every ferry trip runs on a headway from frequencies.txt.
        let frequencyTrips = Set(feed.frequencies.map(\.trip))
        #expect(frequencyTrips.count == feed.frequencies.count)
    }

    @Test func twenteFeedLoadsWithoutErrors() throws {
        let path = Self.root.appendingPathComponent("Timetables/twente").path
        let (loaded, diagnostics) = try Feed.inspect(FeedSource.at(path))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.prefix(5))")
        let feed = try #require(loaded)
        #expect(feed.warnings.isEmpty, "\(feed.warnings.prefix(5))")
        #expect(feed.agencies.map(\.id).sorted() == ["AUTOMAATJE", "IFF:BN", "REGIOTAXI", "RRREIS"])
        #expect(feed.stops.count > 0 && feed.trips.count > 0 && feed.stopTimes.count > 0)
        // Every trip has timed calls, or is a flexible (GTFS-Flex) trip of Regiotaxi or AutoMaatje.
        let flexible = Set(feed.flexStopTimes.map(\.trip))
        #expect(!flexible.isEmpty)
        #expect(feed.trips.indices.allSatisfy { feed.hasCalls(Int32($0)) != flexible.contains(Int32($0)) })
        #expect(!feed.fileNames.contains("calendar.txt"))
        #expect(feed.services.allSatisfy { $0.weekdays.allSatisfy { !$0 } && !$0.added.isEmpty })
        let info = try #require(feed.feedInfo)
        let range = try #require(feed.dateRange)
        #expect(range.lowerBound >= info.startDate!)
        #expect(range.upperBound <= info.endDate!)
        #expect(!feed.transfers.isEmpty)
        #expect(feed.stops.contains { $0.locationType == .station })
    }

    @Test func missingPathIsAnError() throws {
        let error = try #require(throws: FeedLoadError.self) {
            try FeedSource.at(SharedData.fixture("no-such-feed.zip"))
        }
        #expect(error.errors.first?.message == "no such file or directory")
        #expect(error.description.contains("no-such-feed.zip"))
    }

    @Test func emptyDirectoryMissesEveryRequiredFile() throws {
        let (feed, diagnostics) = try Feed.inspect(.directory(SharedData.fixture("no-such-directory")))
        #expect(feed == nil)
        let missing = diagnostics.filter { $0.message.contains("required file is missing") }.map(\.file)
        #expect(Set(missing) == ["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"])
        #expect(diagnostics.contains { $0.file == "calendar.txt" && $0.message.contains("both are missing") })
    }

    @Test func unreadableZipIsAnError() throws {
        // A text file is not a zip archive.
        let error = try #require(throws: FeedLoadError.self) {
            try Feed.load(from: .zip(SharedData.fixture("README.md")))
        }
        #expect(error.errors.first?.message.contains("not a readable zip archive") == true)
    }
}
