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
import Planner
import Simulation
import TestSupport
import Testing

// Tolerances: the draws are seeded, so every figure below is the same on every run; the
// tolerances are what a fresh seed would need (about four standard deviations of the sampling
// error at the sample sizes used), so that a changed seed or a harmless reordering of the draws
// still passes, while a wrong share or a lost factor does not.

// MARK: - Travellers

/// `TravellerGenerator`: 5,000 travellers of twenterand-2019 follow the scenario's shares.
@Suite struct TravellerGeneratorTests {
    static let count = 5_000

    static func draw(seed: UInt64 = 7) throws -> (Scenario.Population, [Traveller]) {
        var population = try SimulationFixtures.scenario().population
        population.travellers = count
        var random = SeededGenerator(seed: seed)
        return (population, TravellerGenerator(population: population).travellers(using: &random))
    }

    static func share(_ travellers: [Traveller], _ test: (Traveller) -> Bool) -> Double {
        Double(travellers.filter(test).count) / Double(travellers.count)
    }

    @Test func idsAreUniquePseudonymsInOrder() throws {
        let (_, travellers) = try Self.draw()
        #expect(travellers.count == Self.count)
        #expect(travellers.first?.id == "T00001")
        #expect(travellers.last?.id == "T05000")
        #expect(Set(travellers.map(\.id)).count == travellers.count)
        #expect(travellers.map(\.id) == travellers.map(\.id).sorted())
    }

    /// Independent shares: ±3 percentage points (n = 5,000: one standard deviation ≤ 0.71 pp).
    @Test func sharesFollowTheScenario() throws {
        let (p, travellers) = try Self.draw()
        let shares: [(String, Double, Double)] = [
            ("livingAlone", Self.share(travellers) { $0.livesAlone == true }, p.livingAlone),
            ("wmoPass", Self.share(travellers) { $0.wmoPass != nil }, p.wmoPass),
            ("automaatjeMember", Self.share(travellers) { $0.automaatjeMember }, p.automaatjeMember),
            ("wheelchair", Self.share(travellers) { $0.aids.contains(.wheelchair) }, p.aids.wheelchair),
            // The aids exclude each other in the order wheelchair, scooter, walker.
            ("mobilityScooter", Self.share(travellers) { $0.aids.contains(.mobilityScooter) }, (1 - p.aids.wheelchair) * p.aids.mobilityScooter),
            (
                "walker", Self.share(travellers) { $0.aids.contains(.walker) },
                (1 - p.aids.wheelchair) * (1 - p.aids.mobilityScooter) * p.aids.walker
            ),
            ("doorToDoorHelp", Self.share(travellers) { $0.aids.contains(.doorToDoorHelp) }, p.aids.doorToDoorHelp),
            ("companion", Self.share(travellers) { $0.companions > 0 }, p.companion ?? 0),
            ("prefer comfort", Self.share(travellers) { $0.preferences?.prefer == "comfort" }, p.preferences?.comfort ?? 0),
            ("prefer price", Self.share(travellers) { $0.preferences?.prefer == "price" }, p.preferences?.price ?? 0),
            ("prefer speed", Self.share(travellers) { $0.preferences?.prefer == "speed" }, p.preferences?.speed ?? 0),
        ]
        for (name, found, expected) in shares {
            #expect(abs(found - expected) <= 0.03, "\(name): \(found) drawn, \(expected) in the scenario")
        }
    }

    @Test func aidsExcludeEachOtherAndThePassRecordsThem() throws {
        let (_, travellers) = try Self.draw()
        for traveller in travellers {
            let exclusive = traveller.aids.filter { [.wheelchair, .mobilityScooter, .walker].contains($0) }
            #expect(exclusive.count <= 1, "\(traveller.id) has \(traveller.aids)")
            if let pass = traveller.wmoPass {
                #expect(pass.aids == traveller.aids)
                #expect(pass.number == "WMO-\(traveller.id)")
            }
            #expect((traveller.companions > 0) == (traveller.companionKind != nil))
        }
    }

    /// Every age inside a band; band shares ±3 pp.
    @Test func agesFollowTheBands() throws {
        let (p, travellers) = try Self.draw()
        var counts = [Int](repeating: 0, count: p.ages.count)
        for traveller in travellers {
            let band = p.ages.firstIndex { ($0.from ... $0.to).contains(traveller.age) }
            #expect(band != nil, "age \(traveller.age) of \(traveller.id) is in no band")
            if let band { counts[band] += 1 }
        }
        for (band, count) in zip(p.ages, counts) {
            let share = Double(count) / Double(travellers.count)
            #expect(abs(share - band.share) <= 0.03, "ages \(band.from)–\(band.to): \(share) drawn, \(band.share) in the scenario")
        }
        // Both ends of the bands are reached (the draw is inclusive).
        #expect(travellers.contains { $0.age == p.ages.map(\.from).min() })
        #expect(travellers.contains { $0.age == p.ages.map(\.to).max() })
    }

