//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import Mobility
public import Planner

/// A booked trip: one planned itinerary the traveller chose, with its legs. Its state is the
/// TOMP-API state of the whole trip, derived from its legs: CONFIRMED when every on-demand leg
/// is, PENDING while a volunteer's answer is awaited, REJECTED or EXPIRED as soon as one leg
/// fails (a trip with a missing leg is of no use, so the others are released).
///
/// Times are Unix seconds; money is euros; distances are kilometres.
public struct Booking: Codable, Sendable, Hashable {
    public var id: BookingID?
    /// Unique per booking request: a retried request returns the same booking.
    public var idempotencyKey: String
    public var travellerId: TravellerID
    /// The modes of the trip, e.g. `regiotaxi+transit`; a return trip's ways apart (`regiotaxi / regiotaxi`).
    public var service: String
    public var state: BookingState
    /// Departure of the trip (the first leg).
    public var pickupAt: Int64
    /// Kilometres taken from the traveller's yearly Regiotaxi budget now (0 once given back).
    public var km: Double
    /// Unused since v2 (kept: migrations are append-only).
    public var resource: String
    public var createdAt: Int64
    public var offerId: String
    public var arrivalAt: Int64
    /// What the traveller pays for the trip (the offer's price).
    public var price: Double
    /// A cancellation fee charged (0 unless cancelled late).
    public var fee: Double
    /// Why the booking was rejected or expired (`nil` otherwise, and for a cancellation).
    public var reasonCode: ReasonCode?
    /// Why the booking was rejected, expired or cancelled, in words.
    public var reason: String

    /// The reason as shown to people and programs: the code first (`NO_VEHICLE_AVAILABLE: …`).
    public var reasonText: String { reasonCode.map { "\($0.rawValue): \(reason)" } ?? reason }
    /// Travel date, YYYY-MM-DD.
    public var date: String
    /// When the offer this booking was made from expires; a NEW booking cannot be committed after.
    public var validUntil: Int64

    public init(
        id: BookingID? = nil, idempotencyKey: String, travellerId: TravellerID, service: String, state: BookingState, pickupAt: Int64, km: Double = 0,
        createdAt: Int64, offerId: String, arrivalAt: Int64, price: Double, date: String, validUntil: Int64
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.travellerId = travellerId
        self.service = service
        self.state = state
        self.pickupAt = pickupAt
        self.km = km
        self.resource = ""
        self.createdAt = createdAt
        self.offerId = offerId
        self.arrivalAt = arrivalAt
        self.price = price
        self.fee = 0
        self.reasonCode = nil
        self.reason = ""
        self.date = date
        self.validUntil = validUntil
    }
}

/// One leg of a booking. On-demand legs (Regiotaxi, AutoMaatje) go through the lifecycle of
/// `BookingStateMachine`; walking and public-transport legs need no booking and stay as planned.
public struct BookedLeg: Codable, Sendable, Hashable {
    public var id: LegID?
    public var bookingId: BookingID
    /// 0-based order in the trip.
    public var position: Int
    public var mode: TravelMode
    /// For walking and transit legs the booking's state.
    public var state: BookingState
    public var fromName: String
    public var fromLat: Double
    public var fromLon: Double
    public var toName: String
    public var toLat: Double
    public var toLon: Double
    /// Travel date, YYYY-MM-DD (the service date of the trip).
    public var date: String
    public var departureAt: Int64
    public var arrivalAt: Int64
    /// The agreed pickup in minutes after local midnight of `date` (what the dispatcher uses).
    public var pickupMinute: Int
    public var price: Double
    /// Kilometres this leg takes from the yearly budget when confirmed.
    public var budgetKm: Double
    /// Seats taken (the traveller and companions).
    public var seats: Int
    /// Whether the leg needs a wheelchair place (kept beside `needs` for older readers).
    public var wheelchair: Bool
    /// The last moment this leg may be booked (the service's lead time), if it needs booking.
    public var bookingDeadline: Int64?
    /// The vehicle (shift) or volunteer who drives, once confirmed.
    public var assignee: Assignee?
    /// The volunteer whose answer is awaited while PENDING.
    public var askedVolunteer: VolunteerID?
    /// The answer is due by then (PENDING legs).
    public var responseDeadline: Int64?
    /// Volunteers still to ask, in order.
    public var candidates: [VolunteerID]
    /// Volunteers who declined, in order.
    public var declinedBy: [VolunteerID]
    public var reason: String
    /// The traveller's CROW codes when the leg was booked: what it asks of the vehicle.
    public var needs: [CROWCode]
    /// The way there or the way back (a return trip holds both in one booking).
    public var part: TripPart = .outward
    /// Whom the ride is for (a standing order's kind; `wmo` for every trip booked by a traveller).
    public var targetGroup: TargetGroup = .wmo

    /// Whether the leg is booked with a service (needs a vehicle or a volunteer).
    public var isOnDemand: Bool { mode.isOnDemand }

    /// What the leg's ride asks of the vehicle: its codes and its people.
    public var rideNeeds: RideNeeds { RideNeeds(codes: needs, companions: seats - 1) }
}

/// A planned itinerary kept as a bookable offer until `validUntil`: its price is binding until
/// then, and the booking rules are checked again when it is booked.
public struct Offer: Codable, Sendable, Hashable {
    /// Opaque, unguessable id.
    public var id: String
    public var travellerId: TravellerID
    public var createdAt: Int64
    public var validUntil: Int64
    /// Travel date, YYYY-MM-DD.
    public var date: String
    public var departureAt: Int64
    public var arrivalAt: Int64
    public var price: Double
    /// The legs as they will be booked (ids and booking id not yet set).
    public var legs: [BookedLeg]
}

extension Offer {
    /// A return trip: the legs of `there` (the way there) and of `back` (the way back) as one
    /// offer, valid while both are, at the sum of their prices.
    public init(returnTrip there: Offer, back: Offer, id: String) {
        let backLegs = back.legs.map { leg in
            var leg = leg
            leg.position += there.legs.count
            leg.part = .back
            return leg
        }
        self.init(
            id: id, travellerId: there.travellerId, createdAt: min(there.createdAt, back.createdAt), validUntil: min(there.validUntil, back.validUntil),
            date: there.date, departureAt: there.departureAt, arrivalAt: back.arrivalAt, price: ((there.price + back.price) * 100).rounded() / 100,
            legs: there.legs + backLegs)
    }
}

/// The answer to a return-trip question: the plans of the way there and the way back, and
/// every pair of their options that can be booked together.
public struct ReturnTripPlan: Sendable {
    /// One bookable pair: `there` and `back` index the two plans' itineraries.
    public struct Pair: Sendable, Hashable {
        public var offer: Offer
        public var there: Int
        public var back: Int
    }

    public var there: Plan
    public var back: Plan
    /// By the way there's option, then the way back's.
    public var pairs: [Pair]
}

/// A booking with its legs, as shown to travellers and staff.
public struct BookingDetails: Sendable, Hashable {
    public var booking: Booking
    public var legs: [BookedLeg]

    public var id: BookingID { booking.id ?? 0 }
}

/// A stop of a vehicle's route on a day: the pickup or the drop-off of a booked leg.
public struct RouteStop: Codable, Sendable, Hashable {
    public var legId: LegID
    public var pickup: Bool
}
