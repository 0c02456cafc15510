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

/// Trips past midnight: times after 24:00 belong to the previous service day, and a query late
/// at night reaches the first trips of the next service day.
@Suite struct E01_OvernightTests {
    // NIGHT runs on Mondays only (23 Nov 2026): A 23:30 → B 24:40 → C 25:10.
    // MORNING runs on Tuesdays only: C 00:20 → D 00:50 (so Monday's NIGHT cannot feed it),
    // and C 01:30 → D 02:00 (Monday's NIGHT, arriving 01:10 on Tuesday, can).
    static let feed = """
        # calendar.txt
        service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
        MON,1,0,0,0,0,0,0,20260101,20261231
        TUE,0,1,0,0,0,0,0,20260101,20261231
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        D,D,52.03,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,MON,NIGHT
        R1,TUE,EARLY
        R1,TUE,LATE
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        NIGHT,23:30:00,23:30:00,A,1
        NIGHT,24:40:00,24:40:00,B,2
        NIGHT,25:10:00,25:10:00,C,3
        EARLY,00:20:00,00:20:00,C,1
        EARLY,00:50:00,00:50:00,D,2
        LATE,01:30:00,01:30:00,C,1
        LATE,02:00:00,02:00:00,D,2
        """

    static let tuesday = ServiceDate("2026-11-24")!
    static let wednesday = ServiceDate("2026-11-25")!

    @Test func yesterdaysTripPastMidnightCanBeBoardedThisMorning() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["B"], ["C"], date: Self.tuesday, .departAt(at("00:30")))
        let leg = try #require(result.journeys.first?.transitLegs.first)
        #expect(planner.tripID(leg) == "NIGHT")
        #expect(leg.serviceDayOffset == -1)
        #expect(leg.departure == at("00:40"))
        #expect(leg.arrival == at("01:10"))
        #expect(planner.summaries(result) == ["B 00:40 ~ 1/NIGHT ~ C 01:10 [0 transfers]"])
    }

    @Test func theSameTripOnItsOwnServiceDayHasTimesPast24() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "C", at: "23:00") == ["A 23:30 ~ 1/NIGHT ~ C 25:10 [0 transfers]"])
    }

    @Test func yesterdaysTripIsOnlyUsedWhenItRanYesterday() throws {
        var planner = try Planner(Self.feed)
        // On Wednesday morning, Tuesday had no NIGHT trip.
        #expect(planner.depart("B", "C", at: "00:30", date: Self.wednesday).isEmpty)
    }

    @Test func anOvernightTripConnectsToTheNextDaysFirstTrips() throws {
        var planner = try Planner(Self.feed)
        // Monday 23:00: NIGHT reaches C at 25:10, Tuesday's LATE leaves at 01:30 (= 25:30).
        #expect(planner.depart("A", "D", at: "23:00") == ["A 23:30 ~ 1/NIGHT ~ C 25:30 ~ 1/LATE ~ D 26:00 [1 transfer]"])
        let result = planner.route(["A"], ["D"], .departAt(at("23:00")))
        #expect(result.journeys.first?.transitLegs.map(\.serviceDayOffset) == [0, 1])
    }

    @Test func aLateQueryReachesATripOfTheNextServiceDay() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["C"], ["D"], .departAt(at("23:50")))
        let leg = try #require(result.journeys.first?.transitLegs.first)
        #expect(planner.tripID(leg) == "EARLY")
        #expect(leg.serviceDayOffset == 1)
        #expect(leg.departure == at("24:20"))
        #expect(result.best?.time == at("24:50"))
    }

    @Test func theNextServiceDayOnlyIfTheTripRunsThen() throws {
        var planner = try Planner(Self.feed)
        // Sunday 22 Nov: Monday has no EARLY or LATE trip.
        #expect(planner.depart("C", "D", at: "23:50", date: ServiceDate("2026-11-22")!).isEmpty)
    }

    @Test func arriveByEarlyInTheMorningUsesYesterdaysNightTrip() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["C"], date: Self.tuesday, .arriveBy(at("01:15")))
        let leg = try #require(result.journeys.first?.transitLegs.first)
        #expect(planner.tripID(leg) == "NIGHT")
        #expect(leg.serviceDayOffset == -1)
        #expect(result.best?.time == at("23:30") - 86_400)
    }

    @Test func arriveByLateAtNightUsesTomorrowsEarlyTrip() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["C"], ["D"], .arriveBy(at("25:00")))
        #expect(planner.summaries(result) == ["C 24:20 ~ 1/EARLY ~ D 24:50 [0 transfers]"])
    }
}
