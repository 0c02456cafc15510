//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Why a request is left out of a solution, in words for the dispatcher.
public enum UnassignableReason: Sendable, Hashable, CustomStringConvertible {
    /// More seats than a vehicle has.
    case tooManyPassengers(seats: Int, capacity: Int)
    /// The pickup window closes before a vehicle can get there from the depot.
    case pickupUnreachable
    /// Even a direct ride exceeds the maximum ride time or misses the drop-off window.
    case directRideImpossible
    /// The ride does not fit the route duration (depot – pickup – drop-off – depot).
    case longerThanAShift
    /// Possible on its own, but no vehicle has room next to the other rides.
    case noRoomNextToOtherRides

    public var description: String {
        switch self {
        case .tooManyPassengers(let seats, let capacity): "needs \(seats) seats; vehicles have \(capacity)"
        case .pickupUnreachable: "no vehicle can reach the pickup before its window closes"
        case .directRideImpossible: "even a direct ride breaks the maximum ride time or the drop-off window"
        case .longerThanAShift: "the ride does not fit in a vehicle's maximum route duration"
        case .noRoomNextToOtherRides: "possible on its own, but no vehicle has room next to the other rides"
        }
    }
}

extension DARPInstance {
    /// Why request `pickup` cannot be served: first the reasons that hold on an empty vehicle.
    public func reason(unassigned pickup: Int) -> UnassignableReason {
        let drop = dropOff(of: pickup)
        let p = nodes[pickup], d = nodes[drop], depot = nodes[0]
        if p.load > capacity { return .tooManyPassengers(seats: p.load, capacity: capacity) }
        if depot.earliest + time(0, pickup) > p.latest { return .pickupUnreachable }
        let evaluator = RouteEvaluator(instance: self)
        if evaluator.evaluate([pickup, drop], keepSchedule: false) == nil {
            let pickupBegin = max(depot.earliest + time(0, pickup), p.earliest)
            let dropArrival = pickupBegin + p.service + time(pickup, drop)
            if dropArrival > d.latest || time(pickup, drop) > maxRideTime { return .directRideImpossible }
            return .longerThanAShift
        }
        return .noRoomNextToOtherRides
    }
}
