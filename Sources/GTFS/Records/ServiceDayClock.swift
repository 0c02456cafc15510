//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// Converts between service-day times and absolute time (the only place time zones are used).
public enum ServiceDayClock {
    /// Unix seconds of "noon minus 12 h" on `date` in `timezone`: the zero of GTFS times that
    /// day. On the days clocks change this is 01:00 or 23:00 of the wall clock, not midnight.
    public static func noonMinus12h(_ date: ServiceDate, timezone: String) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
        return Int64(noon.timeIntervalSince1970) - 43_200
    }

    /// The wall-clock time (`HH:MM`) and date of a service-day time of `date`.
    public static func wallClock(_ seconds: Int32, on date: ServiceDate, timezone: String) -> (date: ServiceDate, time: String, iso: String) {
        let unix = noonMinus12h(date, timezone: timezone) + Int64(seconds)
        var calendar = Calendar(identifier: .gregorian)
        let zone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        calendar.timeZone = zone
        let instant = Date(timeIntervalSince1970: TimeInterval(unix))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let day = ServiceDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? date
        let hh = c.hour ?? 0, mm = c.minute ?? 0, ss = c.second ?? 0
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let offset = zone.secondsFromGMT(for: instant)
        let sign = offset < 0 ? "-" : "+"
        let iso = "\(day)T\(two(hh)):\(two(mm)):\(two(ss))\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
        return (day, "\(two(hh)):\(two(mm))", iso)
    }
}

extension ServiceDayClock {
    /// The service-day seconds on `date` of the instant `unix` (may be negative or pass 24 h).
    public static func serviceSeconds(unix: Int64, on date: ServiceDate, timezone: String) -> Int64 {
        unix - noonMinus12h(date, timezone: timezone)
    }

    /// The calendar date (in `timezone`) of the instant `unix`, and the wall-clock seconds after midnight.
    public static func localDate(unix: Int64, timezone: String) -> (date: ServiceDate, secondsOfDay: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(unix)))
        let date = ServiceDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? ServiceDate(dayNumber: 0)
        return (date, (c.hour ?? 0) * 3600 + (c.minute ?? 0) * 60 + (c.second ?? 0))
    }

    /// ISO 8601 with the offset of `timezone` (e.g. `2026-11-30T08:59:00+01:00`) of the instant `unix`.
    public static func iso(unix: Int64, timezone: String) -> String {
        let (date, _) = localDate(unix: unix, timezone: timezone)
        return wallClock(Int32(serviceSeconds(unix: unix, on: date, timezone: timezone)), on: date, timezone: timezone).iso
    }

    /// Unix seconds of wall-clock `seconds` after local midnight of `date` in `timezone`.
    public static func unix(wallClock seconds: Int, on date: ServiceDate, timezone: String) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        let midnight = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 0)) ?? Date(timeIntervalSince1970: 0)
        let instant = calendar.date(byAdding: .second, value: seconds, to: midnight) ?? midnight
        return Int64(instant.timeIntervalSince1970)
    }
}
