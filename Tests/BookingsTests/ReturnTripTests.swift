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
import GTFS
import Mobility
import Planner
import TestSupport
import Testing
import Transit

/// Return trips on the Twente data: one booking holds the way there and the way back, planned
/// and booked together, cancelled together or one way alone.
@Suite struct ReturnTripTests {
    typealias W = TwenteWorld
    /// Monday 30 November 2026, booked a week before (every lead time met).
    let date = "2026-11-30"
    let bookedAt = W.at("2026-11-23", "10:00")

    func temporaryStore() throws -> SQLiteBookingStore {
        try SQLiteBookingStore.file(FileManager.default.temporaryDirectory.appendingPathComponent("goan-\(UUID().uuidString).sqlite").path)
    }

    /// To the hospital by 10:00, back after an appointment that ends at 11:30.
    func returnTrip(_ desk: BookingDesk, traveller: TravellerID) throws -> (PlanRequest, PlanRequest) {
        let there = try W.request(desk, traveller: traveller, date: date, arrive: "10:00", bookedAt: bookedAt)
        let back = try W.request(desk, traveller: traveller, date: date, depart: "11:30", bookedAt: bookedAt)
        guard case .departAt(let leaving) = back.time else { throw CancellationError() }
        return (there, there.wayBack(departing: leaving, afterAppointment: true))
    }

