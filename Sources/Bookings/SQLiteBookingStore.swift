//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import Foundation
public import GRDB

// GRDB's own pattern: the typed ids and vocabularies are stored as their raw values.
extension NumberID: DatabaseValueConvertible {}
extension TextID: DatabaseValueConvertible {}
extension BookingState: DatabaseValueConvertible {}
extension TravelMode: DatabaseValueConvertible {}
extension ReasonCode: DatabaseValueConvertible {}
extension TripPart: DatabaseValueConvertible {}
extension TargetGroup: DatabaseValueConvertible {}

extension Booking: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "booking"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = BookingID(rawValue: inserted.rowID) }
}

extension BookedLeg: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "leg"
    /// The columns in a fixed order, so that `init(row:)` reads by position: the insertion check
    /// reads every confirmed leg of a day on each commit, and decoding by name (Codable) was the
    /// largest cost of a booking.
    static let columnNames = columnList.split(separator: ", ").map(String.init)
    public static var databaseSelection: [any SQLSelectable] { columnNames.map { Column($0) } }
    static let columnList = "id, bookingId, position, mode, state, fromName, fromLat, fromLon, toName, toLat, toLon, date, departureAt, arrivalAt, pickupMinute, price, budgetKm, seats, wheelchair, bookingDeadline, assignee, askedVolunteer, responseDeadline, candidates, declinedBy, reason, needs, part, targetGroup"

    public init(row: Row) {
        id = row[0]
        bookingId = row[1]
        position = row[2]
        mode = row[3]
        state = row[4]
        fromName = row[5]
        fromLat = row[6]
        fromLon = row[7]
        toName = row[8]
        toLat = row[9]
        toLon = row[10]
        date = row[11]
        departureAt = row[12]
        arrivalAt = row[13]
        pickupMinute = row[14]
        price = row[15]
        budgetKm = row[16]
        seats = row[17]
        wheelchair = row[18]
        bookingDeadline = row[19]
        assignee = Assignee(stored: row[20], mode: mode)
        let asked: String = row[21]
        askedVolunteer = asked.isEmpty ? nil : VolunteerID(rawValue: asked)
        responseDeadline = row[22]
        candidates = Self.volunteers(row[23])
        declinedBy = Self.volunteers(row[24])
        reason = row[25]
        needs = Self.codes(row[26])
        part = row[27]
        targetGroup = row[28]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["bookingId"] = bookingId
        container["position"] = position
        container["mode"] = mode
        container["state"] = state
        container["fromName"] = fromName
        container["fromLat"] = fromLat
        container["fromLon"] = fromLon
        container["toName"] = toName
        container["toLat"] = toLat
        container["toLon"] = toLon
        container["date"] = date
        container["departureAt"] = departureAt
        container["arrivalAt"] = arrivalAt
        container["pickupMinute"] = pickupMinute
        container["price"] = price
        container["budgetKm"] = budgetKm
        container["seats"] = seats
        container["wheelchair"] = wheelchair
        container["bookingDeadline"] = bookingDeadline
        container["assignee"] = assignee?.description ?? ""
        container["askedVolunteer"] = askedVolunteer?.rawValue ?? ""
        container["responseDeadline"] = responseDeadline
        container["candidates"] = Self.json(candidates)
        container["declinedBy"] = Self.json(declinedBy)
        container["reason"] = reason
        container["needs"] = "[" + needs.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        container["part"] = part
        container["targetGroup"] = targetGroup
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = LegID(rawValue: inserted.rowID) }

    /// A list of volunteers as stored: a JSON array of ids (`[]` for none, the common case,
    /// read without a parser).
    static func json(_ volunteers: [VolunteerID]) -> String {
        "[" + volunteers.map { StoredJSON.string($0.rawValue) }.joined(separator: ",") + "]"
    }

    /// CROW codes as stored: a JSON array (`[]` for none, the common case, read without a parser).
    static func codes(_ json: String) -> [CROWCode] {
        json == "[]" ? [] : (try? JSONDecoder().decode([CROWCode].self, from: Data(json.utf8))) ?? []
    }

    static func volunteers(_ json: String) -> [VolunteerID] {
        json == "[]" ? [] : (try? JSONDecoder().decode([VolunteerID].self, from: Data(json.utf8))) ?? []
    }
}

/// An offer as stored: the legs as JSON (an offer is read whole, never queried by leg).
struct OfferRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "offer"
    var id: String
    var travellerId: TravellerID
    var createdAt: Int64
    var validUntil: Int64
    var body: String
}

/// The durable store on SQLite (GRDB): a file in WAL mode with synchronous commits (a booking
/// acknowledged to a traveller survives a crash), foreign keys on, append-only migrations.
/// SQLite runs one write transaction at a time, which is what makes `update` race-free.
public struct SQLiteBookingStore: BookingStore {
    private let dbWriter: any DatabaseWriter

