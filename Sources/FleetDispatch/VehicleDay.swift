//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import Mobility

/// One vehicle's or volunteer's day: its stops in order.
public struct VehicleDay: Sendable {
    public struct Stop: Sendable, Hashable {
        /// Minutes after midnight when the service starts.
        public var time: Double
        public var place: String
        public var ride: RideID
        public var traveller: TravellerID
        public var pickup: Bool
    }

    /// The shift (a vehicle's working period or a volunteer's availability window).
    public var shift: ShiftID
    /// `.regiotaxi` or `.volunteer`.
    public var kind: ServiceRules.Service.Kind
    /// The Regiotaxi vehicle, on a vehicle's day.
    public var vehicle: VehicleID?
    /// Who drives, on a volunteer's day.
    public var volunteer: VolunteerID?
    public var stops: [Stop]
    /// Kilometres by road, depot to depot.
    public var kilometres: Double
}

/// The schedule of a day: routes, and the rides no vehicle could take, each with its reason.
public struct DaySchedule: Sendable {
    public var days: [VehicleDay]
    public var unassigned: [(ride: BookedRide, reason: String)]
    public var kilometres: Double
    /// The volunteers' shifts that declined each ride (it was re-offered).
    public var declines: [RideID: [ShiftID]] = [:]
}
