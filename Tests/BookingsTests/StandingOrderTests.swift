//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import Foundation
import GTFS
import Mobility
import TestSupport
import Testing

/// Standing orders on the Twente data: weekly trips that become bookings before each day is
/// dispatched, skipping public and school holidays (region Noord), exact across DST changes.
@Suite struct StandingOrderTests {
    typealias W = TwenteWorld
    let zone = "Europe/Amsterdam"

    func desk() throws -> BookingDesk {
        try W.desk(try SQLiteBookingStore.file(FileManager.default.temporaryDirectory.appendingPathComponent("goan-\(UUID().uuidString).sqlite").path))
    }

    static let home = StandingOrder.Place(name: "home (Vroomshoop)", lat: 52.4625, lon: 6.574)
    static let dayCentre = StandingOrder.Place(name: "Dagactiviteitencentrum Vriezenveen", lat: 52.406, lon: 6.627)

    /// Mevrouw Meijer to the day centre on Mondays and Thursdays, there by 09:30, home from 15:30.
    func dayCare(_ desk: BookingDesk, from: String = "2026-11-01", days: [Int] = [0, 3], arrive: Int = 9 * 60 + 30, back: Int? = 15 * 60 + 30) throws -> StandingOrder {
        try desk.addStandingOrder(StandingOrder(
            travellerId: "meijer", kind: .dayCare, from: Self.home, to: Self.dayCentre, weekdays: days, arriveBy: arrive, departAt: nil,
            returnAt: back, validFrom: from, validThrough: nil, createdAt: W.at("2026-10-01", "10:00")))
    }

    /// Local wall-clock minutes of a Unix time.
    func wallMinutes(_ unix: Int64) -> Int { ServiceDayClock.localDate(unix: unix, timezone: zone).1 / 60 }

    func booked(_ trip: StandingOrderTrip) throws -> BookingDetails {
        guard case .booked(let details) = trip.outcome else {
            Issue.record("expected a booking, got \(trip.outcome)")
            throw CancellationError()
        }
        return details
    }

    func skip(_ trip: StandingOrderTrip) -> StandingOrder.SkipReason? {
        if case .skipped(let reason) = trip.outcome { return reason }
        return nil
    }

    @Test func aDayCareOrderBooksBothWaysOnItsDaysOnceFreeAndOutsideTheBudget() throws {
        let desk = try desk()
        let order = try dayCare(desk)
        let budget = try #require(try desk.store.budget(traveller: "meijer"))
        let monday = ServiceDate("2026-11-30")!
        let now = W.at("2026-11-29", "18:00")
        let trips = try desk.bookStandingOrders(on: monday, now: now)
        #expect(trips.count == 1 && trips[0].order.id == order.id)
        let details = try booked(trips[0])
        #expect(details.booking.state == .confirmed && details.booking.price == 0)
        #expect(details.booking.idempotencyKey == StandingOrder.bookingKey(order.id!, date: "2026-11-30"))
        let there = try #require(details.legs.first { $0.part == .outward }), back = try #require(details.legs.first { $0.part == .back })
        #expect(there.mode == .regiotaxi && back.mode == .regiotaxi && there.state == .confirmed && back.state == .confirmed)
        // There by 09:30 even at the end of the pickup window and the longest ride promised.
        let window = try #require(desk.rules.services.first { $0.kind == .regiotaxi }).pickupWindowMinutes
        #expect(wallMinutes(there.arrivalAt) + window <= 9 * 60 + 30)
        // Home from 15:30: the pickup window opens then.
        #expect(wallMinutes(back.departureAt) - window == 15 * 60 + 30)
        #expect(try desk.store.budget(traveller: "meijer") == budget)
        // Booking the day again books nothing more.
        let again = try desk.bookStandingOrders(on: monday, now: now + 60)
        #expect(try booked(again[0]).id == details.id)
        #expect(try desk.store.bookings(traveller: "meijer", date: "2026-11-30").count == 1)
        // Tuesday is not one of its days.
        #expect(skip(try desk.bookStandingOrders(on: ServiceDate("2026-12-01")!, now: now)[0]) == .notThatWeekday)
    }

