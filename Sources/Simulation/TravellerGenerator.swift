//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import Foundation
public import Mobility

/// Draws the scenario's travellers (seeded): age, living alone, a Wmo pass, AutoMaatje
/// membership, aids, a home in one of the village cores, companions and preferences.
///
/// Rules (documented in `Scenarios/README.md`): each share is an independent draw, except that
/// aids exclude each other in the order wheelchair, mobility scooter, walker; a pass records the
/// traveller's aids; walking distance falls with age (800 m at 65, 50 m less per 5 years,
/// at least 150 m), 250 m with a walker, 100 m in a wheelchair or on a scooter. Ids are
/// pseudonyms `T00001`…; names are "Traveller N".
public struct TravellerGenerator: Sendable {
    public let population: Scenario.Population

    public init(population: Scenario.Population) {
        self.population = population
    }

    public func travellers(using random: inout SeededGenerator) -> [Traveller] {
        let width = max(5, String(population.travellers).count)
        return (1 ... population.travellers).map { k in
            let number = String(k)
            let id = "T" + String(repeating: "0", count: max(0, width - number.count)) + number
            return traveller(id: id, number: k, using: &random)
        }
    }

    func traveller(id: String, number: Int, using random: inout SeededGenerator) -> Traveller {
        let p = population
        let band = p.ages[Draw.index(weights: p.ages.map(\.share), using: &random)]
        let age = Int.random(in: band.from ... band.to, using: &random)
        let area = p.homes[Draw.index(weights: p.homes.map(\.weight), using: &random)]
        let home = Draw.point(around: area.lat, area.lon, radiusMetres: area.radiusMetres, using: &random)
        var needs: [CROWCode] = []
        if Draw.chance(p.aids.wheelchair, using: &random) {
            needs.append(.wheelchairStandard)
        } else if Draw.chance(p.aids.mobilityScooter, using: &random) {
            needs.append(.scooterStandard)
        } else if Draw.chance(p.aids.walker, using: &random) {
            needs.append(.rollator)
        }
        if Draw.chance(p.aids.doorToDoorHelp, using: &random) { needs.append(.doorToDoor) }
        let pass = Draw.chance(p.wmoPass, using: &random)
            ? Traveller.WmoPass(number: "WMO-\(id)", kmBudgetLeft: p.kmBudget ?? 2000, needs: needs) : nil
        var traveller = Traveller(
            id: TravellerID(rawValue: id), name: "Traveller \(number)", age: age,
            home: NamedPosition(name: area.name, lat: (home.lat * 10_000).rounded() / 10_000, lon: (home.lon * 10_000).rounded() / 10_000),
            wmoPass: pass, automaatjeMember: Draw.chance(p.automaatjeMember, using: &random), needs: needs,
            companions: Draw.chance(p.companion ?? 0, using: &random) ? 1 : 0, maxWalkMetres: Self.walkingMetres(age: age, needs: needs))
        traveller.livesAlone = Draw.chance(p.livingAlone, using: &random)
        if traveller.companions > 0 { traveller.companionKind = Draw.chance(0.5, using: &random) ? "medical" : "social" }
        if let shares = p.preferences {
            let x = Double.random(in: 0 ..< 1, using: &random)
            let prefer: String? = x < shares.comfort ? "comfort" : x < shares.comfort + shares.price ? "price" : x < shares.comfort + shares.price + shares.speed ? "speed" : nil
            traveller.preferences = Traveller.Preferences(prefer: prefer, avoidTransfers: prefer == "comfort")
        }
        return traveller
    }

    /// Metres a traveller walks to or from a stop, by age and aid.
    static func walkingMetres(age: Int, needs: [CROWCode]) -> Double {
        if needs.contains(where: CROWCode.ridesInAWheelchairPlace.contains) { return 100 }
        if needs.contains(.rollator) { return 250 }
        return max(150, 800 - Double(max(0, age - 65) / 5) * 50)
    }
}

/// Seeded draws shared by the generators.
enum Draw {
    static func chance(_ p: Double, using random: inout SeededGenerator) -> Bool {
        Double.random(in: 0 ..< 1, using: &random) < p
    }

    /// An index with probability ∝ its weight (the last one when all weights are 0).
    static func index(weights: [Double], using random: inout SeededGenerator) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.count - 1 }
        var x = Double.random(in: 0 ..< total, using: &random)
        for (k, weight) in weights.enumerated() {
            x -= weight
            if x < 0 { return k }
        }
        return weights.count - 1
    }

    /// A point uniformly spread over a disc of `radiusMetres` around a centre.
    static func point(around lat: Double, _ lon: Double, radiusMetres: Double, using random: inout SeededGenerator) -> (lat: Double, lon: Double) {
        let r = radiusMetres * Double.random(in: 0 ... 1, using: &random).squareRoot()
        let angle = Double.random(in: 0 ..< 2 * Double.pi, using: &random)
        let dLat = r * cos(angle) / 111_320
        let dLon = r * sin(angle) / (111_320 * cos(lat * Double.pi / 180))
        return (lat + dLat, lon + dLon)
    }

    /// A Poisson-distributed count with mean `mean` (Knuth's method; means here are small).
    static func poisson(_ mean: Double, using random: inout SeededGenerator) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 { return max(0, Int((mean + mean.squareRoot() * normal(using: &random)).rounded())) }
        let limit = exp(-mean)
        var k = 0, product = Double.random(in: 0 ..< 1, using: &random)
        while product > limit {
            k += 1
            product *= Double.random(in: 0 ..< 1, using: &random)
        }
        return k
    }

    static func normal(using random: inout SeededGenerator) -> Double {
        let u = max(Double.random(in: 0 ..< 1, using: &random), 1e-12), v = Double.random(in: 0 ..< 1, using: &random)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Exponentially distributed with mean `mean`.
    static func exponential(_ mean: Double, using random: inout SeededGenerator) -> Double {
        -mean * log(max(1 - Double.random(in: 0 ..< 1, using: &random), 1e-12))
    }
}
