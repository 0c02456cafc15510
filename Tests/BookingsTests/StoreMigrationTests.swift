//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import Bookings
import Domain
import Foundation
import GRDB
import Mobility
import Testing

/// The SQLite store below the desk: legs read back by column position exactly as written, and
/// every migration run on a database that the previous version's code wrote.
@Suite struct StoreMigrationTests {
    // MARK: - The positional row codec

    /// A leg with every field set to a value that is not a default (0, "", false, nil) and that no
    /// other field of the same type has, so a column read from the wrong position shows.
    static func distinctLeg(bookingId: BookingID) -> BookedLeg {
        BookedLeg(
            id: nil, bookingId: bookingId, position: 3, mode: .regiotaxi, state: .pending, fromName: "Westerhaar, Dalweg",
            fromLat: 52.459, fromLon: 6.6195, toName: "Almelo, Ziekenhuis ZGT", toLat: 52.3497, toLon: 6.6378, date: "2026-11-23",
            departureAt: 1_795_420_800, arrivalAt: 1_795_423_320, pickupMinute: 547, price: 7.85, budgetKm: 14.2, seats: 2, wheelchair: true,
            bookingDeadline: 1_795_417_200, assignee: .shift("RT-03 early"), askedVolunteer: "V05", responseDeadline: 1_795_330_800,
            candidates: ["V07", "V11"], declinedBy: ["V02"], reason: "a reason kept with the leg", needs: [.wheelchairElectric, .lastInFirstOut],
            part: .back, targetGroup: .school)
    }

    /// The sample leg as a version before v6 wrote it: a wheelchair place and no codes, which
    /// v6 reads as HR-01; before v7 every leg was the way there.
    static func oldLeg(id: LegID, bookingId: BookingID) -> BookedLeg {
        var leg = distinctLeg(bookingId: bookingId)
        leg.id = id
        leg.needs = [.wheelchairStandard]
        leg.part = .outward
        leg.targetGroup = .wmo
        return leg
    }

