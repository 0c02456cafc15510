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
import Hummingbird
import Mobility
import Planner
import Transit

/// `/planning/inquiries` and `/planning/offers`: a planning request as the planner's, one way
/// or there and back, answered in the one wire format.
extension GoanAPI {
    func planning(_ request: Request, _ context: GoanRequestContext, offers: Bool) async throws -> Response {
        try require(context, [.traveller, .coordinator, .admin])
        let body = try await decode(PlanningRequestBody.self, request, context, shape: PlanningRequestBody.shape)
        let ask = try planRequest(body, context)
        let now = now()
        if let returnTrip = body.returnTrip {
            let back = try wayBack(returnTrip, of: ask)
            if offers {
                let answer = try await blocking { try desk.offers(ask, back: back, now: now) }
                return try json(PlanDocument(
                    there: answer.there, request: ask, back: answer.back, backRequest: back, timezone: clock.timezone,
                    pairs: answer.pairs.map { ($0.offer.id, $0.offer.validUntil, $0.there, $0.back, $0.offer.price) }))
            }
            let (there, way) = try await blocking { (desk.plan(ask), desk.plan(back)) }
            return try json(PlanDocument(there: there, request: ask, back: way, backRequest: back, timezone: clock.timezone))
        }
        if offers {
            let (plan, offers) = try await blocking { try desk.offers(ask, now: now) }
            return try json(planningBody(plan, request: ask, offers: offers))
        }
        let plan = try await blocking { desk.plan(ask) }
        return try json(planningBody(plan, request: ask, offers: nil))
    }

    /// The plan in the one wire format (`PlanDocument`, as `goan plan --json` prints it).
    func planningBody(_ plan: Plan, request: PlanRequest, offers: [Offer]?) -> PlanDocument {
        PlanDocument(plan, request: request, timezone: clock.timezone, offers: offers?.map { ($0.id, $0.validUntil) })
    }

    func planRequest(_ body: PlanningRequestBody, _ context: GoanRequestContext) throws -> PlanRequest {
        let principal = context.principal!
        let travellerId = try actingFor(body.traveller, context, does: "plans")
        let traveller: Traveller
        do {
            traveller = try desk.traveller(TravellerID(rawValue: travellerId))
        } catch DeskError.notFound(let what) {
            throw Problem(.notFound, "\(what) does not exist", field: "traveller")
        }
        try body.from.validate("from")
        try body.to.validate("to")
        let (field, text): (String, String)
        switch (body.departureTime, body.arrivalTime) {
        case (let depart?, nil): (field, text) = ("departureTime", depart)
        case (nil, let arrive?): (field, text) = ("arrivalTime", arrive)
        case (nil, nil): throw Problem.badRequest("departureTime", "give departureTime or arrivalTime")
        default: throw Problem.badRequest("arrivalTime", "give departureTime or arrivalTime, not both")
        }
        let moment = try dateTime(text, field)
        let unix = moment.unix
        let first = ServiceDate(dayNumber: timetableDays.lowerBound), last = ServiceDate(dayNumber: timetableDays.upperBound)
        // Far from the period the date as written is named: the calendar of the feed's time
        // zone need not represent it (5000-01-01 came back as 1970-01-01).
        let periodStart = ServiceDayClock.noonMinus12h(first, timezone: clock.timezone)
        let periodEnd = ServiceDayClock.noonMinus12h(last, timezone: clock.timezone) + 86_400
        guard unix >= periodStart - 2 * 86_400, unix < periodEnd + 2 * 86_400 else {
            throw Problem.badRequest(field, "\(moment.dateText) is outside the timetable's period \(first)…\(last)")
        }
        let (date, _) = ServiceDayClock.localDate(unix: unix, timezone: clock.timezone)
        guard timetableDays.contains(date.dayNumber) else {
            throw Problem.badRequest(field, "\(date) is outside the timetable's period \(first)…\(last)")
        }
        let seconds = Int32(ServiceDayClock.serviceSeconds(unix: unix, on: date, timezone: clock.timezone))
        var bookedAt = now()
        if let text = body.bookedAt {
            guard principal.role == .coordinator || principal.role == .admin else {
                throw Problem(.forbidden, "only coordinator and admin tokens may plan as of another moment", field: "bookedAt")
            }
            bookedAt = try dateTime(text, "bookedAt").unix
        }
        var request = PlanRequest(
            traveller: traveller, origin: Coordinate(latitude: body.from.lat, longitude: body.from.lon),
            originName: body.from.name ?? "\(body.from.lat),\(body.from.lon)", destination: Coordinate(latitude: body.to.lat, longitude: body.to.lon),
            destinationName: body.to.name ?? "\(body.to.lat),\(body.to.lon)", date: date,
            time: body.departureTime != nil ? .departAt(seconds) : .arriveBy(seconds), bookedAt: bookedAt)
        if let maxTransfers = body.maxTransfers {
            guard (0 ... 8).contains(maxTransfers) else { throw Problem.badRequest("maxTransfers", "must be 0…8") }
            request.maxTransfers = maxTransfers
        }
        if let companions = body.companions {
            var list: [Companion] = []
            for (index, companion) in companions.enumerated() {
                guard let kind = Companion.Kind(rawValue: companion.kind) else {
                    throw Problem.badRequest("companions[\(index)].kind", "'\(companion.kind)' is not social or medical")
                }
                if let age = companion.age, !(0 ... 120).contains(age) { throw Problem.badRequest("companions[\(index)].age", "must be 0…120") }
                list.append(Companion(kind: kind, age: companion.age))
            }
            request.travelWith(list)
        }
        return request
    }

    /// The way back of a return trip: the same day, after the way there's time.
    func wayBack(_ body: PlanningRequestBody.ReturnTripBody, of request: PlanRequest) throws -> PlanRequest {
        let (field, text): (String, String)
        switch (body.departureTime, body.appointmentEndTime) {
        case (let depart?, nil): (field, text) = ("returnTrip.departureTime", depart)
        case (nil, let end?): (field, text) = ("returnTrip.appointmentEndTime", end)
        case (nil, nil): throw Problem.badRequest("returnTrip.departureTime", "give departureTime or appointmentEndTime")
        default: throw Problem.badRequest("returnTrip.appointmentEndTime", "give departureTime or appointmentEndTime, not both")
        }
        let unix = try dateTime(text, field).unix
        let (date, _) = ServiceDayClock.localDate(unix: unix, timezone: clock.timezone)
        guard date == request.date else { throw Problem.badRequest(field, "the way back must be on the same day as the way there (\(request.date))") }
        let seconds = Int32(ServiceDayClock.serviceSeconds(unix: unix, on: date, timezone: clock.timezone))
        let asked: Int32 = switch request.time { case .departAt(let t), .arriveBy(let t): t }
        guard seconds > asked else { throw Problem.badRequest(field, "must be after the way there's time") }
        return request.wayBack(departing: seconds, afterAppointment: body.appointmentEndTime != nil)
    }

    /// An RFC 3339 date-time with an offset (years 1970…9999); an impossible date or offset
    /// is refused naming the field, never moved to another day.
    func dateTime(_ text: String, _ field: String) throws -> ISODateTime {
        do {
            return try ISODateTime(text)
        } catch {
            try checkText(text, field, max: 64, allowEmpty: false)
            throw Problem.badRequest(field, "'\(text)' is not a date-time like \(ISODateTime.example): \(error.reason)")
        }
    }
}
