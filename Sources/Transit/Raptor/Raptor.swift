//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS

/// Round-based public transit routing (RAPTOR: Delling, Pajor, Werneck, "Round-Based Public
/// Transit Routing", ALENEX 2012) over a ``Timetable``.
///
/// Round k finds the best times reachable with k rides: it scans every pattern calling at a stop
/// improved in round k − 1, then relaxes same-stop transfers and footpaths (at most one walk
/// between rides). The result is the Pareto set over (arrival, transfers). Range queries run
/// once per departure in the window, latest first, keeping the round labels between runs
/// (rRAPTOR, section 4 of the paper), so each run only records journeys the later departures do
/// not dominate. Arrive-by queries run the same rounds backwards in time (latest departure).
///
/// The algorithm knows nothing about taxis or walking to an address: those reach it as source
/// and target stops with durations (``StopOffset``).
///
/// A `Raptor` holds reusable scratch memory: make one per thread and reuse it across queries.
public struct Raptor {
    public let timetable: Timetable
    var scratch: RaptorScratch
    /// Per bitset of service days: bit o set when the set contains query day + o − 1.
    var dayMask: [UInt8] = []
    /// Seconds to add to a trip of service day (query day + o − 1) to express its times
    /// relative to the query day (exact on DST change days).
    var dayShift: (Int32, Int32, Int32) = (-86_400, 0, 86_400)
    var wheelchairOnly = false
    /// The date ``dayMask`` and ``dayShift`` were computed for (they need the time zone, which is slow).
    var preparedDate: ServiceDate?

    /// The largest number of transfers a query may ask for.
    public static let maxSupportedTransfers = 30

    public init(timetable: Timetable) {
        self.timetable = timetable
        self.scratch = RaptorScratch(
            stopCount: timetable.stopCount, patternCount: timetable.patternCount,
            roundCount: Raptor.maxSupportedTransfers + 2)
    }

    /// Answers a request.
    ///
    /// - Returns: the Pareto set of journeys (empty when nothing reaches the destination before
    ///   the end of the next service day) and the search statistics.
    /// - Complexity: O(rounds × (patterns scanned × their stops + footpaths)) per departure.
    public mutating func route(_ request: JourneyRequest) -> RaptorResult {
        precondition(request.maxTransfers >= 0 && request.maxTransfers <= Raptor.maxSupportedTransfers,
                     "maxTransfers must be within 0…\(Raptor.maxSupportedTransfers)")
        scratch.statistics = RaptorStatistics()
        wheelchairOnly = request.wheelchairOnly
        prepareDays(for: request.date)
        switch request.time {
        case .departAt:
            return search(ForwardSearch.self, request)
        case .arriveBy:
            return search(BackwardSearch.self, request)
        }
    }

    /// Computes which bitsets contain the three days around the query day, and the day shifts.
    mutating func prepareDays(for date: ServiceDate) {
        if preparedDate == date { return }
        preparedDate = date
        let days = timetable.serviceDays
        let today = days.dayIndex(of: date)
        if dayMask.count != days.setCount { dayMask = Array(repeating: 0, count: days.setCount) }
        for set in 0 ..< days.setCount {
            var mask: UInt8 = 0
            for o in 0 ..< 3 where days.contains(set: set, day: today + o - 1) { mask |= 1 << UInt8(o) }
            dayMask[set] = mask
        }
        let zone = timetable.feed.timezone
        let reference = ServiceDayClock.noonMinus12h(date, timezone: zone)
        dayShift = (
            Int32(ServiceDayClock.noonMinus12h(date.adding(days: -1), timezone: zone) - reference), 0,
            Int32(ServiceDayClock.noonMinus12h(date.adding(days: 1), timezone: zone) - reference)
        )
    }

    @inline(__always) func shift(_ o: Int) -> Int32 {
        o == 0 ? dayShift.0 : (o == 1 ? dayShift.1 : dayShift.2)
    }
}