    /// The same leg as the code of v2 and v3 wrote it: lists as comma-separated text.
    static func insertOldLeg(bookingId: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO leg (bookingId, position, mode, state, fromName, fromLat, fromLon, toName, toLat, toLon, date, departureAt,
                    arrivalAt, pickupMinute, price, budgetKm, seats, wheelchair, bookingDeadline, assignee, askedVolunteer,
                    responseDeadline, candidates, declinedBy, reason)
                VALUES (?, 3, 'regiotaxi', 'PENDING', 'Westerhaar, Dalweg', 52.459, 6.6195, 'Almelo, Ziekenhuis ZGT', 52.3497, 6.6378,
                    '2026-11-23', 1795420800, 1795423320, 547, 7.85, 14.2, 2, 1, 1795417200, 'RT-03 early', 'V05', 1795330800,
                    'V07,V11', 'V02', 'a reason kept with the leg')
                """, arguments: [bookingId])
    }

    /// The stored fields of a value, by name (optionals unwrapped).
    static func fields(_ value: Any) -> [(name: String, value: Any?)] {
        Mirror(reflecting: value).children.map { child in
            let inner = Mirror(reflecting: child.value)
            let unwrapped: Any? = inner.displayStyle == .optional ? inner.children.first?.value : child.value
            return (child.label ?? "?", unwrapped)
        }
    }

    @Test func theSampleLegSetsEveryFieldToADistinctNonDefaultValue() {
        let fields = Self.fields(Self.distinctLeg(bookingId: 1)).filter { $0.name != "id" }
        for field in fields {
            let text = field.value.map { "\($0)" }
            #expect(text != nil && text != "0" && text != "0.0" && text != "" && text != "false", "\(field.name) has a default value")
        }
        var byValue: [String: [String]] = [:]
        for field in fields { byValue["\(type(of: field.value as Any)) \(field.value.map { "\($0)" } ?? "nil")", default: []].append(field.name) }
        #expect(byValue.values.allSatisfy { $0.count == 1 }, "fields sharing a value: \(byValue.values.filter { $0.count > 1 })")
    }

    @Test func theColumnListNamesEveryFieldOfALegAndEveryColumnOfTheTable() throws {
        let names = Self.fields(Self.distinctLeg(bookingId: 1)).map(\.name)
        #expect(BookedLeg.columnNames == names, "init(row:) reads by position in the order of BookedLeg.columnList")
        let queue = try DatabaseQueue()
        try SQLiteBookingStore.migrator.migrate(queue)
        let columns = try queue.read { db in try db.columns(in: "leg").map(\.name) }
        #expect(Set(columns) == Set(BookedLeg.columnNames))
    }

    @Test func aLegIsReadBackAsWrittenByEveryReadingPath() throws {
        let store = try SQLiteBookingStore(DatabaseQueue())
        try store.registerTravellers([(id: "jansen", kmBudget: 700)])
        let sample = Self.distinctLeg(bookingId: 0)
        let offer = Offer(
            id: "offer-1", travellerId: "jansen", createdAt: 1_795_300_000, validUntil: 1_795_301_800, date: sample.date,
            departureAt: sample.departureAt, arrivalAt: sample.arrivalAt, price: sample.price, legs: [sample])
        // createBooking inserts the leg as NEW; the change writes the sample's state back through `update`.
        let (created, _) = try store.createBooking(from: offer, saveOffer: true, idempotencyKey: "k1", fingerprint: "", now: 1_795_300_100) { details, _ in
            details.legs[0].state = sample.state
        }
        let id = try #require(created.legs.first?.id)
        var expected = sample
        expected.id = id
        expected.bookingId = created.id
        #expect(created.legs == [expected])
        #expect(try store.booking(id: created.id)?.legs == [expected])
        #expect(try store.bookings(traveller: "jansen", date: sample.date).flatMap(\.legs) == [expected])
        #expect(try store.read { try $0.legs(ids: [id]) } == [expected])
        #expect(try store.legs(on: sample.date, states: [sample.state]) == [expected])
        #expect(try store.pendingVolunteerLegs().isEmpty, "a Regiotaxi leg is not waiting for a volunteer")
        #expect(try store.offer(id: offer.id) == offer)
    }

    @Test func aBookingIsReadBackAsWritten() throws {
        let store = try SQLiteBookingStore(DatabaseQueue())
        try store.registerTravellers([(id: "jansen", kmBudget: 700)])
        let offer = Offer(
            id: "offer-2", travellerId: "jansen", createdAt: 1_795_300_000, validUntil: 1_795_301_800, date: "2026-11-23",
            departureAt: 1_795_420_800, arrivalAt: 1_795_423_320, price: 7.85, legs: [Self.distinctLeg(bookingId: 0)])
        let (created, _) = try store.createBooking(from: offer, saveOffer: false, idempotencyKey: "k2", fingerprint: "", now: 1_795_300_100) { details, _ in
            details.booking.state = .cancelled
            details.booking.km = 14.2
            details.booking.fee = 2.5
            details.booking.reasonCode = .denied
            details.booking.reason = "late"
        }
        let read = try #require(try store.booking(id: created.id))
        #expect(read.booking == created.booking)
        for field in Self.fields(read.booking) where field.name != "resource" {
            let text = field.value.map { "\($0)" }
            #expect(text != nil && text != "0" && text != "0.0" && text != "", "\(field.name) was not set by the test")
        }
    }

    /// The hand-written JSON of the store's lists reads back as written, odd characters included.
    @Test func theStoredListsAreJSONThatReadsBackAsWritten() throws {
        let stops = [RouteStop(legId: 12, pickup: true), RouteStop(legId: 9_000_000_001, pickup: false)]
        #expect(try JSONDecoder().decode([RouteStop].self, from: Data(StoredJSON.route(stops).utf8)) == stops)
        #expect(StoredJSON.route([]) == "[]")
        let volunteers: [VolunteerID] = ["V01", "Jan \"de Rijder\"", "C:\\path", "tab\there", "Zoë ✓"]
        #expect(BookedLeg.volunteers(BookedLeg.json(volunteers)) == volunteers)
        #expect(BookedLeg.json([]) == "[]")
    }

    // MARK: - Migrations on old databases

    /// A database as the code of one schema version left it: `migration` is the last migration
    /// that version ran, `write` inserts rows with that version's columns only (plain SQL, not
    /// today's types), and `check` reads them through today's store after every later migration.
    ///
    /// To add migration vN+1: add a `SchemaVersion` for vN (rows as vN's code writes them, and
    /// what the store must read from them afterwards). `everyMigrationButTheLastHasAnOldDatabase`
    /// fails until it is there.
    struct SchemaVersion: Sendable, CustomTestStringConvertible {
        var migration: String
        var write: @Sendable (Database) throws -> Void
        var check: @Sendable (SQLiteBookingStore) throws -> Void
        var testDescription: String { "database of \(migration)" }
    }

    static let versions: [SchemaVersion] = [
        SchemaVersion(
            migration: "v1-bookings",
            write: { db in
                try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5), ('visser', 700)")
                try db.execute(
                    sql: """
                        INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt)
                        VALUES ('v1-key', 'jansen', 'regiotaxi', 'CONFIRMED', 1795420800, 12.5, 'RT-03', 1795300000)
                        """)
            },
            check: { store in
                #expect(try store.budget(traveller: "jansen") == 612.5)
                #expect(try store.budget(traveller: "visser") == 700)
                let old = try #require(try store.bookings(traveller: "jansen", date: nil).first)
                #expect(old.booking.idempotencyKey == "v1-key" && old.booking.service == "regiotaxi" && old.booking.state == .confirmed)
                #expect(old.booking.pickupAt == 1_795_420_800 && old.booking.km == 12.5 && old.booking.createdAt == 1_795_300_000)
                // The columns v2 added read as their defaults; a v1 booking has no legs.
                #expect(old.booking.offerId == "" && old.booking.arrivalAt == 0 && old.booking.price == 0 && old.booking.fee == 0)
                #expect(old.booking.reason == "" && old.booking.date == "" && old.booking.validUntil == 0)
                #expect(old.legs.isEmpty)
                // The idempotency key still holds, and a v1 traveller books with legs.
                let offer = Offer(
                    id: "after-v1", travellerId: "jansen", createdAt: 1_795_300_000, validUntil: 1_795_301_800, date: "2026-11-23",
                    departureAt: 1_795_420_800, arrivalAt: 1_795_423_320, price: 7.85, legs: [distinctLeg(bookingId: 0)])
                #expect(try store.createBooking(from: offer, idempotencyKey: "v1-key", now: 1_795_300_100).created == false)
                let (new, created) = try store.createBooking(from: offer, idempotencyKey: "v2-key", now: 1_795_300_100)
                #expect(created && new.legs.count == 1 && new.booking.date == "2026-11-23")
                #expect(try store.bookingCount() == 2)
            }),
        SchemaVersion(
            migration: "v2-trips-legs-offers",
            write: { db in
                try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5)")
                try db.execute(
                    sql: """
                        INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt,
                            offerId, arrivalAt, price, fee, reason, date, validUntil)
                        VALUES ('v2-key', 'jansen', 'regiotaxi', 'CONFIRMED', 1795420800, 14.2, '', 1795300000,
                            'offer-v2', 1795423320, 7.85, 0, '', '2026-11-23', 1795301800)
                        """)
                try insertOldLeg(bookingId: 1, db)
                try db.execute(sql: "INSERT INTO vehicleRoute (date, vehicle, stops) VALUES ('2026-11-23', 'RT-03 early', '1+,1-')")
            },
            check: { store in
                let old = try #require(try store.booking(id: 1))
                #expect(old.booking.offerId == "offer-v2" && old.booking.price == 7.85 && old.booking.date == "2026-11-23")
                #expect(old.legs == [oldLeg(id: 1, bookingId: 1)])
                // v3's day-plan version starts at 0 for a day whose routes v2 wrote, and changes with the next route.
                let before = try store.read { try ($0.routes(date: "2026-11-23"), $0.dayPlanVersion(date: "2026-11-23")) }
                #expect(before.0 == ["RT-03 early": [RouteStop(legId: 1, pickup: true), RouteStop(legId: 1, pickup: false)]])
                #expect(before.1 == 0)
                _ = try store.update(bookingId: 1) { _, transaction in
                    try transaction.setRoute(date: "2026-11-23", shift: "RT-03 early", stops: [])
                }
                #expect(try store.read { try $0.dayPlanVersion(date: "2026-11-23") } != 0)
                #expect(try store.read { try $0.routes(date: "2026-11-23") }.isEmpty)
            }),
        SchemaVersion(migration: "v3-day-plan-version", write: { db in try typedColumnRows(db, fingerprint: false) }, check: typedColumnsCheck),
        SchemaVersion(migration: "v4-idempotency-fingerprint", write: { db in try typedColumnRows(db, fingerprint: true) }, check: typedColumnsCheck),
        SchemaVersion(
            migration: "v5-typed-columns",
            write: { db in
                try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5)")
                try db.execute(
                    sql: """
                        INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt,
                            offerId, arrivalAt, price, fee, reason, date, validUntil, requestFingerprint, reasonCode)
                        VALUES ('v5-key', 'jansen', 'regiotaxi', 'CONFIRMED', 1795420800, 14.2, '', 1795300000,
                            'offer-v5', 1795423320, 7.85, 0, '', '2026-11-23', 1795301800, 'offer=offer-v5', NULL)
                        """)
                try insertOldLeg(bookingId: 1, db)
                // The same leg without a wheelchair, lists already as v5 writes them.
                try db.execute(sql: """
                    INSERT INTO leg (bookingId, position, mode, state, fromName, fromLat, fromLon, toName, toLat, toLon, date, departureAt,
                        arrivalAt, pickupMinute, price, budgetKm, seats, wheelchair, bookingDeadline, assignee, askedVolunteer,
                        responseDeadline, candidates, declinedBy, reason)
                    SELECT bookingId, 4, mode, state, fromName, fromLat, fromLon, toName, toLat, toLon, date, departureAt, arrivalAt,
                        pickupMinute, price, budgetKm, seats, 0, bookingDeadline, assignee, askedVolunteer, responseDeadline,
                        '["V07","V11"]', '["V02"]', reason FROM leg WHERE id = 1
                    """)
                try db.execute(sql: #"UPDATE leg SET candidates = '["V07","V11"]', declinedBy = '["V02"]' WHERE id = 1"#)
                // An offer as v5 kept it: its legs' JSON without `needs`.
                let offer = Offer(
                    id: "offer-v5", travellerId: "jansen", createdAt: 1_795_300_000, validUntil: 1_795_301_800, date: "2026-11-23",
                    departureAt: 1_795_420_800, arrivalAt: 1_795_423_320, price: 7.85, legs: [distinctLeg(bookingId: 0)])
                var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(offer)) as? [String: Any])
                object["legs"] = (object["legs"] as? [[String: Any]])?.map { leg in leg.filter { !["needs", "part", "targetGroup"].contains($0.key) } }
                let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                #expect(!body.contains("needs"))
                try db.execute(
                    sql: "INSERT INTO offer (id, travellerId, createdAt, validUntil, body) VALUES ('offer-v5', 'jansen', 1795300000, 1795301800, ?)",
                    arguments: [body])
            },
            check: { store in
                // v6: the leg with a wheelchair place reads as HR-01, the other without codes.
                let legs = try #require(try store.booking(id: 1)).legs
                var plain = distinctLeg(bookingId: 1)
                plain.id = 2
                plain.position = 4
                plain.wheelchair = false
                plain.needs = []
                plain.part = .outward
                plain.targetGroup = .wmo
                #expect(legs == [oldLeg(id: 1, bookingId: 1), plain])
                // The offer kept before v6 reads back, its wheelchair leg as HR-01.
                let offer = try #require(try store.offer(id: "offer-v5"))
                var expected = distinctLeg(bookingId: 0)
                expected.needs = [.wheelchairStandard]
                expected.part = .outward
                expected.targetGroup = .wmo
                #expect(offer.legs == [expected])
            }),
        SchemaVersion(
            migration: "v6-leg-needs",
            write: { db in
                try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5)")
                try db.execute(
                    sql: """
                        INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt,
                            offerId, arrivalAt, price, fee, reason, date, validUntil, requestFingerprint, reasonCode)
                        VALUES ('v6-key', 'jansen', 'regiotaxi', 'CONFIRMED', 1795420800, 14.2, '', 1795300000,
                            'offer-v6', 1795423320, 7.85, 0, '', '2026-11-23', 1795301800, 'offer=offer-v6', NULL)
                        """)
                try insertOldLeg(bookingId: 1, db)
                try db.execute(sql: #"UPDATE leg SET candidates = '["V07","V11"]', declinedBy = '["V02"]', needs = '["HR-01"]' WHERE id = 1"#)
                // An offer as v6 kept it: its legs' JSON without `part`.
                let offer = Offer(
                    id: "offer-v6", travellerId: "jansen", createdAt: 1_795_300_000, validUntil: 1_795_301_800, date: "2026-11-23",
                    departureAt: 1_795_420_800, arrivalAt: 1_795_423_320, price: 7.85, legs: [distinctLeg(bookingId: 0)])
                var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(offer)) as? [String: Any])
                object["legs"] = (object["legs"] as? [[String: Any]])?.map { leg in leg.filter { $0.key != "part" && $0.key != "targetGroup" } }
                let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                #expect(!body.contains("\"part\""))
                try db.execute(
                    sql: "INSERT INTO offer (id, travellerId, createdAt, validUntil, body) VALUES ('offer-v6', 'jansen', 1795300000, 1795301800, ?)",
                    arguments: [body])
            },
            check: { store in
                // v7: a leg booked before is the way there, and so is every leg of an offer kept before.
                let booking = try #require(try store.booking(id: 1))
                #expect(booking.legs == [oldLeg(id: 1, bookingId: 1)])
                var expected = distinctLeg(bookingId: 0)
                expected.part = .outward
                expected.targetGroup = .wmo
                let offer = try #require(try store.offer(id: "offer-v6"))
                #expect(offer.legs == [expected])
            }),
        SchemaVersion(
            migration: "v7-return-trips",
            write: { db in
                try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5)")
                try db.execute(
                    sql: """
                        INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt,
                            offerId, arrivalAt, price, fee, reason, date, validUntil, requestFingerprint, reasonCode)
                        VALUES ('v7-key', 'jansen', 'regiotaxi / regiotaxi', 'CONFIRMED', 1795420800, 14.2, '', 1795300000,
                            'offer-v7', 1795423320, 7.85, 0, '', '2026-11-23', 1795301800, 'offer=offer-v7', NULL)
                        """)
            },
            check: { store in
                // v8 adds standing orders beside what was there.
                #expect(try store.booking(idempotencyKey: "v7-key")?.booking.service == "regiotaxi / regiotaxi")
                #expect(try store.standingOrders(traveller: nil).isEmpty)
                let order = try store.save(StandingOrder(
                    travellerId: "jansen", kind: .school, from: .init(name: "a", lat: 52, lon: 6), to: .init(name: "b", lat: 52.1, lon: 6.1),
                    weekdays: [4, 0, 0], arriveBy: 500, departAt: nil, returnAt: nil, validFrom: "2026-11-23", validThrough: nil, createdAt: 1))
                #expect(order.id == 1 && order.weekdays == [0, 4])
                #expect(try store.standingOrder(id: 1) == order && (try store.standingOrders(traveller: "jansen")) == [order])
            }),
        SchemaVersion(
            migration: "v8-standing-orders",
            write: { db in
                try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5)")
                try db.execute(
                    sql: """
                        INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt,
                            offerId, arrivalAt, price, fee, reason, date, validUntil, requestFingerprint, reasonCode)
                        VALUES ('v8-key', 'jansen', 'regiotaxi', 'CONFIRMED', 1795420800, 14.2, '', 1795300000,
                            'offer-v8', 1795423320, 7.85, 0, '', '2026-11-23', 1795301800, 'offer=offer-v8', NULL)
                        """)
                try insertOldLeg(bookingId: 1, db)
                try db.execute(sql: #"UPDATE leg SET candidates = '["V07","V11"]', declinedBy = '["V02"]', needs = '["HR-01"]' WHERE id = 1"#)
                // An offer as v8 kept it: its legs' JSON without `targetGroup`.
                var leg = distinctLeg(bookingId: 0)
                leg.targetGroup = .wmo
                let offer = Offer(
                    id: "offer-v8", travellerId: "jansen", createdAt: 1_795_300_000, validUntil: 1_795_301_800, date: "2026-11-23",
                    departureAt: 1_795_420_800, arrivalAt: 1_795_423_320, price: 7.85, legs: [leg])
                var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(offer)) as? [String: Any])
                object["legs"] = (object["legs"] as? [[String: Any]])?.map { leg in leg.filter { $0.key != "targetGroup" } }
                let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                try db.execute(
                    sql: "INSERT INTO offer (id, travellerId, createdAt, validUntil, body) VALUES ('offer-v8', 'jansen', 1795300000, 1795301800, ?)",
                    arguments: [body])
            },
            check: { store in
                // v9: every leg and offer leg before was a Wmo traveller's.
                let booking = try #require(try store.booking(id: 1))
                #expect(booking.legs == [oldLeg(id: 1, bookingId: 1)])
                let offer = try #require(try store.offer(id: "offer-v8"))
                #expect(offer.legs.map(\.targetGroup) == [.wmo] && offer.legs.map(\.part) == [.back])
            }),
    ]

    /// Rows as the code of v3 (and v4, which added the request fingerprint) wrote them: lists
    /// as comma-separated text, the reason code as the reason's first word.
    static func typedColumnRows(_ db: Database, fingerprint: Bool) throws {
        try db.execute(sql: "INSERT INTO traveller (id, kmBudgetLeft) VALUES ('jansen', 612.5)")
        // A refused booking with its code in the reason's first word, a cancelled one without.
        try db.execute(
            sql: """
                INSERT INTO booking (idempotencyKey, travellerId, service, state, pickupAt, km, resource, createdAt,
                    offerId, arrivalAt, price, fee, reason, date, validUntil\(fingerprint ? ", requestFingerprint" : ""))
                VALUES ('v3-a', 'jansen', 'regiotaxi', 'REJECTED', 1795420800, 0, '', 1795300000,
                    'offer-a', 1795423320, 7.85, 0, 'NO_VEHICLE_AVAILABLE: every vehicle is full then', '2026-11-23', 1795301800\(fingerprint ? ", 'offer=offer-a'" : "")),
                    ('v3-b', 'jansen', 'regiotaxi', 'CANCELLED', 1795420800, 0, '', 1795300000,
                    'offer-b', 1795423320, 7.85, 0, 'cancelled: plans changed', '2026-11-23', 1795301800\(fingerprint ? ", 'offer=offer-b'" : ""))
                """)
        try insertOldLeg(bookingId: 1, db)
        try db.execute(sql: "INSERT INTO vehicleRoute (date, vehicle, stops) VALUES ('2026-11-23', 'RT-03 early', '1+,2+,1-,2-')")
        try db.execute(sql: "INSERT INTO dayPlan (date, version) VALUES ('2026-11-23', 42)")
    }

    /// What migration v5 must make of those rows.
    @Sendable static func typedColumnsCheck(_ store: SQLiteBookingStore) throws {
        let refused = try #require(try store.booking(id: 1))
        #expect(refused.booking.reasonCode == .noVehicleAvailable && refused.booking.reason == "every vehicle is full then")
        #expect(refused.booking.reasonText == "NO_VEHICLE_AVAILABLE: every vehicle is full then")
        let cancelled = try #require(try store.booking(id: 2))
        #expect(cancelled.booking.reasonCode == nil && cancelled.booking.reason == "cancelled: plans changed")
        #expect(refused.legs == [oldLeg(id: 1, bookingId: 1)])
        let stops = [RouteStop(legId: 1, pickup: true), RouteStop(legId: 2, pickup: true), RouteStop(legId: 1, pickup: false), RouteStop(legId: 2, pickup: false)]
        #expect(try store.read { try $0.routes(date: "2026-11-23") } == ["RT-03 early": stops])
        #expect(try store.read { try $0.dayPlanVersion(date: "2026-11-23") } == 42)
    }

    @Test func everyMigrationButTheLastHasAnOldDatabase() {
        #expect(Self.versions.map(\.migration) == Array(SQLiteBookingStore.migrator.migrations.dropLast()))
    }

    @Test(arguments: versions)
    func theLaterMigrationsKeepWhatAnOlderVersionWrote(_ version: SchemaVersion) throws {
        let queue = try DatabaseQueue()
        let migrator = SQLiteBookingStore.migrator
        try migrator.migrate(queue, upTo: version.migration)
        #expect(try queue.read { db in try migrator.appliedMigrations(db) }.last == version.migration)
        try queue.write { db in try version.write(db) }
        let store = try SQLiteBookingStore(queue)
        #expect(try queue.read { db in try migrator.hasCompletedMigrations(db) })
        try version.check(store)
    }
}
