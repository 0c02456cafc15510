//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import GTFS
import Planner

/// Times in responses: ISO 8601 with the feed's offset.
struct Clock: Sendable {
    var timezone: String

    func iso(_ unix: Int64) -> String { ServiceDayClock.iso(unix: unix, timezone: timezone) }
    /// The local date of an instant, `YYYY-MM-DD`.
    func today(_ unix: Int64) -> String { ServiceDayClock.localDate(unix: unix, timezone: timezone).0.description }
}

struct BookedLegBody: Encodable {
    var id: LegID
    var mode: TravelMode
    var state: BookingState
    var from: PointBody
    var to: PointBody
    var departureTime: String
    var arrivalTime: String
    var price: Double
    var assignee: String?
    var askedVolunteer: VolunteerID?
    var responseDeadline: String?
    var reason: String?
    /// Return trips only: the way there (`outward`) or the way back (`return`).
    var part: TripPart?
}

struct BookingBody: Encodable {
    var id: BookingID
    var offerId: String
    var traveller: TravellerID
    var state: BookingState
    var createdAt: String
    var departureTime: String
    var arrivalTime: String
    var price: Double
    var kmCharged: Double
    var cancellationFee: Double
    var reason: String?
    var legs: [BookedLegBody]

    init(_ details: BookingDetails, clock: Clock) {
        let booking = details.booking
        id = details.id
        offerId = booking.offerId
        traveller = booking.travellerId
        state = booking.state
        createdAt = clock.iso(booking.createdAt)
        departureTime = clock.iso(booking.pickupAt)
        arrivalTime = clock.iso(booking.arrivalAt)
        price = booking.price
        kmCharged = (booking.km * 10).rounded() / 10
        cancellationFee = booking.fee
        reason = booking.reasonText.isEmpty ? nil : booking.reasonText
        let returnTrip = details.legs.contains { $0.part == .back }
        legs = details.legs.map { leg in
            BookedLegBody(
                id: leg.id ?? 0, mode: leg.mode, state: leg.state, from: PointBody(lat: leg.fromLat, lon: leg.fromLon, name: leg.fromName),
                to: PointBody(lat: leg.toLat, lon: leg.toLon, name: leg.toName), departureTime: clock.iso(leg.departureAt),
                arrivalTime: clock.iso(leg.arrivalAt), price: leg.price, assignee: leg.assignee?.description,
                askedVolunteer: leg.askedVolunteer, responseDeadline: leg.responseDeadline.map(clock.iso),
                reason: leg.reason.isEmpty ? nil : leg.reason, part: returnTrip ? leg.part : nil)
        }
    }
}

struct BookingListBody: Encodable {
    var bookings: [BookingBody]
}

struct VolunteerRequestBody: Encodable {
    var legId: LegID
    var bookingId: BookingID
    var volunteer: VolunteerID
    var responseDeadline: String
    var pickupTime: String
    var from: PointBody
    var to: PointBody
}

struct VolunteerRequestListBody: Encodable {
    var requests: [VolunteerRequestBody]
}

struct TravellerBudgetBody: Encodable {
    var id: String
    var kmBudgetLeft: Double
}

struct HealthBody: Encodable {
    var status = "ok"
    /// Bookings in the store; only with a valid token.
    var bookings: Int?
}

struct DayScheduleBody: Encodable {
    struct Stop: Encodable {
        var time: String
        var place: String
        var ride: String
        var action: String
    }

    struct Route: Encodable {
        var vehicle: String
        var kind: String
        var kilometres: Double
        var stops: [Stop]
    }

    struct Unassigned: Encodable {
        var ride: String
        var reason: String
    }

    var date: String
    var kilometres: Double
    var routes: [Route]
    var unassigned: [Unassigned]
}
