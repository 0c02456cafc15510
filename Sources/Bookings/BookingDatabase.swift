//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GRDB
import Foundation

/// A booking as stored.
public struct Booking: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    /// Unique per booking request: a retried request returns the same booking.
    public var idempotencyKey: String
    public var travellerId: String
    /// `regiotaxi` or `automaatje`.
    public var service: String
    /// TOMP-API state name (NEW, PENDING, CONFIRMED, …).
    public var state: String
    /// Unix seconds.
    public var pickupAt: Int64
    /// Kilometres charged to the traveller's yearly budget when confirmed.
    public var km: Double
    /// A limited resource the booking occupies (e.g. "RT-05 wheelchair 2026-11-23 09h"), or "".
    public var resource: String
    public var createdAt: Int64

    public static let databaseTableName = "booking"

    public enum Columns {
        static let idempotencyKey = Column(CodingKeys.idempotencyKey)
        static let travellerId = Column(CodingKeys.travellerId)
        static let state = Column(CodingKeys.state)
        static let pickupAt = Column(CodingKeys.pickupAt)
        static let resource = Column(CodingKeys.resource)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What a booking request asks for.
public struct NewBooking: Sendable {
    public var idempotencyKey: String
    public var travellerId: String
    public var service: String
    public var pickupAt: Int64
    public var km: Double
    public var resource: String
    /// How many bookings the resource takes at most (1 for the last wheelchair place).
    public var resourceCapacity: Int

    public init(idempotencyKey: String, travellerId: String, service: String, pickupAt: Int64, km: Double, resource: String = "", resourceCapacity: Int = .max) {
        self.idempotencyKey = idempotencyKey
        self.travellerId = travellerId
        self.service = service
        self.pickupAt = pickupAt
        self.km = km
        self.resource = resource
        self.resourceCapacity = resourceCapacity
    }
}

public enum BookingStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case bookingNotFound(id: Int64)
    case resourceTaken(resource: String)
    case budgetExhausted(travellerId: String, kmLeft: Double)

    public var description: String {
        switch self {
        case .bookingNotFound(let id): "no booking \(id)"
        case .resourceTaken(let resource): "\(resource) is already booked"
        case .budgetExhausted(let traveller, let left): "the yearly km budget of \(traveller) has \(Int(left)) km left"
        }
    }
}

/// The durable store of bookings (SQLite through GRDB): append-only migrations, foreign keys,
/// and every booking decision inside one write transaction, so concurrent requests cannot
/// double-book a seat, a wheelchair place or a volunteer.
public struct BookingDatabase: Sendable {
    private let dbWriter: any DatabaseWriter

    /// Opens (and migrates) a database; `DatabasePool` for a file (WAL), `DatabaseQueue()` in memory for tests.
    public init(_ dbWriter: any DatabaseWriter) throws {
        self.dbWriter = dbWriter
        try migrator.migrate(dbWriter)
    }

    /// A database file at `path`, in WAL mode with synchronous writes (a confirmed booking survives a crash).
    public static func file(_ path: String) throws -> BookingDatabase {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return try BookingDatabase(DatabasePool(path: path, configuration: configuration))
    }

    private var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // Append-only: never edit a shipped migration.
        migrator.registerMigration("v1-bookings") { db in
            try db.create(table: "traveller") { t in
                t.primaryKey("id", .text)
                t.column("kmBudgetLeft", .double).notNull()
            }
            try db.create(table: "booking") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("idempotencyKey", .text).notNull().unique()
                t.column("travellerId", .text).notNull().references("traveller")
                t.column("service", .text).notNull()
                t.column("state", .text).notNull()
                t.column("pickupAt", .integer).notNull()
                t.column("km", .double).notNull()
                t.column("resource", .text).notNull()
                t.column("createdAt", .integer).notNull()
            }
            try db.create(index: "bookingResource", on: "booking", columns: ["resource", "state"])
        }
        return migrator
    }

    /// Registers a traveller and their yearly km budget (or updates the budget).
    public func setBudget(traveller: String, km: Double) throws {
        try dbWriter.write { db in
            try db.execute(
                sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET kmBudgetLeft = excluded.kmBudgetLeft",
                arguments: [traveller, km])
        }
    }

    public func budget(traveller: String) throws -> Double? {
        try dbWriter.read { db in try Double.fetchOne(db, sql: "SELECT kmBudgetLeft FROM traveller WHERE id = ?", arguments: [traveller]) }
    }

    /// Books an operator leg (confirmed at once) in one transaction: the same idempotency key
    /// returns the booking made before; a full resource or an exhausted budget is refused.
    public func bookOperatorLeg(_ request: NewBooking, now: Int64) throws -> Booking {
        try dbWriter.write { db in
            if let existing = try Booking.filter(Booking.Columns.idempotencyKey == request.idempotencyKey).fetchOne(db) {
                return existing
            }
            if !request.resource.isEmpty {
                let taken = try Booking.filter(Booking.Columns.resource == request.resource && Booking.Columns.state == "CONFIRMED").fetchCount(db)
                if taken >= request.resourceCapacity { throw BookingStoreError.resourceTaken(resource: request.resource) }
            }
            let left = try Double.fetchOne(db, sql: "SELECT kmBudgetLeft FROM traveller WHERE id = ?", arguments: [request.travellerId]) ?? 0
            if request.km > left { throw BookingStoreError.budgetExhausted(travellerId: request.travellerId, kmLeft: left) }
            var machine = BookingStateMachine(pickup: request.pickupAt)
            _ = machine.requestOperator(operator: request.service)
            try db.execute(sql: "UPDATE traveller SET kmBudgetLeft = kmBudgetLeft - ? WHERE id = ?", arguments: [request.km, request.travellerId])
            var booking = Booking(
                id: nil, idempotencyKey: request.idempotencyKey, travellerId: request.travellerId, service: request.service,
                state: machine.state.name, pickupAt: request.pickupAt, km: request.km, resource: request.resource, createdAt: now)
            try booking.insert(db)
            return booking
        }
    }

    /// Cancels a booking: free (budget restored) until an hour before the pickup, a fee after.
    public func cancel(id: Int64, now: Int64) throws -> (Booking, fee: Double) {
        try dbWriter.write { db in
            guard var booking = try Booking.fetchOne(db, key: id) else { throw BookingStoreError.bookingNotFound(id: id) }
            // The store only writes CONFIRMED and CANCELLED; anything but CONFIRMED is settled
            // already, and replaying it as NEW would give the budget back twice.
            guard booking.state == "CONFIRMED" else { return (booking, 0) }
            var machine = BookingStateMachine(pickup: booking.pickupAt)
            _ = machine.requestOperator(operator: booking.service)
            guard case .settleCancellation(let fee, let restore) = machine.cancel(now: now) else { return (booking, 0) }
            if restore {
                try db.execute(sql: "UPDATE traveller SET kmBudgetLeft = kmBudgetLeft + ? WHERE id = ?", arguments: [booking.km, booking.travellerId])
            }
            booking.state = machine.state.name
            try booking.update(db)
            return (booking, fee)
        }
    }

    public func bookings(traveller: String) throws -> [Booking] {
        try dbWriter.read { db in try Booking.filter(Booking.Columns.travellerId == traveller).order(Booking.Columns.pickupAt).fetchAll(db) }
    }
}
