//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GTFS
import Mobility
import Testing

/// D: Regiotaxi rules (DOMAIN.md defaults) — eligibility, lead time, late surcharge, radius,
/// budget, aids, hours, fare.
@Suite struct D01_RegiotaxiRuleTests {
    let feed: Feed
    let service: OnDemandService
    let rules: RideRules

    init() throws {
        feed = try Fixtures.feed()
        let all = try Fixtures.rules()
        service = try OnDemandService(rules: try #require(all.service("regiotaxi")), feed: feed)
        rules = RideRules(service: service.rules, feed: feed, road: StraightLineRoadModel())
    }

    /// Monday 23 November 2026, pickup 09:00 at home in Westerhaar to the Almelo hospital.
    func ask(_ traveller: Traveller = Fixtures.jansen(), to: Coordinate = Fixtures.hospital, pickup: String = "09:00",
             bookedAt: Int64 = Fixtures.at("2026-11-20", "10:00"), date: String = "2026-11-23") -> Result<RideQuote, Reason> {
        let ask = RideAsk(
            traveller: traveller, origin: traveller.home.coordinate, destination: to, date: ServiceDate(date)!,
            pickup: ClockTime.seconds(pickup)!, bookedAt: bookedAt)
        return rules.evaluate(ask, offer: service.offers(from: ask.origin, to: ask.destination, feed: feed).first)
    }

    func reason(_ result: Result<RideQuote, Reason>) -> Reason.Code? {
        if case .failure(let reason) = result { return reason.code }
        return nil
    }

    @Test func aPassHolderBookingDaysAheadGetsTheWmoFare() throws {
        let quote = try ask().get()
        // 12.1 km straight × 1.3 ≈ 15.7 km by road: €3.26 + 15.7 × €0.49 ≈ €10.95.
        #expect(quote.road.kilometres > 15 && quote.road.kilometres < 17)
        #expect(abs(quote.price - (3.26 + quote.road.kilometres * 0.49)) < 0.01)
        #expect(quote.surcharge == 0 && quote.marketKm == 0)
        #expect(quote.paidTo == "Regiotaxi Twente" && quote.guaranteed)
        #expect(quote.pickupWindowMinutes == 15)
        #expect(quote.maximumRideTime == Int32(Double(quote.road.seconds) * 1.5) + 900)
        #expect(quote.bookingDeadline == Fixtures.at("2026-11-23", "08:00"))
    }

    @Test func withoutAPassItIsNotOffered() {
        #expect(reason(ask(Fixtures.noPass)) == .notEligible)
    }

    @Test func bookingWithinTheHourIsTooLate() {
        #expect(reason(ask(bookedAt: Fixtures.at("2026-11-23", "08:01"))) == .leadTimeNotMet)
        #expect(reason(ask(bookedAt: Fixtures.at("2026-11-23", "08:00"))) == nil)
    }

    @Test func bookingAfterNineTheEveningBeforeCostsTheSurcharge() throws {
        let late = try ask(bookedAt: Fixtures.at("2026-11-22", "21:30")).get()
        let early = try ask(bookedAt: Fixtures.at("2026-11-22", "20:59")).get()
        let sameDay = try ask(bookedAt: Fixtures.at("2026-11-23", "07:00")).get()
        #expect(late.surcharge == 3.0 && sameDay.surcharge == 3.0 && early.surcharge == 0)
        #expect(abs(late.price - early.price - 3.0) < 0.001)
    }

    @Test func radiusTwentyFiveTwentyEight() throws {
        // Straight north of Westerhaar: 24 km within the tariff, 26.5 km part at market rate, 30 km refused.
        func north(_ km: Double) -> Coordinate { Coordinate(latitude: 52.4577 + km / 111.2, longitude: 6.6218) }
        let within = try ask(to: north(24)).get()
        let beyond = try ask(to: north(26.5)).get()
        #expect(within.marketKm == 0)
        #expect(beyond.marketKm > 1.5 && beyond.marketKm < 2.5)
        #expect(beyond.notes.contains { $0.contains("market rate") })
        #expect(reason(ask(to: north(30))) == .outsideRadius)
    }

    @Test func anExhaustedBudgetMeansTheMarketRate() throws {
        let quote = try ask(Fixtures.jansen(kmLeft: 0)).get()
        #expect(abs(quote.marketKm - quote.road.kilometres) < 0.001)
        #expect(abs(quote.price - (3.26 + quote.road.kilometres * 2.60)) < 0.01)
        let partly = try ask(Fixtures.jansen(kmLeft: 5)).get()
        #expect(abs(partly.budgetKm - 5) < 0.001)
    }

    @Test func outsideServiceHoursIsRefused() {
        #expect(reason(ask(pickup: "05:30")) == .outsideServiceHours)
        #expect(reason(ask(pickup: "24:30")) == nil)  // 00:30 at night still runs (until 01:00)
    }

    @Test func outsideTheZonesIsRefused() {
        #expect(reason(ask(to: Coordinate(latitude: 52.09, longitude: 5.12))) != nil)  // Utrecht: beyond the radius or zone
        let rotterdam = Traveller(
            id: "x", name: "X", age: 80, home: NamedPosition(name: "Rotterdam", lat: 51.92, lon: 4.48),
            wmoPass: .init(number: "W", kmBudgetLeft: 100, needs: []), automaatjeMember: false, needs: [])
        #expect(reason(ask(rotterdam, to: Coordinate(latitude: 51.93, longitude: 4.49))) == .outsideServiceArea)
    }

    @Test func aSocialCompanionPaysTheSameFare() throws {
        var withCompanion = Fixtures.jansen()
        withCompanion.companions = 1
        let alone = try ask().get()
        let two = try ask(withCompanion).get()
        #expect(abs(two.price - 2 * alone.price) < 0.02)
    }

    /// The pass's CROW codes change what companions pay: free (AER-01), half the fare (AER-02,
    /// the fixture sets no share), and an escort a traveller may not travel without rides free
    /// even when none is booked, and takes a seat (AB-03).
    @Test(arguments: [(CROWCode.companionFree, 0.0), (.companionDiscount, 0.5), (.medicalEscort, 0.0)])
    func aPassCodeChangesTheCompanionsFare(code: CROWCode, share: Double) throws {
        var withCompanion = Fixtures.jansen()
        withCompanion.companions = 1
        let alone = try ask().get(), two = try ask(withCompanion).get()
        withCompanion.needs = [code]
        let coded = try ask(withCompanion).get()
        #expect(abs(coded.price - alone.price * (1 + share)) < 0.02, "\(code): \(coded.price), alone \(alone.price)")
        #expect(coded.price < two.price)
    }

    @Test func anEscortTakesASeatEvenWhenNoCompanionIsBooked() {
        #expect(RideNeeds(codes: [.medicalEscort]).seats == 2)
        #expect(RideNeeds(codes: [.medicalEscort], companions: 1).seats == 2)
        #expect(RideNeeds(codes: [], companions: 1).seats == 2)
        #expect(RideNeeds(codes: []).seats == 1)
    }
}

/// Every number is configuration per municipality: overrides apply to travellers living there.
@Suite struct D03_MunicipalityOverrideTests {
    @Test func aMunicipalityWithItsOwnKilometrePriceAndBudget() throws {
        let feed = try Fixtures.feed()
        // Only the first service (Regiotaxi) gets the override.
        let plain = "\"municipalities\": [ { \"zone\": \"twente\", \"name\": \"Twente\" } ]"
        let first = try #require(Fixtures.rulesJSON.range(of: plain))
        let json = Fixtures.rulesJSON.replacingCharacters(
            in: first,
            with: "\"municipalities\": [ { \"zone\": \"twente\", \"name\": \"Twente\", \"overrides\": { \"perKm\": 0.60, \"yearlyKmBudget\": 1500 } } ]")
        #expect(json != Fixtures.rulesJSON, "the fixture must contain the replaced text")
        let rules = try ServiceRules.decode(Data(json.utf8), file: "rules.json")
        let service = try OnDemandService(rules: try #require(rules.service("regiotaxi")), feed: feed)
        let ride = RideRules(service: service.rules, feed: feed, road: StraightLineRoadModel())
        #expect(ride.municipalityZone(of: Fixtures.westerhaar) == "twente")
        let ask = RideAsk(
            traveller: Fixtures.jansen(), origin: Fixtures.westerhaar, destination: Fixtures.hospital, date: ServiceDate("2026-11-23")!,
            pickup: ClockTime.seconds("09:00")!, bookedAt: Fixtures.at("2026-11-20", "10:00"))
        let quote = try ride.evaluate(ask, offer: service.offers(from: ask.origin, to: ask.destination, feed: feed).first).get()
        #expect(abs(quote.price - (3.26 + quote.road.kilometres * 0.60)) < 0.01)
        #expect(service.rules.applying(municipalityZone: "twente").yearlyKmBudget == 1500)
        #expect(service.rules.applying(municipalityZone: "elsewhere").fare.perKm == 0.49)
    }
}
