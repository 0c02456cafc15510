//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
import Mobility
import Testing

/// V: AutoMaatje rules — membership, two working days' notice, hours, no guarantee.
@Suite struct V01_AutoMaatjeRuleTests {
    let feed: Feed
    let service: OnDemandService
    let rules: RideRules

    init() throws {
        feed = try Fixtures.feed()
        service = try OnDemandService(rules: try #require(try Fixtures.rules().service("automaatje")), feed: feed)
        rules = RideRules(service: service.rules, feed: feed, road: StraightLineRoadModel())
    }

    func evaluate(_ traveller: Traveller, date: String, pickup: String, bookedAt: Int64) -> Result<RideQuote, Reason> {
        let ask = RideAsk(
            traveller: traveller, origin: traveller.home.coordinate, destination: Fixtures.hospital, date: ServiceDate(date)!,
            pickup: ClockTime.seconds(pickup)!, bookedAt: bookedAt)
        return rules.evaluate(ask, offer: service.offers(from: ask.origin, to: ask.destination, feed: feed).first)
    }

    @Test func twoWorkingDaysBeforeAtNoon() throws {
        // Monday 23 November: book by Thursday 19 November 12:00 (Friday and Monday? no: two
        // working days before Monday are Thursday and Friday → Thursday 12:00).
        let quote = try evaluate(Fixtures.jansen(), date: "2026-11-23", pickup: "10:00", bookedAt: Fixtures.at("2026-11-19", "11:00")).get()
        #expect(quote.bookingDeadline == Fixtures.at("2026-11-19", "12:00"))
        #expect(!quote.guaranteed)
        #expect(quote.paidTo == "the volunteer driver")
        let late = evaluate(Fixtures.jansen(), date: "2026-11-23", pickup: "10:00", bookedAt: Fixtures.at("2026-11-19", "12:01"))
        guard case .failure(let reason) = late else { Issue.record("expected a refusal"); return }
        #expect(reason.code == .leadTimeNotMet)
        #expect(reason.message.contains("2 working days"))
        #expect(reason.message.contains("Thursday 19 November 12:00"))
    }

    @Test func christmasIsNoWorkingDay() throws {
        // Monday 28 December 2026: the working days before are Thursday 24 and Wednesday 23
        // (Friday 25 December is a holiday in the WORK calendar).
        let quote = try evaluate(Fixtures.jansen(), date: "2026-12-28", pickup: "10:00", bookedAt: Fixtures.at("2026-12-20", "10:00")).get()
        #expect(quote.bookingDeadline == Fixtures.at("2026-12-23", "12:00"))
    }

    @Test func onlyMembersMayRide() {
        let result = evaluate(Fixtures.noPass, date: "2026-11-23", pickup: "10:00", bookedAt: Fixtures.at("2026-11-16", "10:00"))
        guard case .failure(let reason) = result else { Issue.record("expected a refusal"); return }
        #expect(reason.code == .notEligible)
    }

    @Test func noRidesAtWeekendsOrAtNight() {
        for (date, time) in [("2026-11-28", "10:00"), ("2026-11-23", "19:00")] {
            let result = evaluate(Fixtures.jansen(), date: date, pickup: time, bookedAt: Fixtures.at("2026-11-01", "10:00"))
            guard case .failure(let reason) = result else { Issue.record("expected a refusal for \(date) \(time)"); continue }
            #expect([.noServiceThatDay, .outsideServiceHours].contains(reason.code))
        }
    }
}
