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
@testable import Planner
import TestSupport
import Testing
import Transit

/// P04: the CROW codes that act in planning, each on the Twente data with the code and without
/// it: the walk to a stop (ZR-02…05), changes (ZR-09…12), accessible public transport (ZR-07),
/// twice the transfer time (ZR-24), no walking in the dark (ZR-14) and Valys (RR-03).
@Suite struct P04_TravellerCodeTests {
    static let date = ServiceDate("2026-11-23")!
    static let bookedEarly = TwenteWorld.at("2026-11-19", "10:00")

    /// Meneer Smit (fit, walks 800 m, no pass) from Westerhaar's centre (or `north` degrees of
    /// latitude north of it) to the hospital in Almelo, by bus 81 and bus 26, with `codes`.
    func plan(_ codes: [CROWCode], arriveBy: String = "10:30", north: Double = 0) throws -> Plan {
        let w = try TwenteWorld.world.get()
        var smit = try #require(w.supply.traveller("smit"))
        smit.needs = codes
        let from = try #require(w.supply.place("centre-westerhaar")), to = try #require(w.supply.place("zgt-almelo"))
        var planner = try TwenteWorld.planner()
        let origin = Coordinate(latitude: from.lat + north, longitude: from.lon)
        return planner.plan(PlanRequest(
            traveller: smit, origin: origin, originName: from.name, destination: to.coordinate, destinationName: to.name,
            date: Self.date, time: .arriveBy(ClockTime.seconds(arriveBy)!), bookedAt: Self.bookedEarly))
    }

    static func transit(_ plan: Plan) -> [Itinerary] { plan.itineraries.filter { $0.modes.contains(.transit) } }

    /// Public transport per person: a social companion pays the traveller's fare, a medical
    /// companion and an AB-03 escort ride free (the OV-begeleiderskaart); the leg's price is
    /// what the party pays.
    @Test func aCompanionOnTheBusPaysOrRidesFreeAsTheKindSays() throws {
        func busLegs(_ codes: [CROWCode], companions: [Companion]?) throws -> [ItineraryLeg] {
            let w = try TwenteWorld.world.get()
            var smit = try #require(w.supply.traveller("smit"))
            smit.needs = codes
            let from = try #require(w.supply.place("centre-westerhaar")), to = try #require(w.supply.place("zgt-almelo"))
            var request = PlanRequest(
                traveller: smit, origin: from.coordinate, originName: from.name, destination: to.coordinate, destinationName: to.name,
                date: Self.date, time: .arriveBy(ClockTime.seconds("10:30")!), bookedAt: Self.bookedEarly)
            if let companions { request.travelWith(companions) }
            var planner = try TwenteWorld.planner()
            let legs = Self.transit(planner.plan(request)).first?.legs.filter { $0.mode == .transit } ?? []
            #expect(!legs.isEmpty)
            return legs
        }
        let alone = try busLegs([], companions: nil)
        #expect(alone.allSatisfy { $0.fares == nil })
        let social = try busLegs([], companions: [Companion(kind: .social, age: 40)])
        let medical = try busLegs([], companions: [Companion(kind: .medical, age: nil)])
        let escorted = try busLegs([.medicalEscort], companions: nil)
        for (k, leg) in alone.enumerated() {
            #expect(social[k].fares?.map(\.passenger) == ["traveller", "companion (social)"])
            #expect(abs(social[k].price - 2 * leg.price) < 0.001 && social[k].fares?.last?.price == leg.price)
            #expect(medical[k].fares?.map(\.price) == [leg.price, 0] && abs(medical[k].price - leg.price) < 0.001)
            #expect(escorted[k].fares?.map(\.passenger) == ["traveller", "companion (escort)"] && abs(escorted[k].price - leg.price) < 0.001)
        }
    }

    static func longestWalk(_ itineraries: [Itinerary]) -> Double {
        itineraries.flatMap(\.legs).filter { $0.mode == .walk }.map(\.metres).max() ?? 0
    }

    /// From 450 m north of the centre, the walk to the first bus is about 600 m.
    @Test(arguments: [(CROWCode.stopWithin100m, 100.0), (.stopWithin250m, 250), (.stopWithin500m, 500)])
    func aStopDistanceCodeShortensTheWalk(code: CROWCode, metres: Double) throws {
        let without = try plan([], north: 0.004)
        #expect(Self.longestWalk(Self.transit(without)) > metres, "without \(code) some walk is longer than \(metres) m")
        let with = try plan([code], north: 0.004)
        #expect(Self.longestWalk(with.itineraries) <= metres)
        #expect(with.itineraries != without.itineraries)
    }

    @Test func noTransfersLeavesOnlyDirectPublicTransport() throws {
        let without = Self.transit(try plan([]))
        #expect(without.contains { $0.transfers >= 1 }, "the trip by bus needs a change")
        let with = try plan([.noTransfers])
        #expect(Self.transit(with).allSatisfy { $0.transfers == 0 })
        #expect(Self.transit(with) != without)
    }

