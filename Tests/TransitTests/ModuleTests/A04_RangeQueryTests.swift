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
import Transit

/// Range queries (rRAPTOR): every departure within a window, dominated journeys removed.
@Suite struct A04_RangeQueryTests {
    // A bus A → C every 20 minutes taking 30 minutes, and an express at 10:25 taking 20 minutes,
    // which makes the 10:20 bus pointless (it leaves earlier and arrives later).
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        X,A,X,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,T2
        R1,S,T3
        R1,S,T4
        X,S,E1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:15:00,10:15:00,B,2
        T1,10:30:00,10:30:00,C,3
        T2,10:20:00,10:20:00,A,1
        T2,10:35:00,10:35:00,B,2
        T2,10:50:00,10:50:00,C,3
        T3,10:40:00,10:40:00,A,1
        T3,10:55:00,10:55:00,B,2
        T3,11:10:00,11:10:00,C,3
        T4,11:00:00,11:00:00,A,1
        T4,11:15:00,11:15:00,B,2
        T4,11:30:00,11:30:00,C,3
        E1,10:25:00,10:25:00,A,1
        E1,10:45:00,10:45:00,C,2
        """

    @Test func everyUsefulDepartureInTheWindowIsReturned() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "C", at: "09:55", window: 3600) == [
            "A 10:00 ~ 1/T1 ~ C 10:30 [0 transfers]",
            "A 10:25 ~ X/E1 ~ C 10:45 [0 transfers]",
            "A 10:40 ~ 1/T3 ~ C 11:10 [0 transfers]",
        ])
    }

    @Test func oneRunPerDepartureInTheWindow() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C"], .departAt(at("09:55")), window: 3600)
        // 10:00, 10:20, 10:25 and 10:40 leave A within [09:55, 10:55].
        #expect(result.statistics.runs == 4)
    }

    @Test func theWindowEndIsInclusive() throws {
        var planner = try Planner(Self.feed)
        let journeys = planner.depart("A", "C", at: "10:00", window: 3600)
        #expect(journeys.last == "A 11:00 ~ 1/T4 ~ C 11:30 [0 transfers]")
        #expect(journeys.count == 4)
    }

    @Test func aZeroWindowIsASingleDeparture() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C"], .departAt(at("09:55")))
        #expect(result.statistics.runs == 1)
        #expect(planner.summaries(result) == ["A 10:00 ~ 1/T1 ~ C 10:30 [0 transfers]"])
    }

    @Test func theRangeResultMatchesSingleQueriesAtEachDeparture() throws {
        var planner = try Planner(Self.feed)
        let range = planner.route(["A"], ["C"], .departAt(at("09:55")), window: 3600).journeys
        for journey in range {
            let single = planner.route(["A"], ["C"], .departAt(journey.departure))
            #expect(single.best?.time == journey.arrival)
        }
    }

    @Test func anArriveByWindowReturnsEveryUsefulArrival() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.arrive("A", "C", by: "11:15", window: 3600) == [
            "A 10:00 ~ 1/T1 ~ C 10:30 [0 transfers]",
            "A 10:25 ~ X/E1 ~ C 10:45 [0 transfers]",
            "A 10:40 ~ 1/T3 ~ C 11:10 [0 transfers]",
        ])
    }

    @Test func aRangeFromAnIntermediateStop() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("B", "C", at: "10:10", window: 1800) == [
            "B 10:15 ~ 1/T1 ~ C 10:30 [0 transfers]",
            "B 10:35 ~ 1/T2 ~ C 10:50 [0 transfers]",
        ])
    }

    // One direct bus at 10:00 (arrives 10:30), and a feeder at 10:02 with a change at B to an
    // express arriving 10:20: the direct journey is slower but has no change.
    static let directOrChange = feed.replacingTrips(with: """
        R1,S,T1
        X,S,F1
        X,S,F2
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:15:00,10:15:00,B,2
        T1,10:30:00,10:30:00,C,3
        F1,10:02:00,10:02:00,A,1
        F1,10:06:00,10:06:00,B,2
        F2,10:12:00,10:12:00,B,1
        F2,10:20:00,10:20:00,C,2
        """)

    @Test func aRangeKeepsASlowerDirectJourneyNextToAFasterOneWithAChange() throws {
        var planner = try Planner(Self.directOrChange)
        let journeys = planner.depart("A", "C", at: "09:55", window: 1800)
        #expect(journeys.contains("A 10:00 ~ 1/T1 ~ C 10:30 [0 transfers]"))
        #expect(journeys.contains("A 10:02 ~ X/F1 ~ B 10:12 ~ X/F2 ~ C 10:20 [1 transfer]"))
    }

    @Test
    func everyJourneyOfARangeQueryIsWithinTheWindow() throws {
        var planner = try Planner(Self.directOrChange)
        // The 10:02 run can only reach C without a change with tomorrow's 10:00 bus; that journey
        // leaves the next day, far outside [09:55, 10:25], and must not be returned.
        let forward = planner.route(["A"], ["C"], .departAt(at("09:55")), window: 1800)
        let backward = planner.route(["A"], ["C"], .arriveBy(at("10:35")), window: 1200)
        #expect(forward.journeys.allSatisfy { $0.departure >= at("09:55") && $0.departure <= at("10:25") })
        #expect(planner.summaries(forward) == [
            "A 10:00 ~ 1/T1 ~ C 10:30 [0 transfers]",
            "A 10:02 ~ X/F1 ~ B 10:12 ~ X/F2 ~ C 10:20 [1 transfer]",
        ])
        #expect(backward.journeys.allSatisfy { $0.arrival >= at("10:15") && $0.arrival <= at("10:35") })
        #expect(planner.summaries(backward) == [
            "A 10:00 ~ 1/T1 ~ C 10:30 [0 transfers]",
            "A 10:02 ~ X/F1 ~ B 10:12 ~ X/F2 ~ C 10:20 [1 transfer]",
        ])
    }
}

extension String {
    /// The feed with everything after the header of trips.txt replaced (same stops and routes).
    func replacingTrips(with trips: String) -> String {
        let marker = "# trips.txt\nroute_id,service_id,trip_id\n"
        let start = range(of: marker)!.upperBound
        return String(self[..<start]) + trips
    }
}
