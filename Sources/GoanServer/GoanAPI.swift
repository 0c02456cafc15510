//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Bookings
import Dispatch
public import Domain
import FleetDispatch
import Foundation
import GTFS
public import Hummingbird
import Logging
import Metrics
import Mobility
import NIOCore
import Planner
import Synchronization
import Transit

/// The HTTP API after TOMP-API: a thin façade over `BookingDesk`. Routes and their roles:
///
/// | route | roles |
/// |---|---|
/// | `GET /health` | none needed |
/// | `GET /openapi.yaml` | any |
/// | `GET /metrics` | admin |
/// | `POST /planning/inquiries`, `POST /planning/offers` | traveller (own), coordinator, admin |
/// | `GET/POST /bookings`, `GET /bookings/{id}`, `POST /bookings/{id}/events` | traveller (own), coordinator, admin; dispatcher reads and denies |
/// | `GET /travellers/{id}` | traveller (own), coordinator, admin |
/// | `GET /volunteer-requests`, `POST /volunteer-requests/{legId}/answer` | coordinator, admin |
/// | `GET/POST /standing-orders`, `GET /standing-orders/{id}`, `POST /standing-orders/{id}/events` | traveller (own), coordinator, admin; dispatcher reads |
/// | `POST /standing-orders/bookings` | dispatcher, coordinator, admin |
/// | `GET /dispatch/{date}` | dispatcher, coordinator, admin |
public struct GoanAPI: Sendable {
    /// Request bodies larger than this are refused with 413.
    public static let maxBodyBytes = 16 * 1024

    public let desk: BookingDesk
    let clock: Clock
    let timetableDays: ClosedRange<Int>
    /// The current time (Unix seconds); tests inject theirs.
    let now: @Sendable () -> Int64
    let sweeper = DeadlineSweeper()
    let metricsText: @Sendable () -> String
    /// A request body must arrive whole within this time: a client that sends it a byte at a
    /// time never lets the idle timeout fire, and would hold its connection for ever.
    let bodyTimeout: Duration

    public init(
        desk: BookingDesk, now: @escaping @Sendable () -> Int64 = UnixClock.system.now, bodyTimeout: Duration = .seconds(10),
        metricsText: @escaping @Sendable () -> String = { "" }
    ) {
        self.bodyTimeout = bodyTimeout
        self.desk = desk
        let timetable = desk.timetable
        self.clock = Clock(timezone: timetable.feed.timezone)
        let first = timetable.serviceDays.firstDate.dayNumber
        self.timetableDays = first ... first + max(0, timetable.serviceDays.dayCount - 1)
        self.now = now
        self.metricsText = metricsText
    }

    /// The system clock in Unix seconds.

