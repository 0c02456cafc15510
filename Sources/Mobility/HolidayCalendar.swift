//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

/// The days standing orders skip: public holidays and the school holidays of one school region
/// (`calendar.json` of a scenario folder, written by `Tools/twente/build_calendar.py` from the
/// official lists). Dates are local calendar dates; `from…through` is the period the file
/// covers, outside which nothing is known.
public struct HolidayCalendar: Codable, Sendable, Hashable {
    /// The school region (`Noord`, `Midden`, `Zuid`).
    public var region: String
    public var source: String
    public var from: String
    public var through: String
    public var publicHolidays: [PublicHoliday]
    public var schoolHolidays: [SchoolHoliday]

    public struct PublicHoliday: Codable, Sendable, Hashable {
        public var date: String
        public var name: String
        public var dutch: String
    }

    /// A school holiday, both ends included.
    public struct SchoolHoliday: Codable, Sendable, Hashable {
        public var name: String
        public var dutch: String
        public var from: String
        public var through: String
    }

    /// A calendar that knows no holidays (a scenario folder without `calendar.json`).
    public static let none = HolidayCalendar(region: "", source: "", from: "", through: "", publicHolidays: [], schoolHolidays: [])

    /// The public holiday on `date`, if any.
    public func publicHoliday(on date: ServiceDate) -> PublicHoliday? {
        let text = date.description
        return publicHolidays.first { $0.date == text }
    }

    /// The school holiday `date` falls in, if any.
    public func schoolHoliday(on date: ServiceDate) -> SchoolHoliday? {
        let text = date.description
        return schoolHolidays.first { $0.from <= text && text <= $0.through }
    }

    /// Whether the calendar covers `date` (outside, holidays are unknown).
    public func covers(_ date: ServiceDate) -> Bool {
        !from.isEmpty && from <= date.description && date.description <= through
    }

    /// Checks what a decoder cannot: dates, order, the period.
    func validate(file: String) throws {
        for (field, text) in [("from", from), ("through", through)] where ServiceDate(text) == nil || text.count != 10 {
            throw RulesError(file: file, field: field, message: "expected a date YYYY-MM-DD, found '\(text)'")
        }
        if through < from { throw RulesError(file: file, field: "through", message: "is before from (\(from))") }
        for (i, day) in publicHolidays.enumerated() where ServiceDate(day.date) == nil || day.date.count != 10 {
            throw RulesError(file: file, field: "publicHolidays[\(i)].date", message: "expected a date YYYY-MM-DD, found '\(day.date)'")
        }
        for (i, period) in schoolHolidays.enumerated() {
            for (field, text) in [("from", period.from), ("through", period.through)] where ServiceDate(text) == nil || text.count != 10 {
                throw RulesError(file: file, field: "schoolHolidays[\(i)].\(field)", message: "expected a date YYYY-MM-DD, found '\(text)'")
            }
            if period.through < period.from {
                throw RulesError(file: file, field: "schoolHolidays[\(i)].through", message: "is before from (\(period.from))")
            }
        }
    }
}
