//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The days a `service_id` runs, from `calendar.txt` and `calendar_dates.txt`.
public struct Service: Sendable, Hashable {
    public var id: String
    /// Weekly pattern from calendar.txt, Monday first; all false when the service has no calendar row.
    public var weekdays: [Bool]
    public var startDate: ServiceDate?
    public var endDate: ServiceDate?
    /// Dates added (`exception_type` 1).
    public var added: Set<ServiceDate>
    /// Dates removed (`exception_type` 2).
    public var removed: Set<ServiceDate>

    public init(id: String) {
        self.id = id
        self.weekdays = Array(repeating: false, count: 7)
        self.added = []
        self.removed = []
    }

    /// Whether the service runs on `date`.
    public func isActive(on date: ServiceDate) -> Bool {
        if removed.contains(date) { return false }
        if added.contains(date) { return true }
        guard let startDate, let endDate, date >= startDate, date <= endDate else { return false }
        return weekdays[date.weekday]
    }

    /// The first and last date the service could run, or `nil` if it never runs.
    public var dateRange: ClosedRange<ServiceDate>? {
        var low = startDate
        var high = endDate
        if weekdays.allSatisfy({ !$0 }) { low = nil; high = nil }
        for date in added {
            if low == nil || date < low! { low = date }
            if high == nil || date > high! { high = date }
        }
        guard let low, let high, low <= high else { return nil }
        return low ... high
    }
}