    /// The router with every route and the middleware (problems, logs, metrics, tokens).
    public func router(tokens: TokenBook, logRequests: Bool = true) -> Router<GoanRequestContext> {
        let router = Router(context: GoanRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        if logRequests { router.add(middleware: LogRequestsMiddleware(.info)) }
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: TokenMiddleware(tokens: tokens))
        router.get("/health") { _, context in
            // Counts tell an outsider how busy the service is: only for a valid token.
            let count: Int = try await blocking { try desk.store.bookingCount() }
            return try json(HealthBody(bookings: context.principal == nil ? nil : count))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: Self.openAPIDocument)))
        }
        router.get("/metrics") { _, context in
            try require(context, [.admin])
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: metricsText())))
        }
        router.post("/planning/inquiries") { request, context in try await planning(request, context, offers: false) }
        router.post("/planning/offers") { request, context in try await planning(request, context, offers: true) }
        router.get("/bookings") { request, context in try await listBookings(request, context) }
        router.post("/bookings") { request, context in try await createBooking(request, context) }
        router.get("/bookings/:id") { _, context in
            try require(context, [.traveller, .coordinator, .dispatcher, .admin])
            let id: BookingID = try pathId(context, "id")
            try await sweep()
            let details = try await blocking { try desk.booking(id) }
            try checkOwner(context, details.booking.travellerId, what: "booking \(id)")
            return try json(BookingBody(details, clock: clock))
        }
        router.post("/bookings/:id/events") { request, context in try await bookingEvent(request, context) }
        router.get("/travellers/:id") { _, context in
            try require(context, [.traveller, .coordinator, .admin])
            guard let id = context.parameters.get("id")?.removingPercentEncoding else { throw Problem.badRequest("id", "1 to 64 characters") }
            try checkLength(id, "id", max: 64)
            try checkOwner(context, id, what: "traveller '\(id)'")
            guard let left = try await blocking({ try desk.store.budget(traveller: TravellerID(rawValue: id)) }) else {
                throw Problem(.notFound, "traveller '\(id)' does not exist", field: "id")
            }
            return try json(TravellerBudgetBody(id: id, kmBudgetLeft: (left * 10).rounded() / 10))
        }
        router.get("/volunteer-requests") { _, context in
            try require(context, [.coordinator, .admin])
            try await sweep()
            let legs = try await blocking { try desk.store.pendingVolunteerLegs() }
            return try json(VolunteerRequestListBody(requests: legs.map { leg in
                VolunteerRequestBody(
                    legId: leg.id ?? 0, bookingId: leg.bookingId, volunteer: leg.askedVolunteer ?? "", responseDeadline: clock.iso(leg.responseDeadline ?? 0),
                    pickupTime: clock.iso(leg.departureAt), from: PointBody(lat: leg.fromLat, lon: leg.fromLon, name: leg.fromName),
                    to: PointBody(lat: leg.toLat, lon: leg.toLon, name: leg.toName))
            }))
        }
        router.post("/volunteer-requests/:legId/answer") { request, context in
            try require(context, [.coordinator, .admin])
            let legId: LegID = try pathId(context, "legId")
            let answer = try await decode(VolunteerAnswerBody.self, request, context, shape: VolunteerAnswerBody.shape)
            try checkLength(answer.volunteer, "volunteer", max: 64)
            try await sweep()
            let now = now()
            let details = try await blocking { try desk.answer(leg: legId, volunteer: VolunteerID(rawValue: answer.volunteer), accepted: answer.accept, now: now) }
            context.logger.info("volunteer answered", metadata: ["leg": "\(legId)", "accept": "\(answer.accept)", "state": "\(details.booking.state.rawValue)"])
            return try json(BookingBody(details, clock: clock))
        }
        router.get("/standing-orders") { request, context in try await listStandingOrders(request, context) }
        router.post("/standing-orders") { request, context in try await createStandingOrder(request, context) }
        router.post("/standing-orders/bookings") { request, context in try await bookStandingOrders(request, context) }
        router.get("/standing-orders/:id") { _, context in
            try require(context, [.traveller, .coordinator, .dispatcher, .admin])
            let id: StandingOrderID = try pathId(context, "id")
            let order = try await blocking { try desk.standingOrder(id) }
            try checkOwner(context, order.travellerId, what: "standing order \(id)")
            return try json(StandingOrderBody(order, today: clock.today(now())))
        }
        router.post("/standing-orders/:id/events") { request, context in try await standingOrderEvent(request, context) }
        router.get("/dispatch/:date") { _, context in
            try require(context, [.dispatcher, .coordinator, .admin])
            guard let text = context.parameters.get("date"), let date = ServiceDate(text), text.count == 10 else {
                throw Problem.badRequest("date", "expected a date YYYY-MM-DD")
            }
            try await sweep()
            return try json(try await blocking { try dispatchDay(date) })
        }
        return router
    }

    // MARK: - Handlers

    func listBookings(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.traveller, .coordinator, .dispatcher, .admin])
        let traveller = try listedTraveller(request, context, what: "bookings")
        let date = request.uri.queryParameters.get("date")
        if let date {
            try checkLength(date, "date", max: 10)
            if date.count != 10 || ServiceDate(date) == nil { throw Problem.badRequest("date", "expected a date YYYY-MM-DD") }
        }
        try await sweep()
        let who = traveller
        let list = try await blocking { try desk.store.bookings(traveller: who.map(TravellerID.init(rawValue:)), date: date) }
        return try json(BookingListBody(bookings: list.map { BookingBody($0, clock: clock) }))
    }

    func createBooking(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.traveller, .coordinator, .admin])
        let body = try await decode(BookingRequestBody.self, request, context, shape: BookingRequestBody.shape)
        try checkLength(body.offerId, "offerId", max: 64)
        let header = request.headers[.init("Idempotency-Key")!]
        // The key and the offer id are stored: SQLite would cut them at a NUL.
        if let header { try checkLength(header, "Idempotency-Key", max: 128) }
        if let key = body.idempotencyKey { try checkLength(key, "idempotencyKey", max: 128) }
        if let header, let key = body.idempotencyKey, header != key {
            throw Problem.badRequest("idempotencyKey", "differs from the Idempotency-Key header")
        }
        let key = header ?? body.idempotencyKey ?? "once-" + UUID().uuidString
        let offer = try await blocking { try desk.store.offer(id: body.offerId) }
        guard let offer else { throw Problem(.notFound, "offer '\(body.offerId)' does not exist", field: "offerId") }
        // Another traveller's offer is answered as unknown: ids of others are not confirmed.
        if let own = context.principal?.traveller, context.principal?.role == .traveller, offer.travellerId.rawValue != own {
            throw Problem(.notFound, "offer '\(body.offerId)' does not exist", field: "offerId")
        }
        let now = now()
        let idempotencyKey = "\(offer.travellerId)/\(key)"
        let (details, created): (BookingDetails, Bool)
        do {
            (details, created) = try await book(body, offer, idempotencyKey: idempotencyKey, now: now)
        } catch var problem as Problem where problem.code == "IDEMPOTENCY_KEY_REUSED" {
            // Name the key where the client gave it.
            problem.field = header == nil ? "idempotencyKey" : "Idempotency-Key"
            throw problem
        }
        if details.booking.state.isRefused { throw refusal(details) }
        context.logger.info("booked", metadata: ["booking": "\(details.id)", "state": "\(details.booking.state)", "created": "\(created)"])
        return try json(BookingBody(details, clock: clock), status: created ? .created : .ok)
    }

    /// Books (and with `commit`, commits) the offer of a booking request.
    func book(_ body: BookingRequestBody, _ offer: Offer, idempotencyKey: String, now: Int64) async throws -> (BookingDetails, Bool) {
        let (details, created): (BookingDetails, Bool)
        if body.commit == true {
            // Creation and commit in one transaction.
            (details, created) = try await blocking {
                try desk.bookAndCommit(offer, idempotencyKey: idempotencyKey, fingerprint: body.fingerprint, allowOverlap: body.allowOverlap ?? false, now: now)
            }
            if created { Counter(label: "goan_bookings_committed_total", dimensions: [("state", details.booking.state.rawValue)]).increment() }
        } else {
            if body.allowOverlap != nil { throw Problem.badRequest("allowOverlap", "applies to a commit only (commit: true)") }
            (details, created) = try await blocking { try desk.book(offerId: offer.id, idempotencyKey: idempotencyKey, fingerprint: body.fingerprint, now: now) }
        }
        return (details, created)
    }

    func bookingEvent(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.traveller, .coordinator, .dispatcher, .admin])
        let id: BookingID = try pathId(context, "id")
        let body = try await decode(BookingEventBody.self, request, context, shape: BookingEventBody.shape)
        guard let operation = BookingEventBody.Operation(rawValue: body.operation) else {
            throw Problem.badRequest("operation", "must be COMMIT, CANCEL or DENY")
        }
        if let reason = body.reason { try checkText(reason, "reason", max: 500, allowEmpty: true) }
        if body.allowOverlap != nil, operation != .commit { throw Problem.badRequest("allowOverlap", "applies to COMMIT only") }
        let part = try body.part.map { text in
            guard operation == .cancel else { throw Problem.badRequest("part", "applies to CANCEL only") }
            guard let known = TripPart(rawValue: text) else { throw Problem.badRequest("part", "must be outward or return") }
            return known
        }
        let role = context.principal!.role
        switch operation {
        case .commit where role == .dispatcher, .cancel where role == .dispatcher:
            throw Problem(.forbidden, "a dispatcher token may only DENY", field: "operation")
        case .deny where role == .traveller:
            throw Problem(.forbidden, "a traveller cannot DENY; use CANCEL", field: "operation")
        default: break
        }
        try await sweep()
        let current = try await blocking { try desk.booking(id) }
        try checkOwner(context, current.booking.travellerId, what: "booking \(id)")
        let now = now()
        let details: BookingDetails = try await blocking {
            switch operation {
            case .commit: try desk.commit(id, allowOverlap: body.allowOverlap ?? false, now: now)
            case .cancel: try desk.cancel(id, part: part, now: now, reason: body.reason.map { "cancelled: \($0)" } ?? "cancelled by the traveller")
            case .deny: try desk.deny(id, reason: body.reason ?? "denied by the \(role.rawValue)", now: now)
            }
        }
        Counter(label: "goan_booking_events_total", dimensions: [("operation", operation.rawValue), ("state", details.booking.state.rawValue)]).increment()
        if operation == .commit, details.booking.state.isRefused { throw refusal(details) }
        context.logger.info("booking event", metadata: ["booking": "\(id)", "operation": "\(operation.rawValue)", "state": "\(details.booking.state.rawValue)"])
        return try json(BookingBody(details, clock: clock))
    }

    /// A committed booking the services refused, as a 409 with the reason code.
    func refusal(_ details: BookingDetails) -> Problem {
        let booking = details.booking
        return Problem(
            .conflict, "booking \(details.id) is \(booking.state.rawValue): \(booking.reasonText)", code: booking.reasonCode?.rawValue ?? booking.state.rawValue)
    }

    func dispatchDay(_ date: ServiceDate) throws -> DayScheduleBody {
        let rides = try desk.rides(on: date.description)
        // Rides from the store were offered to volunteers at booking: their answers are in the rides.
        let schedule = desk.dispatcher.dispatch(rides, date: date, timeLimit: 2, iterations: 2_000, seed: 1) { _, _ in true }
        func clockTime(_ minutes: Double) -> String { ClockTime.text(minutes: Int(minutes.rounded())) }
        return DayScheduleBody(
            date: date.description, kilometres: (schedule.kilometres * 10).rounded() / 10,
            routes: schedule.days.map { day in
                .init(
                    vehicle: day.shift.rawValue, kind: day.kind.rawValue, kilometres: (day.kilometres * 10).rounded() / 10,
                    stops: day.stops.map { .init(time: clockTime($0.time), place: $0.place, ride: $0.ride.rawValue, action: $0.pickup ? "pickup" : "dropoff") })
            },
            unassigned: schedule.unassigned.map { .init(ride: $0.ride.id.rawValue, reason: $0.reason) })
    }

    // MARK: - Helpers

    func require(_ context: GoanRequestContext, _ roles: Set<Role>) throws {
        guard let principal = context.principal, roles.contains(principal.role) else {
            throw Problem(.forbidden, "a \(context.principal?.role.rawValue ?? "missing") token may not do this")
        }
    }

    /// The traveller whose items a list shows: `?traveller=` (a traveller token: only its own,
    /// and its own when not named), or everyone's (`nil`).
    func listedTraveller(_ request: Request, _ context: GoanRequestContext, what: String) throws -> String? {
        let named: String? = request.uri.queryParameters.get("traveller")
        if let named { try checkLength(named, "traveller", max: 64) }
        guard let principal = context.principal, principal.role == .traveller else { return named }
        if let named, named != principal.traveller {
            throw Problem(.forbidden, "a traveller token sees only its own \(what)", field: "traveller")
        }
        return principal.traveller
    }

    /// The traveller a request acts for: a traveller token's own (naming another is 403), or the
    /// one a staff token names (required).
    func actingFor(_ named: String?, _ context: GoanRequestContext, does: String) throws -> String {
        let principal = context.principal!
        if principal.role == .traveller {
            if let named, named != principal.traveller {
                throw Problem(.forbidden, "a traveller token \(does) only for its own traveller", field: "traveller")
            }
            return principal.traveller ?? ""
        }
        guard let named else { throw Problem.badRequest("traveller", "required with a \(principal.role.rawValue) token") }
        try checkLength(named, "traveller", max: 64)
        return named
    }

    /// A traveller reaches only their own bookings and budget; others' are answered as unknown.
    func checkOwner(_ context: GoanRequestContext, _ traveller: TravellerID, what: String) throws {
        try checkOwner(context, traveller.rawValue, what: what)
    }

    func checkOwner(_ context: GoanRequestContext, _ traveller: String, what: String) throws {
        if context.principal?.role == .traveller, context.principal?.traveller != traveller {
            throw Problem(.notFound, "\(what) does not exist")
        }
    }

    /// A numbered id from the path (a booking's, a leg's): ASCII digits only.
    func pathId<ID: Identifier>(_ context: GoanRequestContext, _ name: String) throws -> ID where ID.RawValue == Int64 {
        guard let text = context.parameters.get(name)?.removingPercentEncoding, text.utf8.allSatisfy({ (0x30 ... 0x39).contains($0) }),
            let id = Int64(text), id >= 1
        else {
            throw Problem.badRequest(name, "expected a positive integer")
        }
        return ID(rawValue: id)
    }

    func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: GoanRequestContext, shape: JSONShape) async throws -> T {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw Problem(.unsupportedMediaType, "the body must be application/json", field: "Content-Type")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(request, context)
        } catch is NIOTooManyBytesError {
            throw Problem(.contentTooLarge, "the request body is larger than \(Self.maxBodyBytes) bytes", field: "body")
        } catch {
            // The body stream fails only when the connection ends before the body does.
            throw ClientDisconnected(during: "reading the body (\(String(describing: error)))")
        }
        return try StrictJSON.decode(type, from: Array(buffer.readableBytesView), shape: shape)
    }

    /// The request body, or `ClientDisconnected` when it does not come whole within
    /// `bodyTimeout` (the connection is closed then: nobody would read an answer).
    func collectBody(_ request: Request, _ context: GoanRequestContext) async throws -> ByteBuffer {
        let limit = context.maxUploadSize, timeout = bodyTimeout, channel = context.channel
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                var request = request
                return try await request.collectBody(upTo: limit)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            if let body = try await group.next() ?? nil { return body }
            // The read ends only with the connection: close it, so that the reading task ends.
            channel.close(promise: nil)
            throw ClientDisconnected(during: "reading the body (not complete after \(timeout))")
        }
    }

    func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs pending volunteer deadlines at most once a second, before answering about bookings.
    func sweep() async throws {
        let now = now()
        guard sweeper.isDue(now) else { return }
        try await blocking { _ = try desk.expireDue(now: now) }
    }

    /// The OpenAPI document (kept in the repository, served as is).
    static let openAPIDocument: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "openapi: 3.0.3\n" }
        return text
    }()
}

/// Decides when volunteer deadlines are next checked.
final class DeadlineSweeper: Sendable {
    private let last = Mutex<Int64>(.min)

    func isDue(_ now: Int64) -> Bool {
        last.withLock { last in
            guard now > last else { return false }
            last = now
            return true
        }
    }
}

/// Runs blocking work (SQLite with synchronous commits, planning) off the concurrency pool's
/// few threads, so a slow disk does not stall every other request.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            do {
                continuation.resume(returning: try work())
            } catch let error as DeskError {
                switch error {
                case .notFound(let what): continuation.resume(throwing: Problem(.notFound, "\(what) does not exist"))
                case .conflict(let code, let message): continuation.resume(throwing: Problem(.conflict, message, code: code))
                case .idempotencyKeyReused(let message):
                    // As the IETF idempotency-key draft recommends for a key reused with another payload.
                    continuation.resume(throwing: Problem(.unprocessableContent, message, field: "Idempotency-Key", code: "IDEMPOTENCY_KEY_REUSED"))
                }
            } catch let error as BookingStoreError {
                continuation.resume(throwing: Problem(.notFound, error.description))
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
