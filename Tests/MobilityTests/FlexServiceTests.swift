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
import TestSupport
import Testing

/// Loading the shared Flex feeds gives services with the right zones and booking rules; and the
/// Twente services ride where their zones say.
@Suite struct FlexServiceTests {
    /// bbnavi is small and in `Tests/Fixtures`; C-TRAN only in `../shared/data` (no stated licence).
    static let bbnavi = SharedData.fixture("gtfs-flex/bbnavi-rufbus")
    static let ctran = SharedData.path("gtfs-flex/ctran-flex.zip")
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// C-TRAN's "The Current serving Rose Village" (routes.txt).
    static let roseVillageRoute = "2bc6804f-9e24-4b91-8947-c73a2363e7b6"

    /// Rules for a foreign feed: no pass, no fare, no radius to speak of, hours "00:00"–"30:00" so
    /// that the feed's windows decide, and no lead time of its own so that the feed's booking rule
    /// decides.
    static func rules(id: String, routeId: String) throws -> ServiceRules.Service {
        let json = """
            { "version": 1, "currency": "EUR", "services": [
              { "id": "\(id)", "routeId": "\(routeId)", "name": "\(id)", "kind": "regiotaxi",
                "eligibility": { "requiresPass": null, "minimumAge": null, "requiresMembership": null },
                "booking": { "leadTimeMinutes": null, "lateBookingAfter": null, "lateBookingSurcharge": 0,
                             "freeCancellationMinutes": 0, "cancellationFee": 0, "workingDaysOnly": false,
                             "leadWorkingDays": null, "responseDeadlineHours": null },
                "fare": { "startFee": 1, "perKm": 0, "marketStartFee": null, "marketPerKm": null,
                          "perKmFromDriverHome": false, "paidTo": "\(id)" },
                "distance": { "tariffRadiusKm": 200, "maximumRadiusKm": 200, "measuredFrom": "home" },
                "yearlyKmBudget": null,
                "companions": { "socialPays": false, "medicalFree": true, "minimumAge": 0, "maximum": 1 },
                "rideTime": null, "pickupWindowMinutes": 10, "serviceHours": { "start": "00:00", "end": "30:00" },
                "guaranteed": true, "serves": [], "municipalities": [] } ] }
            """
        return try #require(try ServiceRules.decode(Data(json.utf8), file: "test-rules.json").services.first)
    }

    static func rider(at home: Coordinate) -> Traveller {
        Traveller(
            id: "rider", name: "Rider", age: 70, home: NamedPosition(name: "home", lat: home.latitude, lon: home.longitude),
            wmoPass: nil, automaatjeMember: false, needs: [])
    }

    /// The rules applied to a ride from `origin` to `destination` at `pickup` on `date`, with the
    /// offer of the service running that day (as the planner picks it).
    static func evaluate(
        _ service: OnDemandService, feed: Feed, from origin: Coordinate, to destination: Coordinate, date: String, pickup: String,
        bookedMinutesBefore: Int64 = 24 * 60
    ) -> Result<RideQuote, Reason> {
        let day = ServiceDate(date)!
        let offers = service.offers(from: origin, to: destination, feed: feed)
        let offer = offers.first { feed.services[Int($0.service)].isActive(on: day) } ?? offers.first
        let seconds = ClockTime.seconds(pickup)!
        let pickupUnix = ServiceDayClock.noonMinus12h(day, timezone: feed.timezone) + Int64(seconds)
        let ask = RideAsk(
            traveller: rider(at: origin), origin: origin, destination: destination, date: day, pickup: seconds,
            bookedAt: pickupUnix - bookedMinutesBefore * 60)
        return RideRules(service: service.rules, feed: feed, road: StraightLineRoadModel()).evaluate(ask, offer: offer)
    }

    static func code(_ result: Result<RideQuote, Reason>) -> Reason.Code? {
        if case .failure(let reason) = result { return reason.code }
        return nil
    }

    // MARK: - C-TRAN (adopted schema, zones and stop groups)