    /// Every home inside its area's disc (+ 15 m: positions are rounded to 4 decimals, ≤ 7 m, and
    /// the generator's flat-earth offset differs slightly from the great-circle distance);
    /// areas ±3 pp of their weight share.
    @Test func homesLieInTheirAreas() throws {
        let (p, travellers) = try Self.draw()
        let totalWeight = p.homes.reduce(0) { $0 + $1.weight }
        var counts: [String: Int] = [:]
        for traveller in travellers {
            let area = p.homes.first { $0.name == traveller.home.name }
            guard let area else {
                Issue.record("\(traveller.id) lives in '\(traveller.home.name)', not one of the scenario's areas")
                continue
            }
            counts[area.name, default: 0] += 1
            let metres = traveller.home.coordinate.distance(to: Coordinate(latitude: area.lat, longitude: area.lon))
            #expect(metres <= area.radiusMetres + 15, "\(traveller.id): \(metres) m from the centre of \(area.name) (radius \(area.radiusMetres) m)")
        }
        for area in p.homes {
            let share = Double(counts[area.name] ?? 0) / Double(travellers.count)
            #expect(abs(share - area.weight / totalWeight) <= 0.03, "\(area.name): \(share) of the homes, weight share \(area.weight / totalWeight)")
        }
        // Spread evenly over the disc, not piled on the centre: a uniform disc puts 3/4 of its
        // points beyond half the radius (±3 pp).
        let outer = travellers.filter { traveller in
            guard let area = p.homes.first(where: { $0.name == traveller.home.name }) else { return false }
            return traveller.home.coordinate.distance(to: Coordinate(latitude: area.lat, longitude: area.lon)) > area.radiusMetres / 2
        }
        #expect(abs(Double(outer.count) / Double(travellers.count) - 0.75) <= 0.03)
    }

    @Test func walkingDistanceFollowsAgeAndAids() throws {
        let (_, travellers) = try Self.draw()
        for traveller in travellers {
            let expected: Double =
                if traveller.aids.contains(.wheelchair) || traveller.aids.contains(.mobilityScooter) {
                    100
                } else if traveller.aids.contains(.walker) {
                    250
                } else {
                    max(150, 800 - Double(max(0, traveller.age - 65) / 5) * 50)
                }
            #expect(traveller.maxWalkMetres == expected, "\(traveller.id), \(traveller.age), \(traveller.aids)")
        }
    }

    @Test func theSeedDecides() throws {
        let (_, a) = try Self.draw(seed: 11)
        let (_, b) = try Self.draw(seed: 11)
        let (_, c) = try Self.draw(seed: 12)
        #expect(a == b)
        #expect(a != c)
    }
}

// MARK: - Trips

/// `TripGenerator` over 28 days (four whole weeks from Monday 1 June) for 5,000 travellers of
/// twenterand-2019: about 1,500 outbound trips.
@Suite struct TripGeneratorTests {
    static let travellers = 5_000
    static let days = 28
    static let timezone = "Europe/Amsterdam"

    struct Draw {
        var scenario: Scenario
        var travellers: [Traveller]
        var trips: [TripRequest]
        var places: [Place]
    }

    static func draw(seed: UInt64 = 3, travellers: Int = Self.travellers, change: (inout Scenario) throws -> Void = { _ in }) throws -> Draw {
        var scenario = try SimulationFixtures.scenario()
        scenario.population.travellers = travellers
        scenario.days = days
        try change(&scenario)
        var random = SeededGenerator(seed: 1)
        let people = TravellerGenerator(population: scenario.population).travellers(using: &random)
        let places = try SimulationFixtures.base.get().places + (scenario.places ?? [])
        var tripRandom = SeededGenerator(seed: seed)
        let trips = TripGenerator(scenario: scenario, places: places, timezone: timezone).requests(travellers: people, using: &tripRandom)
        return Draw(scenario: scenario, travellers: people, trips: trips, places: places)
    }

    static func phases(_ json: String) throws -> [Scenario.Phase] {
        try SimulationFixtures.decode([Scenario.Phase].self, json)
    }

