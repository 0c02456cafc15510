//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
@testable import GoanServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// What an outside probe found: each case answered as the contract says.
@Suite struct APIHardeningTests {
    typealias T = APITestWorld

    static func planning(_ time: String, field: String = "arrivalTime", extra: String = "") -> String {
        #"{"from":{"lat":52.459,"lon":6.6195},"to":{"lat":52.3497,"lon":6.6378},"\#(field)":"\#(time)"\#(extra)}"#
    }

    @Test func impossibleDatesAndOffsetsAreRefusedNamingTheField() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            for (time, field) in [
                ("2027-02-30T10:00:00+01:00", "arrivalTime"), ("2026-11-30T10:00:00+99:00", "departureTime"),
                ("2026-11-31T10:00:00+01:00", "departureTime"), ("2026-11-30T24:00:00+01:00", "arrivalTime"),
                ("2026-11-30T10:00:00", "arrivalTime"), ("2026-11-30 10:00:00+01:00", "departureTime"),
            ] {
                let response = try await client.call(.post, "/planning/offers", token: T.jansen, body: Self.planning(time, field: field))
                #expect(response.status == .badRequest, "\(time)")
                #expect(response.object["field"] as? String == field, "\(time): \(response.object)")
            }
            // Far outside the timetable's period: the date named is the one asked for.
            let far = try await client.call(.post, "/planning/offers", token: T.jansen, body: Self.planning("5000-01-01T10:00:00+01:00"))
            #expect(far.status == .badRequest && far.object["field"] as? String == "arrivalTime")
            #expect((far.object["detail"] as? String)?.contains("5000-01-01") == true, "\(far.object)")
            // A valid date in another offset is the same instant.
            let utc = try await client.call(.post, "/planning/inquiries", token: T.jansen, body: Self.planning("2026-11-30T09:00:00Z"))
            #expect(utc.status == .ok)
        }
    }

    @Test func theDateTimeParserAgreesWithFoundationOnValidDatesAndRefusesImpossibleOnes() throws {
        let formatter = ISO8601DateFormatter()
        for text in ["2026-11-30T10:00:00+01:00", "2028-02-29T23:59:59-05:30", "1970-01-01T00:00:00Z", "2026-03-29T02:30:00+14:00"] {
            let parsed = try ISODateTime(text)
            let foundation = try #require(formatter.date(from: text))
            #expect(parsed.unix == Int64(foundation.timeIntervalSince1970), "\(text)")
            #expect(parsed.dateText == String(text.prefix(10)))
        }
        #expect(try ISODateTime("2026-11-30T10:00:00.250+01:00").unix == ISODateTime("2026-11-30T10:00:00+01:00").unix)
        for text in ["2027-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-30T10:60:00Z", "2026-11-30T10:00:00+14:01",
            "2026-11-30T10:00:00+01:00 ", "1969-12-31T23:00:00Z", "2026-11-30T10:00:00+1:00", "", "2026-11-30T10:00:00\u{0}+01:00"]
        {
            #expect(throws: ISODateTime.Invalid.self, "\(text)") { try ISODateTime(text) }
        }
    }

    @Test func nonIntegersAreRefusedNamingTheField() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            for value in ["2.5", "1e30", "\"2\"", "-0.5", "true"] {
                let body = Self.planning("2026-11-30T10:00:00+01:00", extra: #","maxTransfers":\#(value)"#)
                let response = try await client.call(.post, "/planning/offers", token: T.jansen, body: body)
                #expect(response.status == .badRequest, "\(value)")
                #expect(response.object["field"] as? String == "maxTransfers", "\(value): \(response.object)")
            }
            let whole = Self.planning("2026-11-30T10:00:00+01:00", extra: #","maxTransfers":2"#)
            #expect(try await client.call(.post, "/planning/inquiries", token: T.jansen, body: whole).status == .ok)
        }
    }

    @Test func controlCharactersInIdsKeysAndQueriesAreRefusedNamingTheField() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let offers = try await client.call(.post, "/planning/offers", token: T.jansen, body: T.trip())
            let offerId = try #require((offers.object["options"] as? [[String: Any]])?.first?["id"] as? String)
            let cut = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(offerId)\u0000garbage"}"#)
            #expect(cut.status == .badRequest && cut.object["field"] as? String == "offerId", "\(cut.object)")
            let key = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(offerId)","idempotencyKey":"k\u0000"}"#)
            #expect(key.status == .badRequest && key.object["field"] as? String == "idempotencyKey")
            let name = try await client.call(
                .post, "/planning/offers", token: T.jansen, body: #"{"from":{"lat":52.459,"lon":6.6195,"name":"home\u0007"},"to":{"lat":52.3497,"lon":6.6378},"arrivalTime":"2026-11-30T10:00:00+01:00"}"#)
            #expect(name.status == .badRequest && name.object["field"] as? String == "from.name")
            let query = try await client.call(.get, "/bookings?traveller=jansen%00x", token: T.admin)
            #expect(query.status == .badRequest && query.object["field"] as? String == "traveller")
            let path = try await client.call(.get, "/travellers/jansen%00x", token: T.admin)
            #expect(path.status == .badRequest && path.object["field"] as? String == "id")
            let staff = try await client.call(.post, "/planning/offers", token: T.coordinator, body: T.trip(traveller: "jansen\\u0000"))
            #expect(staff.status == .badRequest && staff.object["field"] as? String == "traveller")
            // Nothing was booked by the refused requests.
            let list = try await client.call(.get, "/bookings", token: T.jansen).object["bookings"] as? [Any]
            #expect(list?.isEmpty == true)
        }
    }

    @Test func bearerIsCaseInsensitiveAndHealthCountsOnlyForAToken() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            for scheme in ["bearer", "BEARER", "Bearer", "bEaReR"] {
                let response = try await client.call(.get, "/bookings", token: nil, headers: [.authorization: "\(scheme) \(T.jansen)"])
                #expect(response.status == .ok, "\(scheme)")
            }
            for header in ["Bearer\(T.jansen)", "Basic \(T.jansen)", "Bearer ", "Bearerx \(T.jansen)"] {
                #expect(try await client.call(.get, "/bookings", token: nil, headers: [.authorization: header]).status == .unauthorized, "\(header)")
            }
            _ = try await client.bookFirst(token: T.jansen, modes: ["regiotaxi"], key: "health")
            let open = try await client.call(.get, "/health", token: nil)
            #expect(open.status == .ok && open.object["status"] as? String == "ok")
            #expect(open.object["bookings"] == nil)
            let unknown = try await client.call(.get, "/health", token: "not-a-token-of-ours-at-all")
            #expect(unknown.status == .ok && unknown.object["bookings"] == nil)
            let counted = try await client.call(.get, "/health", token: T.admin)
            #expect(counted.object["bookings"] as? Int == 1)
        }
    }

    @Test func theSameKeyWithAnotherBodyIsRefusedWith422() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let offers = try await client.call(.post, "/planning/offers", token: T.jansen, body: T.trip())
            let ids = (offers.object["options"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            try #require(ids.count >= 2)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "same-key"]
            let first = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(ids[0])"}"#, headers: key)
            #expect(first.status == .created)
            let again = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(ids[0])"}"#, headers: key)
            #expect(again.status == .ok && again.object["id"] as? Int == first.object["id"] as? Int)
            for body in [#"{"offerId":"\#(ids[1])"}"#, #"{"offerId":"\#(ids[0])","commit":true}"#] {
                let other = try await client.call(.post, "/bookings", token: T.jansen, body: body, headers: key)
                #expect(other.status == .unprocessableContent, "\(body)")
                #expect(other.object["code"] as? String == "IDEMPOTENCY_KEY_REUSED")
                #expect(other.object["field"] as? String == "Idempotency-Key")
            }
            // A key in the body is named as such.
            let inBody = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(ids[1])","idempotencyKey":"same-key"}"#)
            #expect(inBody.status == .unprocessableContent && inBody.object["field"] as? String == "idempotencyKey")
            let list = try await client.call(.get, "/bookings", token: T.jansen).object["bookings"] as? [[String: Any]]
            #expect(list?.count == 1)
        }
    }

    @Test func aTripThatDepartedIsRefusedWithAReasonCode() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            // This morning's trip (the clock says 10:00), planned as of yesterday so that it is offered.
            let body = #"{"traveller":"jansen","from":{"lat":52.459,"lon":6.6195},"to":{"lat":52.3497,"lon":6.6378},"departureTime":"2026-11-23T08:00:00+01:00","bookedAt":"2026-11-22T10:00:00+01:00"}"#
            let offers = try await client.call(.post, "/planning/offers", token: T.coordinator, body: body)
            let options = offers.object["options"] as? [[String: Any]] ?? []
            let departed = try #require(options.first { ($0["departureTime"] as? String ?? "9") < "2026-11-23T10:00" }, "\(offers.object)")
            let id = try #require(departed["id"] as? String)
            for request in [#"{"offerId":"\#(id)","commit":true}"#, #"{"offerId":"\#(id)"}"#] {
                let refused = try await client.call(.post, "/bookings", token: T.coordinator, body: request)
                #expect(refused.status == .conflict, "\(request)")
                #expect(refused.object["code"] as? String == "DEPARTURE_IN_THE_PAST", "\(refused.object)")
            }
            #expect((try await client.call(.get, "/bookings", token: T.jansen).object["bookings"] as? [[String: Any]])?.allSatisfy {
                $0["state"] as? String == "REJECTED"
            } == true)
        }
    }

    @Test func theSameRideBookedTwiceIsRefusedUnlessOverlapIsAllowed() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let first = try await client.bookFirst(token: T.jansen, modes: ["regiotaxi"], key: "ride-1")
            #expect(first.status == .created && first.object["state"] as? String == "CONFIRMED")
            let budget = try await client.call(.get, "/travellers/jansen", token: T.jansen).object["kmBudgetLeft"] as? Double
            let twice = try await client.bookFirst(token: T.jansen, modes: ["regiotaxi"], key: "ride-2")
            #expect(twice.status == .conflict)
            #expect(twice.object["code"] as? String == "OVERLAPPING_BOOKING", "\(twice.object)")
            // Nothing more was charged.
            #expect(try await client.call(.get, "/travellers/jansen", token: T.jansen).object["kmBudgetLeft"] as? Double == budget)
            // Asked for explicitly, both are kept; also through a COMMIT event.
            let offers = try await client.call(.post, "/planning/offers", token: T.jansen, body: T.trip())
            let taxi = try #require((offers.object["options"] as? [[String: Any]])?.first {
                ($0["legs"] as? [[String: Any]])?.contains { $0["mode"] as? String == "regiotaxi" } == true
            })
            let id = try #require(taxi["id"] as? String)
            let booked = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(id)"}"#)
            let bookingId = try #require(booked.object["id"] as? Int)
            let refused = try await client.call(.post, "/bookings/\(bookingId)/events", token: T.jansen, body: #"{"operation":"COMMIT"}"#)
            #expect(refused.status == .conflict && refused.object["code"] as? String == "OVERLAPPING_BOOKING")
            let third = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(id)","commit":true,"allowOverlap":true}"#)
            #expect(third.status == .created && third.object["state"] as? String == "CONFIRMED", "\(third.object)")
            let misplaced = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(id)","allowOverlap":true}"#)
            #expect(misplaced.status == .badRequest && misplaced.object["field"] as? String == "allowOverlap")
        }
    }

    @Test func theServerClockIsFixedOrRunsFromTheGivenMoment() {
        let start = T.now
        let fixed = UnixClock.fixed(start)
        #expect(fixed.now() == start)
        let system = TestClock(1_000_000)
        let running = UnixClock.running(from: start, on: UnixClock { system.now })
        #expect(running.now() == start)
        system.set(1_000_090)
        #expect(running.now() == start + 90)
        #expect(fixed.now() == start)
    }
}
