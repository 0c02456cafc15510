//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Foundation
import GoanServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Mobility
import NIOCore
import Synchronization
import TestSupport
import Testing

/// An API on the Twente data, a temporary database, fixed tokens and a fixed clock
/// (Monday 23 November 2026, 10:00: trips on the 30th meet every lead time).
struct APITestWorld {
    typealias W = TwenteWorld
    static let now = W.at("2026-11-23", "10:00")
    static let tokens = TokenBook([
        "admin-token-0000000001": Principal(role: .admin),
        "coordinator-token-0001": Principal(role: .coordinator),
        "dispatcher-token-00001": Principal(role: .dispatcher),
        "jansen-token-000000001": Principal(role: .traveller, traveller: "jansen"),
        "devries-token-00000001": Principal(role: .traveller, traveller: "de-vries"),
    ])
    static let admin = "admin-token-0000000001"
    static let coordinator = "coordinator-token-0001"
    static let dispatcher = "dispatcher-token-00001"
    static let jansen = "jansen-token-000000001"
    static let deVries = "devries-token-00000001"

    let desk: BookingDesk
    let api: GoanAPI
    let app: Application<RouterResponder<GoanRequestContext>>
    /// The API's clock (Unix seconds): `now` until a test moves it.
    let clock: TestClock

    init(adjust: (inout SupplyFiles) -> Void = { _ in }) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("goan-api-\(UUID().uuidString).sqlite").path
        desk = try W.desk(try SQLiteBookingStore.file(path), adjust: adjust)
        let clock = TestClock(Self.now)
        self.clock = clock
        api = GoanAPI(desk: desk, now: { clock.now })
        app = Application(router: api.router(tokens: Self.tokens, logRequests: false))
    }

    /// A planning body from Westerhaar to ZGT Almelo on Monday 30 November.
    static func trip(traveller: String? = nil, arrive: String = "10:00", extra: String = "") -> String {
        let who = traveller.map { "\"traveller\":\"\($0)\"," } ?? ""
        return """
            {\(who)"from":{"lat":52.459,"lon":6.6195,"name":"home"},"to":{"lat":52.3497,"lon":6.6378,"name":"ZGT Almelo"},\
            "arrivalTime":"2026-11-30T\(arrive):00+01:00"\(extra)}
            """
    }
}

/// A clock the test sets.
final class TestClock: Sendable {
    private let moment: Mutex<Int64>
    init(_ start: Int64) { moment = Mutex(start) }
    var now: Int64 { moment.withLock { $0 } }
    func set(_ unix: Int64) { moment.withLock { $0 = unix } }
}

/// A response as status, headers and parsed JSON.
struct APIResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: Data
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
}

extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil, headers: HTTPFields = [:]) async throws -> APIResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if body != nil && fields[.contentType] == nil { fields[.contentType] = "application/json" }
        let response = try await execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
        return APIResponse(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
    }

    /// Plans offers and books the first whose on-demand modes are `modes`, committing at once.
    func bookFirst(token: String, traveller: String? = nil, modes: [String], arrive: String = "10:00", key: String) async throws -> APIResponse {
        let offers = try await call(.post, "/planning/offers", token: token, body: APITestWorld.trip(traveller: traveller, arrive: arrive))
        #expect(offers.status == .ok)
        let options = offers.object["options"] as? [[String: Any]] ?? []
        let option = try #require(options.first { option in
            let legs = option["legs"] as? [[String: Any]] ?? []
            return legs.compactMap { $0["mode"] as? String }.filter { $0 == "regiotaxi" || $0 == "automaatje" } == modes
        })
        let id = try #require(option["id"] as? String)
        return try await call(.post, "/bookings", token: token, body: #"{"offerId":"\#(id)","commit":true}"#, headers: [HTTPField.Name("Idempotency-Key")!: key])
    }
}
