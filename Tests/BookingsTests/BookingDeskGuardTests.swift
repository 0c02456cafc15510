//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import Foundation
import GTFS
import Mobility
import Planner
import TestSupport
import Testing

/// What the desk refuses whoever asks (the API and the CLI alike): a trip that departed, the
/// same ride twice, an idempotency key used for another request.
@Suite struct BookingDeskGuardTests {
    typealias W = TwenteWorld
    let date = "2026-11-30"
    let bookedAt = W.at("2026-11-23", "10:00")

    func desk() throws -> (BookingDesk, SQLiteBookingStore) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("goan-\(UUID().uuidString).sqlite").path
        let store = try SQLiteBookingStore.file(path)
        return (try W.desk(store), store)
    }

    func offers(_ desk: BookingDesk, traveller: TravellerID = "jansen", arrive: String = "10:00") throws -> [Offer] {
        let request = try W.request(desk, traveller: traveller, date: date, arrive: arrive, bookedAt: bookedAt)
        return try desk.offers(request, now: bookedAt).1
    }

    func regiotaxi(_ offers: [Offer]) throws -> Offer {
        try #require(offers.first { $0.legs.filter(\.isOnDemand).map(\.mode) == [.regiotaxi] })
    }

    @Test func aTripThatDepartedIsNeitherBookedNorConfirmed() throws {
        let (desk, store) = try desk()
        let offer = try regiotaxi(try offers(desk))
        let after = offer.departureAt + 3600
        #expect {
            try desk.book(offerId: offer.id, idempotencyKey: "late", now: after)
        } throws: { error in
            guard case DeskError.conflict(let code, _) = error else { return false }
            return code == "DEPARTURE_IN_THE_PAST"
        }
        #expect(try store.bookingCount() == 0)
        let committed = try desk.bookAndCommit(offerId: offer.id, idempotencyKey: "late-commit", now: after)
        #expect(committed.booking.state == .rejected)
        #expect(committed.booking.reasonCode == .departureInThePast)
        #expect(committed.booking.km == 0)
        // A NEW booking made in time and committed after the departure is refused too.
        let (made, _) = try desk.book(offerId: offer.id, idempotencyKey: "in-time", now: bookedAt)
        let late = try desk.commit(made.id, now: after)
        #expect(late.booking.state == .rejected && late.booking.reasonCode == .departureInThePast)
    }

    @Test func theSameRideTwiceIsRefusedUnlessAllowedAndChargesOnce() throws {
        let (desk, store) = try desk()
        let start = try #require(try store.budget(traveller: "jansen"))
        let first = try desk.bookAndCommit(offerId: try regiotaxi(try offers(desk)).id, idempotencyKey: "one", now: bookedAt)
        #expect(first.booking.state == .confirmed)
        let charged = try #require(try store.budget(traveller: "jansen"))
        #expect(charged < start)
        let again = try desk.bookAndCommit(offerId: try regiotaxi(try offers(desk)).id, idempotencyKey: "two", now: bookedAt)
        #expect(again.booking.state == .rejected)
        #expect(again.booking.reasonCode == .overlappingBooking)
        #expect(again.booking.reason.contains("booking \(first.id)"))
        #expect(try store.budget(traveller: "jansen") == charged)
        // A trip at another time is no overlap; another traveller's trip neither.
        #expect(try desk.bookAndCommit(offerId: try regiotaxi(try offers(desk, arrive: "16:00")).id, idempotencyKey: "three", now: bookedAt)
            .booking.state == .confirmed)
        #expect(try desk.bookAndCommit(offerId: try regiotaxi(try offers(desk, traveller: "mulder")).id, idempotencyKey: "m", now: bookedAt)
            .booking.state == .confirmed)
        // Asked for: kept.
        let both = try desk.bookAndCommit(offerId: try regiotaxi(try offers(desk)).id, idempotencyKey: "four", allowOverlap: true, now: bookedAt)
        #expect(both.booking.state == .confirmed)
        // Once the first is cancelled, the ride may be booked again.
        _ = try desk.cancel(first.id, now: bookedAt)
        _ = try desk.cancel(both.id, now: bookedAt)
        #expect(try desk.bookAndCommit(offerId: try regiotaxi(try offers(desk)).id, idempotencyKey: "five", now: bookedAt).booking.state == .confirmed)
    }

    @Test func aKeyUsedForAnotherOfferIsRefusedAndTheSameRequestIsAnsweredAgain() throws {
        let (desk, store) = try desk()
        let options = try offers(desk)
        try #require(options.count >= 2)
        let (first, created) = try desk.book(offerId: options[0].id, idempotencyKey: "k", now: bookedAt)
        #expect(created)
        let (again, createdAgain) = try desk.book(offerId: options[0].id, idempotencyKey: "k", now: bookedAt + 5)
        #expect(!createdAgain && again.id == first.id)
        #expect {
            try desk.book(offerId: options[1].id, idempotencyKey: "k", now: bookedAt + 5)
        } throws: { error in
            guard case DeskError.idempotencyKeyReused(let message) = error else { return false }
            return message.contains("booking \(first.id)")
        }
        // The caller's own fingerprint: the same offer with other options is another request.
        let (made, _) = try desk.book(offerId: options[1].id, idempotencyKey: "f", fingerprint: "offer=\(options[1].id);commit=false", now: bookedAt)
        #expect(throws: DeskError.self) {
            try desk.book(offerId: options[1].id, idempotencyKey: "f", fingerprint: "offer=\(options[1].id);commit=true", now: bookedAt)
        }
        #expect(try desk.book(offerId: options[1].id, idempotencyKey: "f", fingerprint: "offer=\(options[1].id);commit=false", now: bookedAt).0.id == made.id)
        #expect(try store.bookingCount() == 2)
    }
}