    @Test func publicAndSchoolHolidaysOfRegionNoordAreSkipped() throws {
        let desk = try desk()
        let calendar = desk.supply.calendar
        #expect(calendar.region == "Noord")
        let weekdays = [0, 1, 2, 3, 4]
        _ = try dayCare(desk, from: "2026-12-01", days: weekdays)
        let school = try desk.addStandingOrder(StandingOrder(
            travellerId: "de-boer", kind: .school, from: Self.home, to: Self.dayCentre, weekdays: weekdays, arriveBy: 8 * 60 + 15, departAt: nil,
            returnAt: 14 * 60 + 30, validFrom: "2026-12-01", validThrough: nil, createdAt: 0))
        #expect(school.skipSchoolHolidays && school.skipPublicHolidays)
        func outcomes(_ date: String) throws -> [StandingOrder.SkipReason?] {
            try desk.bookStandingOrders(on: ServiceDate(date)!, now: W.at("2026-11-30", "12:00")).map(skip)
        }
        // Friday 25 December: Christmas Day for both; Monday 21 December: the school holiday only.
        #expect(try outcomes("2026-12-25") == [.publicHoliday("Christmas Day"), .publicHoliday("Christmas Day")])
        #expect(try outcomes("2026-12-21") == [nil, .schoolHoliday("Christmas holiday")])
        // Both run again in term; beyond the calendar's years nothing is booked blind.
        #expect(try outcomes("2027-01-04") == [nil, nil])
        #expect(try outcomes("2028-01-03") == [.calendarUnknown, .calendarUnknown])
        // Every school holiday of the calendar lies in the official order of the year.
        #expect(calendar.schoolHolidays.map(\.dutch).prefix(5) == ["Kerstvakantie", "Voorjaarsvakantie", "Meivakantie", "Zomervakantie", "Herfstvakantie"])
    }

    /// 08:30 stays 08:30 local time over both changes of the clock: the Unix times of the same
    /// weekday a week apart differ by a week plus or minus an hour. (Tuesdays in March 2027:
    /// Monday 29 March is Easter Monday.)
    @Test(arguments: [("2026-10-19", "2026-10-26", Int64(3600)), ("2027-03-23", "2027-03-30", Int64(-3600))])
    func theFixedTimeHoldsAcrossAChangeOfTheClock(_ before: String, _ after: String, _ shift: Int64) throws {
        let desk = try desk()
        _ = try dayCare(desk, from: before, days: [ServiceDate(before)!.weekday], arrive: 8 * 60 + 30, back: nil)
        let first = try booked(try desk.bookStandingOrders(on: ServiceDate(before)!, now: W.at(before, "00:00") - 86_400)[0])
        let second = try booked(try desk.bookStandingOrders(on: ServiceDate(after)!, now: W.at(after, "00:00") - 86_400)[0])
        let a = try #require(first.legs.first), b = try #require(second.legs.first)
        #expect(a.pickupMinute == b.pickupMinute && wallMinutes(a.departureAt) == wallMinutes(b.departureAt))
        #expect(b.departureAt - a.departureAt == 7 * 86_400 + shift)
        #expect(wallMinutes(b.arrivalAt) <= 8 * 60 + 30)
    }

