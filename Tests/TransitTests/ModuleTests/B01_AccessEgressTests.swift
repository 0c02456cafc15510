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

/// Several origin and destination stops with durations (walking from an address, later a
/// taxi), and a station standing for its platforms.
@Suite struct B01_AccessEgressTests {
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        R2,A,2,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station
        ST,Central,52.000,6.000,1,
        P1,Central platform 1,52.000,6.000,0,ST
        P2,Central platform 2,52.001,6.000,0,ST
        A,A,52.01,6.00,0,
        B,B,52.02,6.00,0,
        C,C,52.03,6.00,0,
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,T2
        R2,S,U1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:10:00,B,2
        T1,10:20:00,10:20:00,C,3
        T2,10:30:00,10:30:00,A,1
        T2,10:40:00,10:40:00,B,2
        T2,10:50:00,10:50:00,C,3
        U1,10:05:00,10:05:00,P2,1
        U1,10:25:00,10:25:00,C,2
        """

    @Test func anAccessDurationDelaysTheFirstBoarding() throws {
        var planner = try Planner(Self.feed)
        // 10 minutes to A from 09:55: the 10:00 bus is gone, the 10:30 one is taken.
        let result = planner.route(["A+600"], ["C"], .departAt(at("09:55")))
        let journey = try #require(result.journeys.first)
        #expect(planner.summaries(result) == ["~ access 10m ~ A 10:30 ~ 1/T2 ~ C 10:50 [0 transfers]"])
        let access = journey.legs[0]
        #expect(access.mode == .access)
        #expect(access.fromStop == nil)
        #expect(planner.id(access.toStop) == "A")
        #expect(access.duration == 600)
        // The traveller leaves just in time: the access leg ends when the bus leaves.
        #expect(access.arrival == at("10:30"))
        #expect(journey.departure == at("10:20"))
    }

    @Test func anAccessLegEndingExactlyAtTheDepartureCatchesIt() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A+300"], ["C"], .departAt(at("09:55")))
        #expect(planner.summaries(result) == ["~ access 5m ~ A 10:00 ~ 1/T1 ~ C 10:20 [0 transfers]"])
    }

    @Test func anEgressDurationIsAddedToTheArrival() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C+180"], .departAt(at("09:55")))
        let journey = try #require(result.journeys.first)
        #expect(journey.arrival == at("10:23"))
        let egress = try #require(journey.legs.last)
        #expect(egress.mode == .egress)
        #expect(planner.id(egress.fromStop) == "C")
        #expect(egress.toStop == nil)
        #expect(egress.departure == at("10:20"))
        #expect(egress.arrival == at("10:23"))
        #expect(result.best?.time == at("10:23"))
    }

    @Test func theBestOfSeveralOriginsWithTheirDurations() throws {
        var planner = try Planner(Self.feed)
        // B is 15 minutes away: the 10:10 there beats walking 2 minutes to A for the 10:30.
        let result = planner.route(["A+720", "B+900"], ["C"], .departAt(at("09:50")))
        #expect(planner.summaries(result) == ["~ access 15m ~ B 10:10 ~ 1/T1 ~ C 10:20 [0 transfers]"])
    }

    @Test func zeroLengthAccessAndEgressLegsAreLeftOut() throws {
        var planner = try Planner(Self.feed)
        let journey = try #require(planner.route(["A"], ["C"], .departAt(at("09:55"))).journeys.first)
        #expect(journey.legs.map(\.mode) == [.transit])
        #expect(journey.departure == at("10:00"))
        #expect(journey.arrival == at("10:20"))
    }

    @Test func theLegsOfAJourneyAreContiguous() throws {
        var planner = try Planner(Self.feed)
        let journey = try #require(planner.route(["A+120"], ["C+240"], .departAt(at("09:00"))).journeys.first)
        #expect(journey.legs.map(\.mode) == [.access, .transit, .egress])
        for (a, b) in zip(journey.legs, journey.legs.dropFirst()) {
            #expect(a.arrival <= b.departure)
            #expect(a.toStop == b.fromStop)
        }
        #expect(journey.departure == at("09:58"))
        #expect(journey.arrival == at("10:24"))
        #expect(journey.duration == 26 * 60)
    }

    @Test func aStationStandsForItsPlatforms() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        #expect(tt.stopsFor(tt.stop("ST").int).map { tt.feed.stops[$0].id } == ["P1", "P2"])
        #expect(tt.stopsFor(tt.stop("A").int) == [tt.stop("A").int])
        #expect(tt.stopsFor(tt.stop("P1").int) == [tt.stop("P1").int])
    }

    @Test func aStationAsOriginUsesAnyOfItsPlatforms() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        var raptor = Raptor(timetable: tt)
        let origins = tt.stopsFor(tt.stop("ST").int).map { StopOffset(stop: StopIndex($0)) }
        let result = raptor.route(JourneyRequest(
            origins: origins, destinations: [StopOffset(stop: tt.stop("C"))], date: monday, time: .departAt(at("10:00"))))
        #expect(result.journeys.map { $0.summary(in: tt) } == ["P2 10:05 ~ 2/U1 ~ C 10:25 [0 transfers]"])
    }

    @Test func aStationAsDestinationAcceptsAnyOfItsPlatforms() throws {
        let tt = try InlineFeed.timetable(Self.feed.replacingOccurrences(of: "U1,10:05:00,10:05:00,P2,1\nU1,10:25:00,10:25:00,C,2",
                                                                          with: "U1,10:05:00,10:05:00,C,1\nU1,10:25:00,10:25:00,P2,2"))
        var raptor = Raptor(timetable: tt)
        let destinations = tt.stopsFor(tt.stop("ST").int).map { StopOffset(stop: StopIndex($0)) }
        let result = raptor.route(JourneyRequest(
            origins: [StopOffset(stop: tt.stop("C"))], destinations: destinations, date: monday, time: .departAt(at("10:00"))))
        #expect(result.journeys.map { $0.summary(in: tt) } == ["C 10:05 ~ 2/U1 ~ P2 10:25 [0 transfers]"])
    }
}