    /// Purpose shares of the outbound trips ±4 pp (n ≈ 1,500: one standard deviation ≤ 1.3 pp).
    @Test func purposesFollowTheShares() throws {
        let draw = try Self.draw()
        let outbound = draw.trips.filter(\.arriveBy)
        #expect(outbound.count > 1000)
        for purpose in draw.scenario.demand.purposes {
            let share = Double(outbound.filter { $0.purpose == purpose.name }.count) / Double(outbound.count)
            #expect(abs(share - purpose.share) <= 0.04, "\(purpose.name): \(share) of the trips, \(purpose.share) in the scenario")
        }
        #expect(outbound.allSatisfy { trip in draw.scenario.demand.purposes.contains { $0.name == trip.purpose && $0.share > 0 } })
    }

    /// Outbound trips per traveller per week ±10 % of the scenario's rate (n ≈ 1,500 Poisson:
    /// one standard deviation ≈ 2.6 %).
    @Test func tripsPerWeekFollowTheRate() throws {
        let draw = try Self.draw()
        let outbound = draw.trips.filter(\.arriveBy)
        let rate = Double(outbound.count) / Double(Self.travellers) / (Double(Self.days) / 7)
        let expected = draw.scenario.demand.tripsPerTravellerPerWeek
        #expect(abs(rate - expected) <= 0.10 * expected, "\(rate) outbound trips per traveller per week, \(expected) in the scenario")
    }

    /// The weekday weights shape the days: each weekday's share of the outbound trips ±3 pp of
    /// its weight share (20,000 travellers, n ≈ 6,000: one standard deviation ≤ 0.55 pp).
    @Test func weekdaysFollowTheirWeights() throws {
        let draw = try Self.draw(travellers: 20_000)
        let outbound = draw.trips.filter(\.arriveBy)
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let weights = weekdays.map { draw.scenario.demand.weekdays[$0] ?? 1 }
        let total = weights.reduce(0, +)
        for (k, name) in weekdays.enumerated() {
            let share = Double(outbound.filter { $0.date.weekday == k }.count) / Double(outbound.count)
            #expect(abs(share - weights[k] / total) <= 0.03, "\(name): \(share) of the trips, weight share \(weights[k] / total)")
        }
    }

    @Test func arrivalsLieInThePurposesBands() throws {
        let draw = try Self.draw()
        let purposes = Dictionary(uniqueKeysWithValues: draw.scenario.demand.purposes.map { ($0.name, $0) })
        for trip in draw.trips where trip.arriveBy {
            guard let purpose = purposes[trip.purpose] else {
                Issue.record("\(trip.id): unknown purpose \(trip.purpose)")
                continue
            }
            let inBand = purpose.arrivals.contains { band in
                (SimulationFixtures.seconds(band.from) ..< SimulationFixtures.seconds(band.to)).contains(trip.desiredSecond)
            }
            #expect(inBand, "\(trip.id): arrival \(trip.desiredSecond / 60) min is in no band of \(trip.purpose)")
            #expect(trip.desiredSecond % 300 == 0, "\(trip.id): arrival not on a 5-minute step")
        }
    }

    /// Lead times inside a band (returns: the outbound's lead plus the stay); band shares ±4 pp.
    @Test func leadTimesLieInTheBands() throws {
        let draw = try Self.draw()
        let bands = draw.scenario.demand.leadTimes
        let stays = Dictionary(uniqueKeysWithValues: draw.scenario.demand.purposes.map { ($0.name, $0.stayMinutes) })
        var counts = [Int](repeating: 0, count: bands.count)
        for trip in draw.trips {
            let lead = trip.arriveBy ? trip.leadMinutes : trip.leadMinutes - (stays[trip.purpose] ?? 0)
            let band = bands.firstIndex { Int(($0.fromHours * 60).rounded()) <= lead && lead <= Int(($0.toHours * 60).rounded()) }
            #expect(band != nil, "\(trip.id): lead time \(lead) min is in no band")
            if let band, trip.arriveBy { counts[band] += 1 }
        }
        let outbound = counts.reduce(0, +)
        for (band, count) in zip(bands, counts) {
            let share = Double(count) / Double(max(outbound, 1))
            #expect(abs(share - band.share) <= 0.04, "lead \(band.fromHours)–\(band.toHours) h: \(share), \(band.share) in the scenario")
        }
    }