    /// Opens (and migrates) a database; `DatabasePool` for a file, `DatabaseQueue()` in memory for tests.
    public init(_ dbWriter: any DatabaseWriter) throws {
        self.dbWriter = dbWriter
        try Self.migrator.migrate(dbWriter)
    }

    /// A store in memory, gone with the process (the simulator's: a run replays from its seed).
    public static func inMemory() throws -> SQLiteBookingStore {
        try SQLiteBookingStore(DatabaseQueue())
    }

    /// A database file at `path` (created if absent), WAL, synchronous = FULL.
    public static func file(_ path: String) throws -> SQLiteBookingStore {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        // Concurrent writers wait for the lock instead of failing at once.
        configuration.busyMode = .timeout(10)
        return try SQLiteBookingStore(DatabasePool(path: path, configuration: configuration))
    }

    public func registerTravellers(_ travellers: [(id: TravellerID, kmBudget: Double)]) throws {
        try dbWriter.write { db in
            let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO traveller (id, kmBudgetLeft) VALUES (?, ?)")
            for traveller in travellers { try statement.execute(arguments: [traveller.id, traveller.kmBudget]) }
        }
    }

    public func setBudget(traveller: TravellerID, km: Double) throws {
        try dbWriter.write { db in
            try db.execute(
                sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET kmBudgetLeft = excluded.kmBudgetLeft",
                arguments: [traveller, km])
        }
    }

    public func budget(traveller: TravellerID) throws -> Double? {
        try dbWriter.read { db in try Double.fetchOne(db.cachedStatement(sql: "SELECT kmBudgetLeft FROM traveller WHERE id = ?"), arguments: [traveller]) }
    }

    public func save(_ offer: Offer) throws {
        try dbWriter.write { db in try Self.insert(offer, db) }
    }

    /// An offer as a row: its legs as JSON.
    static func insert(_ offer: Offer, _ db: Database) throws {
        let body = String(decoding: try JSONEncoder().encode(offer), as: UTF8.self)
        try OfferRow(id: offer.id, travellerId: offer.travellerId, createdAt: offer.createdAt, validUntil: offer.validUntil, body: body).insert(db)
    }

    public func offer(id: String) throws -> Offer? {
        guard let row = try dbWriter.read({ db in try OfferRow.fetchOne(db.cachedStatement(sql: "SELECT * FROM offer WHERE id = ?"), arguments: [id]) }) else { return nil }
        return try JSONDecoder().decode(Offer.self, from: Data(row.body.utf8))
    }

    public func createBooking(from offer: Offer, idempotencyKey: String, now: Int64) throws -> (BookingDetails, created: Bool) {
        try createBooking(from: offer, saveOffer: false, idempotencyKey: idempotencyKey, fingerprint: "", now: now) { _, _ in }
    }

    public func createBooking(
        from offer: Offer, saveOffer: Bool, idempotencyKey: String, fingerprint: String, now: Int64,
        then change: (inout BookingDetails, any BookingTransaction) throws -> Void
    ) throws -> (BookingDetails, created: Bool) {
        try dbWriter.write { db in
            if let existing = try Booking.fetchOne(db.cachedStatement(sql: "SELECT * FROM booking WHERE idempotencyKey = ?"), arguments: [idempotencyKey]) {
                let stored = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT requestFingerprint FROM booking WHERE id = ?"), arguments: [existing.id]) ?? ""
                if !stored.isEmpty, !fingerprint.isEmpty, stored != fingerprint {
                    throw DeskError.idempotencyKeyReused(
                        message: "the idempotency key was used for booking \(existing.id ?? 0) with another request (\(stored)); use a new key for a new request")
                }
                return (try Self.details(existing, db), false)
            }
            if saveOffer { try Self.insert(offer, db) }
            // `regiotaxi+transit`; a return trip's two ways apart: `regiotaxi / transit+regiotaxi`.
            let service = TripPart.allCases.compactMap { part -> String? in
                let legs = offer.legs.filter { $0.part == part }
                guard !legs.isEmpty else { return nil }
                let modes = legs.map(\.mode).filter { $0 != .walk }.map(\.rawValue)
                return modes.isEmpty ? TravelMode.walk.rawValue : modes.joined(separator: "+")
            }.joined(separator: " / ")
            var booking = Booking(
                idempotencyKey: idempotencyKey, travellerId: offer.travellerId, service: service,
                state: .new, pickupAt: offer.departureAt, createdAt: now, offerId: offer.id, arrivalAt: offer.arrivalAt,
                price: offer.price, date: offer.date, validUntil: offer.validUntil)
            try booking.insert(db)
            if !fingerprint.isEmpty {
                try db.cachedStatement(sql: "UPDATE booking SET requestFingerprint = ? WHERE id = ?").execute(arguments: [fingerprint, booking.id])
            }
            var legs: [BookedLeg] = []
            for var leg in offer.legs {
                leg.id = nil
                leg.bookingId = booking.id!
                leg.state = .new
                try leg.insert(db)
                legs.append(leg)
            }
            var details = BookingDetails(booking: booking, legs: legs)
            let before = details
            try change(&details, SQLiteTransaction(db: db))
            try Self.write(details, over: before, db)
            return (details, true)
        }
    }