    @Test(.enabled(if: SharedData.has("gtfs-flex/ctran-flex.zip"), "needs ../shared/data/gtfs-flex/ctran-flex.zip"))
    func ctranRoseVillageHasItsZonesWindowsAndBookingRule() throws {
        let feed = try Feed.load(from: .zip(Self.ctran))
        let service = try OnDemandService(rules: try Self.rules(id: "rose-village", routeId: Self.roseVillageRoute), feed: feed)
        // 225 trips (VA Medical Center, Rose Village and the C-TRAN Garage to each other, per
        // service), each a pickup-only call followed by a drop-off-only call: one offer each.
        #expect(service.offers.count == 225)
        #expect(Set(service.offers.map(\.trip)).count == 225)

        let roseIndex = try #require(feed.flexLocations.firstIndex { $0.name == "Rose Village" })
        let centre = try #require(feed.flexLocations[roseIndex].center)
        #expect(feed.flexLocations[roseIndex].contains(centre))
        let inside = service.offers(from: centre, to: centre, feed: feed)
        #expect(!inside.isEmpty)
        #expect(inside.allSatisfy { $0.pickup == .location(Int32(roseIndex)) && $0.dropOff == .location(Int32(roseIndex)) })
        // Downtown Portland, and a point far south: not served.
        let portland = Coordinate(latitude: 45.5152, longitude: -122.6784)
        #expect(service.offers(from: centre, to: portland, feed: feed).isEmpty)
        #expect(service.offers(from: Coordinate(latitude: 45.0, longitude: -122.0), to: centre, feed: feed).isEmpty)

        // The offer's booking rule is the feed's: booking_type 1 with prior_notice_duration_min 0.
        for offer in inside {
            let index = try #require(offer.bookingRule)
            let rule = feed.bookingRules[Int(index)]
            #expect(rule.kind == .sameDay)
            #expect(rule.priorNoticeMinimum == 0)
            #expect(rule.id.contains(Self.roseVillageRoute))
            #expect(rule.message.contains("The Current"))
        }

        // Weekdays (ci_1) 05:30–19:00; weekends (ci_2) 08:00–18:00.
        let weekday = try #require(feed.serviceIndexByID["ci_1"])
        let weekend = try #require(feed.serviceIndexByID["ci_2"])
        let weekdayOffers = inside.filter { $0.service == weekday }
        #expect(!weekdayOffers.isEmpty)
        #expect(weekdayOffers.allSatisfy { $0.windowStart == ClockTime.seconds("05:30")! && $0.windowEnd == ClockTime.seconds("19:00")! })
        #expect(inside.filter { $0.service == weekend }.allSatisfy { $0.windowStart == ClockTime.seconds("08:00")! && $0.windowEnd == ClockTime.seconds("18:00")! })
    }

    @Test(.enabled(if: SharedData.has("gtfs-flex/ctran-flex.zip"), "needs ../shared/data/gtfs-flex/ctran-flex.zip"))
    func ctranRulesApplyTheFeedsWindowsAndNotice() throws {
        let feed = try Feed.load(from: .zip(Self.ctran))
        let service = try OnDemandService(rules: try Self.rules(id: "rose-village", routeId: Self.roseVillageRoute), feed: feed)
        let centre = try #require(feed.flexLocations.first { $0.name == "Rose Village" }?.center)
        func ride(_ date: String, _ time: String, bookedMinutesBefore: Int64 = 24 * 60) -> Result<RideQuote, Reason> {
            Self.evaluate(service, feed: feed, from: centre, to: centre, date: date, pickup: time, bookedMinutesBefore: bookedMinutesBefore)
        }
        // Monday 23 November 2026.
        #expect(Self.code(ride("2026-11-23", "05:30")) == nil)
        #expect(Self.code(ride("2026-11-23", "19:00")) == nil)
        #expect(Self.code(ride("2026-11-23", "05:29")) == .outsideServiceHours)
        #expect(Self.code(ride("2026-11-23", "19:01")) == .outsideServiceHours)
        // Saturday 28 November 2026: 08:00–18:00.
        #expect(Self.code(ride("2026-11-28", "07:30")) == .outsideServiceHours)
        #expect(Self.code(ride("2026-11-28", "17:30")) == nil)
        // No notice needed (0 minutes): booking at the pickup time is still in time, a minute later not.
        let quote = try ride("2026-11-23", "10:00", bookedMinutesBefore: 0).get()
        let pickupUnix = ServiceDayClock.noonMinus12h(ServiceDate("2026-11-23")!, timezone: feed.timezone) + Int64(ClockTime.seconds("10:00")!)
        #expect(quote.bookingDeadline == pickupUnix)
        #expect(Self.code(ride("2026-11-23", "10:00", bookedMinutesBefore: -1)) == .leadTimeNotMet)
    }

    // MARK: - bbnavi (older draft schema, stop groups)

