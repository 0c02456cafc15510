//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A stop of a vehicle's route: a ride's pickup or its drop-off.
public struct RouteVisit: Sendable, Hashable {
    public var ride: BookedRide
    public var pickup: Bool

    public init(ride: BookedRide, pickup: Bool) {
        self.ride = ride
        self.pickup = pickup
    }
}
