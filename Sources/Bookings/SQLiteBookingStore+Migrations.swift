//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GRDB

/// The schema, built by append-only migrations (never edit a shipped one, add a new one).
extension SQLiteBookingStore {
    /// Append-only: never edit a shipped migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
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
        migrator.registerMigration("v2-trips-legs-offers") { db in
            try db.alter(table: "booking") { t in
                t.add(column: "offerId", .text).notNull().defaults(to: "")
                t.add(column: "arrivalAt", .integer).notNull().defaults(to: 0)
                t.add(column: "price", .double).notNull().defaults(to: 0)
                t.add(column: "fee", .double).notNull().defaults(to: 0)
                t.add(column: "reason", .text).notNull().defaults(to: "")
                t.add(column: "date", .text).notNull().defaults(to: "")
                t.add(column: "validUntil", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "bookingTraveller", on: "booking", columns: ["travellerId", "pickupAt"])
            try db.create(index: "bookingDate", on: "booking", columns: ["date"])
            try db.create(table: "leg") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("bookingId", .integer).notNull().indexed().references("booking", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("mode", .text).notNull()
                t.column("state", .text).notNull()
                t.column("fromName", .text).notNull()
                t.column("fromLat", .double).notNull()
                t.column("fromLon", .double).notNull()
                t.column("toName", .text).notNull()
                t.column("toLat", .double).notNull()
                t.column("toLon", .double).notNull()
                t.column("date", .text).notNull()
                t.column("departureAt", .integer).notNull()
                t.column("arrivalAt", .integer).notNull()
                t.column("pickupMinute", .integer).notNull()
                t.column("price", .double).notNull()
                t.column("budgetKm", .double).notNull()
                t.column("seats", .integer).notNull()
                t.column("wheelchair", .boolean).notNull()
                t.column("bookingDeadline", .integer)
                t.column("assignee", .text).notNull()
                t.column("askedVolunteer", .text).notNull()
                t.column("responseDeadline", .integer)
                t.column("candidates", .text).notNull()
                t.column("declinedBy", .text).notNull()
                t.column("reason", .text).notNull()
            }
            try db.create(index: "legDay", on: "leg", columns: ["date", "mode", "state"])
            try db.create(index: "legVolunteer", on: "leg", columns: ["assignee", "date"])
            try db.create(index: "legPending", on: "leg", columns: ["state", "responseDeadline"])
            try db.create(table: "offer") { t in
                t.primaryKey("id", .text)
                t.column("travellerId", .text).notNull().references("traveller")
                t.column("createdAt", .integer).notNull()
                t.column("validUntil", .integer).notNull()
                t.column("body", .text).notNull()
            }
            try db.create(table: "vehicleRoute") { t in
                t.column("date", .text).notNull()
                t.column("vehicle", .text).notNull()
                t.column("stops", .text).notNull()
                t.primaryKey(["date", "vehicle"])
            }
        }
        migrator.registerMigration("v3-day-plan-version") { db in
            // Changes whenever a route of the day changes, so that a process that keeps the day's
            // routes in memory knows when to read them again (another process may have written).
            try db.create(table: "dayPlan") { t in
                t.primaryKey("date", .text)
                t.column("version", .integer).notNull()
            }
        }
        migrator.registerMigration("v4-idempotency-fingerprint") { db in
            // What the request that used the key asked (its offer and options): the same key
            // for another request is refused instead of answered with the first booking.
            try db.alter(table: "booking") { t in t.add(column: "requestFingerprint", .text).notNull().defaults(to: "") }
        }
        migrator.registerMigration("v5-typed-columns") { db in
            try Self.typedColumns(db)
        }
        migrator.registerMigration("v6-leg-needs") { db in
            // The traveller's CROW codes per leg (what the ride asks of the vehicle); a leg
            // booked before knew only a wheelchair place, which HR-01 stands for.
            try db.alter(table: "leg") { t in t.add(column: "needs", .text).notNull().defaults(to: "[]") }
            try db.execute(sql: #"UPDATE leg SET needs = '["HR-01"]' WHERE wheelchair = 1"#)
            try Self.offerLegNeeds(db)
        }
        migrator.registerMigration("v7-return-trips") { db in
            // A return trip holds the way there and back in one booking; every leg booked
            // before is the way there.
            try db.alter(table: "leg") { t in t.add(column: "part", .text).notNull().defaults(to: TripPart.outward.rawValue) }
            try Self.addToOfferLegs(db, key: "part") { _ in TripPart.outward.rawValue }
        }
        migrator.registerMigration("v8-standing-orders") { db in
            // Weekly recurring trips; the order itself is kept as a JSON body, as offers are.
            try db.create(table: "standingOrder") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("travellerId", .text).notNull().references("traveller")
                t.column("createdAt", .integer).notNull()
                t.column("body", .text).notNull()
            }
            try db.create(index: "standingOrderTraveller", on: "standingOrder", columns: ["travellerId"])
        }
        migrator.registerMigration("v9-target-groups") { db in
            // Whom a ride is for (day care and school rides from standing orders); every leg
            // booked before was a Wmo traveller's.
            try db.alter(table: "leg") { t in t.add(column: "targetGroup", .text).notNull().defaults(to: TargetGroup.wmo.rawValue) }
            try Self.addToOfferLegs(db, key: "targetGroup") { _ in TargetGroup.wmo.rawValue }
        }
        return migrator
    }