    @Test func tripsAreBookedBeforeTheDesiredTime() throws {
        let draw = try Self.draw()
        let start = try #require(ServiceDate(draw.scenario.start))
        for trip in draw.trips {
            let desired = ServiceDayClock.unix(wallClock: trip.desiredSecond, on: trip.date, timezone: Self.timezone)
            #expect(trip.bookedAt < desired, "\(trip.id) booked at \(trip.bookedAt), wanted at \(desired)")
            #expect(desired - trip.bookedAt == Int64(trip.leadMinutes) * 60, "\(trip.id): lead time and booking time disagree")
            #expect(trip.date == start.adding(days: trip.dayIndex))
            #expect((0 ..< Self.days).contains(trip.dayIndex))
        }
    }

    @Test func idsAreUniqueAndInBookingOrder() throws {
        let draw = try Self.draw()
        let ids = draw.trips.map(\.id)
        #expect(Set(ids).count == ids.count)
        let width = max(6, String(ids.count).count)
        for (k, id) in ids.enumerated() {
            let number = String(k + 1)
            #expect(id == "R" + String(repeating: "0", count: width - number.count) + number)
        }
        for (a, b) in zip(draw.trips, draw.trips.dropFirst()) {
            #expect(a.bookedAt <= b.bookedAt, "\(b.id) booked before \(a.id)")
        }
    }

    /// A return follows its outbound trip: same traveller, day and purpose, the ends swapped,
    /// departing when the stay is over (by 22:00), booked with it; return shares ±6 pp of the
    /// scenario's (n ≥ 200 per purpose checked: one standard deviation ≤ 2.1 pp).
    @Test func returnsFollowTheirOutboundTrip() throws {
        let draw = try Self.draw()
        let purposes = Dictionary(uniqueKeysWithValues: draw.scenario.demand.purposes.map { ($0.name, $0) })
        var outbound: [Int: [Int]] = [:]  // traveller → indices of outbound trips so far
        var matched = Set<Int>()
        var returns: [String: Int] = [:]
        for (index, trip) in draw.trips.enumerated() {
            if trip.arriveBy {
                #expect(trip.origin == draw.travellers[trip.traveller].home, "\(trip.id) does not start at home")
                outbound[trip.traveller, default: []].append(index)
                continue
            }
            returns[trip.purpose, default: 0] += 1
            let stay = purposes[trip.purpose]?.stayMinutes ?? 0
            #expect(trip.destination == draw.travellers[trip.traveller].home, "\(trip.id) does not return home")
            #expect(trip.desiredSecond <= 22 * 3600, "\(trip.id) returns at \(trip.desiredSecond / 60) min")
            let match = outbound[trip.traveller, default: []].last { k in
                let out = draw.trips[k]
                return !matched.contains(k) && out.dayIndex == trip.dayIndex && out.purpose == trip.purpose && out.destination == trip.origin
                    && out.origin == trip.destination && out.desiredSecond + stay * 60 == trip.desiredSecond && out.bookedAt == trip.bookedAt
                    && out.leadMinutes + stay == trip.leadMinutes
            }
            guard let match else {
                Issue.record("\(trip.id) (\(trip.purpose), day \(trip.dayIndex)) returns from a trip that was not made")
                continue
            }
            matched.insert(match)
            #expect(draw.trips[match].desiredSecond < trip.desiredSecond || stay == 0)
        }
        for (name, purpose) in purposes {
            let out = draw.trips.filter { $0.arriveBy && $0.purpose == name }.count
            guard out >= 200 else { continue }
            let share = Double(returns[name] ?? 0) / Double(out)
            #expect(abs(share - purpose.returnShare) <= 0.06, "\(name): \(share) of the trips return, \(purpose.returnShare) in the scenario")
        }
    }

    /// Destinations are places of the purpose's kinds, or near another traveller's home for `family`.
    @Test func destinationsMatchThePurpose() throws {
        let draw = try Self.draw()
        let purposes = Dictionary(uniqueKeysWithValues: draw.scenario.demand.purposes.map { ($0.name, $0) })
        let areas = Set(draw.scenario.population.homes.map(\.name))
        for trip in draw.trips where trip.arriveBy {
            let kinds = purposes[trip.purpose]?.destinations ?? []
            if let place = draw.places.first(where: { $0.name == trip.destination.name && $0.lat == trip.destination.lat && $0.lon == trip.destination.lon }) {
                #expect(kinds.contains(place.kind), "\(trip.id) (\(trip.purpose)) goes to a \(place.kind)")
            } else {
                #expect(kinds.contains("family"), "\(trip.id) (\(trip.purpose)) goes to '\(trip.destination.name)', not a place of its kinds")
                let area = trip.destination.name.hasPrefix("family (") ? String(trip.destination.name.dropFirst(8).dropLast()) : ""
                #expect(areas.contains(area), "\(trip.id): family destination '\(trip.destination.name)'")
            }
        }
    }

