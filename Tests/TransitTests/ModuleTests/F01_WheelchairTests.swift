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

/// Wheelchair-only searches use trips with wheelchair_accessible = 1, and board and alight only
/// at stops with wheelchair_boarding = 1.
@Suite struct F01_WheelchairTests {
    // A → B: NO (not accessible, 10:00), UNKNOWN (no information, 10:15), YES (accessible, 10:30).
    // A → X → C: STEP (accessible trip, 11:00), but X has steps (wheelchair_boarding 2).
    // X → D: LIFT (accessible, 11:20). A → C direct: SLOWC (accessible, 11:05 → 12:00).
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        R2,A,2,,3
        R3,A,3,,3
        R4,A,4,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon,wheelchair_boarding
        A,A,52.00,6.00,1
        B,B,52.01,6.00,1
        C,C,52.02,6.00,1
        D,D,52.03,6.00,1
        X,X,52.04,6.00,2
        # trips.txt
        route_id,service_id,trip_id,wheelchair_accessible
        R1,S,NO,2
        R1,S,UNKNOWN,0
        R1,S,YES,1
        R2,S,STEP,1
        R3,S,LIFT,1
        R4,S,SLOWC,1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        NO,10:00:00,10:00:00,A,1
        NO,10:10:00,10:10:00,B,2
        UNKNOWN,10:15:00,10:15:00,A,1
        UNKNOWN,10:25:00,10:25:00,B,2
        YES,10:30:00,10:30:00,A,1
        YES,10:40:00,10:40:00,B,2
        STEP,11:00:00,11:00:00,A,1
        STEP,11:10:00,11:10:00,X,2
        STEP,11:20:00,11:20:00,C,3
        LIFT,11:30:00,11:30:00,X,1
        LIFT,11:40:00,11:40:00,D,2
        SLOWC,11:05:00,11:05:00,A,1
        SLOWC,11:45:00,11:45:00,C,2
        """

    @Test func withoutTheFilterTheFirstTripIsTaken() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "B", at: "09:55") == ["A 10:00 ~ 1/NO ~ B 10:10 [0 transfers]"])
    }

    @Test func anInaccessibleTripIsAvoided() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "B", at: "09:55", wheelchair: true) == ["A 10:30 ~ 1/YES ~ B 10:40 [0 transfers]"])
    }

    @Test func aTripWithoutInformationIsAvoidedToo() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        #expect(!tt.tripIsAccessible[tt.trips(of: "UNKNOWN")[0]])
        #expect(tt.tripIsAccessible[tt.trips(of: "YES")[0]])
        #expect(!tt.tripIsAccessible[tt.trips(of: "NO")[0]])
    }

    @Test func arriveByAvoidsAnInaccessibleTrip() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.arrive("A", "B", by: "10:30") == ["A 10:15 ~ 1/UNKNOWN ~ B 10:25 [0 transfers]"])
        // Yesterday's accessible 10:30 is the latest one arriving by 10:30 today.
        let result = planner.route(["A"], ["B"], .arriveBy(at("10:30")), wheelchair: true)
        #expect(result.journeys.first?.transitLegs.first.map { planner.tripID($0)! } == "YES")
        #expect(result.journeys.first?.transitLegs.first?.serviceDayOffset == -1)
    }

    @Test func passingAnInaccessibleStopIsFine() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "C", at: "10:50", wheelchair: true) == ["A 11:00 ~ 2/STEP ~ C 11:20 [0 transfers]"])
    }

    @Test func noAlightingAtAnInaccessibleStop() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "X", at: "10:50") == ["A 11:00 ~ 2/STEP ~ X 11:10 [0 transfers]"])
        #expect(planner.depart("A", "X", at: "10:50", wheelchair: true).isEmpty)
    }

    @Test func noBoardingAtAnInaccessibleStop() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("X", "D", at: "11:00") == ["X 11:30 ~ 3/LIFT ~ D 11:40 [0 transfers]"])
        #expect(planner.depart("X", "D", at: "11:00", wheelchair: true).isEmpty)
    }

    @Test func noChangeAtAnInaccessibleStop() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "D", at: "10:50") == ["A 11:00 ~ 2/STEP ~ X 11:30 ~ 3/LIFT ~ D 11:40 [1 transfer]"])
        #expect(planner.depart("A", "D", at: "10:50", wheelchair: true).isEmpty)
    }

    @Test func stopAccessibilityIsInheritedFromTheStation() throws {
        let tt = try InlineFeed.timetable("""
            # stops.txt
            stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,wheelchair_boarding
            ST,Station,52.00,6.00,1,,1
            P1,Platform,52.00,6.00,0,ST,
            P2,Platform,52.00,6.00,0,ST,2
            Q,Q,52.01,6.00,0,,
            """ + "\n" + """
            # trips.txt
            route_id,service_id,trip_id
            R1,S,T1
            # stop_times.txt
            trip_id,arrival_time,departure_time,stop_id,stop_sequence
            T1,10:00:00,10:00:00,P1,1
            T1,10:10:00,10:10:00,Q,2
            """)
        #expect(tt.stopIsAccessible[tt.stop("P1").int])
        #expect(!tt.stopIsAccessible[tt.stop("P2").int])
        #expect(!tt.stopIsAccessible[tt.stop("Q").int])
    }
}
