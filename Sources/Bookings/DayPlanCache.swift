//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import FleetDispatch
import Synchronization

/// The Regiotaxi routes of each travel date as the insertion check needs them (every ride with
/// its places and times), kept between bookings so that a commit does not read and decode the
/// whole day again.
///
/// Invariant: an entry is used only when its version equals the store's `dayPlanVersion` read
/// inside the booking's transaction; any route change (here or in another process) changes that
/// version, so a stale entry is never used, only rebuilt.
final class DayPlanCache: Sendable {
    struct DayPlan: Sendable {
        var version: Int64
        var routes: [ShiftID: [RouteVisit]]
        var times: [ShiftID: RouteTimes]
    }

    private let plans = Mutex<[String: DayPlan]>([:])

    func plan(_ date: String, version: Int64) -> DayPlan? {
        plans.withLock { plans in plans[date].flatMap { $0.version == version ? $0 : nil } }
    }

    func store(_ date: String, _ plan: DayPlan) {
        plans.withLock { $0[date] = plan }
    }
}