    /// Stores what a change altered.
    static func write(_ details: BookingDetails, over before: BookingDetails, _ db: Database) throws {
        if details.booking != before.booking { try details.booking.update(db) }
        for (old, new) in zip(before.legs, details.legs) where old != new { try new.update(db) }
    }

    static func details(_ booking: Booking, _ db: Database) throws -> BookingDetails {
        let statement = try db.cachedStatement(sql: "SELECT \(BookedLeg.columnList) FROM leg WHERE bookingId = ? ORDER BY position")
        let legs = try BookedLeg.fetchAll(statement, arguments: [booking.id])
        return BookingDetails(booking: booking, legs: legs)
    }

    public func booking(id: BookingID) throws -> BookingDetails? {
        try dbWriter.read { db in
            guard let booking = try Booking.fetchOne(db.cachedStatement(sql: "SELECT * FROM booking WHERE id = ?"), arguments: [id]) else { return nil }
            return try Self.details(booking, db)
        }
    }

    public func booking(idempotencyKey: String) throws -> BookingDetails? {
        try dbWriter.read { db in
            try Booking.fetchOne(db.cachedStatement(sql: "SELECT * FROM booking WHERE idempotencyKey = ?"), arguments: [idempotencyKey])
                .map { try Self.details($0, db) }
        }
    }

    public func save(_ order: StandingOrder) throws -> StandingOrder {
        try dbWriter.write { db in
            var order = order
            if order.id == nil {
                try db.execute(
                    sql: "INSERT INTO standingOrder (travellerId, createdAt, body) VALUES (?, ?, '')", arguments: [order.travellerId, order.createdAt])
                order.id = StandingOrderID(rawValue: db.lastInsertedRowID)
            }
            let body = String(decoding: try JSONEncoder().encode(order), as: UTF8.self)
            try db.execute(sql: "UPDATE standingOrder SET body = ? WHERE id = ?", arguments: [body, order.id])
            guard db.changesCount == 1 else { throw BookingStoreError.standingOrderNotFound(id: order.id!) }
            return order
        }
    }

    public func standingOrder(id: StandingOrderID) throws -> StandingOrder? {
        try dbWriter.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM standingOrder WHERE id = ?", arguments: [id])
        }.map { try JSONDecoder().decode(StandingOrder.self, from: Data($0.utf8)) }
    }

    public func standingOrders(traveller: TravellerID?) throws -> [StandingOrder] {
        try dbWriter.read { db in
            if let traveller {
                return try String.fetchAll(db, sql: "SELECT body FROM standingOrder WHERE travellerId = ? ORDER BY id", arguments: [traveller])
            }
            return try String.fetchAll(db, sql: "SELECT body FROM standingOrder ORDER BY id")
        }.map { try JSONDecoder().decode(StandingOrder.self, from: Data($0.utf8)) }
    }

    public func bookings(traveller: TravellerID?, date: String?) throws -> [BookingDetails] {
        try dbWriter.read { db in
            var request = Booking.all()
            if let traveller { request = request.filter(Column("travellerId") == traveller) }
            if let date { request = request.filter(Column("date") == date) }
            let bookings = try request.order(Column("pickupAt"), Column("id")).fetchAll(db)
            let ids = bookings.compactMap(\.id)
            let legs = try BookedLeg.filter(ids.contains(Column("bookingId"))).order(Column("position")).fetchAll(db)
            let byBooking = Dictionary(grouping: legs, by: \.bookingId)
            return bookings.map { BookingDetails(booking: $0, legs: byBooking[$0.id!] ?? []) }
        }
    }

    public func bookingId(ofLeg legId: LegID) throws -> BookingID? {
        try dbWriter.read { db in try BookingID.fetchOne(db, sql: "SELECT bookingId FROM leg WHERE id = ?", arguments: [legId]) }
    }

    public func pendingVolunteerLegs() throws -> [BookedLeg] {
        try dbWriter.read { db in
            try BookedLeg.filter(Column("state") == BookingState.pending && Column("mode") == TravelMode.automaatje).order(Column("responseDeadline"), Column("id")).fetchAll(db)
        }
    }

    public func bookingsWithDeadline(before now: Int64) throws -> [BookingID] {
        try dbWriter.read { db in
            try BookingID.fetchAll(
                db.cachedStatement(sql: "SELECT DISTINCT bookingId FROM leg WHERE state = 'PENDING' AND responseDeadline <= ? ORDER BY bookingId"),
                arguments: [now])
        }
    }

    public func legs(on date: String, states: Set<BookingState>) throws -> [BookedLeg] {
        try dbWriter.read { db in
            try BookedLeg.filter(Column("date") == date && Array(states).contains(Column("state")) && [TravelMode.regiotaxi, .automaatje].contains(Column("mode")))
                .order(Column("pickupMinute"), Column("id")).fetchAll(db)
        }
    }

    public func bookingCount() throws -> Int {
        try dbWriter.read { db in try Booking.fetchCount(db) }
    }

    public func read<T>(_ body: (any BookingTransaction) throws -> T) throws -> T {
        try dbWriter.read { db in try body(SQLiteTransaction(db: db)) }
    }

    public func update<T>(bookingId: BookingID, _ change: (inout BookingDetails, any BookingTransaction) throws -> T) throws -> (BookingDetails, T) {
        try dbWriter.write { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM booking WHERE id = ?")
            guard let booking = try Booking.fetchOne(statement, arguments: [bookingId]) else {
                throw BookingStoreError.bookingNotFound(id: bookingId)
            }
            var details = try Self.details(booking, db)
            let before = details
            let result = try change(&details, SQLiteTransaction(db: db))
            try Self.write(details, over: before, db)
            return (details, result)
        }
    }
}

