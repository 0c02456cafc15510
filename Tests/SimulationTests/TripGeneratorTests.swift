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
