//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import Planner

/// Trip planners for concurrent requests. A planner owns RAPTOR scratch memory that one search
/// at a time may use, so each request borrows a planner of its own and gives it back; the pool
/// grows to the number of requests that plan at the same moment.
final class PlannerPool: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`, and a borrowed planner belongs to one caller.
    private let lock = NSLock()
    private var idle: [TripPlanner]
    private let template: TripPlanner

    init(_ planner: TripPlanner) {
        template = planner
        idle = [planner]
    }

    func withPlanner<T>(_ body: (inout TripPlanner) throws -> T) rethrows -> T {
        lock.lock()
        var planner = idle.popLast() ?? template.fresh()
        lock.unlock()
        defer {
            lock.lock()
            idle.append(planner)
            lock.unlock()
        }
        return try body(&planner)
    }
}

extension TripPlanner {
    /// A planner on the same data with scratch memory of its own.
    func fresh() -> TripPlanner {
        var planner = TripPlanner(timetable: timetable, services: services, fleet: fleet, volunteers: volunteers, road: road)
        planner.maximumFeederKm = maximumFeederKm
        return planner
    }
}
