//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import FleetDispatch
import Foundation
import GRDB
import GTFS
import Mobility
import Planner
import TestSupport
import Testing

/// The booking desk on the Twente data with a store on a temporary database file.
@Suite struct BookingDeskTests {
    typealias W = TwenteWorld
    /// Monday 30 November 2026, booked a week before (every lead time met).
    let date = "2026-11-30"
    let bookedAt = W.at("2026-11-23", "10:00")

    func temporaryStore() throws -> (SQLiteBookingStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("goan-\(UUID().uuidString).sqlite").path
        return (try SQLiteBookingStore.file(path), path)
    }

    /// Books the first offer whose on-demand legs are exactly `modes`.
    func bookFirst(_ desk: BookingDesk, traveller: TravellerID, modes: [TravelMode], arrive: String = "10:00", key: String? = nil, now: Int64? = nil) throws
        -> BookingDetails
    {
        let request = try W.request(desk, traveller: traveller, date: date, arrive: arrive, bookedAt: now ?? bookedAt)
        let (_, offers) = try desk.offers(request, now: now ?? bookedAt)
        let offer = try #require(offers.first { $0.legs.filter(\.isOnDemand).map(\.mode) == modes })
        let (booking, created) = try desk.book(offerId: offer.id, idempotencyKey: key ?? offer.id, now: now ?? bookedAt)
        #expect(created || key != nil)
        #expect(booking.booking.state == .new)
        return try desk.commit(booking.id, now: now ?? bookedAt)
    }

    @Test func regiotaxiIsConfirmedAtOnceWithAVehicleAndTakesTheKilometres() throws {
        let (store, path) = try temporaryStore()
        let desk = try W.desk(store)
        let before = try #require(try store.budget(traveller: "jansen"))
        let booking = try bookFirst(desk, traveller: "jansen", modes: [.regiotaxi])
        #expect(booking.booking.state == .confirmed)
        let leg = try #require(booking.legs.first { $0.mode == .regiotaxi })
        #expect(leg.assignee?.shift?.rawValue.hasPrefix("RT-") == true)
        #expect(leg.budgetKm > 0)
        #expect(abs(try #require(try store.budget(traveller: "jansen")) - (before - leg.budgetKm)) < 0.001)
        // Durable: a new store on the same file sees the booking and its legs.
        let reopened = try SQLiteBookingStore.file(path)
        #expect(try reopened.booking(id: booking.id) == booking)
        #expect(try reopened.bookings(traveller: "jansen", date: date).map(\.id) == [booking.id])
        #expect(try reopened.legs(on: date, states: [.confirmed]).map(\.id) == [leg.id])
    }

