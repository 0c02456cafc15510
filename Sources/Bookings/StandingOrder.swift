//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS
public import Mobility

/// A standing order (vaste rit): the same trip on the same weekdays for a period, such as
/// Monday and Thursday to the day centre, arriving by 09:30 and home at 15:30. Before a day is
/// dispatched, every order that runs that day becomes a booking (`BookingDesk.bookStandingOrders`).
///
/// Times are minutes after local midnight of the travel date (so 09:30 stays 09:30 across a
/// change to or from summer time); dates are local `YYYY-MM-DD`.
///
/// Invariants: `weekdays` ascending, each 0 (Monday) … 6 (Sunday), not empty; exactly one of
/// `arriveBy` and `departAt`; `returnAt` after it; `validThrough`, when set, not before
/// `validFrom`.
public struct StandingOrder: Codable, Sendable, Hashable {
    /// Who the rides are for: the target group decides who pays, what is skipped and with
    /// whom the rides may share a vehicle (`wmo`: the traveller pays the fare and the km budget
    /// counts; `day-care` and `school`: the municipality pays; school runs in term only).
    public typealias Kind = TargetGroup

    /// An end of the trip: a name and a position.
    public typealias Place = NamedPosition

    /// A pause from `from` through `through` (both included; `nil`: until resumed).
    public struct Pause: Codable, Sendable, Hashable {
        public var from: String
        public var through: String?
        public init(from: String, through: String?) {
            self.from = from
            self.through = through
        }
        public func contains(_ date: String) -> Bool { from <= date && (through.map { date <= $0 } ?? true) }
    }

    public var id: StandingOrderID?
    public var travellerId: TravellerID
    public var kind: Kind
    public var from: Place
    public var to: Place
    public var weekdays: [Int]
    public var arriveBy: Int?
    public var departAt: Int?
    /// The way back leaves then (ready from then: a taxi's pickup window opens then); `nil`: one way.
    public var returnAt: Int?
    public var validFrom: String
    /// The last day (set by END); `nil`: until ended.
    public var validThrough: String?
    public var skipPublicHolidays: Bool
    public var skipSchoolHolidays: Bool
    public var pauses: [Pause]
    /// Unix seconds.
    public var createdAt: Int64

    public init(
        travellerId: TravellerID, kind: Kind, from: Place, to: Place, weekdays: [Int], arriveBy: Int?, departAt: Int?, returnAt: Int?,
        validFrom: String, validThrough: String?, skipPublicHolidays: Bool? = nil, skipSchoolHolidays: Bool? = nil, createdAt: Int64
    ) {
        self.travellerId = travellerId
        self.kind = kind
        self.from = from
        self.to = to
        self.weekdays = Array(Set(weekdays)).sorted()
        self.arriveBy = arriveBy
        self.departAt = departAt
        self.returnAt = returnAt
        self.validFrom = validFrom
        self.validThrough = validThrough
        // Day care and school close on public holidays; schools close in their holidays too.
        self.skipPublicHolidays = skipPublicHolidays ?? true
        self.skipSchoolHolidays = skipSchoolHolidays ?? (kind == .school)
        self.pauses = []
        self.createdAt = createdAt
    }

    /// Why the order does not check out, naming the field; `nil` when it does.
    public var problem: (field: String, message: String)? {
        if weekdays.isEmpty || weekdays.contains(where: { !(0 ... 6).contains($0) }) { return ("weekdays", "give at least one day, Monday to Sunday") }
        if (arriveBy == nil) == (departAt == nil) { return ("arriveBy", "give arriveBy or departAt, not both") }
        for (field, minutes) in [("arriveBy", arriveBy), ("departAt", departAt), ("returnAt", returnAt)] {
            if let minutes, !(0 ..< 24 * 60).contains(minutes) { return (field, "must be a time of day 00:00…23:59") }
        }
        if let back = returnAt, back <= (arriveBy ?? departAt ?? 0) { return ("returnAt", "must be after the way there's time") }
        guard let first = ServiceDate(validFrom), validFrom.count == 10 else { return ("validFrom", "expected a date YYYY-MM-DD") }
        if let last = validThrough {
            guard let end = ServiceDate(last), last.count == 10 else { return ("validThrough", "expected a date YYYY-MM-DD") }
            if end < first { return ("validThrough", "is before validFrom (\(validFrom))") }
        }
        if !(-90 ... 90).contains(from.lat) || !(-180 ... 180).contains(from.lon) { return ("from", "not a position on Earth") }
        if !(-90 ... 90).contains(to.lat) || !(-180 ... 180).contains(to.lon) { return ("to", "not a position on Earth") }
        return nil
    }

    /// Whether the order runs on `date`, or why not (in words: "a public holiday (Christmas Day)").
    public func runs(on date: ServiceDate, calendar: HolidayCalendar) -> Result<Void, SkipReason> {
        let text = date.description
        if text < validFrom { return .failure(.notYetValid) }
        if let last = validThrough, text > last { return .failure(.ended(last)) }
        if !weekdays.contains(date.weekday) { return .failure(.notThatWeekday) }
        if let pause = pauses.first(where: { $0.contains(text) }) { return .failure(.paused(pause)) }
        if skipPublicHolidays || skipSchoolHolidays, !calendar.covers(date) { return .failure(.calendarUnknown) }
        if skipPublicHolidays, let day = calendar.publicHoliday(on: date) { return .failure(.publicHoliday(day.name)) }
        if skipSchoolHolidays, let period = calendar.schoolHoliday(on: date) { return .failure(.schoolHoliday(period.name)) }
        return .success(())
    }

    /// Why an order does not run on a day.
    public enum SkipReason: Error, Sendable, Hashable, CustomStringConvertible {
        case notYetValid
        case ended(String)
        case notThatWeekday
        case paused(Pause)
        case publicHoliday(String)
        case schoolHoliday(String)
        /// The calendar does not cover the day, so its holidays are unknown.
        case calendarUnknown

        public var description: String {
            switch self {
            case .notYetValid: "not valid yet"
            case .ended(let last): "ended (last day \(last))"
            case .notThatWeekday: "not on that weekday"
            case .paused(let pause): "paused from \(pause.from)\(pause.through.map { " through \($0)" } ?? "")"
            case .publicHoliday(let name): "a public holiday (\(name))"
            case .schoolHoliday(let name): "in the school holidays (\(name))"
            case .calendarUnknown: "the holiday calendar does not cover the day"
            }
        }
    }

    /// The state on `date`: ENDED after its last day, PAUSED in a pause, else ACTIVE.
    public func state(on date: String) -> String {
        if let last = validThrough, date > last { return "ENDED" }
        if pauses.contains(where: { $0.contains(date) }) { return "PAUSED" }
        return "ACTIVE"
    }

    /// The idempotency key of the booking for `date`: booking a day twice books it once.
    public static func bookingKey(_ id: StandingOrderID, date: String) -> String { "standing-order/\(id)/\(date)" }

    /// "Mon, Thu".
    public var weekdayNames: String { weekdays.map { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][$0] }.joined(separator: ", ") }
}
