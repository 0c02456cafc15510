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

/// Changing vehicles at one stop: the minimum transfer time, timed and forbidden transfers.
@Suite struct C01_SameStopTransferTests {
    // T1 reaches B at 10:10. From B towards C leave U1 10:10, U2 10:11, U3 10:12, U4 10:15, U5 10:30.
    static let trips = """
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        R1,A,1,,3
        R2,A,2,,3
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R2,S,U1
        R2,S,U2
        R2,S,U3
        R2,S,U4
        R2,S,U5
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:10:00,B,2
        U1,10:10:00,10:10:00,B,1
        U1,10:20:00,10:20:00,C,2
        U2,10:11:00,10:11:00,B,1
        U2,10:21:00,10:21:00,C,2
        U3,10:12:00,10:12:00,B,1
        U3,10:22:00,10:22:00,C,2
        U4,10:15:00,10:15:00,B,1
        U4,10:25:00,10:25:00,C,2
        U5,10:30:00,10:30:00,B,1
        U5,10:40:00,10:40:00,C,2
        """

    static func transfers(_ rows: String) -> String {
        trips + "\n# transfers.txt\nfrom_stop_id,to_stop_id,transfer_type,min_transfer_time\n" + rows
    }

    static func options(_ seconds: Int32) -> TimetableOptions {
        TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: seconds)
    }

    static func secondTrip(_ planner: inout Planner) -> String? {
        let result = planner.route(["A"], ["C"], .departAt(at("09:55")))
        return result.journeys.first.flatMap { $0.transitLegs.last.flatMap(planner.tripID) }
    }

    @Test func theDefaultMinimumTransferTimeMakesATightConnectionImpossible() throws {
        var planner = try Planner(Self.trips, options: Self.options(120))
        #expect(Self.secondTrip(&planner) == "U3")  // 10:10 + 120 s = 10:12, U2 at 10:11 is missed
    }

    @Test(arguments: [(Int32(0), "U1"), (59, "U2"), (60, "U2"), (61, "U3"), (300, "U4"), (301, "U5")])
    func theChangeTimeDecidesWhichTripIsCaught(seconds: Int32, trip: String) throws {
        var planner = try Planner(Self.trips, options: Self.options(seconds))
        #expect(Self.secondTrip(&planner) == trip)
    }

    /// A traveller who needs twice the transfer time (CROW ZR-24) misses a connection the
    /// feed's time allows: 10:10 + 2 × 60 s = 10:12 catches U3, not U2.
    @Test(arguments: [(Int32(1), "U2"), (2, "U3"), (5, "U4"), (6, "U5")])
    func aTransferTimeFactorMultipliesTheChangeTime(factor: Int32, trip: String) throws {
        var planner = try Planner(Self.trips, options: Self.options(60))
        var request = JourneyRequest(origins: planner.offsets(["A"]), destinations: planner.offsets(["C"]), date: monday, time: .departAt(at("09:55")))
        request.transferTimeFactor = factor
        let journey = try #require(planner.raptor.route(request).journeys.first)
        #expect(journey.transitLegs.last.flatMap(planner.tripID) == trip)
    }

    @Test func aMinimumTimeRowOverridesTheDefault() throws {
        var planner = try Planner(Self.transfers("B,B,2,300\n"), options: Self.options(60))
        #expect(Self.secondTrip(&planner) == "U4")
    }

    @Test func aTimedTransferNeedsNoTime() throws {
        var planner = try Planner(Self.transfers("B,B,1,\n"), options: Self.options(120))
        #expect(Self.secondTrip(&planner) == "U1")
        #expect(planner.depart("A", "C", at: "09:55") == ["A 10:00 ~ 1/T1 ~ B 10:10 ~ 2/U1 ~ C 10:20 [1 transfer]"])
    }

    @Test func aRecommendedTransferKeepsTheDefault() throws {
        var planner = try Planner(Self.transfers("B,B,0,\n"), options: Self.options(120))
        #expect(Self.secondTrip(&planner) == "U3")
    }

    @Test func aForbiddenTransferAtTheStopPreventsTheChange() throws {
        var planner = try Planner(Self.transfers("B,B,3,\n"), options: Self.options(120))
        #expect(planner.depart("A", "C", at: "09:55").isEmpty)
        // The stop itself still works as origin and destination.
        #expect(planner.depart("A", "B", at: "09:55") == ["A 10:00 ~ 1/T1 ~ B 10:10 [0 transfers]"])
        #expect(planner.depart("B", "C", at: "10:00") == ["B 10:10 ~ 2/U1 ~ C 10:20 [0 transfers]"])
    }

    @Test func aForbiddenTransferAlsoHoldsForArriveBy() throws {
        var planner = try Planner(Self.transfers("B,B,3,\n"), options: Self.options(120))
        #expect(planner.arrive("A", "C", by: "10:45").isEmpty)
        #expect(planner.arrive("B", "C", by: "10:45") == ["B 10:30 ~ 2/U5 ~ C 10:40 [0 transfers]"])
    }

    @Test func theChangeTimeAppliesBackwardsToo() throws {
        var planner = try Planner(Self.trips, options: Self.options(120))
        // Arrive at C by 10:22: U3 (10:12 from B) is the latest trip T1 can feed with 2 minutes.
        #expect(planner.arrive("A", "C", by: "10:22") == ["A 10:00 ~ 1/T1 ~ B 10:12 ~ 2/U3 ~ C 10:22 [1 transfer]"])
    }

    // Trip-to-trip rules: changing from T1 to U1 is forbidden, to other trips allowed.
    @Test
    func aForbiddenTripToTripTransferIsHonoured() throws {
        let feed = Self.trips + """

            # transfers.txt
            from_stop_id,to_stop_id,from_trip_id,to_trip_id,transfer_type,min_transfer_time
            B,B,T1,U3,3,
            """
        var planner = try Planner(feed, options: Self.options(120))
        #expect(planner.tt.specificForbiddenTransfers.count == 1)
        #expect(Self.secondTrip(&planner) == "U4")
    }
}
