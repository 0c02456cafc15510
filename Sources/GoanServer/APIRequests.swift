//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A position in a request or a response (degrees, WGS 84).
struct PointBody: Codable, Sendable {
    var lat: Double
    var lon: Double
    var name: String?

    static let shape = JSONShape.object(["lat": .value, "lon": .value, "name": .value])

    func validate(_ field: String) throws {
        guard lat.isFinite, (-90 ... 90).contains(lat) else { throw Problem.badRequest("\(field).lat", "must be between -90 and 90") }
        guard lon.isFinite, (-180 ... 180).contains(lon) else { throw Problem.badRequest("\(field).lon", "must be between -180 and 180") }
        if let name { try checkText(name, "\(field).name", max: 200, allowEmpty: true) }
    }
}

/// `POST /planning/inquiries` and `/planning/offers`.
struct PlanningRequestBody: Decodable, Sendable {
    var traveller: String?
    var from: PointBody
    var to: PointBody
    var departureTime: String?
    var arrivalTime: String?
    var bookedAt: String?
    var maxTransfers: Int?
    /// People travelling along on this trip, instead of the traveller's profile.
    var companions: [CompanionBody]?
    /// Plan the way back too: a return trip, booked as one.
    var returnTrip: ReturnTripBody?

    /// When the way back leaves: `departureTime`, or `appointmentEndTime` (ready from then: a
    /// door-to-door ride's pickup window opens then). One of the two.
    struct ReturnTripBody: Decodable, Sendable {
        var departureTime: String?
        var appointmentEndTime: String?

        static let shape = JSONShape.object(["departureTime": .value, "appointmentEndTime": .value])
    }

    struct CompanionBody: Decodable, Sendable {
        /// `social` or `medical`.
        var kind: String
        var age: Int?

        static let shape = JSONShape.object(["kind": .value, "age": .integer])
    }

    static let shape = JSONShape.object([
        "traveller": .value, "from": PointBody.shape, "to": PointBody.shape, "departureTime": .value, "arrivalTime": .value,
        "bookedAt": .value, "maxTransfers": .integer, "companions": .array(CompanionBody.shape, limit: 8),
        "returnTrip": ReturnTripBody.shape,
    ])
}

/// `POST /bookings`.
struct BookingRequestBody: Decodable, Sendable {
    var offerId: String
    var idempotencyKey: String?
    var commit: Bool?
    /// Commit even when the traveller has a booking at an overlapping time (e.g. two trips
    /// really wanted); otherwise such a commit is refused with `OVERLAPPING_BOOKING`.
    var allowOverlap: Bool?

    static let shape = JSONShape.object(["offerId": .value, "idempotencyKey": .value, "commit": .value, "allowOverlap": .value])

    /// What the request asks, to tell a retry (same fingerprint) from a key used for another
    /// request (422).
    var fingerprint: String { "offer=\(offerId);commit=\(commit ?? false);allowOverlap=\(allowOverlap ?? false)" }
}

/// `POST /bookings/{id}/events`.
struct BookingEventBody: Decodable, Sendable {
    enum Operation: String, Decodable, Sendable {
        case commit = "COMMIT"
        case cancel = "CANCEL"
        case deny = "DENY"
    }

    var operation: String
    var reason: String?
    /// COMMIT only: as `BookingRequestBody.allowOverlap`.
    var allowOverlap: Bool?
    /// CANCEL only: of a return trip, only the way there (`outward`) or the way back (`return`).
    var part: String?

    static let shape = JSONShape.object(["operation": .value, "reason": .value, "allowOverlap": .value, "part": .value])
}

/// `POST /volunteer-requests/{legId}/answer`.
struct VolunteerAnswerBody: Decodable, Sendable {
    var volunteer: String
    var accept: Bool

    static let shape = JSONShape.object(["volunteer": .value, "accept": .value])
}

/// Checks an identifier, key or query value: 1…`max` characters, no control characters.
func checkLength(_ value: String, _ field: String, max: Int) throws {
    try checkText(value, field, max: max, allowEmpty: false)
}

/// Checks a text: at most `max` characters and no control character (U+0000…U+001F,
/// U+007F…U+009F). A NUL especially: SQLite would cut the text there, so that
/// `<offerId>\u{0}garbage` named `<offerId>`.
func checkText(_ value: String, _ field: String, max: Int, allowEmpty: Bool) throws {
    if value.isEmpty && !allowEmpty { throw Problem.badRequest(field, "must not be empty") }
    if value.count > max { throw Problem.badRequest(field, "is longer than \(max) characters") }
    if let bad = value.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) }) {
        throw Problem.badRequest(field, "contains the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4))")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
