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
    /// People riding: the traveller and companions.
    public var seats: Int { didSet { needs = RideNeeds(codes: codes, companions: seats - 1) } }
    /// The traveller's CROW codes; what they ask of the vehicle is ``needs``.
    public var codes: [CROWCode] { didSet { needs = RideNeeds(codes: codes, companions: seats - 1) } }
    /// What the ride asks of the vehicle (seats include a support dog's and an empty one), read
    /// from `codes` once: the insertion check asks for it at every stop it passes.
    public private(set) var needs: RideNeeds
    /// The Regiotaxi shift the booking was confirmed into: where the dispatcher starts from (it
    /// may move the ride to another vehicle, never drop it).
    public var confirmedShift: ShiftID?
    /// The AutoMaatje volunteer who accepted the ride: fixed, the volunteer said yes to it.
    public var acceptedBy: VolunteerID?
    /// The volunteer whose answer is still awaited (an AutoMaatje ride not yet confirmed).
    public var awaiting: VolunteerID?
    /// Whom the ride is for (Wmo, day care, school): see ``DayDispatcher`` for who may share.
    public var group: TargetGroup = .wmo

    public init(
        id: RideID, leg: LegID? = nil, traveller: TravellerID, service: TravelMode, fromName: String, from: Coordinate, toName: String,
        to: Coordinate, pickup: Int, seats: Int, codes: [CROWCode], confirmedShift: ShiftID? = nil, acceptedBy: VolunteerID? = nil,
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
        self.codes = codes
        needs = RideNeeds(codes: codes, companions: seats - 1)
        self.confirmedShift = confirmedShift
        self.acceptedBy = acceptedBy
        self.awaiting = awaiting
    }

    /// The ride for `group`.
    public func inGroup(_ group: TargetGroup) -> BookedRide {
        var ride = self
        ride.group = group
        return ride
    }

    /// Whether the traveller rides in a wheelchair place.
    public var wheelchair: Bool { needs.wheelchairPlace }

    /// Minutes to board or alight by the service's `boarding` times: a wheelchair or a scooter
    /// takes longer, help from the door longer still.
    public func serviceMinutes(_ boarding: BoardingMinutes) -> Double { boarding.minutes(for: needs) }
}
