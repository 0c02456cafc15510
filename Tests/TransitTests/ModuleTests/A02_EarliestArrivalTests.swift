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

/// Earliest arrival from one stop to one stop, and to the best of several stops.
@Suite struct A02_EarliestArrivalTests {
    // Route 1: A → B → C. Route 2: B → D (10:15, 10:30). Route 3: C → D (10:25) is the fastest
    // way to D, but only with a change at C.
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        R2,A,2,,3
        R3,A,3,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        D,D,52.03,6.00
        E,E,52.04,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,T2
        R2,S,U1
        R2,S,U2
        R3,S,V1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:10:00,B,2
        T1,10:20:00,10:20:00,C,3
        T2,10:30:00,10:30:00,A,1
        T2,10:40:00,10:40:00,B,2
        T2,10:50:00,10:50:00,C,3
        U1,10:15:00,10:15:00,B,1
        U1,10:35:00,10:35:00,D,2
        U2,10:45:00,10:45:00,B,1
        U2,11:05:00,11:05:00,D,2
        V1,10:25:00,10:25:00,C,1
        V1,10:30:00,10:30:00,D,2
        """

    @Test func oneRideToTheNextStopOfTheRoute() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "B", at: "09:00") == ["A 10:00 ~ 1/T1 ~ B 10:10 [0 transfers]"])
    }

    @Test func theEarliestArrivalNeedsAChange() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["D"], .departAt(at("09:00")))
        #expect(result.best?.time == at("10:30"))
        #expect(result.best?.transfers == 1)
        #expect(planner.summaries(result).last == "A 10:00 ~ 1/T1 ~ C 10:25 ~ 3/V1 ~ D 10:30 [1 transfer]")
    }

    @Test func missingTheFirstTripTakesTheNextConnection() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "D", at: "10:01") == ["A 10:30 ~ 1/T2 ~ B 10:45 ~ 2/U2 ~ D 11:05 [1 transfer]"])
    }

    @Test func nothingLeftToday() throws {
        var planner = try Planner(Self.feed)
        // Tomorrow's trips are within reach of a late query (the next service day is searched).
        let result = planner.route(["A"], ["D"], .departAt(at("23:00")))
        #expect(result.best?.time == at("10:30") + 86_400)
        let unreachable = planner.route(["A"], ["E"], .departAt(at("09:00")))
        #expect(unreachable.journeys.isEmpty)
        #expect(unreachable.pareto.isEmpty)
        #expect(unreachable.best == nil)
    }

    @Test func theOriginIsTheDestination() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["A"], .departAt(at("09:00")))
        // No ride is needed; the router returns no transit journey (and certainly not a loop).
        #expect(result.journeys.allSatisfy { $0.transitLegs.isEmpty })
    }

    @Test func oneToManyStopsAtTheFirstDestinationReached() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C", "D"], .departAt(at("09:00")))
        #expect(planner.summaries(result) == ["A 10:00 ~ 1/T1 ~ C 10:20 [0 transfers]"])
    }

    @Test func oneToManyCountsTheTimeFromEachStopToThePlace() throws {
        var planner = try Planner(Self.feed)
        // From C the place is 15 minutes away, from D 1 minute: D at 10:30 + 1 beats C at 10:20 + 15.
        let result = planner.route(["A"], ["C+900", "D+60"], .departAt(at("09:00")))
        #expect(result.best?.time == at("10:31"))
        let journey = try #require(result.journeys.first { $0.transfers == 1 })
        #expect(journey.legs.last?.mode == .egress)
        #expect(planner.id(journey.legs.last?.fromStop) == "D")
        #expect(journey.legs.last?.duration == 60)
        // The direct ride to C (0 transfers) is still Pareto-optimal: 10:35 at the place.
        #expect(result.pareto.map(\.transfers) == [0, 1])
        #expect(result.pareto.first?.time == at("10:35"))
    }

    @Test func earliestArrivalIsTheSameFromEveryStartBeforeTheFirstTrip() throws {
        var planner = try Planner(Self.feed)
        for minute in stride(from: 0, through: 60, by: 10) {
            let start = at("09:00") + Int32(minute * 60)
            #expect(planner.route(["A"], ["D"], .departAt(start)).best?.time == at("10:30"))
        }
    }
}
