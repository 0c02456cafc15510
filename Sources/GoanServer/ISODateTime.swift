//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS

/// A date-time of the API (RFC 3339): `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM`.
/// Strict where Foundation's parser is lenient: a day that the month does not have
/// (`2027-02-30`) or an offset beyond ±14:00 is refused, not moved to another day.
struct ISODateTime: Sendable, Hashable {
    /// The calendar date as written (local to the offset), `YYYY-MM-DD`.
    var dateText: String
    /// The instant in Unix seconds (fractions of a second dropped).
    var unix: Int64

    /// Why a text is not a date-time, in words for a problem's detail.
    struct Invalid: Error, Sendable {
        var reason: String
    }

    static let example = "2026-11-23T09:00:00+01:00"

    init(_ text: String) throws(Invalid) {
        let bytes = Array(text.utf8)
        var position = 0
        func number(_ digits: Int, _ what: String) throws(Invalid) -> Int {
            guard position + digits <= bytes.count else { throw Invalid(reason: "the \(what) is missing") }
            var value = 0
            for byte in bytes[position ..< position + digits] {
                guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) else { throw Invalid(reason: "the \(what) is not \(digits) digits") }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += digits
            return value
        }
        func expect(_ character: Character, _ what: String) throws(Invalid) {
            guard position < bytes.count, bytes[position] == character.asciiValue! else { throw Invalid(reason: "expected '\(character)' \(what)") }
            position += 1
        }
        let year = try number(4, "year")
        try expect("-", "after the year")
        let month = try number(2, "month")
        try expect("-", "after the month")
        let day = try number(2, "day")
        guard position < bytes.count, bytes[position] == UInt8(ascii: "T") || bytes[position] == UInt8(ascii: "t") else {
            throw Invalid(reason: "expected 'T' and a time after the date")
        }
        position += 1
        let hour = try number(2, "hour")
        try expect(":", "after the hour")
        let minute = try number(2, "minute")
        var second = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ":") {
            position += 1
            second = try number(2, "second")
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                let start = position
                while position < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
                guard position > start, position - start <= 9 else { throw Invalid(reason: "the fraction of a second has 1 to 9 digits") }
            }
        }
        guard position < bytes.count else { throw Invalid(reason: "the offset (Z or ±HH:MM) is missing") }
        var offset = 0
        switch bytes[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            position += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
            position += 1
            let hours = try number(2, "offset's hours")
            try expect(":", "in the offset")
            let minutes = try number(2, "offset's minutes")
            guard minutes < 60, hours * 60 + minutes <= 14 * 60 else { throw Invalid(reason: "the offset must be within -14:00…+14:00") }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            throw Invalid(reason: "the offset (Z or ±HH:MM) is missing")
        }
        guard position == bytes.count else { throw Invalid(reason: "unexpected text after the offset") }
        guard (1970 ... 9999).contains(year) else { throw Invalid(reason: "the year must be within 1970…9999") }
        guard (1 ... 12).contains(month) else { throw Invalid(reason: "there is no month \(month)") }
        let days = ServiceDate.daysIn(month: month, year: year)
        guard (1 ... days).contains(day) else { throw Invalid(reason: "month \(month) of \(year) has \(days) days, not \(day)") }
        guard hour < 24, minute < 60, second < 60 else { throw Invalid(reason: "the time must be within 00:00:00…23:59:59") }
        dateText = String(decoding: bytes[0 ..< 10], as: UTF8.self)
        let seconds = Int64(ServiceDate.dayNumber(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        unix = seconds - Int64(offset)
    }
}