    @Test func pausingAndEndingCancelTheTripsAlreadyBooked() throws {
        let desk = try desk()
        let order = try dayCare(desk)
        let now = W.at("2026-11-20", "10:00")
        let monday = try booked(try desk.bookStandingOrders(on: ServiceDate("2026-11-30")!, now: now)[0])
        let thursday = try booked(try desk.bookStandingOrders(on: ServiceDate("2026-12-03")!, now: now)[0])
        // A pause over Thursday cancels that trip (free: days ahead) and skips the day.
        let (paused, cancelled) = try desk.pauseStandingOrder(order.id!, from: "2026-12-01", through: "2026-12-06", now: now)
        #expect(cancelled.map(\.id) == [thursday.id] && cancelled[0].booking.state == .cancelled && cancelled[0].booking.fee == 0)
        #expect(paused.state(on: "2026-12-03") == "PAUSED" && paused.state(on: "2026-12-07") == "ACTIVE")
        #expect(skip(try desk.bookStandingOrders(on: ServiceDate("2026-12-03")!, now: now)[0]) == .paused(.init(from: "2026-12-01", through: "2026-12-06")))
        #expect(try desk.booking(monday.id).booking.state == .confirmed)
        // An open pause, resumed: the day of resumption runs again.
        _ = try desk.pauseStandingOrder(order.id!, from: "2026-12-10", through: nil, now: now)
        #expect(skip(try desk.bookStandingOrders(on: ServiceDate("2026-12-17")!, now: now)[0]) != nil)
        let resumed = try desk.resumeStandingOrder(order.id!, on: "2026-12-14")
        #expect(resumed.pauses.last == .init(from: "2026-12-10", through: "2026-12-13"))
        #expect(skip(try desk.bookStandingOrders(on: ServiceDate("2026-12-17")!, now: now)[0]) == nil)
        // Ending after Monday 30 November cancels the trip of 17 December and skips later days.
        let (ended, gone) = try desk.endStandingOrder(order.id!, lastDay: "2026-11-30", now: now)
        #expect(ended.validThrough == "2026-11-30" && gone.map(\.booking.date) == ["2026-12-17"])
        #expect(skip(try desk.bookStandingOrders(on: ServiceDate("2026-12-21")!, now: now)[0]) == .ended("2026-11-30"))
        #expect(try desk.booking(monday.id).booking.state == .confirmed)
        #expect(throws: DeskError.self) { try desk.pauseStandingOrder(order.id!, from: "2026-12-21", through: nil, now: now) }
    }

    @Test func aWmoOrderIsPlannedAndPaidAsTheTravellerWouldBookIt() throws {
        let desk = try desk()
        let budget = try #require(try desk.store.budget(traveller: "jansen"))
        let order = try desk.addStandingOrder(StandingOrder(
            travellerId: "jansen", kind: .wmo, from: .init(name: "home", lat: W.westerhaar.latitude, lon: W.westerhaar.longitude),
            to: .init(name: "ZGT Almelo", lat: W.zgtAlmelo.latitude, lon: W.zgtAlmelo.longitude), weekdays: [0], arriveBy: 10 * 60, departAt: nil,
            returnAt: 11 * 60 + 30, validFrom: "2026-11-30", validThrough: nil, createdAt: 0))
        let details = try booked(try desk.bookStandingOrders(on: ServiceDate("2026-11-30")!, now: W.at("2026-11-23", "10:00"))[0])
        #expect(details.booking.state == .confirmed && details.booking.price > 0)
        #expect(details.legs.filter { $0.mode != .walk }.map(\.mode) == [.regiotaxi, .regiotaxi])
        #expect(abs(try #require(try desk.store.budget(traveller: "jansen")) - (budget - details.booking.km)) < 0.001 && details.booking.km > 0)
        #expect(order.skipPublicHolidays && !order.skipSchoolHolidays)
    }

    @Test func anOrderThatDoesNotCheckOutIsRefusedNamingTheField() throws {
        let desk = try desk()
        func order(_ change: (inout StandingOrder) -> Void) -> StandingOrder {
            var order = StandingOrder(
                travellerId: "meijer", kind: .dayCare, from: Self.home, to: Self.dayCentre, weekdays: [0], arriveBy: 570, departAt: nil, returnAt: 930,
                validFrom: "2026-11-01", validThrough: nil, createdAt: 0)
            change(&order)
            return order
        }
        #expect(order { _ in }.problem == nil)
        #expect(order { $0.weekdays = [] }.problem?.field == "weekdays")
        #expect(order { $0.departAt = 500 }.problem?.field == "arriveBy")
        #expect(order { $0.returnAt = 500 }.problem?.field == "returnAt")
        #expect(order { $0.validThrough = "2026-10-01" }.problem?.field == "validThrough")
        #expect(order { $0.validFrom = "1 november" }.problem?.field == "validFrom")
        #expect(throws: DeskError.self) { try desk.addStandingOrder(order { $0.weekdays = [7] }) }
        #expect(throws: DeskError.notFound("traveller 'nobody'")) { try desk.addStandingOrder(order { $0.travellerId = "nobody" }) }
        #expect(try desk.store.standingOrders(traveller: nil).isEmpty)
    }
}
