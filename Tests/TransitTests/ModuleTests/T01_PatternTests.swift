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

/// Trips are grouped into patterns by their stops and their pickup/drop-off rules, and a trip
/// that overtakes another goes to a pattern of its own.
@Suite struct T01_PatternTests {
    static let rulesFeed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,T2
        R1,S,NOPICKUP
        R1,S,NODROPOFF
        R1,S,SHORT
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type
        T1,10:00:00,10:00:00,A,1,,
        T1,10:10:00,10:10:00,B,2,,
        T1,10:20:00,10:20:00,C,3,,
        T2,11:00:00,11:00:00,A,1,0,0
        T2,11:10:00,11:10:00,B,2,0,0
        T2,11:20:00,11:20:00,C,3,0,0
        NOPICKUP,12:00:00,12:00:00,A,1,,
        NOPICKUP,12:10:00,12:10:00,B,2,1,
        NOPICKUP,12:20:00,12:20:00,C,3,,
        NODROPOFF,13:00:00,13:00:00,A,1,,
        NODROPOFF,13:10:00,13:10:00,B,2,,1
        NODROPOFF,13:20:00,13:20:00,C,3,,
        SHORT,14:00:00,14:00:00,A,1,,
        SHORT,14:20:00,14:20:00,C,2,,
        """

    @Test func tripsWithTheSameStopsAndRulesShareAPattern() throws {
        let tt = try InlineFeed.timetable(Self.rulesFeed)
        #expect(tt.tripCount == 5)
        #expect(tt.pattern(of: "T1") == tt.pattern(of: "T2"))
        #expect(tt.stopIDs(ofPattern: tt.pattern(of: "T1")) == ["A", "B", "C"])
        #expect(tt.tripCount(ofPattern: tt.pattern(of: "T1")) == 2)
    }

    @Test func differentPickupOrDropOffRulesMakeDifferentPatterns() throws {
        let tt = try InlineFeed.timetable(Self.rulesFeed)
        #expect(tt.patternCount == 4)
        let patterns = Set(["T1", "NOPICKUP", "NODROPOFF", "SHORT"].map { tt.pattern(of: $0) })
        #expect(patterns.count == 4)
        // Bit 0: boarding allowed, bit 1: alighting allowed.
        #expect(Array(tt.patternStopRules[tt.pattern(of: "T1")]) == [3, 3, 3])
        #expect(Array(tt.patternStopRules[tt.pattern(of: "NOPICKUP")]) == [3, 2, 3])
        #expect(Array(tt.patternStopRules[tt.pattern(of: "NODROPOFF")]) == [3, 1, 3])
        #expect(tt.stopIDs(ofPattern: tt.pattern(of: "SHORT")) == ["A", "C"])
    }

    @Test func patternsAtAStopListEveryPatternCallingThere() throws {
        let tt = try InlineFeed.timetable(Self.rulesFeed)
        let atB = tt.patternsAtStop[tt.stop("B").int].map { Int($0.pattern) }
        #expect(Set(atB) == Set(["T1", "NOPICKUP", "NODROPOFF"].map { tt.pattern(of: $0) }))
        #expect(tt.patternsAtStop[tt.stop("B").int].allSatisfy { $0.position == 1 })
        let atC = tt.patternsAtStop[tt.stop("C").int]
        #expect(atC.count == 4)
        #expect(atC.first { Int($0.pattern) == tt.pattern(of: "SHORT") }?.position == 1)
    }

    // An express leaves A after the stopping train and reaches B and C before it.
    static let overtakingFeed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,SLOW
        R1,S,EXPRESS
        R1,S,LATER
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        SLOW,10:00:00,10:00:00,A,1
        SLOW,10:30:00,10:31:00,B,2
        SLOW,11:00:00,11:00:00,C,3
        EXPRESS,10:10:00,10:10:00,A,1
        EXPRESS,10:20:00,10:20:00,B,2
        EXPRESS,10:30:00,10:30:00,C,3
        LATER,10:20:00,10:20:00,A,1
        LATER,10:40:00,10:41:00,B,2
        LATER,11:10:00,11:10:00,C,3
        """

    @Test func anOvertakingTripGetsAPatternOfItsOwn() throws {
        let tt = try InlineFeed.timetable(Self.overtakingFeed)
        tt.checkInvariants()
        #expect(tt.patternCount == 2)
        #expect(tt.pattern(of: "SLOW") == tt.pattern(of: "LATER"))
        #expect(tt.pattern(of: "EXPRESS") != tt.pattern(of: "SLOW"))
        #expect(tt.stopIDs(ofPattern: tt.pattern(of: "EXPRESS")) == ["A", "B", "C"])
    }

    @Test func tripsOfAPatternAreSortedByDeparture() throws {
        let tt = try InlineFeed.timetable(Self.overtakingFeed)
        let p = tt.pattern(of: "SLOW")
        let first = Int(tt.patternFirstTrip[p])
        #expect(tt.trips(of: "SLOW") == [first])
        #expect(tt.trips(of: "LATER") == [first + 1])
        #expect(tt.tripCount(ofPattern: p) == 2)
        let departuresAtB = (0 ..< 2).map { tt.departures[tt.timeIndex(pattern: p, trip: $0, position: 1)] }
        #expect(departuresAtB == [at("10:31"), at("10:41")])
        let arrivalsAtC = (0 ..< 2).map { tt.arrivals[tt.timeIndex(pattern: p, trip: $0, position: 2)] }
        #expect(arrivalsAtC == [at("11:00"), at("11:10")])
    }

    @Test func theOvertakingTripIsFoundAlthoughTheSlowOneLeavesFirst() throws {
        var planner = try Planner(Self.overtakingFeed)
        #expect(planner.depart("A", "C", at: "09:55") == ["A 10:10 ~ 1/EXPRESS ~ C 10:30 [0 transfers]"])
        #expect(planner.depart("A", "B", at: "10:05") == ["A 10:10 ~ 1/EXPRESS ~ B 10:20 [0 transfers]"])
        #expect(planner.depart("B", "C", at: "10:25") == ["B 10:31 ~ 1/SLOW ~ C 11:00 [0 transfers]"])
    }

    @Test func identicalTimesDoNotCountAsOvertaking() throws {
        let tt = try InlineFeed.timetable("""
            # stops.txt
            stop_id,stop_name,stop_lat,stop_lon
            A,A,52.00,6.00
            B,B,52.01,6.00
            # trips.txt
            route_id,service_id,trip_id
            R1,S,T1
            R1,S,T2
            # stop_times.txt
            trip_id,arrival_time,departure_time,stop_id,stop_sequence
            T1,10:00:00,10:00:00,A,1
            T1,10:10:00,10:10:00,B,2
            T2,10:00:00,10:00:00,A,1
            T2,10:10:00,10:10:00,B,2
            """)
        tt.checkInvariants()
        #expect(tt.patternCount == 1)
        #expect(tt.tripCount(ofPattern: 0) == 2)
    }

    @Test func everyTripIsInExactlyOnePatternAndTheByteCountIsPositive() throws {
        let tt = try InlineFeed.timetable(Self.rulesFeed)
        var seen = Set<Int>()
        for p in 0 ..< tt.patternCount {
            for trip in Int(tt.patternFirstTrip[p]) ..< Int(tt.patternFirstTrip[p + 1]) {
                #expect(Int(tt.tripPattern[trip]) == p)
                #expect(seen.insert(trip).inserted)
            }
        }
        #expect(seen.count == tt.tripCount)
        #expect(tt.byteCount > 0)
    }
}
