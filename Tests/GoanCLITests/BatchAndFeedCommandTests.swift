//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
@testable import GoanCLI
import TestSupport
import Testing

/// `goan route-batch`, `goan feed validate` and `goan feed info`, run in-process.
@Suite struct BatchAndFeedCommandTests {
    static let caltrain = SharedData.fixture("gtfs/caltrain-2017.zip")

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("goan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func routeBatchAnswersEveryQuery() throws {
        let dir = try temporaryDirectory()
        let queries = dir.appendingPathComponent("q.csv"), answers = dir.appendingPathComponent("a.csv")
        // Caltrain northbound: San Jose Diridon (70261) to San Francisco (70011), and an impossible direction.
        try "from_stop_id,to_stop_id,departure\n70261,70011,08:00:00\n70011,70012,08:00:00\n".write(to: queries, atomically: true, encoding: .utf8)
        let command = try GoanCommand.parseAsRoot([
            "route-batch", "--feed", Self.caltrain, "--date", "2018-06-20",
            "--queries", queries.path, "--out", answers.path, "--footpaths", "transfers-only", "--min-transfer-time", "0",
        ])
        let output = try #require(command as? GoanCommand.RouteBatch).execute()
        let summary = try #require(output.split(separator: "\n").last.map(String.init))
        #expect(output.hasPrefix("timetable_mib="))
        #expect(summary.hasPrefix("queries=2 median_ms="))
        #expect(summary.contains(" p95_ms=") && summary.contains(" load_s="))
        let rows = try String(contentsOf: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows[0] == "from_stop_id,to_stop_id,departure,earliest_arrival,transfers")
        #expect(rows.count == 3)
        let first = rows[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(first[0] == "70261" && first[1] == "70011" && first[2] == "08:00:00")
        #expect(first[3] > "08:00:00" && first[3] < "10:00:00")
    }

    @Test func routeBatchNamesTheLineOfAnUnknownStop() throws {
        let dir = try temporaryDirectory()
        let queries = dir.appendingPathComponent("q.csv")
        try "from_stop_id,to_stop_id,departure\n70261,70011,08:00:00\nNOPE,70011,08:00:00\n".write(to: queries, atomically: true, encoding: .utf8)
        let command = try GoanCommand.parseAsRoot([
            "route-batch", "--feed", Self.caltrain, "--date", "2018-06-20",
            "--queries", queries.path, "--out", dir.appendingPathComponent("a.csv").path,
        ])
        #expect {
            try #require(command as? GoanCommand.RouteBatch).execute()
        } throws: { error in
            "\(error)" == "\(queries.path):3: from_stop_id: unknown stop_id 'NOPE'"
        }
    }

    @Test func routeBatchRejectsAMalformedDeparture() throws {
        let dir = try temporaryDirectory()
        let queries = dir.appendingPathComponent("q.csv")
        try "from_stop_id,to_stop_id,departure\n70261,70011,8 o'clock\n".write(to: queries, atomically: true, encoding: .utf8)
        let command = try GoanCommand.parseAsRoot([
            "route-batch", "--feed", Self.caltrain, "--date", "2018-06-20",
            "--queries", queries.path, "--out", dir.appendingPathComponent("a.csv").path,
        ])
        #expect {
            try #require(command as? GoanCommand.RouteBatch).execute()
        } throws: { error in
            "\(error)".contains("q.csv:2: departure:")
        }
    }

    @Test func validateListsErrorsWithFileLineAndColumn() throws {
        let dir = try temporaryDirectory()
        let files = [
            "agency.txt": "agency_name,agency_url,agency_timezone\nA,https://example.org,Europe/Amsterdam\n",
            "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\nS1,One,52.0,6.0\nS2,Two,52.1,6.1\n",
            "routes.txt": "route_id,route_short_name,route_type\nR,1,3\n",
            "trips.txt": "route_id,service_id,trip_id\nR,WD,T1\n",
            "stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT1,08:00:00,08:00:00,S1,1\nT1,08:7x:00,08:10:00,S9,2\n",
            "calendar_dates.txt": "service_id,date,exception_type\nWD,20261123,1\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let command = try GoanCommand.parseAsRoot(["feed", "validate", dir.path])
        let (report, valid) = try #require(command as? GoanCommand.FeedCommand.Validate).report()
        #expect(!valid)
        #expect(report.contains("stop_times.txt:3: error: stop_id: unknown stop_id 'S9'"))
        #expect(report.hasSuffix("the feed cannot be loaded"))
    }

    @Test func validateAcceptsTheTwenteFeed() throws {
        let twente = SharedData.repository.appendingPathComponent("Timetables/twente").path
        let command = try GoanCommand.parseAsRoot(["feed", "validate", twente])
        let (report, valid) = try #require(command as? GoanCommand.FeedCommand.Validate).report()
        #expect(valid)
        #expect(report.contains(": valid: "))
    }

    @Test(.enabled(if: SharedData.has("gtfs/cairns-2014.zip"), "needs ../shared/data/gtfs/cairns-2014.zip"))
    func infoDescribesAFeed() throws {
        let command = try GoanCommand.parseAsRoot(["feed", "info", SharedData.path("gtfs/cairns-2014.zip")])
        let report = try #require(command as? GoanCommand.FeedCommand.Info).execute()
        #expect(report.contains("time zone:   Australia/Brisbane"))
        #expect(report.contains("stops:       416 (0 stations)"))
        #expect(report.contains("trips:       1339"))
        #expect(report.contains("stop times:  37790"))
        #expect(report.contains("service:     2014-05-26 to 2014-12-28"))
    }

    @Test func infoOnAMissingPathIsAClearError() throws {
        let command = try GoanCommand.parseAsRoot(["feed", "info", "/nonexistent/feed.zip"])
        #expect {
            try #require(command as? GoanCommand.FeedCommand.Info).execute()
        } throws: { error in
            "\(error)".contains("/nonexistent/feed.zip") && "\(error)".contains("no such file or directory")
        }
    }

    /// Both batch commands report the median as the peers do (`statistics.median`): the middle
    /// timing, or the mean of the two middle ones.
    @Test func batchMedianIsThePeersMedian() {
        #expect(BatchTimingArguments.median([]) == 0)
        #expect(BatchTimingArguments.median([1, 2, 9]) == 2)
        #expect(BatchTimingArguments.median([1, 2, 4, 9]) == 3)
        #expect(BatchTimingArguments.p95(Array(stride(from: 1.0, through: 100, by: 1))) == 95)
    }
}
