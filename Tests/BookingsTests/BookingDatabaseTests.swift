//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Foundation
import Testing

/// The durable booking store, on real SQLite files in a temporary directory.
@Suite struct BookingDatabaseTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("goan-\(UUID().uuidString).sqlite").path
    }

    private func ride(_ key: String, traveller: String = "wmo-1", km: Double = 12, resource: String = "", capacity: Int = .max) -> NewBooking {
        NewBooking(idempotencyKey: key, travellerId: traveller, service: "regiotaxi", pickupAt: 36_000, km: km, resource: resource, resourceCapacity: capacity)
    }

    @Test func aConfirmedBookingSurvivesReopeningTheFile() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try BookingDatabase.file(path)
            try store.setBudget(traveller: "wmo-1", km: 100)
            let booking = try store.bookOperatorLeg(ride("k1"), now: 0)
            #expect(booking.id != nil)
            #expect(booking.state == "CONFIRMED")
        }
        let reopened = try BookingDatabase.file(path)
        let kept = try reopened.bookings(traveller: "wmo-1")
        #expect(kept.map(\.idempotencyKey) == ["k1"])
        #expect(try reopened.budget(traveller: "wmo-1") == 88)
    }

    @Test func theSameIdempotencyKeyBooksOnce() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try BookingDatabase.file(path)
        try store.setBudget(traveller: "wmo-1", km: 100)
        let first = try store.bookOperatorLeg(ride("same"), now: 0)
        let second = try store.bookOperatorLeg(ride("same"), now: 5)
        #expect(first.id == second.id)
        #expect(try store.bookings(traveller: "wmo-1").count == 1)
        #expect(try store.budget(traveller: "wmo-1") == 88)
    }

    @Test func anExhaustedBudgetIsRefusedAndNothingIsCharged() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try BookingDatabase.file(path)
        try store.setBudget(traveller: "wmo-1", km: 10)
        #expect(throws: BookingStoreError.budgetExhausted(travellerId: "wmo-1", kmLeft: 10)) {
            try store.bookOperatorLeg(ride("far", km: 25), now: 0)
        }
        #expect(try store.budget(traveller: "wmo-1") == 10)
        #expect(try store.bookings(traveller: "wmo-1").isEmpty)
    }

    @Test func anEarlyCancellationRestoresTheBudgetALateOneCostsAFee() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try BookingDatabase.file(path)
        try store.setBudget(traveller: "wmo-1", km: 100)
        let early = try store.bookOperatorLeg(ride("early"), now: 0)
        let (cancelled, fee) = try store.cancel(id: try #require(early.id), now: 36_000 - 2 * 3600)
        #expect(cancelled.state == "CANCELLED")
        #expect(fee == 0)
        #expect(try store.budget(traveller: "wmo-1") == 100)
        let (_, againFee) = try store.cancel(id: try #require(early.id), now: 36_000 - 2 * 3600)
        #expect(againFee == 0)
        #expect(try store.budget(traveller: "wmo-1") == 100)

        let late = try store.bookOperatorLeg(ride("late"), now: 0)
        let (_, lateFee) = try store.cancel(id: try #require(late.id), now: 36_000 - 600)
        #expect(lateFee > 0)
        #expect(try store.budget(traveller: "wmo-1") == 88)
        #expect(throws: BookingStoreError.bookingNotFound(id: 999)) { try store.cancel(id: 999, now: 0) }
    }

    /// Fifty travellers ask for the last wheelchair place at once: exactly one gets it.
    @Test func fiftyConcurrentRequestsForTheLastWheelchairPlaceBookItOnce() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try BookingDatabase.file(path)
        for traveller in 0..<50 { try store.setBudget(traveller: "wmo-\(traveller)", km: 100) }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for traveller in 0..<50 {
                group.addTask {
                    let request = ride("req-\(traveller)", traveller: "wmo-\(traveller)", resource: "RT-12 09:00 wheelchair", capacity: 1)
                    do {
                        _ = try store.bookOperatorLeg(request, now: 0)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var results: [Bool] = []
            for await outcome in group { results.append(outcome) }
            return results
        }
        #expect(outcomes.filter { $0 }.count == 1)
        var confirmed = 0
        for traveller in 0..<50 { confirmed += try store.bookings(traveller: "wmo-\(traveller)").count }
        #expect(confirmed == 1)
    }
}