    /// The pair whose two ways are each a Regiotaxi ride door to door.
    func taxiBothWays(_ answer: ReturnTripPlan) throws -> Offer {
        try #require(answer.pairs.first { pair in
            TripPart.allCases.allSatisfy { part in pair.offer.legs.filter { $0.part == part && $0.mode != .walk }.map(\.mode) == [.regiotaxi] }
        }).offer
    }

    func onDemandLeg(_ details: BookingDetails, _ part: TripPart) throws -> BookedLeg {
        try #require(details.legs.first { $0.part == part && $0.isOnDemand })
    }

    @Test func theWayBackIsPlannedFromTheDestinationWithThePickupWindowOpeningWhenTheAppointmentEnds() throws {
        let desk = try W.desk(try temporaryStore())
        let (there, back) = try returnTrip(desk, traveller: "jansen")
        #expect(back.origin == there.destination && back.destination == there.origin)
        #expect(back.originName == there.destinationName && back.traveller.id == there.traveller.id)
        let leaving: Int32 = if case .departAt(let t) = back.time { t } else { -1 }
        let window = Int32(try #require(desk.rules.services.first { $0.kind == .regiotaxi }).pickupWindowMinutes * 60)
        #expect(window > 0)
        func taxi(_ request: PlanRequest) throws -> ItineraryLeg {
            try #require(desk.plan(request).itineraries.compactMap { $0.legs.count == 1 && $0.legs[0].mode == .regiotaxi ? $0.legs[0] : nil }.first)
        }
        // After an appointment: the vehicle never comes before the traveller is ready.
        #expect(try taxi(back).departure == leaving + window)
        // Leaving at a time: the window is centred on it, as for any ride.
        var centred = back
        centred.readyFrom = false
        #expect(try taxi(centred).departure == leaving)
    }

    @Test func aReturnTripIsOneBookingWithBothWaysInTheVehicleRoutes() throws {
        let store = try temporaryStore()
        let desk = try W.desk(store)
        let before = try #require(try store.budget(traveller: "jansen"))
        let (there, back) = try returnTrip(desk, traveller: "jansen")
        let answer = try desk.offers(there, back: back, now: bookedAt)
        #expect(!answer.pairs.isEmpty)
        for pair in answer.pairs {
            let thereLegs = pair.offer.legs.filter { $0.part == .outward }, backLegs = pair.offer.legs.filter { $0.part == .back }
            #expect(!thereLegs.isEmpty && !backLegs.isEmpty)
            #expect(pair.offer.legs.map(\.position) == Array(0 ..< pair.offer.legs.count))
            // The way back leaves after the way there arrives; the price is the two options' sum.
            #expect(backLegs.first!.departureAt >= thereLegs.last!.arrivalAt)
            let sum = answer.there.itineraries[pair.there].price + answer.back.itineraries[pair.back].price
            #expect(abs(pair.offer.price - sum) < 0.011)
            #expect(try store.offer(id: pair.offer.id) == pair.offer)
        }
        let offer = try taxiBothWays(answer)
        let booking = try desk.bookAndCommit(offerId: offer.id, idempotencyKey: "jansen-return", now: bookedAt)
        #expect(booking.booking.state == .confirmed)
        #expect(booking.booking.service == "regiotaxi / regiotaxi")
        let outward = try onDemandLeg(booking, .outward), home = try onDemandLeg(booking, .back)
        #expect(outward.state == .confirmed && home.state == .confirmed)
        #expect(booking.booking.pickupAt == outward.departureAt && booking.booking.arrivalAt == home.arrivalAt)
        // Both rides are in the day's routes, and both took their kilometres.
        let routed = Set(try desk.routes(on: date).values.flatMap { $0.compactMap(\.ride.leg) })
        #expect(routed.isSuperset(of: [outward.id!, home.id!]))
        #expect(abs(try #require(try store.budget(traveller: "jansen")) - (before - outward.budgetKm - home.budgetKm)) < 0.001)
    }

    @Test func cancellingTheWayBackKeepsTheWayThereAndFreesItsPlace() throws {
        let store = try temporaryStore()
        let desk = try W.desk(store)
        let start = try #require(try store.budget(traveller: "jansen"))
        let (there, back) = try returnTrip(desk, traveller: "jansen")
        let offer = try taxiBothWays(try desk.offers(there, back: back, now: bookedAt))
        let booking = try desk.bookAndCommit(offerId: offer.id, idempotencyKey: "jansen-return", now: bookedAt)
        let outward = try onDemandLeg(booking, .outward), home = try onDemandLeg(booking, .back)

        let oneWay = try desk.cancel(booking.id, part: .back, now: bookedAt + 60)
        #expect(oneWay.booking.state == .confirmed && oneWay.booking.fee == 0)
        #expect(try onDemandLeg(oneWay, .back).state == .cancelled)
        #expect(try onDemandLeg(oneWay, .outward).state == .confirmed)
        #expect(oneWay.booking.price == outward.price && oneWay.booking.arrivalAt == outward.arrivalAt)
        let routed = Set(try desk.routes(on: date).values.flatMap { $0.compactMap(\.ride.leg) })
        #expect(routed.contains(outward.id!) && !routed.contains(home.id!))
        #expect(abs(try #require(try store.budget(traveller: "jansen")) - (start - outward.budgetKm)) < 0.001)
        // The same way again changes nothing; the other way ends the booking.
        #expect(try desk.cancel(booking.id, part: .back, now: bookedAt + 120) == oneWay)
        let both = try desk.cancel(booking.id, part: .outward, now: bookedAt + 180)
        #expect(both.booking.state == .cancelled && both.legs.allSatisfy { $0.state == .cancelled })
        #expect(abs(try #require(try store.budget(traveller: "jansen")) - start) < 0.001)
        #expect(try desk.routes(on: date).values.allSatisfy(\.isEmpty))
    }

    @Test func aOneWayTripHasNoWayBackToCancel() throws {
        let desk = try W.desk(try temporaryStore())
        let request = try W.request(desk, traveller: "jansen", date: date, arrive: "10:00", bookedAt: bookedAt)
        let (_, offers) = try desk.offers(request, now: bookedAt)
        let booking = try desk.bookAndCommit(offerId: offers[0].id, idempotencyKey: "one-way", now: bookedAt)
        #expect(!booking.legs.contains { $0.part == .back })
        #expect(throws: DeskError.conflict(code: "NO_SUCH_PART", message: "booking \(booking.id) has no way back")) {
            try desk.cancel(booking.id, part: .back, now: bookedAt)
        }
        // The way there of a one-way trip is the whole trip.
        #expect(try desk.cancel(booking.id, part: .outward, now: bookedAt).booking.state == .cancelled)
    }

    @Test func aWayBackNoVehicleCanTakeRejectsTheWholeTripAndGivesBackTheWayThere() throws {
        let store = try temporaryStore()
        // One vehicle with one wheelchair place; w01 and w02 use a wheelchair.
        let desk = try W.desk(store) { W.lastWheelchairPlace(&$0, wheelchairUsers: 2) }
        let start = try #require(try store.budget(traveller: "w02"))
        let (there, back) = try returnTrip(desk, traveller: "w02")
        let offer = try taxiBothWays(try desk.offers(there, back: back, now: bookedAt))
        // Before w02 books, w01 takes the place at the time of w02's way back.
        let home = try #require(offer.legs.first { $0.part == .back && $0.mode == .regiotaxi })
        let clock = ServiceDayClock.localDate(unix: home.departureAt, timezone: "Europe/Amsterdam").1
        let rival = try W.request(
            desk, traveller: "w01", from: W.zgtAlmelo, to: W.westerhaar, date: date,
            depart: String(format: "%02d:%02d", clock / 3600, clock / 60 % 60), bookedAt: bookedAt)
        let (_, rivalOffers) = try desk.offers(rival, now: bookedAt)
        let taken = try #require(rivalOffers.first { $0.legs.filter(\.isOnDemand).map(\.mode) == [.regiotaxi] })
        #expect(try desk.bookAndCommit(offerId: taken.id, idempotencyKey: "w01", now: bookedAt).booking.state == .confirmed)

        let refused = try desk.bookAndCommit(offerId: offer.id, idempotencyKey: "w02", now: bookedAt + 60)
        #expect(refused.booking.state == .rejected && refused.booking.reasonCode == .noVehicleWithAid)
        #expect(refused.legs.filter(\.isOnDemand).allSatisfy { $0.state == .rejected })
        // The way there, booked first, left the route again with its kilometres.
        let routed = Set(try desk.routes(on: date).values.flatMap { $0.compactMap(\.ride.leg) })
        #expect(routed.count == 1 && !refused.legs.contains { routed.contains($0.id!) })
        #expect(abs(try #require(try store.budget(traveller: "w02")) - start) < 0.001)
    }
}
