//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import Testing

@Suite struct GTFSTimeTests {
    @Test(arguments: [
        ("00:00:00", 0),
        ("0:00:01", 1),
        ("8:05:09", 8 * 3600 + 5 * 60 + 9),
        ("08:05:09", 8 * 3600 + 5 * 60 + 9),
        ("23:59:59", 86_399),
        ("24:00:00", 86_400),
        ("25:10:00", 25 * 3600 + 600),
        ("47:59:59", 47 * 3600 + 3599),
        ("120:00:00", 120 * 3600),
        (" 10:00:00 ", 36_000),
    ])
    func parsesValidTimes(_ text: String, _ seconds: Int) {
        #expect(GTFSTime.parse(text) == Int32(seconds))
    }

    @Test(arguments: [
        "", " ", "abc", "25:7x:00", "10:60:00", "10:00:60", "10:00", "10", "10:00:00:00", "1000:00:00",
        "10:0:00", "10:00:0", "10:00:000", ":10:00", "10::00", "-1:00:00", "10:00:00 x", "10.00.00", "１0:00:00",
    ])
    func rejectsMalformedTimes(_ text: String) {
        #expect(GTFSTime.parse(text) == nil)
    }

    @Test(arguments: [
        (0, "00:00:00"), (59, "00:00:59"), (3_600, "01:00:00"), (86_399, "23:59:59"), (90_600, "25:10:00"),
        (360_000, "100:00:00"), (-90, "-00:01:30"),
    ])
    func formats(_ seconds: Int, _ text: String) {
        #expect(GTFSTime.format(Int32(seconds)) == text)
    }

    @Test func formatAndParseRoundTrip() {
        for seconds in stride(from: Int32(0), through: 48 * 3600, by: 997) {
            #expect(GTFSTime.parse(GTFSTime.format(seconds)) == seconds)
        }
    }

    @Test(arguments: [(36_059, "10:00"), (90_600, "01:10"), (86_400, "00:00"), (-60, "23:59"), (0, "00:00")])
    func formatsMinutesWrappingAroundMidnight(_ seconds: Int, _ text: String) {
        #expect(GTFSTime.formatMinutes(Int32(seconds)) == text)
    }
}

@Suite struct ServiceDateTests {
    @Test func parsesGTFSAndISOForms() throws {
        let gtfs = try #require(ServiceDate("20260315"))
        let iso = try #require(ServiceDate("2026-03-15"))
        #expect(gtfs == iso)
        #expect(gtfs.year == 2026 && gtfs.month == 3 && gtfs.day == 15)
        #expect(gtfs.description == "2026-03-15")
        #expect(gtfs.gtfsString == "20260315")
        #expect(ServiceDate(year: 2026, month: 3, day: 15) == gtfs)
    }

    @Test(arguments: [
        "", "2026031", "202603150", "2026-13-01", "20261301", "20260001", "20260132", "20260230", "20250229",
        "20260431", "202611", "2026/03/15", "2026-0315", "20260-315", "abcdefgh", "2026031x", "18991231", "30000101",
        "2026-3-15", "２０２６０３１５",
    ])
    func rejectsMalformedDates(_ text: String) {
        #expect(ServiceDate(text) == nil)
    }

    @Test(arguments: [
        ("19700101", 3),  // a Thursday
        ("20260101", 3),
        ("20260105", 0),
        ("20260315", 6),
        ("20240229", 3),
        ("20000101", 5),
        ("21000301", 0),
    ])
    func weekday(_ text: String, _ weekday: Int) throws {
        #expect(try #require(ServiceDate(text)).weekday == weekday)
    }

    @Test(arguments: [
        ("20240229", true), ("20000229", true), ("20260229", false), ("19000229", false), ("21000229", false),
        ("24000229", true),
    ])
    func leapDays(_ text: String, _ valid: Bool) {
        #expect((ServiceDate(text) != nil) == valid)
    }

    @Test(arguments: [
        ("20240228", 1, "2024-02-29"),
        ("20240228", 2, "2024-03-01"),
        ("20230228", 1, "2023-03-01"),
        ("20000228", 1, "2000-02-29"),
        ("21000228", 1, "2100-03-01"),
        ("20261231", 1, "2027-01-01"),
        ("20270101", -1, "2026-12-31"),
        ("20240301", -1, "2024-02-29"),
        ("20240101", 366, "2025-01-01"),
        ("20250101", 365, "2026-01-01"),
        ("19700101", 0, "1970-01-01"),
        ("19691231", 1, "1970-01-01"),
        ("20260115", -10_000, "1998-08-30"),
    ])
    func dayArithmeticAcrossLeapYears(_ start: String, _ days: Int, _ expected: String) throws {
        let date = try #require(ServiceDate(start))
        let result = date.adding(days: days)
        #expect(result.description == expected)
        #expect(result.dayNumber - date.dayNumber == days)
        #expect(result.adding(days: -days) == date)
    }

    @Test func dayNumbersAreConsecutiveOverFourCenturies() throws {
        var date = try #require(ServiceDate(year: 1900, month: 1, day: 1))
        #expect(date.dayNumber == -25_567)
        #expect(date.weekday == 0)  // 1900-01-01 was a Monday
        var days = 0
        var mismatches: [String] = []
        while date.year < 2300 {
            let next = date.adding(days: 1)
            if next.dayNumber != date.dayNumber + 1 || next.weekday != (date.weekday + 1) % 7
                || ServiceDate(year: next.year, month: next.month, day: next.day) != next
                || ServiceDate(next.gtfsString) != next
            {
                mismatches.append("\(date) → \(next)")
            }
            date = next
            days += 1
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // 400 Gregorian years hold 146,097 days.
        #expect(days == 146_097)
    }

    @Test func ordering() throws {
        let a = try #require(ServiceDate("20261231"))
        let b = try #require(ServiceDate("20270101"))
        #expect(a < b)
        #expect(!(b < a))
        #expect([b, a].sorted() == [a, b])
        #expect((a ... b).contains(try #require(ServiceDate("20261231"))))
    }
}