    @Test func theCodesNarrowTheRequest() throws {
        let w = try TwenteWorld.world.get()
        var smit = try #require(w.supply.traveller("smit"))
        let request = { (codes: [CROWCode]) -> PlanRequest in
            smit.needs = codes
            return PlanRequest(
                traveller: smit, origin: smit.home.coordinate, originName: "home", destination: smit.home.coordinate, destinationName: "home",
                date: Self.date, time: .departAt(36_000), bookedAt: Self.bookedEarly)
        }
        let plain = request([]).narrowedByNeeds()
        #expect(plain.maxTransfers == 4 && plain.traveller.maxWalkMetres == 800 && !plain.accessibleOnly && plain.transferTimeFactor == 1)
        #expect(request([.atMostOneTransfer]).narrowedByNeeds().maxTransfers == 1)
        #expect(request([.atMostThreeTransfers, .atMostTwoTransfers]).narrowedByNeeds().maxTransfers == 2)
        #expect(request([.stopWithin1000m]).narrowedByNeeds().traveller.maxWalkMetres == 800, "a code never widens the profile")
        #expect(request([.stopMotorAccessible]).narrowedByNeeds().accessibleOnly)
        #expect(request([.extraTransferTime]).narrowedByNeeds().transferTimeFactor == 2)
    }

    /// Accessible stops and vehicles only (ZR-07): every ride of the plan is on a trip marked
    /// wheelchair-accessible.
    @Test func accessibleStopsOnlyUseAccessibleTrips() throws {
        let w = try TwenteWorld.world.get()
        let feed = w.timetable.feed
        let with = Self.transit(try plan([.stopMotorAccessible]))
        for leg in with.flatMap(\.legs) where leg.mode == .transit {
            let trip = try #require(leg.tripId.flatMap { feed.tripIndexByID[$0] })
            #expect(feed.trips[Int(trip)].wheelchairAccessible == .accessible, "\(leg.tripId ?? "")")
        }
    }

    /// Night-blind (ZR-14): on a late-November evening (sunset in Westerhaar about 16:30) the
    /// walks to and from the buses are in the dark, so those options are left out with a reason;
    /// in the morning nothing changes.
    @Test func aNightBlindTravellerDoesNotWalkInTheDark() throws {
        let evening = try plan([], arriveBy: "18:30")
        #expect(!Self.transit(evening).isEmpty, "buses run in the evening")
        let blind = try plan([.nightBlind], arriveBy: "18:30")
        #expect(Self.transit(blind).isEmpty)
        #expect(blind.notOffered.contains { $0.reason.code == .walkInTheDark })
        #expect(try plan([.nightBlind]).itineraries == (try plan([])).itineraries, "by day the code changes nothing")
    }

    /// RR-03: beyond Regiotaxi's radius a traveller with a Valys pass is referred to Valys.
    @Test func beyondTheRadiusAValysPassHolderIsReferredToValys() throws {
        let w = try TwenteWorld.world.get()
        var traveller = try #require(w.supply.traveller("de-boer"))
        // Living in Kloosterhaar, going to Hengelo: about 40 km, beyond the 28 km radius.
        traveller.home = NamedPosition(name: "Kloosterhaar", lat: 52.6205, lon: 6.6400)
        let hengelo = Coordinate(latitude: 52.2620, longitude: 6.7940)
        func reason(_ codes: [CROWCode]) throws -> Reason.Code? {
            traveller.needs = codes
            var planner = try TwenteWorld.planner()
            let plan = planner.plan(PlanRequest(
                traveller: traveller, origin: traveller.home.coordinate, originName: "home", destination: hengelo, destinationName: "Hengelo",
                date: Self.date, time: .arriveBy(ClockTime.seconds("10:30")!), bookedAt: Self.bookedEarly))
            return plan.notOffered.first { $0.mode == "regiotaxi" }?.reason.code
        }
        #expect(try reason([]) == .outsideRadius)
        #expect(try reason([.valys]) == .travelWithValys)
    }
}

/// Sunrise and sunset against the `astral` package (Python, an independent implementation of
/// NOAA's equations): within three minutes.
@Suite struct DaylightTests {
    @Test(arguments: [
        ("2026-11-23", 52.357, 6.6625, "08:08:27", "16:30:30"),
        ("2026-06-21", 52.357, 6.6625, "05:11:24", "21:58:55"),
        ("2026-03-29", 52.459, 6.6195, "07:15:28", "20:02:07"),
        ("2026-12-21", 52.357, 6.6625, "08:41:22", "16:21:26"),
    ])
    func sunriseAndSunsetAsTheAlmanac(date: String, lat: Double, lon: Double, sunrise: String, sunset: String) throws {
        let day = try #require(ServiceDate(date))
        let sun = try #require(Daylight.sunriseAndSunset(on: day, at: Coordinate(latitude: lat, longitude: lon)))
        let start = ServiceDayClock.noonMinus12h(day, timezone: "Europe/Amsterdam")
        func seconds(_ text: String) -> Int64 {
            let parts = text.split(separator: ":").map { Int64($0)! }
            return parts[0] * 3600 + parts[1] * 60 + parts[2]
        }
        #expect(abs(sun.sunrise - start - seconds(sunrise)) <= 180, "sunrise \(date)")
        #expect(abs(sun.sunset - start - seconds(sunset)) <= 180, "sunset \(date)")
    }

    @Test func thereIsNoSunsetInThePolarSummer() {
        #expect(Daylight.sunriseAndSunset(on: ServiceDate("2026-06-21")!, at: Coordinate(latitude: 78.2, longitude: 15.6)) == nil)
    }
}
