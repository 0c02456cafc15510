//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import TestSupport
import Testing

/// Calls the feed leaves without times (non-timepoints) get times interpolated linearly by stop
/// index between the neighbouring calls that have them.
@Suite struct InterpolationTests {
    /// A trip over stops S0…S(n-1) with the given (arrival, departure) fields.
    static func interpolationFeed(_ times: [(String, String)]) -> String {
        var text = "# stops.txt\nstop_id,stop_name,stop_lat,stop_lon\n"
        for i in times.indices { text += "S\(i),S\(i),52.\(i),6.0\n" }
        text += "# trips.txt\nroute_id,service_id,trip_id\nR1,S,T\n"
        text += "# stop_times.txt\ntrip_id,arrival_time,departure_time,stop_id,stop_sequence,timepoint\n"
        for (i, (a, d)) in times.enumerated() {
            text += "T,\(a),\(d),S\(i),\(i + 1),\(a.isEmpty ? "0" : "1")\n"
        }
        return text
    }

    /// A trip whose empty times are interpolated: (arrival, departure) fields and the expected
    /// time of each call.
    struct Interpolation: Sendable, CustomTestStringConvertible {
        var name: String
        var times: [(String, String)]
        var expected: [String]
        var testDescription: String { name }
    }

    static let interpolations: [Interpolation] = [
        // Whole minutes around: linear by stop index, rounded to whole minutes (half away from zero).
        Interpolation(
            name: "evenly", times: [("10:00:00", "10:00:00"), ("", ""), ("", ""), ("10:30:00", "10:30:00")],
            expected: ["10:00:00", "10:10:00", "10:20:00", "10:30:00"]),
        Interpolation(
            name: "thirds", times: [("10:00:00", "10:00:00"), ("", ""), ("", ""), ("10:10:00", "10:10:00")],
            expected: ["10:00:00", "10:03:00", "10:07:00", "10:10:00"]),
        Interpolation(
            name: "quarters",
            times: [("10:00:00", "10:00:00"), ("", ""), ("", ""), ("", ""), ("10:05:00", "10:05:00")],
            expected: ["10:00:00", "10:01:00", "10:03:00", "10:04:00", "10:05:00"]),
        // From the previous departure to the next arrival.
        Interpolation(
            name: "dwell",
            times: [("10:00:00", "10:02:00"), ("", ""), ("10:12:00", "10:15:00"), ("", ""), ("10:25:00", "10:25:00")],
            expected: ["10:00:00", "10:07:00", "10:12:00", "10:20:00", "10:25:00"]),
        // Seconds around: kept to the second (22.5 s rounds to 23 s).
        Interpolation(
            name: "seconds", times: [("10:00:00", "10:00:00"), ("", ""), ("10:00:45", "10:00:45")],
            expected: ["10:00:00", "10:00:23", "10:00:45"]),
        Interpolation(
            name: "seconds on one side", times: [("10:00:00", "10:00:00"), ("", ""), ("10:01:30", "10:01:30")],
            expected: ["10:00:00", "10:00:45", "10:01:30"]),
        // Rounding to whole minutes can give a call the time of its neighbour, never less.
        Interpolation(
            name: "short gap", times: [("10:00:00", "10:00:00"), ("", ""), ("", ""), ("10:01:00", "10:01:00")],
            expected: ["10:00:00", "10:00:00", "10:01:00", "10:01:00"]),
        Interpolation(
            name: "past midnight", times: [("23:58:00", "23:58:00"), ("", ""), ("24:04:00", "24:04:00")],
            expected: ["23:58:00", "24:01:00", "24:04:00"]),
    ]

    @Test(arguments: interpolations)
    func interpolationOfEmptyTimes(_ c: Interpolation) throws {
        let feed = try InlineFeed.feed(Self.interpolationFeed(c.times))
        let rows = feed.stopTimes.rangeOfTrip[0].map(Int.init)
        // Known calls keep their times; interpolated calls get one time for both.
        var expectedArrivals = c.expected
        var expectedDepartures = c.expected
        for (i, (a, d)) in c.times.enumerated() where !a.isEmpty {
            expectedArrivals[i] = a
            expectedDepartures[i] = d
        }
        #expect(rows.map { GTFSTime.format(feed.stopTimes.arrival[$0]) } == expectedArrivals)
        #expect(rows.map { GTFSTime.format(feed.stopTimes.departure[$0]) } == expectedDepartures)
        #expect(feed.warnings.isEmpty)
    }

    @Test func oneTimeGivenIsUsedForBoth() throws {
        let feed = try InlineFeed.feed(Self.interpolationFeed([("", "10:00:00"), ("10:05:00", ""), ("10:09:00", "")]))
        #expect(FeedLoadingTests.calls(feed, "T") == ["S0 10:00:00/10:00:00", "S1 10:05:00/10:05:00", "S2 10:09:00/10:09:00"])
    }
}