    @Test func bbnaviRufbus476ServesItsStopsInTheEvening() throws {
        let feed = try Feed.load(from: .directory(Self.bbnavi))
        let service = try OnDemandService(rules: try Self.rules(id: "rufbus-476", routeId: "flex-476"), feed: feed)
        // Two trips (weekdays, weekends), one call each that picks up and drops off: two offers.
        #expect(service.offers.count == 2)
        let group = try #require(feed.locationGroupIndexByID["flex-476-stops"])
        #expect(service.offers.allSatisfy { $0.pickup == .group(group) && $0.dropOff == .group(group) })

        // A point at one of the group's stops, and 200 m from another, are served (300 m radius).
        let stops = feed.locationGroups[Int(group)].stops.map { feed.stops[Int($0)].coordinate }
        let a = stops[0], b = try #require(stops.last { $0.distance(to: a) > 2000 })
        let nearB = Coordinate(latitude: b.latitude + 200 / 111_195, longitude: b.longitude)
        #expect(!service.offers(from: a, to: b, feed: feed).isEmpty)
        #expect(!service.offers(from: a, to: nearB, feed: feed).isEmpty)
        // Berlin is not in the Angermünde area; 5 km from every stop is not either.
        let berlin = Coordinate(latitude: 52.5200, longitude: 13.4050)
        #expect(service.offers(from: a, to: berlin, feed: feed).isEmpty)
        let lonely = Coordinate(latitude: 53.20, longitude: 13.80)
        #expect(stops.allSatisfy { $0.distance(to: lonely) > 5000 })
        #expect(service.offers(from: lonely, to: a, feed: feed).isEmpty)

        // Weekdays 17:30–22:00 with the 60-minute weekday rule.
        let weekdays = try #require(feed.serviceIndexByID["flex-weekdays"])
        let weekdayOffer = try #require(service.offers.first { $0.service == weekdays })
        #expect(weekdayOffer.windowStart == ClockTime.seconds("17:30")! && weekdayOffer.windowEnd == ClockTime.seconds("22:00")!)
        let rule = feed.bookingRules[Int(try #require(weekdayOffer.bookingRule))]
        #expect(rule.id == "flächenrufbus-angermünde-weekdays")
        #expect(rule.kind == .sameDay && rule.priorNoticeMinimum == 60)
    }

    @Test func bbnaviRulesApplyTheWindowAndTheHourOfNotice() throws {
        let feed = try Feed.load(from: .directory(Self.bbnavi))
        let service = try OnDemandService(rules: try Self.rules(id: "rufbus-476", routeId: "flex-476"), feed: feed)
        let group = try #require(feed.locationGroupIndexByID["flex-476-stops"])
        let stops = feed.locationGroups[Int(group)].stops.map { feed.stops[Int($0)].coordinate }
        let a = stops[0], b = try #require(stops.last { $0.distance(to: a) > 2000 })
        func ride(_ date: String, _ time: String, bookedMinutesBefore: Int64 = 24 * 60) -> Result<RideQuote, Reason> {
            Self.evaluate(service, feed: feed, from: a, to: b, date: date, pickup: time, bookedMinutesBefore: bookedMinutesBefore)
        }
        // Monday 20 November 2023: only in the evening.
        #expect(Self.code(ride("2023-11-20", "17:00")) == .outsideServiceHours)
        #expect(Self.code(ride("2023-11-20", "17:30")) == nil)
        #expect(Self.code(ride("2023-11-20", "22:00")) == nil)
        #expect(Self.code(ride("2023-11-20", "22:01")) == .outsideServiceHours)
        // Saturday 25 November 2023, and Good Friday 7 April 2023 (the weekend service runs): from 08:00.
        #expect(Self.code(ride("2023-11-25", "10:00")) == nil)
        #expect(Self.code(ride("2023-04-07", "10:00")) == nil)
        // At least 60 minutes ahead.
        let quote = try ride("2023-11-20", "19:00", bookedMinutesBefore: 60).get()
        let pickupUnix = ServiceDayClock.noonMinus12h(ServiceDate("2023-11-20")!, timezone: feed.timezone) + Int64(ClockTime.seconds("19:00")!)
        #expect(quote.bookingDeadline == pickupUnix - 3600)
        #expect(Self.code(ride("2023-11-20", "19:00", bookedMinutesBefore: 59)) == .leadTimeNotMet)
    }

    // MARK: - Twente

    struct Twente {
        let feed: Feed
        let regiotaxi: OnDemandService
        let automaatje: OnDemandService
        let rules: ServiceRules

        init() throws {
            feed = try Feed.load(from: .directory(FlexServiceTests.root.appendingPathComponent("Timetables/twente").path))
            rules = try ServiceRules.load(from: FlexServiceTests.root.appendingPathComponent("Timetables/twente/service-rules.json").path)
            regiotaxi = try OnDemandService(rules: try #require(rules.service("regiotaxi")), feed: feed)
            automaatje = try OnDemandService(rules: try #require(rules.service("automaatje")), feed: feed)
        }

        func zone(_ id: String) throws -> Int32 { try #require(feed.flexLocationIndexByID[id]) }
    }

    static let westerhaar = Coordinate(latitude: 52.459, longitude: 6.6195)
    static let zgtAlmelo = Coordinate(latitude: 52.3497, longitude: 6.6378)
    static let daarlerveen = Coordinate(latitude: 52.4425, longitude: 6.5755)
    /// Nordhorn, Germany: east of the Tubbergen zone.
    static let nordhorn = Coordinate(latitude: 52.4350, longitude: 7.0700)

    @Test func regiotaxiHasOffersInEveryMunicipalityZone() throws {
        let w = try Twente()
        // 27 trips (9 zones × weekday, Saturday, Sunday), two calls each within the zone: 3 offers a trip.
        #expect(w.regiotaxi.offers.count == 81)
        #expect(w.regiotaxi.rules.municipalities.count == 9)
        for municipality in w.regiotaxi.rules.municipalities {
            let zone = try w.zone(municipality.zone)
            let within = w.regiotaxi.offers.filter { $0.pickup == .location(zone) && $0.dropOff == .location(zone) }
            #expect(Set(within.map(\.service)).count == 3, "\(municipality.zone): weekday, Saturday and Sunday")
            #expect(within.allSatisfy { $0.windowStart == ClockTime.seconds("06:00")! && $0.windowEnd == ClockTime.seconds("25:00")! })
            #expect(within.allSatisfy { $0.bookingRule.map { w.feed.bookingRules[Int($0)].id } == "regiotaxi-60min" })
        }
    }

    @Test func regiotaxiRidesAcrossZonesButNotIntoGermany() throws {
        let w = try Twente()
        let twenterand = try w.zone("zone-twenterand"), almelo = try w.zone("zone-almelo")
        // No trip covers both zones: the offers combine a Twenterand pickup with an Almelo drop-off.
        let toHospital = w.regiotaxi.offers(from: Self.westerhaar, to: Self.zgtAlmelo, feed: w.feed)
        #expect(!toHospital.isEmpty)
        #expect(toHospital.allSatisfy { $0.pickup == .location(twenterand) && $0.dropOff == .location(almelo) })
        #expect(Set(toHospital.map(\.service)).count == 3)
        #expect(w.regiotaxi.offers(from: Self.zgtAlmelo, to: Self.westerhaar, feed: w.feed).allSatisfy { $0.pickup == .location(almelo) })
        // Nordhorn lies in no zone.
        #expect(!w.feed.flexLocations.contains { $0.contains(Self.nordhorn) })
        #expect(w.regiotaxi.offers(from: Self.westerhaar, to: Self.nordhorn, feed: w.feed).isEmpty)
        #expect(w.regiotaxi.offers(from: Self.nordhorn, to: Self.westerhaar, feed: w.feed).isEmpty)
    }

    @Test func autoMaatjeRidesOnlyToOrFromTwenterand() throws {
        let w = try Twente()
        let twenterand = try w.zone("zone-twenterand"), hellendoorn = try w.zone("zone-hellendoorn")
        // 1 trip within Twenterand (3 offers) and 6 trips between Twenterand and Almelo,
        // Hardenberg or Hellendoorn (1 offer each).
        #expect(w.automaatje.offers.count == 9)
        #expect(w.automaatje.offers.allSatisfy { $0.pickup == .location(twenterand) || $0.dropOff == .location(twenterand) })
        // Daarlerveen is in Hellendoorn, not in Twenterand.
        #expect(w.feed.flexLocations[Int(hellendoorn)].contains(Self.daarlerveen))
        #expect(!w.feed.flexLocations[Int(twenterand)].contains(Self.daarlerveen))
        // From Westerhaar to the hospital: the Twenterand → Almelo trip.
        let out = w.automaatje.offers(from: Self.westerhaar, to: Self.zgtAlmelo, feed: w.feed)
        #expect(out.count == 1 && out.allSatisfy { $0.pickup == .location(twenterand) })
        // From Daarlerveen to the hospital (Hellendoorn → Almelo): no offer; AutoMaatje does not
        // combine zones as Regiotaxi does.
        #expect(w.automaatje.offers(from: Self.daarlerveen, to: Self.zgtAlmelo, feed: w.feed).isEmpty)
        #expect(!w.regiotaxi.offers(from: Self.daarlerveen, to: Self.zgtAlmelo, feed: w.feed).isEmpty)
        // The feed does have the way back into Twenterand (automaatje-hellendoorn-to-twenterand-weekday),
        // so Daarlerveen → Westerhaar is offered, picked up in zone-hellendoorn.
        let home = w.automaatje.offers(from: Self.daarlerveen, to: Self.westerhaar, feed: w.feed)
        #expect(home.count == 1 && home.allSatisfy { $0.pickup == .location(hellendoorn) && $0.dropOff == .location(twenterand) })
        // Nowhere in Germany.
        #expect(w.automaatje.offers(from: Self.westerhaar, to: Self.nordhorn, feed: w.feed).isEmpty)
    }
}