    @Test func passHolderPhaseKeepsOnlyPassHolders() throws {
        let draw = try Self.draw { $0.phases = try Self.phases(#"[{"fromDay": 0, "label": "pass holders", "users": "passHolders"}]"#) }
        #expect(draw.trips.count > 300)
        for trip in draw.trips {
            #expect(draw.travellers[trip.traveller].wmoPass != nil, "\(trip.id) by \(draw.travellers[trip.traveller].id), who has no pass")
        }
    }

    @Test func passHolderAndMemberPhase() throws {
        let draw = try Self.draw { $0.phases = try Self.phases(#"[{"fromDay": 0, "label": "users", "users": "passHoldersAndMembers"}]"#) }
        #expect(draw.trips.count > 300)
        #expect(draw.trips.allSatisfy { draw.travellers[$0.traveller].wmoPass != nil || draw.travellers[$0.traveller].automaatjeMember })
        // Not only pass holders: members without a pass travel too.
        #expect(draw.trips.contains { draw.travellers[$0.traveller].wmoPass == nil })
    }

    @Test func medicalOnlyPhaseMakesOnlyMedicalTrips() throws {
        let draw = try Self.draw {
            $0.phases = try Self.phases(#"[{"fromDay": 0, "label": "normal"}, {"fromDay": 14, "label": "corona", "purposes": ["medical"]}]"#)
        }
        let later = draw.trips.filter { $0.dayIndex >= 14 }
        #expect(later.count > 300)
        #expect(later.allSatisfy { $0.purpose == "medical" }, "\(Set(later.map(\.purpose)))")
        #expect(Set(draw.trips.filter { $0.dayIndex < 14 }.map(\.purpose)).count > 1, "before the phase every purpose is made")
    }

    /// A phase's demand factor scales the trips: 0 stops them, 2 doubles them (±15 %).
    @Test func demandFactorScalesTrips() throws {
        let draw = try Self.draw {
            $0.phases = try Self.phases(#"[{"fromDay": 0, "label": "double", "demandFactor": 2}, {"fromDay": 14, "label": "lockdown", "demandFactor": 0}]"#)
        }
        #expect(draw.trips.allSatisfy { $0.dayIndex < 14 })
        let outbound = Double(draw.trips.filter(\.arriveBy).count)
        let expected = 2 * draw.scenario.demand.tripsPerTravellerPerWeek * Double(Self.travellers) * 2  // two weeks, doubled
        #expect(abs(outbound - expected) <= 0.15 * expected, "\(outbound) outbound trips, \(expected) expected")
    }

    /// Extra purposes replace the base share during the phase: vaccination (share 0 in the
    /// scenario) appears from the phase's first day, at 0.5 ÷ 1.5 of the trips (±5 pp).
    @Test func extraPurposesApplyFromTheirPhase() throws {
        let draw = try Self.draw {
            $0.phases = try Self.phases(#"[{"fromDay": 0, "label": "before"}, {"fromDay": 14, "label": "vaccination", "extraPurposes": {"vaccination": 0.5}}]"#)
        }
        #expect(!draw.trips.contains { $0.purpose == "vaccination" && $0.dayIndex < 14 })
        let later = draw.trips.filter { $0.arriveBy && $0.dayIndex >= 14 }
        let share = Double(later.filter { $0.purpose == "vaccination" }.count) / Double(later.count)
        #expect(abs(share - 0.5 / 1.5) <= 0.05, "vaccination: \(share) of the trips")
    }

    /// A phase that changes who uses the app does not reshuffle the users' trips: a pass
    /// holder's trips are the same whether or not the others use the app.
    @Test func aUsersPhaseDoesNotReshuffleTheUsersTrips() throws {
        let all = try Self.draw()
        let holders = try Self.draw { $0.phases = try Self.phases(#"[{"fromDay": 0, "label": "pass holders", "users": "passHolders"}]"#) }
        func key(_ trip: TripRequest) -> String {
            "\(trip.traveller) \(trip.dayIndex) \(trip.purpose) \(trip.desiredSecond) \(trip.arriveBy) \(trip.destination.name) \(trip.bookedAt)"
        }
        let expected = all.trips.filter { all.travellers[$0.traveller].wmoPass != nil }.map(key)
        let found = holders.trips.map(key)
        let first = zip(found, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(found.count, expected.count)
        let same = found == expected
        #expect(
            same,
            "\(found.count) trips of pass holders, \(expected.count) without the phase; first difference at \(first): \(found.dropFirst(first).first ?? "none") vs \(expected.dropFirst(first).first ?? "none")")
    }

    @Test func theSeedDecides() throws {
        let a = try Self.draw(seed: 5), b = try Self.draw(seed: 5), c = try Self.draw(seed: 6)
        #expect(a.trips == b.trips)
        #expect(a.trips != c.trips)
    }
}

// MARK: - The day loop

/// A week of twenterand-2019 (as shipped, and with four times the demand) through the real
/// planner, desk and dispatcher: what every run must satisfy. The runs have no execution delays,
/// so the pickup windows and ride times promised at booking must hold as driven.
@Suite struct DayLoopInvariantTests {
    static func regiotaxi() throws -> ServiceRules.Service {
        try #require(try TwenteWorld.world.get().rules.services.first { $0.kind == .regiotaxi })
    }

    @Test(arguments: PunctualWeek.allCases) func everyRequestHasExactlyOneRecord(_ week: PunctualWeek) throws {
        let result = try week.result()
        #expect(result.requests.count > 20, "a week of twenterand-2019 makes some requests")
        let ids = result.requests.map(\.id)
        // The generator numbers the trips R000001… without gaps: a missing or doubled record shows.
        let width = max(6, String(ids.count).count)
        for (k, id) in ids.enumerated() {
            let number = String(k + 1)
            #expect(id == "R" + String(repeating: "0", count: width - number.count) + number)
        }
        let start = try #require(ServiceDate(SimulationFixtures.shortScenario().start))
        let days = Set((0 ..< 7).map { start.adding(days: $0).description })
        for record in result.requests {
            #expect(days.contains(record.day), "\(record.id) on \(record.day)")
            #expect(record.traveller.hasPrefix("T"))
        }
    }

    @Test(arguments: PunctualWeek.allCases) func outcomesCarryAModeOrAReason(_ week: PunctualWeek) throws {
        let result = try week.result()
        for record in result.requests {
            switch record.outcome {
            case .served:
                #expect(!record.mode.isEmpty, "\(record.id) served without a mode")
                #expect(record.reason.isEmpty, "\(record.id) served with reason \(record.reason)")
                #expect(record.price >= 0)
            case .refused:
                #expect(!record.reason.isEmpty, "\(record.id) refused without a reason")
                #expect(record.mode.isEmpty, "\(record.id) refused with mode \(record.mode)")
                #expect(record.price == 0)
            }
        }
        #expect(result.requests.contains { $0.outcome == .served })
    }

    @Test(arguments: PunctualWeek.allCases) func everyRideServesAServedRequest(_ week: PunctualWeek) throws {
        let result = try week.result()
        let records = Dictionary(uniqueKeysWithValues: result.requests.map { ($0.id, $0) })
        #expect(!result.rides.isEmpty)
        for ride in result.rides {
            guard let record = records[ride.request] else {
                Issue.record("ride of \(ride.request), which is not a request")
                continue
            }
            #expect(record.outcome == .served, "ride of \(ride.request), which was \(record.outcome) (\(record.reason))")
            #expect(record.mode.contains(ride.service.rawValue), "\(ride.request): a \(ride.service) ride for mode \(record.mode)")
            #expect(ride.day == record.day)
            #expect(ride.traveller == record.traveller)
            #expect(ride.service.isOnDemand)
            #expect(!ride.vehicle.isEmpty)
            #expect(ride.pickup <= ride.dropoff, "\(ride.request): dropped off before the pickup")
        }
        // Every served request with an on-demand mode has a ride of that service.
        for record in result.requests where record.outcome == .served {
            for service in [TravelMode.regiotaxi, .automaatje] where record.mode.split(separator: "+").contains(Substring(service.rawValue)) {
                #expect(result.rides.contains { $0.request == record.id && $0.service == service }, "\(record.id) served by \(record.mode) without a \(service) ride")
            }
        }
    }

    /// Regiotaxi: picked up inside the window around the agreed time (no delays in this run)
    /// and on board at most factor × direct + extra minutes (+ 0.01 for rounding).
    @Test(arguments: PunctualWeek.allCases) func regiotaxiKeepsItsPromises(_ week: PunctualWeek) throws {
        let result = try week.result()
        let taxi = try Self.regiotaxi()
        let window = Double(taxi.pickupWindowMinutes)
        let factor = taxi.rideTime?.factor ?? 1.5, extra = taxi.rideTime?.extraMinutes ?? 15
        let rides = result.rides.filter { $0.service == .regiotaxi }
        #expect(!rides.isEmpty, "a week of twenterand-2019 has Regiotaxi rides")
        for ride in rides {
            #expect(ride.pickup >= ride.agreedPickup - window - 1e-6, "\(ride.request): picked up at \(ride.pickup), agreed \(ride.agreedPickup)")
            #expect(ride.pickup <= ride.agreedPickup + window + 1e-6, "\(ride.request): picked up at \(ride.pickup), agreed \(ride.agreedPickup)")
            #expect(ride.waitBeyondWindow <= 1e-6, "\(ride.request): \(ride.waitBeyondWindow) min beyond the window")
            #expect(ride.rideMinutes <= factor * ride.directMinutes + extra + 0.01, "\(ride.request): \(ride.rideMinutes) min on board, direct \(ride.directMinutes)")
            #expect(ride.rideMinutes >= ride.directMinutes - 0.01, "\(ride.request): faster than the direct drive")
        }
    }

    /// A volunteer drives straight to the destination (the dispatcher allows direct + 10 min).
    @Test(arguments: PunctualWeek.allCases) func volunteersDriveDirectly(_ week: PunctualWeek) throws {
        let result = try week.result()
        let rides = result.rides.filter { $0.service == .automaatje }
        #expect(!rides.isEmpty, "a week of twenterand-2019 has AutoMaatje rides")
        for ride in rides {
            #expect(ride.rideMinutes <= ride.directMinutes + 10 + 0.01, "\(ride.request): \(ride.rideMinutes) min on board, direct \(ride.directMinutes)")
            #expect(ride.pickup >= ride.agreedPickup - 1e-6, "\(ride.request): a volunteer came before the agreed time")
        }
    }

    @Test(arguments: PunctualWeek.allCases) func timelinesAreOrderedAndDoNotOverlap(_ week: PunctualWeek) throws {
        let result = try week.result()
        #expect(!result.timelines.isEmpty)
        for timeline in result.timelines {
            #expect(["regiotaxi", "volunteer"].contains(timeline.kind))
            #expect(!timeline.segments.isEmpty)
            for segment in timeline.segments {
                #expect(segment.start <= segment.end, "\(timeline.vehicle) \(timeline.day): a segment ends before it starts")
                #expect(["drive", "wait", "stop"].contains(segment.activity))
                #expect(segment.onBoard >= 0)
            }
            for (a, b) in zip(timeline.segments, timeline.segments.dropFirst()) {
                #expect(a.end <= b.start + 1e-9, "\(timeline.vehicle) \(timeline.day): \(a.activity) until \(a.end) overlaps \(b.activity) from \(b.start)")
            }
            // Every vehicle returns empty.
            #expect(timeline.segments.last?.onBoard == 0 || timeline.segments.last?.activity == "stop")
        }
    }

    /// What the vehicles drove is what the records say was served: every recorded ride has a
    /// stop starting at its pickup and one at its drop-off in its vehicle's timeline, and the
    /// vehicles make no other stops (two per ride, per day and kind).
    @Test(arguments: PunctualWeek.allCases) func timelinesDriveExactlyTheRecordedRides(_ week: PunctualWeek) throws {
        let result = try week.result()
        func check(service: TravelMode, kind: String) {
            for day in Set(result.requests.map(\.day)).sorted() {
                let timelines = result.timelines.filter { $0.day == day && $0.kind == kind }
                let rides = result.rides.filter { $0.day == day && $0.service == service }
                let stops = timelines.reduce(0) { $0 + $1.segments.filter { $0.activity == "stop" }.count }
                #expect(stops == 2 * rides.count, "\(day): \(stops) \(kind) stops driven for \(rides.count) recorded \(service) rides")
                for ride in rides {
                    let starts = timelines.filter { $0.vehicle == ride.vehicle }.flatMap(\.segments).filter { $0.activity == "stop" }.map(\.start)
                    #expect(starts.contains(ride.pickup), "\(ride.request): no stop at its pickup \(ride.pickup) in the timeline of \(ride.vehicle)")
                    #expect(starts.contains(ride.dropoff), "\(ride.request): no stop at its drop-off \(ride.dropoff) in the timeline of \(ride.vehicle)")
                }
            }
        }
        check(service: .regiotaxi, kind: "regiotaxi")
        // A volunteer's drop-off and next pickup at one place (no drive between) before a trip
        // home: the drop-off's stop stays (2026-06-03, Bennie (V05), R000026 in this run).
        check(service: .automaatje, kind: "volunteer")
    }

    @Test(arguments: PunctualWeek.allCases) func kpisAddUp(_ week: PunctualWeek) throws {
        let result = try week.result()
        let total = result.kpis.total
        let served = result.requests.filter { $0.outcome == .served }
        #expect(total.day == "total")
        #expect(total.requests == result.requests.count)
        #expect(total.served == served.count)
        #expect(abs(total.servedShare - Double(total.served) / Double(max(total.requests, 1))) < 1e-12)
        #expect(total.modeSplit.values.reduce(0, +) == total.served)
        #expect(total.refusals.values.reduce(0, +) == total.requests - total.served)
        #expect(total.modeSplit == Dictionary(grouping: served, by: \.mode).mapValues(\.count))
        #expect(total.refusals == Dictionary(grouping: result.requests.filter { $0.outcome == .refused }, by: \.reason).mapValues(\.count))
        #expect(total.volunteerRides == result.rides.filter { $0.service == .automaatje }.count)
        #expect(total.ridesOutsideWindow == result.rides.filter { $0.waitBeyondWindow > 0.05 }.count)

        #expect(result.kpis.days.count == 7)
        #expect(result.kpis.days.map(\.day) == result.kpis.days.map(\.day).sorted())
        #expect(result.kpis.days.reduce(0) { $0 + $1.requests } == total.requests)
        #expect(result.kpis.days.reduce(0) { $0 + $1.served } == total.served)
        #expect(result.kpis.days.reduce(0) { $0 + $1.volunteerRides } == total.volunteerRides)
        for day in result.kpis.days {
            let records = result.requests.filter { $0.day == day.day }
            #expect(day.requests == records.count, "\(day.day)")
            #expect(day.served == records.filter { $0.outcome == .served }.count, "\(day.day)")
            #expect(day.modeSplit.values.reduce(0, +) == day.served, "\(day.day)")
            #expect(day.refusals.values.reduce(0, +) == day.requests - day.served, "\(day.day)")
            #expect(abs(day.servedShare - (day.requests == 0 ? 0 : Double(day.served) / Double(day.requests))) < 1e-12, "\(day.day)")
        }
        #expect(abs(result.kpis.days.reduce(0) { $0 + $1.vehicleKm } - total.vehicleKm) < 1e-6)
        #expect(abs(result.kpis.days.reduce(0) { $0 + $1.travellerPaid } - total.travellerPaid) < 1e-6)
        #expect(total.emptyKm <= total.vehicleKm + 1e-9)
        let riders = Set(result.rides.filter { $0.service == .automaatje }.map(\.traveller))
        #expect(result.kpis.automaatjeRiders == riders.count)
    }
}

// MARK: - Determinism

/// The same scenario and seed give the same run (everything but the wall-clock timing); another
/// seed gives another.
@Suite struct SimulationDeterminismTests {
    @Test func sameSeedSameRun() throws {
        let first = try SimulationFixtures.week.get()
        let second = try SimulationFixtures.run(SimulationFixtures.shortScenario(days: 7))
        #expect(first.kpis.days == second.kpis.days)
        #expect(first.kpis.total == second.kpis.total)
        #expect(first.kpis.automaatjeRiders == second.kpis.automaatjeRiders)
        #expect(first.requests == second.requests)
        #expect(first.rides == second.rides)
        #expect(first.timelines == second.timelines)
        #expect(first.calibration == second.calibration)
    }

    @Test func anotherSeedAnotherRun() throws {
        let first = try SimulationFixtures.week.get()
        let other = try SimulationFixtures.run(SimulationFixtures.shortScenario(days: 7, seed: first.seed &+ 100))
        #expect(other.seed != first.seed)
        #expect(first.requests != other.requests)
        #expect(first.rides != other.rides)
    }

    /// The simulator draws the travellers from the scenario's seed.
    @Test func theSimulatorDrawsThePopulation() throws {
        let scenario = try SimulationFixtures.shortScenario(days: 7)
        let a = try SimulationFixtures.simulator(scenario), b = try SimulationFixtures.simulator(scenario)
        #expect(a.supply.travellers.count == scenario.population.travellers)
        #expect(a.supply.travellers == b.supply.travellers)
        let other = try SimulationFixtures.simulator(SimulationFixtures.shortScenario(days: 7, seed: scenario.seed &+ 1))
        #expect(a.supply.travellers != other.supply.travellers)
    }
}