/// `BookingTransaction` on an open GRDB write transaction.
struct SQLiteTransaction: BookingTransaction {
    let db: Database

    func kmBudgetLeft(traveller: TravellerID) throws -> Double {
        guard let left = try Double.fetchOne(db.cachedStatement(sql: "SELECT kmBudgetLeft FROM traveller WHERE id = ?"), arguments: [traveller]) else {
            throw BookingStoreError.travellerNotFound(id: traveller)
        }
        return left
    }

    func adjustBudget(traveller: TravellerID, by km: Double) throws {
        try db.cachedStatement(sql: "UPDATE traveller SET kmBudgetLeft = kmBudgetLeft + ? WHERE id = ?").execute(arguments: [km, traveller])
    }

    func legs(ids: [LegID]) throws -> [BookedLeg] {
        if ids.isEmpty { return [] }
        let statement = try db.cachedStatement(sql: "SELECT \(BookedLeg.columnList) FROM leg WHERE id IN (SELECT value FROM json_each(?))")
        return try BookedLeg.fetchAll(statement, arguments: ["[" + ids.map { String($0.rawValue) }.joined(separator: ",") + "]"])
    }

    func dayPlanVersion(date: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM dayPlan WHERE date = ?"), arguments: [date]) ?? 0
    }

    func activeBookings(traveller: TravellerID, overlapping from: Int64, _ to: Int64, excluding: BookingID) throws -> [Booking] {
        try Booking.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT * FROM booking WHERE travellerId = ? AND state IN ('PENDING', 'CONFIRMED') AND pickupAt < ? AND arrivalAt > ? \
                    AND id != ? ORDER BY pickupAt
                    """), arguments: [traveller, to, from, excluding])
    }

    func volunteerLegs(volunteer: VolunteerID, from: String, through: String) throws -> [BookedLeg] {
        try BookedLeg.filter(
            Column("assignee") == volunteer && Column("mode") == TravelMode.automaatje && Column("state") == BookingState.confirmed && Column("date") >= from
                && Column("date") <= through
        ).fetchAll(db)
    }

    func routes(date: String) throws -> [ShiftID: [RouteStop]] {
        var routes: [ShiftID: [RouteStop]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT vehicle, stops FROM vehicleRoute WHERE date = ?"), arguments: [date]) {
            let stops: String = row["stops"]
            routes[row["vehicle"]] = try JSONDecoder().decode([RouteStop].self, from: Data(stops.utf8))
        }
        return routes
    }

    func setRoute(date: String, shift vehicle: ShiftID, stops: [RouteStop]) throws {
        // A random version: one written by a transaction that rolled back never comes back.
        try db.cachedStatement(
            sql: "INSERT INTO dayPlan (date, version) VALUES (?, ?) ON CONFLICT(date) DO UPDATE SET version = excluded.version"
        ).execute(arguments: [date, Int64.random(in: 1 ... .max)])
        if stops.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM vehicleRoute WHERE date = ? AND vehicle = ?").execute(arguments: [date, vehicle])
        } else {
            try db.cachedStatement(
                sql: "INSERT INTO vehicleRoute (date, vehicle, stops) VALUES (?, ?, ?) ON CONFLICT(date, vehicle) DO UPDATE SET stops = excluded.stops"
            ).execute(arguments: [date, vehicle, StoredJSON.route(stops)])
        }
    }
}