    /// Migration v6 for the offers: an offer is kept as a JSON body whose legs gain `needs` too
    /// (a leg with a wheelchair place: HR-01), so that an offer made before can still be booked
    /// and an idempotent retry still finds its booking.
    static func offerLegNeeds(_ db: Database) throws {
        try addToOfferLegs(db, key: "needs") { leg in (leg["wheelchair"] as? Bool) == true ? ["HR-01"] : [String]() }
    }

    /// Gives every leg of every stored offer body that lacks `key` the value `value(leg)`.
    static func addToOfferLegs(_ db: Database, key: String, value: ([String: Any]) -> Any) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, body FROM offer") {
            let id: String = row["id"], body: String = row["body"]
            guard var object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                let legs = object["legs"] as? [[String: Any]], legs.contains(where: { $0[key] == nil })
            else { continue }
            object["legs"] = legs.map { leg -> [String: Any] in
                var leg = leg
                if leg[key] == nil { leg[key] = value(leg) }
                return leg
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            try db.execute(sql: "UPDATE offer SET body = ? WHERE id = ?", arguments: [String(decoding: data, as: UTF8.self), id])
        }
    }

    /// Migration v5: the lists that were comma-separated text become JSON arrays (a leg's
    /// volunteers still to ask and those who declined; a vehicle's route as
    /// `[{"legId": 12, "pickup": true}, …]` instead of `12+,…`), and a booking's reason code
    /// gets a column of its own instead of being the first word of its reason.
    static func typedColumns(_ db: Database) throws {
        for column in ["candidates", "declinedBy"] {
            try db.execute(sql: """
                UPDATE leg SET \(column) = CASE WHEN \(column) = '' THEN '[]'
                    ELSE '["' || replace(\(column), ',', '","') || '"]' END
                """)
        }
        for row in try Row.fetchAll(db, sql: "SELECT date, vehicle, stops FROM vehicleRoute") {
            let text: String = row["stops"]
            let stops = text.split(separator: ",").compactMap { item -> RouteStop? in
                guard let sign = item.last, sign == "+" || sign == "-", let id = Int64(item.dropLast()) else { return nil }
                return RouteStop(legId: LegID(rawValue: id), pickup: sign == "+")
            }
            try db.execute(
                sql: "UPDATE vehicleRoute SET stops = ? WHERE date = ? AND vehicle = ?",
                arguments: [String(decoding: try JSONEncoder().encode(stops), as: UTF8.self), row["date"] as String, row["vehicle"] as String])
        }
        try db.alter(table: "booking") { t in t.add(column: "reasonCode", .text) }
        // `NO_VEHICLE_AVAILABLE: words` → code and words.
        try db.execute(sql: """
            UPDATE booking SET reasonCode = substr(reason, 1, instr(reason, ':') - 1), reason = ltrim(substr(reason, instr(reason, ':') + 1))
            WHERE instr(reason, ':') > 1 AND substr(reason, 1, instr(reason, ':') - 1) NOT GLOB '*[^A-Z_]*'
            """)
    }
}