    @Test func theSameIdempotencyKeyReturnsTheSameBooking() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store)
        let request = try W.request(desk, traveller: "jansen", date: date, arrive: "10:00", bookedAt: bookedAt)
        let (_, offers) = try desk.offers(request, now: bookedAt)
        let first = try desk.book(offerId: offers[0].id, idempotencyKey: "retry-1", now: bookedAt)
        let second = try desk.book(offerId: offers[0].id, idempotencyKey: "retry-1", now: bookedAt + 5)
        #expect(first.created && !second.created)
        #expect(first.0.id == second.0.id)
        let committed = try desk.commit(first.0.id, now: bookedAt)
        // Committing again changes nothing (no second vehicle place, no second charge).
        #expect(try desk.commit(first.0.id, now: bookedAt + 1) == committed)
        #expect(try store.bookingCount() == 1)
    }

    @Test func anExhaustedBudgetRejectsTheTripWithItsReason() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store)
        let request = try W.request(desk, traveller: "jansen", date: date, arrive: "10:00", bookedAt: bookedAt)
        let (_, offers) = try desk.offers(request, now: bookedAt)
        let offer = try #require(offers.first { $0.legs.contains { $0.mode == .regiotaxi } })
        // The budget is used up between planning and booking.
        try store.setBudget(traveller: "jansen", km: 0)
        let (booking, _) = try desk.book(offerId: offer.id, idempotencyKey: "k", now: bookedAt)
        let result = try desk.commit(booking.id, now: bookedAt)
        #expect(result.booking.state == .rejected)
        #expect(result.booking.reasonText.hasPrefix("KM_BUDGET_EXHAUSTED"))
        #expect(try store.budget(traveller: "jansen") == 0)
        #expect(try store.legs(on: date, states: [.confirmed]).isEmpty)
    }

    @Test func anExpiredOfferCannotBeBooked() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store)
        let request = try W.request(desk, traveller: "jansen", date: date, arrive: "10:00", bookedAt: bookedAt)
        let (_, offers) = try desk.offers(request, now: bookedAt)
        let (booking, _) = try desk.book(offerId: offers[0].id, idempotencyKey: "k", now: bookedAt)
        let late = try desk.commit(booking.id, now: offers[0].validUntil + 1)
        #expect(late.booking.state == .expired)
        #expect(late.booking.reasonText.hasPrefix("OFFER_EXPIRED"))
    }

    @Test func cancellingIsFreeUntilAnHourBeforePickupAndCostsTheFeeAfter() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store)
        let start = try #require(try store.budget(traveller: "jansen"))
        let early = try bookFirst(desk, traveller: "jansen", modes: [.regiotaxi], arrive: "10:00")
        let pickup = early.legs.first { $0.mode == .regiotaxi }!.departureAt
        let cancelled = try desk.cancel(early.id, now: pickup - 3601)
        #expect(cancelled.booking.state == .cancelled && cancelled.booking.fee == 0)
        #expect(abs(try #require(try store.budget(traveller: "jansen")) - start) < 0.001)
        // The vehicle's route no longer has the ride: the same ride fits again.
        let late = try bookFirst(desk, traveller: "jansen", modes: [.regiotaxi], arrive: "10:00", now: bookedAt + 60)
        #expect(late.booking.state == .confirmed)
        let latePickup = late.legs.first { $0.mode == .regiotaxi }!.departureAt
        let charged = try desk.cancel(late.id, now: latePickup - 1800)
        #expect(charged.booking.fee == 5)
        #expect(try #require(try store.budget(traveller: "jansen")) < start - 0.001)
        // A second CANCEL changes nothing; a cancelled booking cannot be committed.
        #expect(try desk.cancel(late.id, now: latePickup) == charged)
        #expect(throws: DeskError.self) { try desk.commit(late.id, now: latePickup) }
    }

    @Test func automaatjeWaitsForAVolunteerIsReofferedOnDeclineAndConfirmedOnAccept() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store)
        let booking = try bookFirst(desk, traveller: "de-vries", modes: [.automaatje], arrive: "11:00")
        #expect(booking.booking.state == .pending)
        let leg = try #require(booking.legs.first { $0.mode == .automaatje })
        let first = try #require(leg.askedVolunteer)
        #expect(leg.responseDeadline != nil)
        #expect(try store.pendingVolunteerLegs().map(\.id) == [leg.id])
        // Someone else answering is refused; the asked volunteer declines: the next one is asked.
        #expect(throws: DeskError.self) { try desk.answer(leg: leg.id!, volunteer: "nobody", accepted: true, now: bookedAt + 60) }
        let declined = try desk.answer(leg: leg.id!, volunteer: first, accepted: false, now: bookedAt + 60)
        let next = try #require(declined.legs.first { $0.id == leg.id })
        if leg.candidates.isEmpty {
            #expect(declined.booking.state == .rejected)
            return
        }
        #expect(next.state == .pending && next.askedVolunteer != first && next.declinedBy == [first])
        let accepted = try desk.answer(leg: leg.id!, volunteer: try #require(next.askedVolunteer), accepted: true, now: bookedAt + 120)
        #expect(accepted.booking.state == .confirmed)
        #expect(accepted.legs.first { $0.id == leg.id }?.assignee?.volunteer == next.askedVolunteer)
        #expect(try store.pendingVolunteerLegs().isEmpty)
    }

    /// The day's dispatch from the store keeps what the bookings promised: the volunteer who
    /// accepted drives the ride, a ride still awaiting an answer is not given to someone else,
    /// and every confirmed Regiotaxi ride stays in a vehicle.
    @Test func dispatchFromTheStoreKeepsTheAcceptedVolunteerAndEveryConfirmedRide() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store)
        var taxiLegs: [LegID] = []
        for (traveller, arrive) in [("jansen", "10:00"), ("bakker", "10:30"), ("smit", "14:00"), ("mulder", "11:00")] {
            let request = try W.request(desk, traveller: TravellerID(rawValue: traveller), date: date, arrive: arrive, bookedAt: bookedAt)
            let (_, offers) = try desk.offers(request, now: bookedAt)
            guard let offer = offers.first(where: { $0.legs.filter(\.isOnDemand).map(\.mode) == [.regiotaxi] }) else { continue }
            let booking = try desk.bookAndCommit(offerId: offer.id, idempotencyKey: offer.id, now: bookedAt)
            if booking.booking.state == .confirmed { taxiLegs += booking.legs.filter { $0.mode == .regiotaxi }.compactMap(\.id) }
        }
        #expect(taxiLegs.count >= 2)
        let accepted = try bookFirst(desk, traveller: "de-vries", modes: [.automaatje], arrive: "11:00")
        let acceptedLeg = try #require(accepted.legs.first { $0.mode == .automaatje })
        // The second volunteer asked (not the one the solver would pick first) accepts.
        var answered = try desk.answer(leg: acceptedLeg.id!, volunteer: try #require(acceptedLeg.askedVolunteer), accepted: false, now: bookedAt + 60)
        let asked = try #require(answered.legs.first { $0.id == acceptedLeg.id }?.askedVolunteer, "a second volunteer can drive this ride")
        answered = try desk.answer(leg: acceptedLeg.id!, volunteer: asked, accepted: true, now: bookedAt + 120)
        #expect(answered.booking.state == .confirmed)
        let waiting = try bookFirst(desk, traveller: "de-vries", modes: [.automaatje], arrive: "16:00")
        let waitingLeg = try #require(waiting.legs.first { $0.mode == .automaatje })

        let rides = try desk.rides(on: date)
        let schedule = desk.dispatcher.dispatch(rides, date: ServiceDate(date)!, timeLimit: 5, iterations: 200, seed: 3) { _, _ in true }
        let acceptedRide = try #require(rides.first { $0.leg == acceptedLeg.id })
        let driver = try #require(schedule.days.first { $0.stops.contains { $0.ride == acceptedRide.id } })
        #expect(driver.kind == .volunteer && driver.volunteer == asked, "\(driver.shift) drives the ride \(asked) accepted")
        let pending = try #require(schedule.unassigned.first { $0.ride.leg == waitingLeg.id })
        #expect(pending.reason.hasPrefix("waiting for"))
        #expect(!schedule.days.contains { $0.stops.contains { $0.ride == pending.ride.id } })
        for id in taxiLegs {
            let ride = try #require(rides.first { $0.leg == id })
            let day = schedule.days.first { $0.stops.contains { $0.ride == ride.id } }
            #expect(day?.kind == .regiotaxi, "confirmed Regiotaxi ride \(id) keeps a vehicle")
        }
    }

    @Test func aPendingRideExpiresWhenNobodyAnswersByTheDeadline() throws {
        let (store, _) = try temporaryStore()
        // Only one volunteer: no one to re-offer to.
        let desk = try W.desk(store) { supply in
            supply.volunteers = Array(supply.volunteers.filter { !$0.wheelchair }.prefix(1))
        }
        let request = try W.request(desk, traveller: "de-vries", date: date, arrive: "11:00", bookedAt: bookedAt)
        let (plan, offers) = try desk.offers(request, now: bookedAt)
        guard let offer = offers.first(where: { $0.legs.contains { $0.mode == .automaatje } }) else {
            // The single volunteer cannot drive this trip: the plan says why.
            #expect(plan.notOffered.contains { $0.mode == "automaatje" && $0.reason.code == .noVolunteerAvailable })
            return
        }
        let (booking, _) = try desk.book(offerId: offer.id, idempotencyKey: "k", now: bookedAt)
        let pending = try desk.commit(booking.id, now: bookedAt)
        let deadline = try #require(pending.legs.first { $0.mode == .automaatje }?.responseDeadline)
        #expect(try desk.expireDue(now: deadline - 1).isEmpty)
        let expired = try desk.expireDue(now: deadline)
        #expect(expired.map(\.id) == [booking.id])
        #expect(expired[0].booking.state == .expired)
        #expect(expired[0].booking.reasonText.contains("did not answer"))
        // A late acceptance is not taken.
        let asked = try #require(pending.legs.first { $0.mode == .automaatje }!.askedVolunteer)
        #expect(throws: DeskError.self) { try desk.answer(leg: pending.legs.first { $0.mode == .automaatje }!.id!, volunteer: asked, accepted: true, now: deadline + 5) }
    }

    @Test func aVolunteerDoesNotGetMoreRidesThanTheirMaximum() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store) { supply in
            for index in supply.volunteers.indices { supply.volunteers[index].maxRidesPerDay = 1 }
        }
        // Two trips the same day at different hours: whoever accepts the first is not asked for the second.
        let one = try bookFirst(desk, traveller: "de-vries", modes: [.automaatje], arrive: "11:00")
        let leg = one.legs.first { $0.mode == .automaatje }!
        let confirmed = try desk.answer(leg: leg.id!, volunteer: try #require(leg.askedVolunteer), accepted: true, now: bookedAt + 60)
        #expect(confirmed.booking.state == .confirmed)
        let request = try W.request(desk, traveller: "de-vries", date: date, arrive: "16:00", bookedAt: bookedAt)
        let (_, offers) = try desk.offers(request, now: bookedAt)
        if let offer = offers.first(where: { $0.legs.contains { $0.mode == .automaatje } }) {
            let (two, _) = try desk.book(offerId: offer.id, idempotencyKey: "second", now: bookedAt)
            let second = try desk.commit(two.id, now: bookedAt)
            let asked = second.legs.first { $0.mode == .automaatje }?.askedVolunteer
            #expect(asked != leg.askedVolunteer)
        }
    }

    /// Offers use the commit's insertion check: once the only wheelchair place of that time is
    /// booked, another wheelchair user is not offered the Regiotaxi (and is told why), while a
    /// traveller without a wheelchair still is.
    @Test func offersAreCheckedAgainstTheDaysBookings() throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store) { W.lastWheelchairPlace(&$0, wheelchairUsers: 2) }
        func taxiOffers(_ traveller: TravellerID) throws -> ([Offer], [(mode: String, reason: Reason)]) {
            let request = try W.request(desk, traveller: traveller, date: date, depart: "09:00", bookedAt: bookedAt)
            let (plan, offers) = try desk.offers(request, now: bookedAt)
            #expect(plan.itineraries.count == offers.count, "options and offers stay aligned")
            return (offers.filter { $0.legs.contains { $0.mode == .regiotaxi } }, plan.notOffered)
        }
        let first = try #require(try taxiOffers("w01").0.first { $0.legs.filter(\.isOnDemand).map(\.mode) == [.regiotaxi] })
        #expect(try desk.bookAndCommit(offerId: first.id, idempotencyKey: "w01", now: bookedAt).booking.state == .confirmed)
        let (second, notOffered) = try taxiOffers("w02")
        #expect(second.isEmpty, "no Regiotaxi offer once the wheelchair place is taken")
        #expect(notOffered.contains { $0.mode == "regiotaxi" && $0.reason.code == .noVehicleWithAid })
    }

    /// 50 travellers who need a wheelchair place book the same ride at once; one vehicle with
    /// one wheelchair place is on duty: exactly one booking is confirmed, the others are
    /// refused with the reason.
    @Test func fiftyConcurrentRequestsForTheLastWheelchairPlaceConfirmExactlyOne() async throws {
        let (store, _) = try temporaryStore()
        let desk = try W.desk(store) { W.lastWheelchairPlace(&$0, wheelchairUsers: 50) }
        var bookingIds: [BookingID] = []
        for k in 1 ... 50 {
            let id = k < 10 ? "w0\(k)" : "w\(k)"
            let request = try W.request(desk, traveller: TravellerID(rawValue: id), date: date, depart: "09:00", bookedAt: bookedAt)
            let (_, offers) = try desk.offers(request, now: bookedAt)
            let offer = try #require(offers.first { $0.legs.filter(\.isOnDemand).map(\.mode) == [.regiotaxi] })
            bookingIds.append(try desk.book(offerId: offer.id, idempotencyKey: id, now: bookedAt).0.id)
        }
        let states = try await withThrowingTaskGroup(of: BookingState.self) { group in
            for id in bookingIds { group.addTask { try desk.commit(id, now: W.at("2026-11-23", "10:00")).booking.state } }
            return try await group.reduce(into: [BookingState]()) { $0.append($1) }
        }
        #expect(states.filter { $0 == .confirmed }.count == 1)
        #expect(states.filter { $0 == .rejected }.count == 49)
        let rejected = try store.bookings(traveller: nil, date: date).filter { $0.booking.state == .rejected }
        #expect(rejected.allSatisfy { $0.booking.reasonText.hasPrefix("NO_VEHICLE_WITH_AID") })
    }
}
