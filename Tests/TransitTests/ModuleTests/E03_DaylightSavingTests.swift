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

/// Clock changes in Europe/Amsterdam. GTFS times count from noon − 12 h of the service day:
/// - 29 Mar 2026 (02:00 CET → 03:00 CEST): time 0 is 23:00 CET on the 28th, the 28th's time 0
///   was 23 h earlier, so yesterday's 25:30 is today's 02:30;
/// - 25 Oct 2026 (03:00 CEST → 02:00 CET): time 0 is 01:00 CEST, the 24th's time 0 was 25 h
///   earlier, so yesterday's 25:30 is today's 00:30.
@Suite struct E03_DaylightSavingTests {
    // Every trip runs every day. A → B: LATE 23:30, P 24:00 → 25:30. B → C: X2 00:35, X 02:00,
    // Y 03:00, Y2 03:30 (10 minutes each). B → F: Z 01:30. D → E: Q 01:30, R 03:30.
    static let feed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        C,C,52.02,6.00
        D,D,52.03,6.00
        E,E,52.04,6.00
        F,F,52.05,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,LATE
        R1,S,P
        R1,S,X2
        R1,S,X
        R1,S,Y
        R1,S,Y2
        R1,S,Q
        R1,S,R
        R1,S,Z
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        LATE,23:30:00,23:30:00,A,1
        LATE,23:50:00,23:50:00,B,2
        P,24:00:00,24:00:00,A,1
        P,25:30:00,25:30:00,B,2
        X2,00:35:00,00:35:00,B,1
        X2,00:45:00,00:45:00,C,2
        X,02:00:00,02:00:00,B,1
        X,02:10:00,02:10:00,C,2
        Y,03:00:00,03:00:00,B,1
        Y,03:10:00,03:10:00,C,2
        Y2,03:30:00,03:30:00,B,1
        Y2,03:40:00,03:40:00,C,2
        Q,01:30:00,01:30:00,D,1
        Q,01:40:00,01:40:00,E,2
        R,03:30:00,03:30:00,D,1
        R,03:40:00,03:40:00,E,2
        Z,01:30:00,01:30:00,B,1
        Z,01:40:00,01:40:00,F,2
        """

    static let springEve = ServiceDate("2026-03-28")!
    static let spring = ServiceDate("2026-03-29")!
    static let autumnEve = ServiceDate("2026-10-24")!
    static let autumn = ServiceDate("2026-10-25")!
    static let zone = "Europe/Amsterdam"

    @Test func serviceDayTimeZeroIsNoonMinus12Hours() {
        #expect(ServiceDayClock.noonMinus12h(Self.spring, timezone: Self.zone) == 1_774_735_200)  // 28 Mar 22:00Z
        #expect(ServiceDayClock.noonMinus12h(Self.autumn, timezone: Self.zone) == 1_792_882_800)  // 24 Oct 23:00Z
        #expect(ServiceDayClock.noonMinus12h(monday, timezone: Self.zone) == 1_795_388_400)  // 22 Nov 23:00Z
    }

    @Test func serviceDayTimesOnTheClockChangeDays() {
        #expect(ServiceDayClock.wallClock(at("01:30"), on: Self.spring, timezone: Self.zone).time == "00:30")
        #expect(ServiceDayClock.wallClock(at("03:30"), on: Self.spring, timezone: Self.zone).time == "03:30")
        #expect(ServiceDayClock.wallClock(at("01:30"), on: Self.autumn, timezone: Self.zone).time == "02:30")
        #expect(ServiceDayClock.wallClock(at("03:30"), on: Self.autumn, timezone: Self.zone).time == "03:30")
        let late = ServiceDayClock.wallClock(at("23:30") - 82_800, on: Self.spring, timezone: Self.zone)
        #expect(late.date == Self.springEve)
        #expect(late.time == "23:30")
    }

    @Test func springYesterdaysTripAt2330IsAtTime0030Today() throws {
        var planner = try Planner(Self.feed)
        let result = planner.route(["A"], ["B"], date: Self.spring, .departAt(0))
        let leg = try #require(result.journeys.first?.transitLegs.first)
        #expect(planner.tripID(leg) == "LATE")
        #expect(leg.serviceDayOffset == -1)
        #expect(leg.departure == at("00:30"))
        #expect(leg.arrival == at("00:50"))
    }

    @Test func springTheDayBeforeReachesTodaysEarlyTripsAfter23Hours() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("D", "E", at: "23:45", date: Self.springEve) == ["D 24:30 ~ 1/Q ~ E 24:40 [0 transfers]"])
        #expect(planner.depart("D", "E", at: "24:35", date: Self.springEve) == ["D 26:30 ~ 1/R ~ E 26:40 [0 transfers]"])
    }

    @Test func springOvernightTripConnectsWithTheRightShift() throws {
        var planner = try Planner(Self.feed)
        // P arrives at B at 25:30 on the 28th (01:30 CET). X leaves at 02:00 on the 29th, which is
        // 01:00 CET: already gone. Y at 03:00 (03:00 CEST) is the connection.
        #expect(planner.depart("A", "C", at: "23:50", date: Self.springEve)
            == ["A 24:00 ~ 1/P ~ B 26:00 ~ 1/Y ~ C 26:10 [1 transfer]"])
    }

    @Test func springArriveByUsesYesterdaysTripsWithTheRightShift() throws {
        var planner = try Planner(Self.feed)
        // By 02:15 on the 29th (01:15 CET) at C: X (01:00 CET) fed by LATE (23:50 CET at B).
        let result = planner.route(["A"], ["C"], date: Self.spring, .arriveBy(at("02:15")))
        let journey = try #require(result.journeys.first)
        #expect(journey.transitLegs.map { planner.tripID($0)! } == ["LATE", "X"])
        #expect(journey.transitLegs.map(\.serviceDayOffset) == [-1, 0])
        #expect(result.best?.time == at("00:30"))
    }

    @Test func autumnYesterdaysTripAt2330IsBeforeTimeZero() throws {
        var planner = try Planner(Self.feed)
        // By time 0 on the 25th (01:00 CEST) at B: LATE of the 24th arrives 23:50 CEST = −01:10.
        let result = planner.route(["A"], ["B"], date: Self.autumn, .arriveBy(0))
        let leg = try #require(result.journeys.first?.transitLegs.first)
        #expect(planner.tripID(leg) == "LATE")
        #expect(leg.serviceDayOffset == -1)
        #expect(leg.departure == -at("01:30"))
        #expect(leg.arrival == -at("01:10"))
        let wall = ServiceDayClock.wallClock(leg.departure, on: Self.autumn, timezone: Self.zone)
        #expect(wall.date == Self.autumnEve)
        #expect(wall.time == "23:30")
    }

    @Test func autumnTheDayBeforeReachesTodaysEarlyTripsAfter25Hours() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("D", "E", at: "23:45", date: Self.autumnEve) == ["D 26:30 ~ 1/Q ~ E 26:40 [0 transfers]"])
        #expect(planner.depart("D", "E", at: "26:35", date: Self.autumnEve) == ["D 28:30 ~ 1/R ~ E 28:40 [0 transfers]"])
    }

    @Test func autumnOvernightTripConnectsWithTheRightShift() throws {
        var planner = try Planner(Self.feed)
        // P arrives at B at 25:30 on the 24th (01:30 CEST on the 25th). X2 leaves at 00:35 on the
        // 25th, which is 01:35 CEST: five minutes later, so the connection works. A 24-hour shift
        // would put X2 an hour before P's arrival.
        #expect(planner.depart("A", "C", at: "23:50", date: Self.autumnEve)
            == ["A 24:00 ~ 1/P ~ B 25:35 ~ 1/X2 ~ C 25:45 [1 transfer]"])
    }

    @Test func autumnYesterdays2530ConnectsToTodays0130() throws {
        var planner = try Planner(Self.feed)
        // P arrives at B at 25:30 on the 24th = 00:30 on the 25th (the 24th has 25 hours), an hour
        // before Z leaves at 01:30 on the 25th. With a 24-hour shift both would be 01:30 and the
        // 2-minute change would fail (Z on the 26th is beyond the search horizon).
        #expect(planner.depart("A", "F", at: "23:50", date: Self.autumnEve)
            == ["A 24:00 ~ 1/P ~ B 26:30 ~ 1/Z ~ F 26:40 [1 transfer]"])
        let result = planner.route(["A"], ["F"], date: Self.autumn, .arriveBy(at("01:40")))
        let journey = try #require(result.journeys.first)
        #expect(journey.transitLegs.map { planner.tripID($0)! } == ["P", "Z"])
        #expect(journey.transitLegs.map(\.serviceDayOffset) == [-1, 0])
        #expect(journey.transitLegs.map(\.arrival) == [at("00:30"), at("01:40")])
    }

    @Test func springYesterdays2530IsAfterTodays0130() throws {
        var planner = try Planner(Self.feed)
        // On the 29th, 01:30 is 00:30 CET, an hour before P (25:30 on the 28th = 01:30 CET) arrives.
        #expect(planner.depart("A", "F", at: "23:50", date: Self.springEve).isEmpty)
        #expect(planner.arrive("A", "F", by: "01:40", date: Self.spring).allSatisfy { !$0.contains("1/P") })
    }

    @Test func autumnArriveByUsesYesterdaysOvernightTrip() throws {
        var planner = try Planner(Self.feed)
        // By 00:50 on the 25th at C: X2 (00:35) fed by the 24th's P (00:30 today): leave at −01:00.
        let result = planner.route(["A"], ["C"], date: Self.autumn, .arriveBy(at("00:50")))
        let journey = try #require(result.journeys.first)
        #expect(journey.transitLegs.map { planner.tripID($0)! } == ["P", "X2"])
        #expect(journey.transitLegs.map(\.arrival) == [at("00:30"), at("00:45")])
        #expect(result.best?.time == -at("01:00"))
    }

    @Test func autumnQueryOnTheDayItselfUsesUnshiftedTimes() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("D", "E", at: "01:00", date: Self.autumn) == ["D 01:30 ~ 1/Q ~ E 01:40 [0 transfers]"])
        #expect(planner.depart("D", "E", at: "01:00", date: Self.spring) == ["D 01:30 ~ 1/Q ~ E 01:40 [0 transfers]"])
    }
}
