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

/// The result is the Pareto set over (arrival, transfers), limited by `maxTransfers`.
@Suite struct A03_ParetoTests {
    // A slow direct bus A → D (10:00–11:00); a faster way with one change at B (arrives 10:40);
    // a still faster way with two changes via E and B (arrives 10:35); and a two-change way via
    // F that arrives no earlier than the one-change way (dominated).
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        SLOW,A,slow,,3
        FAST,A,fast,,3
        LINK,A,link,,3
        FEED,A,feed,,3
        SIDE,A,side,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        D,D,52.03,6.00
        E,E,52.04,6.00
        F,F,52.05,6.00
        # trips.txt
        route_id,service_id,trip_id
        SLOW,S,S1
        FAST,S,F1
        LINK,S,L1
        LINK,S,L2
        FEED,S,E1
        FEED,S,E2
        SIDE,S,X1
        SIDE,S,X2
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        S1,10:00:00,10:00:00,A,1
        S1,11:00:00,11:00:00,D,2
        F1,10:05:00,10:05:00,A,1
        F1,10:15:00,10:15:00,B,2
        L1,10:20:00,10:20:00,B,1
        L1,10:40:00,10:40:00,D,2
        L2,10:10:00,10:10:00,B,1
        L2,10:30:00,10:30:00,D,2
        E1,10:01:00,10:01:00,A,1
        E1,10:03:00,10:03:00,E,2
        E2,10:05:00,10:05:00,E,1
        E2,10:07:00,10:07:00,B,2
        X1,10:02:00,10:02:00,A,1
        X1,10:04:00,10:04:00,F,2
        X2,10:08:00,10:08:00,F,1
        X2,10:17:00,10:17:00,B,2
        """

    static let fastChanges = TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 60)

    @Test func aSlowDirectAndFasterJourneysWithChangesAreAllReturned() throws {
        var planner = try Planner(Self.feed, options: Self.fastChanges)
        let result = planner.route(["A"], ["D"], .departAt(at("09:55")))
        #expect(result.pareto.map(\.transfers) == [0, 1, 2])
        #expect(result.pareto.map(\.time) == [at("11:00"), at("10:40"), at("10:30")])
        #expect(Set(planner.summaries(result)) == [
            "A 10:00 ~ slow/S1 ~ D 11:00 [0 transfers]",
            "A 10:05 ~ fast/F1 ~ B 10:20 ~ link/L1 ~ D 10:40 [1 transfer]",
            "A 10:01 ~ feed/E1 ~ E 10:05 ~ feed/E2 ~ B 10:10 ~ link/L2 ~ D 10:30 [2 transfers]",
        ])
        #expect(result.best! == (at("10:30"), 2))
    }

    @Test func journeysAreSortedByDepartureThenArrival() throws {
        var planner = try Planner(Self.feed, options: Self.fastChanges)
        let journeys = planner.route(["A"], ["D"], .departAt(at("09:55"))).journeys
        #expect(journeys.map(\.departure) == journeys.map(\.departure).sorted())
        #expect(journeys.map(\.transfers).sorted() == [0, 1, 2])
    }

    @Test func aJourneyWithMoreChangesAndNoEarlierArrivalIsDominated() throws {
        var planner = try Planner(Self.feed, options: Self.fastChanges)
        let journeys = planner.route(["A"], ["D"], .departAt(at("09:55"))).journeys
        // The way via F (X1, X2, then L1 at 10:20) arrives 10:40 like the one-change journey.
        #expect(!journeys.contains { $0.legs.contains { planner.tripID($0) == "X2" } })
        for a in journeys {
            for b in journeys where a != b {
                #expect(!(b.arrival <= a.arrival && b.transfers <= a.transfers && b.departure >= a.departure))
            }
        }
    }

    @Test(arguments: [(0, ["S1"]), (1, ["S1", "F1"]), (2, ["S1", "F1", "E1"])])
    func maxTransfersLimitsTheRides(maxTransfers: Int, firstTrips: [String]) throws {
        var planner = try Planner(Self.feed, options: Self.fastChanges)
        let result = planner.route(["A"], ["D"], .departAt(at("09:55")), maxTransfers: maxTransfers)
        #expect(result.journeys.allSatisfy { $0.transfers <= maxTransfers })
        #expect(result.journeys.map { planner.tripID($0.transitLegs[0])! }.sorted() == firstTrips.sorted())
        #expect(result.statistics.rounds <= maxTransfers + 1)
    }

    @Test func maxTransfersZeroFindsNothingWithoutADirectTrip() throws {
        var planner = try Planner(Self.feed, options: Self.fastChanges)
        #expect(planner.depart("E", "D", at: "10:00", maxTransfers: 0).isEmpty)
        #expect(planner.depart("E", "D", at: "10:00", maxTransfers: 1) == ["E 10:05 ~ feed/E2 ~ B 10:10 ~ link/L2 ~ D 10:30 [1 transfer]"])
    }

    @Test func aLongerChangeTimeRemovesTheTwoChangeJourney() throws {
        // With 300 s to change, E2 (10:05) and X2 (10:08) are missed; L1 at exactly 10:15 + 300 s is caught.
        var planner = try Planner(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 300))
        let result = planner.route(["A"], ["D"], .departAt(at("09:55")))
        #expect(result.pareto.map(\.transfers) == [0, 1])
        #expect(planner.summaries(result).count == 2)
    }
}
