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
            ("wheelchair", Self.share(travellers) { $0.needs.contains(.wheelchairStandard) }, p.aids.wheelchair),
            // The aids exclude each other in the order wheelchair, scooter, walker.
            ("mobilityScooter", Self.share(travellers) { $0.needs.contains(.scooterStandard) }, (1 - p.aids.wheelchair) * p.aids.mobilityScooter),
            (
                "walker", Self.share(travellers) { $0.needs.contains(.rollator) },
                (1 - p.aids.wheelchair) * (1 - p.aids.mobilityScooter) * p.aids.walker
            ),
            ("doorToDoorHelp", Self.share(travellers) { $0.needs.contains(.doorToDoor) }, p.aids.doorToDoorHelp),
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
            let exclusive = traveller.needs.filter { [.wheelchairStandard, .scooterStandard, .rollator].contains($0) }
            #expect(exclusive.count <= 1, "\(traveller.id) has \(traveller.needs)")
            if let pass = traveller.wmoPass {
                #expect(pass.needs == traveller.needs)
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
                if traveller.needs.contains(.wheelchairStandard) || traveller.needs.contains(.scooterStandard) {
                    100
                } else if traveller.needs.contains(.rollator) {
                    250
                } else {
                    max(150, 800 - Double(max(0, traveller.age - 65) / 5) * 50)
                }
            #expect(traveller.maxWalkMetres == expected, "\(traveller.id), \(traveller.age), \(traveller.needs)")
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
