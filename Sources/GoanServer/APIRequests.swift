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
        if let name, name.count > 200 { throw Problem.badRequest("\(field).name", "is longer than 200 characters") }
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

    static let shape = JSONShape.object([
        "traveller": .value, "from": PointBody.shape, "to": PointBody.shape, "departureTime": .value, "arrivalTime": .value,
        "bookedAt": .value, "maxTransfers": .value,
    ])
}

/// `POST /bookings`.
struct BookingRequestBody: Decodable, Sendable {
    var offerId: String
    var idempotencyKey: String?
    var commit: Bool?

    static let shape = JSONShape.object(["offerId": .value, "idempotencyKey": .value, "commit": .value])
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

    static let shape = JSONShape.object(["operation": .value, "reason": .value])
}

/// `POST /volunteer-requests/{legId}/answer`.
struct VolunteerAnswerBody: Decodable, Sendable {
    var volunteer: String
    var accept: Bool

    static let shape = JSONShape.object(["volunteer": .value, "accept": .value])
}

/// Checks a free-text identifier: 1…`max` characters.
func checkLength(_ value: String, _ field: String, max: Int) throws {
    if value.isEmpty { throw Problem.badRequest(field, "must not be empty") }
    if value.count > max { throw Problem.badRequest(field, "is longer than \(max) characters") }
}
