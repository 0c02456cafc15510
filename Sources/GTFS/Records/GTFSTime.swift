//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Parsing and printing of GTFS times and dates.
///
/// A GTFS time is `H:MM:SS` or `HH:MM:SS` measured from "noon minus 12 h" of the service day,
/// so it may pass 24:00:00 for trips that run after midnight (`25:10:00`), and it is exact on
/// days when clocks change.
public enum GTFSTime {
    /// Seconds since the service day's noon − 12 h, or `nil` when `field` is not a GTFS time.
    ///
    /// Accepts one to three hour digits (up to 47:59:59 is usual; larger values are accepted
    /// as feeds of multi-day trips exist), and `MM`/`SS` below 60.
    public static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
        var start = 0
        var end = field.count
        while start < end, field[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, field[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > start else { return nil }
        var parts: (Int32, Int32, Int32) = (0, 0, 0)
        var partIndex = 0
        var digits = 0
        var value: Int32 = 0
        for i in start ..< end {
            let byte = field[i]
            if byte == UInt8(ascii: ":") {
                guard digits > 0, partIndex < 2 else { return nil }
                if partIndex == 0 { parts.0 = value } else { parts.1 = value }
                if partIndex == 1 && digits != 2 { return nil }
                partIndex += 1
                digits = 0
                value = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits += 1
            if digits > 3 { return nil }
            value = value * 10 + Int32(byte - UInt8(ascii: "0"))
        }
        guard partIndex == 2, digits == 2 else { return nil }
        parts.2 = value
        guard parts.1 < 60, parts.2 < 60 else { return nil }
        return parts.0 * 3600 + parts.1 * 60 + parts.2
    }

    /// Parses a time written as a Swift string (`"25:10:00"`).
    public static func parse(_ text: String) -> Int32? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    /// `HH:MM:SS`, with hours past 24 kept (`25:10:00`); negative times get a leading `-`.
    public static func format(_ seconds: Int32) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = abs(Int(seconds))
        return sign + twoDigits(s / 3600) + ":" + twoDigits(s / 60 % 60) + ":" + twoDigits(s % 60)
    }

    /// `HH:MM`, rounding seconds down (as printed timetables do).
    public static func formatMinutes(_ seconds: Int32) -> String {
        let s = Int(seconds)
        let wrapped = ((s % 86_400) + 86_400) % 86_400
        return twoDigits(wrapped / 3600) + ":" + twoDigits(wrapped / 60 % 60)
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// A calendar date without time or zone, as GTFS writes it (`YYYYMMDD`).
public struct ServiceDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1 ... 12).contains(month), day >= 1, day <= ServiceDate.daysIn(month: month, year: year),
            (1900 ... 2999).contains(year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYYMMDD` (GTFS) or `YYYY-MM-DD` (ISO, as typed on the command line).
    public init?(_ text: String) {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 8, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            text.count == 8 || (text.count == 10 && Array(text)[4] == "-" && Array(text)[7] == "-")
        else { return nil }
        let chars = Array(digits)
        guard let y = Int(String(chars[0 ..< 4])), let m = Int(String(chars[4 ..< 6])),
            let d = Int(String(chars[6 ..< 8]))
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, for any year (also
    /// outside the years a `ServiceDate` holds).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> ServiceDate { ServiceDate(dayNumber: dayNumber + days) }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(year)-\(GTFSTime.twoDigits(month))-\(GTFSTime.twoDigits(day))"
    }

    /// `YYYYMMDD`, as GTFS writes it.
    public var gtfsString: String { "\(year)\(GTFSTime.twoDigits(month))\(GTFSTime.twoDigits(day))" }

    /// The days of `month` (1…12) in `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
