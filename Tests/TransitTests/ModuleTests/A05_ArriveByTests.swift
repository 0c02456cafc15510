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

/// Arrive-by queries: the latest departure that is somewhere by a given time.
@Suite struct A05_ArriveByTests {
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        R2,A,2,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        D,D,52.03,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,T2
        R1,S,T3
        R2,S,U1
        R2,S,U2
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:11:00,B,2
        T1,10:20:00,10:20:00,C,3
        T2,10:30:00,10:30:00,A,1
        T2,10:40:00,10:41:00,B,2
        T2,10:50:00,10:50:00,C,3
        T3,11:00:00,11:00:00,A,1
        T3,11:10:00,11:11:00,B,2
        T3,11:20:00,11:20:00,C,3
        U1,10:15:00,10:15:00,B,1
        U1,10:30:00,10:30:00,D,2
        U2,10:45:00,10:45:00,B,1
        U2,11:00:00,11:00:00,D,2
        """

    @Test func theLatestDepartureArrivingInTime() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.arrive("A", "C", by: "11:15") == ["A 10:30 ~ 1/T2 ~ C 10:50 [0 transfers]"])
    }

    @Test func arrivingExactlyAtTheDeadlineCounts() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.arrive("A", "C", by: "10:50") == ["A 10:30 ~ 1/T2 ~ C 10:50 [0 transfers]"])
        #expect(planner.arrive("A", "C", by: "10:49:59") == ["A 10:00 ~ 1/T1 ~ C 10:20 [0 transfers]"])
    }

    @Test func theBestTimeOfAnArriveByQueryIsTheDeparture() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C"], .arriveBy(at("11:15")))
        #expect(result.best?.time == at("10:30"))
        #expect(result.best?.transfers == 0)
        let journey = try #require(result.journeys.first)
        #expect(journey.departure == at("10:30"))
        #expect(journey.arrival == at("10:50"))
    }

    @Test func arriveByWithAChangeRespectsTheChangeTime() throws {
        var planner = try Planner(Self.feed)
        // U2 leaves B at 10:45: T2 arrives 10:40, 5 minutes earlier (≥ 2 minutes): latest is 10:30.
        #expect(planner.arrive("A", "D", by: "11:00") == ["A 10:30 ~ 1/T2 ~ B 10:45 ~ 2/U2 ~ D 11:00 [1 transfer]"])
        // U1 leaves B at 10:15; T1 arrives 10:10 (≥ 2 minutes before).
        #expect(planner.arrive("A", "D", by: "10:59") == ["A 10:00 ~ 1/T1 ~ B 10:15 ~ 2/U1 ~ D 10:30 [1 transfer]"])
    }

    @Test func aTightChangeIsNotUsedBackwardsEither() throws {
        var planner = try Planner(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 360))
        // T2 reaches B at 10:40, U2 leaves 10:45: 5 minutes < 6, so the traveller leaves with T1.
        #expect(planner.arrive("A", "D", by: "11:00") == ["A 10:00 ~ 1/T1 ~ B 10:45 ~ 2/U2 ~ D 11:00 [1 transfer]"])
        // T1 reaches B at 10:10, U1 leaves 10:15: too tight; only yesterday's T3 (B at 11:10) feeds U1.
        #expect(planner.arrive("A", "D", by: "10:30") == ["A -13:00 ~ 1/T3 ~ B 10:15 ~ 2/U1 ~ D 10:30 [1 transfer]"])
    }

    @Test func beforeTheFirstTripOfTheDayYesterdaysLastTripIsFound() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C"], .arriveBy(at("09:00")))
        let leg = try #require(result.journeys.first?.transitLegs.first)
        #expect(planner.tripID(leg) == "T3")
        #expect(leg.serviceDayOffset == -1)
        #expect(leg.departure == at("11:00") - 86_400)
        #expect(leg.arrival == at("11:20") - 86_400)
    }

    @Test func arriveByAndDepartAtAgreeOnADirectTrip() throws {
        var planner = try Planner(Self.feed)
        let forward = planner.route(["A"], ["D"], .departAt(at("10:25")))
        let arrival = try #require(forward.best?.time)
        let backward = planner.route(["A"], ["D"], .arriveBy(arrival))
        #expect(backward.best?.time == at("10:30"))
        #expect(planner.summaries(forward) == planner.summaries(backward))
    }

    @Test func arriveByAtAnIntermediateStop() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.arrive("B", "C", by: "10:50") == ["B 10:41 ~ 1/T2 ~ C 10:50 [0 transfers]"])
        #expect(planner.arrive("A", "B", by: "10:40") == ["A 10:30 ~ 1/T2 ~ B 10:40 [0 transfers]"])
    }
}
