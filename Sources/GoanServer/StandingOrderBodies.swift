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
import Mobility

/// `POST /standing-orders`: a weekly recurring trip.
struct StandingOrderRequestBody: Decodable, Sendable {
    var traveller: String?
    /// `wmo`, `day-care` or `school`.
    var kind: String?
    var from: PointBody
    var to: PointBody
    /// `mon` … `sun`.
    var weekdays: [String]
    /// Local times `HH:MM`: the way there arrives by `arriveBy` or leaves at `departAt`; the way back leaves from `returnAt`.
    var arriveBy: String?
    var departAt: String?
    var returnAt: String?
    var validFrom: String
    var validThrough: String?
    var skipPublicHolidays: Bool?
    var skipSchoolHolidays: Bool?

    static let shape = JSONShape.object([
        "traveller": .value, "kind": .value, "from": PointBody.shape, "to": PointBody.shape, "weekdays": .array(.value, limit: 7),
        "arriveBy": .value, "departAt": .value, "returnAt": .value, "validFrom": .value, "validThrough": .value,
        "skipPublicHolidays": .value, "skipSchoolHolidays": .value,
    ])

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The order, or a problem naming the field.
    func order(traveller: TravellerID, now: Int64) throws -> StandingOrder {
        try from.validate("from")
        try to.validate("to")
        let kind = try self.kind.map { text in
            guard let kind = StandingOrder.Kind(rawValue: text) else { throw Problem.badRequest("kind", "must be wmo, day-care or school") }
            return kind
        } ?? .wmo
        let days = try weekdays.enumerated().map { index, name in
            guard let day = Self.dayNames.firstIndex(of: name) else { throw Problem.badRequest("weekdays[\(index)]", "must be one of mon, tue, wed, thu, fri, sat, sun") }
            return day
        }
        func minutes(_ text: String?, _ field: String) throws -> Int? {
            guard let text else { return nil }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard text.count == 5, parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0 ... 23).contains(h), (0 ... 59).contains(m) else {
                throw Problem.badRequest(field, "expected a time of day HH:MM")
            }
            return h * 60 + m
        }
        for (field, text) in [("validFrom", validFrom), ("validThrough", validThrough ?? validFrom)] where text.count != 10 || ServiceDate(text) == nil {
            throw Problem.badRequest(field, "expected a date YYYY-MM-DD")
        }
        let order = StandingOrder(
            travellerId: traveller, kind: kind, from: .init(name: from.name ?? "\(from.lat),\(from.lon)", lat: from.lat, lon: from.lon),
            to: .init(name: to.name ?? "\(to.lat),\(to.lon)", lat: to.lat, lon: to.lon), weekdays: days, arriveBy: try minutes(arriveBy, "arriveBy"),
            departAt: try minutes(departAt, "departAt"), returnAt: try minutes(returnAt, "returnAt"), validFrom: validFrom, validThrough: validThrough,
            skipPublicHolidays: skipPublicHolidays, skipSchoolHolidays: skipSchoolHolidays, createdAt: now)
        if let problem = order.problem { throw Problem.badRequest(problem.field, problem.message) }
        return order
    }
}

/// `POST /standing-orders/{id}/events`: PAUSE (`from`, `through` optional), RESUME (`from`), END (`through`: the last day).
struct StandingOrderEventBody: Decodable, Sendable {
    enum Operation: String, Sendable {
        case pause = "PAUSE"
        case resume = "RESUME"
        case end = "END"
    }

    var operation: String
    var from: String?
    var through: String?

    static let shape = JSONShape.object(["operation": .value, "from": .value, "through": .value])
}

/// `POST /standing-orders/bookings`: book the standing orders of a day.
struct StandingOrderDayBody: Decodable, Sendable {
    var date: String
    static let shape = JSONShape.object(["date": .value])
}

struct StandingOrderBody: Encodable {
    struct Pause: Encodable {
        var from: String
        var through: String?
    }

    var id: StandingOrderID
    var traveller: TravellerID
    var kind: String
    var from: PointBody
    var to: PointBody
    var weekdays: [String]
    var arriveBy: String?
    var departAt: String?
    var returnAt: String?
    var validFrom: String
    var validThrough: String?
    var skipPublicHolidays: Bool
    var skipSchoolHolidays: Bool
    var pauses: [Pause]
    /// ACTIVE, PAUSED or ENDED on `stateOn`.
    var state: String
    var stateOn: String

    init(_ order: StandingOrder, today: String) {
        func clock(_ minutes: Int?) -> String? { minutes.map { ClockTime.text(minutes: $0) } }
        id = order.id ?? 0
        traveller = order.travellerId
        kind = order.kind.rawValue
        from = PointBody(lat: order.from.lat, lon: order.from.lon, name: order.from.name)
        to = PointBody(lat: order.to.lat, lon: order.to.lon, name: order.to.name)
        weekdays = order.weekdays.map { StandingOrderRequestBody.dayNames[$0] }
        arriveBy = clock(order.arriveBy)
        departAt = clock(order.departAt)
        returnAt = clock(order.returnAt)
        validFrom = order.validFrom
        validThrough = order.validThrough
        skipPublicHolidays = order.skipPublicHolidays
        skipSchoolHolidays = order.skipSchoolHolidays
        pauses = order.pauses.map { Pause(from: $0.from, through: $0.through) }
        state = order.state(on: today)
        stateOn = today
    }
}

struct StandingOrderListBody: Encodable {
    var standingOrders: [StandingOrderBody]
}

/// What booking a day did with each standing order.
struct StandingOrderDayResultBody: Encodable {
    struct Trip: Encodable {
        var standingOrder: StandingOrderID
        var traveller: TravellerID
        /// BOOKED (see `booking` for its state), SKIPPED or NOT_OFFERED.
        var outcome: String
        var booking: BookingBody?
        var reason: String?
    }

    var date: String
    var trips: [Trip]
}
