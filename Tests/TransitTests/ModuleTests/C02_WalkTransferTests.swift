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

/// Walking between two stops between rides, and the legs of such journeys.
@Suite struct C02_WalkTransferTests {
    // B2 is 300.23 m north of B: 326 s on foot with generated footpaths.
    // T1 A → B (10:10) → C (11:30). From B2 to C: U0 10:15, U1 10:16. From B to D: W1 10:20.
    static let feed = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        R2,A,2,,3
        R3,A,3,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.0000,6.00
        B,B,52.0100,6.00
        B2,B2,52.0127,6.00
        C,C,52.0300,6.00
        D,D,52.0400,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R2,S,U0
        R2,S,U1
        R3,S,W1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:10:00,B,2
        T1,11:30:00,11:30:00,C,3
        U0,10:15:00,10:15:00,B2,1
        U0,10:29:00,10:29:00,C,2
        U1,10:16:00,10:16:00,B2,1
        U1,10:31:00,10:31:00,C,2
        W1,10:20:00,10:20:00,B,1
        W1,10:40:00,10:40:00,D,2
        """

    static let walk300 = feed + "\n# transfers.txt\nfrom_stop_id,to_stop_id,transfer_type,min_transfer_time\nB,B2,2,300\n"
    static let transfersOnly = TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 120)

    @Test func aTransfersTxtWalkConnectsTwoRides() throws {
        var planner = try Planner(Self.walk300, options: Self.transfersOnly)
        let result = planner.route(["A"], ["C"], .departAt(at("09:55")))
        #expect(planner.summaries(result) == [
            "A 10:00 ~ 1/T1 ~ B 10:10 ~ walk 5m ~ B2 10:15 ~ 2/U0 ~ C 10:29 [1 transfer]",
            "A 10:00 ~ 1/T1 ~ C 11:30 [0 transfers]",
        ])
    }

    @Test func theLegsOfAJourneyWithAWalk() throws {
        var planner = try Planner(Self.walk300, options: Self.transfersOnly)
        let result = planner.route(["A"], ["C"], .departAt(at("09:55")))
        let journey = try #require(result.journeys.first { $0.transfers == 1 })
        #expect(journey.legs.map(\.mode) == [.transit, .walk, .transit])
        let ride1 = journey.legs[0], walk = journey.legs[1], ride2 = journey.legs[2]
        #expect(planner.tripID(ride1) == "T1")
        #expect([planner.id(ride1.fromStop), planner.id(ride1.toStop)] == ["A", "B"])
        #expect([ride1.departure, ride1.arrival] == [at("10:00"), at("10:10")])
        #expect([ride1.boardPosition, ride1.alightPosition] == [0, 1])
        #expect(ride1.serviceDayOffset == 0)
        #expect(ride1.trip.map { Int(planner.tt.feedTrip[$0.int]) } == ride1.feedTrip.map(Int.init))
        #expect([planner.id(walk.fromStop), planner.id(walk.toStop)] == ["B", "B2"])
        #expect([walk.departure, walk.arrival] == [at("10:10"), at("10:15")])
        #expect(walk.trip == nil)
        #expect(planner.tripID(ride2) == "U0")
        #expect([planner.id(ride2.fromStop), planner.id(ride2.toStop)] == ["B2", "C"])
        #expect([ride2.departure, ride2.arrival] == [at("10:15"), at("10:29")])
        #expect(journey.departure == at("10:00"))
        #expect(journey.arrival == at("10:29"))
        #expect(journey.transfers == 1)
    }

    @Test func aWalkNeedsNoExtraChangeTime() throws {
        // Arriving on foot exactly when U0 leaves is enough (no same-stop change time on top).
        var planner = try Planner(Self.walk300, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 600))
        #expect(planner.route(["A"], ["C"], .departAt(at("09:55"))).best?.time == at("10:29"))
    }

    @Test func aGeneratedWalkTakesItsWalkingTime() throws {
        var planner = try Planner(Self.feed)
        // 10:10 + 326 s = 10:15:26: U0 (10:15) is missed, U1 (10:16) caught.
        let result = planner.route(["A"], ["C"], .departAt(at("09:55")))
        let journey = try #require(result.journeys.first { $0.transfers == 1 })
        #expect(journey.legs.map { planner.tripID($0) ?? "walk" } == ["T1", "walk", "U1"])
        #expect(journey.legs[1].duration == 326)
        #expect(journey.legs[1].arrival == at("10:15:26"))
    }

    @Test func withoutFootpathsTheRidesDoNotConnect() throws {
        var planner = try Planner(Self.feed, options: Self.transfersOnly)
        #expect(planner.depart("A", "C", at: "09:55") == ["A 10:00 ~ 1/T1 ~ C 11:30 [0 transfers]"])
    }

    @Test func aForbiddenTransferBetweenTheStopsRemovesTheGeneratedWalk() throws {
        var planner = try Planner(Self.feed + "\n# transfers.txt\nfrom_stop_id,to_stop_id,transfer_type\nB,B2,3\n")
        #expect(planner.depart("A", "C", at: "09:55") == ["A 10:00 ~ 1/T1 ~ C 11:30 [0 transfers]"])
    }

    @Test func aWalkToTheDestinationAfterTheLastRide() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["B2"], .departAt(at("09:55")))
        #expect(planner.summaries(result) == ["A 10:00 ~ 1/T1 ~ B 10:10 ~ walk 5m ~ B2 10:15 [0 transfers]"])
        #expect(result.best?.time == at("10:15:26"))
    }

    @Test func arriveByWithAWalkFromTheOriginBeforeTheFirstRide() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["B2"], ["D"], .arriveBy(at("10:40")))
        #expect(planner.summaries(result) == ["~ walk 5m ~ B 10:20 ~ 3/W1 ~ D 10:40 [0 transfers]"])
        #expect(result.best?.time == at("10:20") - 326)
    }

    // The two cases above mirrored: RAPTOR also walks before the first ride of a depart-at
    // search and after the last ride of an arrive-by search.
    @Test
    func departAtWithAWalkFromTheOriginBeforeTheFirstRide() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["B2"], ["D"], .departAt(at("10:00")))
        #expect(planner.summaries(result) == ["~ walk 5m ~ B 10:20 ~ 3/W1 ~ D 10:40 [0 transfers]"])
    }

    @Test
    func arriveByWithAWalkToTheDestinationAfterTheLastRide() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["B2"], .arriveBy(at("10:20")))
        #expect(planner.summaries(result) == ["A 10:00 ~ 1/T1 ~ B 10:10 ~ walk 5m ~ B2 10:15 [0 transfers]"])
    }
}
