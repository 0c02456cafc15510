//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GoanServer
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Yams

/// The OpenAPI document in the repository against the implementation: every documented
/// operation is served, answers with a documented status and content type, and its JSON
/// body satisfies the documented schema (types, required and unknown properties, enums,
/// bounds). Schemathesis (`Tools/schemathesis.sh`, run by CI) adds generated inputs.
@Suite struct OpenAPIConformanceTests {
    typealias T = APITestWorld

    static let text: String = {
        let url = TwenteWorld.root.appendingPathComponent("Sources/GoanServer/openapi.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The parsed document (YAML gives untyped dictionaries, which are not Sendable: parsed per use).
    static func parse() throws -> [String: Any] { try #require(try Yams.load(yaml: text) as? [String: Any]) }

    /// Errors of `value` against `schema` (empty: it conforms).
    static func violations(_ value: JSONValue, _ schema: [String: Any], in document: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            let components = document["components"] as? [String: Any]
            let target = (components?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
            return violations(value, target, in: document, at: path)
        }
        func bound(_ key: String) -> Double? {
            (schema[key] as? Int).map(Double.init) ?? (schema[key] as? Double)
        }
        var problems: [String] = []
        switch (schema["type"] as? String, value) {
        case ("object", .object(let object)):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key): required, missing") }
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    problems += violations(child, childSchema, in: document, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path).\(key): not in the schema")
                }
            }
        case ("array", .array(let array)):
            let items = schema["items"] as? [String: Any] ?? [:]
            for (index, item) in array.enumerated() { problems += violations(item, items, in: document, at: "\(path)[\(index)]") }
        case ("string", .string(let text)):
            if let choices = schema["enum"] as? [String], !choices.contains(text) { problems.append("\(path): '\(text)' not in \(choices)") }
        case ("integer", .number(let number)), ("number", .number(let number)):
            if schema["type"] as? String == "integer", number != number.rounded() { problems.append("\(path): not an integer") }
            if let minimum = bound("minimum"), number < minimum { problems.append("\(path): \(number) < \(minimum)") }
            if let maximum = bound("maximum"), number > maximum { problems.append("\(path): \(number) > \(maximum)") }
        case ("boolean", .bool), (nil, _):
            break
        case (let type?, _):
            problems.append("\(path): not of type \(type): \(value)")
        }
        return problems
    }

    /// The documented response of `operation` for `status`: its content type and schema.
    static func documented(_ operation: [String: Any], status: Int, in document: [String: Any]) -> (type: String, schema: [String: Any])? {
        guard var response = (operation["responses"] as? [String: Any])?["\(status)"] as? [String: Any] else { return nil }
        if let ref = response["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            response = ((document["components"] as? [String: Any])?["responses"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        }
        guard let (type, media) = (response["content"] as? [String: Any])?.first, let body = media as? [String: Any] else { return nil }
        return (type, body["schema"] as? [String: Any] ?? [:])
    }

    @Test func everyDocumentedOperationIsServedAndAnswersAsDocumented() async throws {
        #expect(try #require(try Self.parse()["paths"] as? [String: Any]).count >= 12)
        let world = try T()
        try await world.app.test(.router) { client in
            let document = try Self.parse()
            let paths = try #require(document["paths"] as? [String: Any])
            // Real ids to fill the path parameters: a confirmed Regiotaxi trip and a pending volunteer ride.
            let taxi = try await client.bookFirst(token: T.admin, traveller: "jansen", modes: ["regiotaxi"], key: "doc-1")
            let bookingId = try #require(taxi.object["id"] as? Int)
            _ = try await client.bookFirst(token: T.admin, traveller: "de-vries", modes: ["automaatje"], arrive: "11:00", key: "doc-2")
            let pending = try await client.call(.get, "/volunteer-requests", token: T.admin).object["requests"] as? [[String: Any]] ?? []
            let legId = try #require(pending.first?["legId"] as? Int)
            let volunteer = try #require(pending.first?["volunteer"] as? String)
            // A return trip's offer: the booking made from it has legs of both ways.
            let returnTrip = #","returnTrip":{"departureTime":"2026-11-30T11:30:00+01:00"}"#
            let offers = try await client.call(.post, "/planning/offers", token: T.admin, body: T.trip(traveller: "mulder", extra: returnTrip))
            let offerId = try #require(((offers.object["returnTrip"] as? [String: Any])?["offers"] as? [[String: Any]])?.first?["id"] as? String)
            let standingOrder = #"{"traveller":"visser","kind":"day-care","from":{"lat":52.476,"lon":6.566,"name":"home"},"to":{"lat":52.406,"lon":6.627,"name":"day centre"},"weekdays":["mon","thu"],"arriveBy":"09:30","returnAt":"15:30","validFrom":"2026-11-01"}"#
            let created = try await client.call(.post, "/standing-orders", token: T.admin, body: standingOrder)
            let orderId = try #require(created.object["id"] as? Int, "\(created.object)")
            let bodies: [String: String] = [
                "createStandingOrder": standingOrder, "standingOrderEvent": #"{"operation":"PAUSE","from":"2026-12-01","through":"2026-12-06"}"#,
                "bookStandingOrders": #"{"date":"2026-11-30"}"#,
                "planInquiry": T.trip(traveller: "jansen", extra: returnTrip), "planOffers": T.trip(traveller: "jansen", extra: returnTrip),
                "createBooking": #"{"offerId":"\#(offerId)"}"#, "bookingEvent": #"{"operation":"CANCEL"}"#,
                "answerVolunteerRequest": #"{"volunteer":"\#(volunteer)","accept":false}"#,
            ]
            var checked = 0
            for (template, item) in paths {
                let methods = try #require(item as? [String: Any])
                for (method, value) in methods {
                    let operation = try #require(value as? [String: Any])
                    let name = operation["operationId"] as? String ?? "?"
                    let id = template.hasPrefix("/travellers") ? "jansen" : template.hasPrefix("/standing-orders") ? "\(orderId)" : "\(bookingId)"
                    let uri = template.replacingOccurrences(of: "{id}", with: id)
                        .replacingOccurrences(of: "{legId}", with: "\(legId)").replacingOccurrences(of: "{date}", with: "2026-11-30")
                    let response = try await client.call(HTTPRequest.Method(rawValue: method.uppercased())!, uri, token: T.admin, body: bodies[name])
                    let answer = try #require(Self.documented(operation, status: response.status.code, in: document), "\(name): status \(response.status.code) is not documented")
                    #expect(response.headers[.contentType]?.hasPrefix(answer.type) == true, "\(name): content type \(response.headers[.contentType] ?? "none") is not \(answer.type)")
                    if answer.type.hasSuffix("json") {
                        let json = try #require(try? JSONDecoder().decode(JSONValue.self, from: response.body), "\(name): body is not JSON")
                        let problems = Self.violations(json, answer.schema, in: document)
                        #expect(problems.isEmpty, "\(name) \(response.status.code): \(problems)")
                    }
                    #expect(response.status.code < 300, "\(name) → \(response.status.code): \(response.object)")
                    checked += 1
                }
            }
            #expect(checked >= 18)
            // Something undocumented is not served.
            #expect(try await client.call(.get, "/bookings/\(bookingId)/secret", token: T.admin).status == .notFound)
            #expect(try await client.call(.delete, "/bookings/\(bookingId)", token: T.admin).status.code >= 400)
        }
    }
}

/// A JSON value that keeps numbers and booleans apart (JSONSerialization does not on Linux).
indirect enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
