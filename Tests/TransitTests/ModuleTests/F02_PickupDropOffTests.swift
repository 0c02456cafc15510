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

/// pickup_type 1: no boarding at the stop; drop_off_type 1: no alighting there.
@Suite struct F02_PickupDropOffTests {
    // FIRST (10:00) does not pick up at B and does not set down at C; SECOND (10:30) does both.
    static let feed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        D,D,52.03,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,FIRST
        R1,S,SECOND
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type
        FIRST,10:00:00,10:00:00,A,1,0,1
        FIRST,10:10:00,10:10:00,B,2,1,0
        FIRST,10:20:00,10:20:00,C,3,0,1
        FIRST,10:30:00,10:30:00,D,4,1,0
        SECOND,10:30:00,10:30:00,A,1,0,1
        SECOND,10:40:00,10:40:00,B,2,0,0
        SECOND,10:50:00,10:50:00,C,3,0,0
        SECOND,11:00:00,11:00:00,D,4,1,0
        """

    @Test func noBoardingWherePickupIsNotAllowed() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("B", "D", at: "10:00") == ["B 10:40 ~ 1/SECOND ~ D 11:00 [0 transfers]"])
    }

    @Test func noAlightingWhereDropOffIsNotAllowed() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "C", at: "09:55") == ["A 10:30 ~ 1/SECOND ~ C 10:50 [0 transfers]"])
    }

    @Test func ridingThroughARestrictedStopIsFine() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "D", at: "09:55") == ["A 10:00 ~ 1/FIRST ~ D 10:30 [0 transfers]"])
        #expect(planner.depart("A", "B", at: "09:55") == ["A 10:00 ~ 1/FIRST ~ B 10:10 [0 transfers]"])
    }

    @Test func theRulesHoldForArriveBy() throws {
        var planner = try Planner(Self.feed)
        // FIRST reaches C at 10:20 but sets nobody down there: by 10:55 only SECOND works.
        #expect(planner.arrive("A", "C", by: "10:55") == ["A 10:30 ~ 1/SECOND ~ C 10:50 [0 transfers]"])
        // FIRST picks nobody up at B: by 10:35 at D only yesterday's SECOND remains.
        let result = planner.route(["B"], ["D"], .arriveBy(at("10:35")))
        let legs = result.journeys.flatMap(\.transitLegs)
        #expect(legs.map { planner.tripID($0)! } == ["SECOND"])
        #expect(legs.map(\.serviceDayOffset) == [-1])
    }
}
