//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The earliest service start at each position of a vehicle's route (0 = leaving the depot,
/// then one per visit) and the latest start that keeps the rest of the route in its windows
/// (0…`visits.count + 1`, the last = back at the depot), minutes after midnight: what lets the
/// insertion check skip a vehicle that cannot be at the pickup in time, without building its
/// instance.
public struct RouteTimes: Sendable, Hashable {
    public var earliest: [Double]
    public var latest: [Double]
}
