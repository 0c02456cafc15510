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

/// The days a trip runs are bitsets built from calendar.txt and calendar_dates.txt; a trip is
/// only used on its days.
@Suite struct T02_ServiceDayTests {
    // November 2026: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29.
    static let feed = """
        # calendar.txt
        service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
        WEEKDAY,1,1,1,1,1,0,0,20260101,20261231
        WEEKEND,0,0,0,0,0,1,1,20260101,20261231
        COPY1,1,1,1,1,1,0,0,20260101,20261231
        COPY2,1,1,1,1,1,0,0,20260101,20261231
        # calendar_dates.txt
        service_id,date,exception_type
        WEEKDAY,20261124,2
        WEEKEND,20261125,1
        ONLY,20261126,1
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,WEEKDAY,WD
        R1,WEEKEND,WE
        R1,COPY1,C1
        R1,COPY2,C2
        R1,ONLY,ONCE
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        WD,10:00:00,10:00:00,A,1
        WD,10:20:00,10:20:00,B,2
        WE,10:30:00,10:30:00,A,1
        WE,10:50:00,10:50:00,B,2
        C1,11:00:00,11:00:00,A,1
        C1,11:20:00,11:20:00,B,2
        C2,11:30:00,11:30:00,A,1
        C2,11:50:00,11:50:00,B,2
        ONCE,09:00:00,09:00:00,A,1
        ONCE,09:20:00,09:20:00,B,2
        """

    static func day(_ d: Int) -> ServiceDate { ServiceDate(year: 2026, month: 11, day: d)! }

    @Test func weeklyPatternWithARemovedDate() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        #expect(tt.runs("WD", on: Self.day(23)))
        #expect(!tt.runs("WD", on: Self.day(24)))  // removed by calendar_dates
        #expect(tt.runs("WD", on: Self.day(25)))
        #expect(!tt.runs("WD", on: Self.day(28)))
    }

    @Test func weeklyPatternWithAnAddedDate() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        #expect(!tt.runs("WE", on: Self.day(23)))
        #expect(tt.runs("WE", on: Self.day(25)))  // added by calendar_dates
        #expect(!tt.runs("WE", on: Self.day(26)))
        #expect(tt.runs("WE", on: Self.day(28)))
        #expect(tt.runs("WE", on: Self.day(29)))
    }

    @Test func serviceOnlyInCalendarDates() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        #expect(tt.runs("ONCE", on: Self.day(26)))
        #expect(!tt.runs("ONCE", on: Self.day(25)))
        #expect(!tt.runs("ONCE", on: Self.day(27)))
    }

    @Test func servicesWithTheSameDaysShareOneBitset() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        let c1 = tt.trips(of: "C1")[0], c2 = tt.trips(of: "C2")[0], wd = tt.trips(of: "WD")[0]
        #expect(tt.tripDays[c1] == tt.tripDays[c2])
        #expect(tt.tripDays[c1] != tt.tripDays[wd])
        #expect(tt.serviceDays.firstDate == ServiceDate(year: 2026, month: 1, day: 1)!)
        #expect(tt.serviceDays.dayCount == 365)
    }

    @Test func daysOutsideTheFeedRangeAreNeverActive() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        let set = Int(tt.tripDays[tt.trips(of: "WD")[0]])
        #expect(!tt.serviceDays.contains(set: set, day: -1))
        #expect(!tt.serviceDays.contains(set: set, day: tt.serviceDays.dayCount))
        #expect(tt.serviceDays.dayIndex(of: ServiceDate(year: 2025, month: 12, day: 31)!) == -1)
    }

    @Test func thePatternDaysAreTheUnionOfItsTrips() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        let p = tt.pattern(of: "WD")
        #expect(tt.pattern(of: "WE") == p)
        let set = Int(tt.patternDays[p])
        for d in 23 ... 29 {
            #expect(tt.serviceDays.contains(set: set, day: tt.serviceDays.dayIndex(of: Self.day(d))))
        }
    }

    @Test func routingUsesOnlyTheTripsOfTheDay() throws {
        var planner = try Planner(Self.feed)
        // Monday: the weekday trip; Tuesday it is removed, so the copies run first.
        #expect(planner.depart("A", "B", at: "09:30", date: Self.day(23)) == ["A 10:00 ~ 1/WD ~ B 10:20 [0 transfers]"])
        #expect(planner.depart("A", "B", at: "09:30", date: Self.day(24)) == ["A 11:00 ~ 1/C1 ~ B 11:20 [0 transfers]"])
        // Wednesday: both the weekday trip and the added weekend trip run.
        #expect(planner.depart("A", "B", at: "10:10", date: Self.day(25)) == ["A 10:30 ~ 1/WE ~ B 10:50 [0 transfers]"])
        // Thursday: the one-off 09:00 trip.
        #expect(planner.depart("A", "B", at: "08:00", date: Self.day(26)) == ["A 09:00 ~ 1/ONCE ~ B 09:20 [0 transfers]"])
        // Saturday: only the weekend trip.
        #expect(planner.depart("A", "B", at: "08:00", date: Self.day(28)) == ["A 10:30 ~ 1/WE ~ B 10:50 [0 transfers]"])
    }

    @Test func aDateOutsideTheFeedFindsNothing() throws {
        var planner = try Planner(Self.feed)
        #expect(planner.depart("A", "B", at: "08:00", date: ServiceDate(year: 2027, month: 3, day: 1)!).isEmpty)
    }
}
