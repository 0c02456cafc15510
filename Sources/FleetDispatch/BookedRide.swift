//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS

/// A door-to-door ride of one day that the dispatcher plans: a row of a rides file
/// (`Scenarios/twente/rides-DATE.csv`) or an on-demand leg booked in the store.
public struct BookedRide: Sendable, Hashable {
    public var id: RideID
    /// The booked leg this ride is, when it comes from the store (the id is then `ride-<leg>`).
    public var leg: LegID?
    public var traveller: TravellerID
    /// `.regiotaxi` or `.automaatje`.
    public var service: TravelMode
    public var fromName: String
    public var from: Coordinate
    public var toName: String
    public var to: Coordinate
    /// Agreed pickup, minutes after midnight.
    public var pickup: Int
    public var seats: Int
    public var wheelchair: Bool
    /// The Regiotaxi shift the booking was confirmed into: where the dispatcher starts from (it
    /// may move the ride to another vehicle, never drop it).
    public var confirmedShift: ShiftID?
    /// The AutoMaatje volunteer who accepted the ride: fixed, the volunteer said yes to it.
    public var acceptedBy: VolunteerID?
    /// The volunteer whose answer is still awaited (an AutoMaatje ride not yet confirmed).
    public var awaiting: VolunteerID?

    public init(
        id: RideID, leg: LegID? = nil, traveller: TravellerID, service: TravelMode, fromName: String, from: Coordinate, toName: String,
        to: Coordinate, pickup: Int, seats: Int, wheelchair: Bool, confirmedShift: ShiftID? = nil, acceptedBy: VolunteerID? = nil,
        awaiting: VolunteerID? = nil
    ) {
        self.id = id
        self.leg = leg
        self.traveller = traveller
        self.service = service
        self.fromName = fromName
        self.from = from
        self.toName = toName
        self.to = to
        self.pickup = pickup
        self.seats = seats
        self.wheelchair = wheelchair
        self.confirmedShift = confirmedShift
        self.acceptedBy = acceptedBy
        self.awaiting = awaiting
    }

    /// Minutes to board or alight: a wheelchair takes longer.
    public var serviceMinutes: Double { wheelchair ? 5 : 2 }
}
