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
import Transit

/// frequencies.txt: both `exact_times` 1 (a fixed schedule) and 0 (headway-based) are expanded
/// into one trip per departure; `end_time` is exclusive.
@Suite struct E02_FrequencyTests {
    // EXACT's stop_times start at 06:00 and take 10 + 5 minutes; it runs every 20 minutes from
    // 10:00 to 11:00 (10:00, 10:20, 10:40). HEADWAY runs every 15 minutes from 12:00 to 13:00.
    static let feed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,EXACT
        R1,S,HEADWAY
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        EXACT,06:00:00,06:00:00,A,1
        EXACT,06:10:00,06:11:00,B,2
        EXACT,06:15:00,06:15:00,C,3
        HEADWAY,00:00:00,00:00:00,A,1
        HEADWAY,00:10:00,00:11:00,B,2
        HEADWAY,00:15:00,00:15:00,C,3
        # frequencies.txt
        trip_id,start_time,end_time,headway_secs,exact_times
        EXACT,10:00:00,11:00:00,1200,1
        HEADWAY,12:00:00,13:00:00,900,0
        """

    @Test func eachDepartureBecomesATrip() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        #expect(tt.trips(of: "EXACT").count == 3)
        #expect(tt.trips(of: "HEADWAY").count == 4)
        #expect(tt.tripCount == 7)
        #expect(tt.patternCount == 1)
        tt.checkInvariants()
    }

    @Test func theShiftMovesTheFirstDepartureToEachStart() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        let shifts = tt.trips(of: "EXACT").map { tt.tripShift[$0] }.sorted()
        #expect(shifts == [at("04:00"), at("04:20"), at("04:40")])
        let headway = tt.trips(of: "HEADWAY").map { tt.tripShift[$0] }.sorted()
        #expect(headway == [at("12:00"), at("12:15"), at("12:30"), at("12:45")])
    }

    @Test func exactTimesDeparturesAreRoutable() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "C", at: "10:01") == ["A 10:20 ~ 1/EXACT ~ C 10:35 [0 transfers]"])
        #expect(planner.depart("B", "C", at: "10:40") == ["B 10:51 ~ 1/EXACT ~ C 10:55 [0 transfers]"])
    }

    @Test func theEndTimeIsExclusive() throws {
        var planner = try Planner(Self.feed)
        // No 11:00 departure: after 10:40 the next one is HEADWAY at 12:00.
        #expect(planner.depart("A", "C", at: "10:41") == ["A 12:00 ~ 1/HEADWAY ~ C 12:15 [0 transfers]"])
        // After 12:45 (the last one before 13:00) the next departure is tomorrow's 10:00.
        #expect(planner.depart("A", "C", at: "12:46") == ["A 34:00 ~ 1/EXACT ~ C 34:15 [0 transfers]"])
        #expect(planner.depart("A", "C", at: "12:45") == ["A 12:45 ~ 1/HEADWAY ~ C 13:00 [0 transfers]"])
    }

    @Test func headwayBasedDeparturesAreRoutable() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "C", at: "12:01") == ["A 12:15 ~ 1/HEADWAY ~ C 12:30 [0 transfers]"])
        #expect(planner.arrive("A", "C", by: "12:59") == ["A 12:30 ~ 1/HEADWAY ~ C 12:45 [0 transfers]"])
    }

    @Test func aRangeQueryReturnsEveryFrequencyDeparture() throws {
        var planner = try Planner(Self.feed)
        let journeys = planner.depart("A", "C", at: "10:00", window: 3600)
        #expect(journeys == [
            "A 10:00 ~ 1/EXACT ~ C 10:15 [0 transfers]",
            "A 10:20 ~ 1/EXACT ~ C 10:35 [0 transfers]",
            "A 10:40 ~ 1/EXACT ~ C 10:55 [0 transfers]",
        ])
    }

    @Test func anEndNotOnTheHeadwayStopsBeforeIt() throws {
        let tt = try InlineFeed.timetable(Self.feed.replacingLastLine(with: "HEADWAY,12:00:00,12:31:00,900,0"))
        #expect(tt.trips(of: "HEADWAY").map { tt.tripShift[$0] }.sorted() == [at("12:00"), at("12:15"), at("12:30")])
    }
}

extension String {
    func replacingLastLine(with line: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[lines.count - 1] = line
        return lines.joined(separator: "\n")
    }
}
