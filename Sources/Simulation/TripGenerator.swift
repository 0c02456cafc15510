//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import Foundation
public import GTFS
public import Mobility

/// A trip somebody wants to make: booked at `bookedAt` for `date`, arriving by (outbound) or
/// departing at (return) `desiredSecond` after local midnight.
public struct TripRequest: Sendable, Hashable {
    /// `R000001`…, in the order the requests are made.
    public var id: String
    public var traveller: Int
    public var purpose: String
    public var date: ServiceDate
    public var dayIndex: Int
    public var origin: NamedPosition
    public var destination: NamedPosition
    /// Outbound trips arrive by the appointment; returns depart when it is over.
    public var arriveBy: Bool
    /// Seconds after local midnight.
    public var desiredSecond: Int
    /// Unix seconds when the trip is booked (the injected clock of the booking).
    public var bookedAt: Int64
    /// Minutes between booking and the desired time.
    public var leadMinutes: Int
}

/// Draws each day's trips (seeded): how many per traveller (Poisson, from the weekly rate, the
/// weekday's weight and the phase's factor), the purpose, the destination (places of the
/// purpose's kinds, nearer ones likelier: weight 1 / (km + 2)²; `family`: another traveller's
/// home), the arrival time within the purpose's bands (5-minute steps), an optional return trip
/// after the stay, and the lead time from the scenario's bands.
public struct TripGenerator: Sendable {
    public let scenario: Scenario
    public let places: [Place]
    public let timezone: String

    public init(scenario: Scenario, places: [Place], timezone: String) {
        self.scenario = scenario
        self.places = places
        self.timezone = timezone
    }

    /// The phase in force on day `index`.
    public func phase(on index: Int) -> Scenario.Phase? {
        (scenario.phases ?? []).last { $0.fromDay <= index }
    }

    /// Whether a traveller uses the app in a phase.
    static func uses(_ traveller: Traveller, phase: Scenario.Phase?) -> Bool {
        switch phase?.users ?? "all" {
        case "passHolders": traveller.wmoPass != nil
        case "passHoldersAndMembers": traveller.wmoPass != nil || traveller.automaatjeMember
        default: true
        }
    }

    /// Every trip of the run, in booking order, with ids.
    public func requests(travellers: [Traveller], using random: inout SeededGenerator) -> [TripRequest] {
        guard let first = ServiceDate(scenario.start) else { return [] }
        let weekdayTotal = weekdayNames.reduce(0.0) { $0 + (scenario.demand.weekdays[$1] ?? 1) }
        var trips: [TripRequest] = []
        for index in 0 ..< scenario.days {
            let date = first.adding(days: index)
            let phase = phase(on: index)
            let weight = (scenario.demand.weekdays[weekdayNames[date.weekday]] ?? 1) / max(weekdayTotal, 1e-9)
            let mean = scenario.demand.tripsPerTravellerPerWeek * weight * (phase?.demandFactor ?? 1)
            let purposes = purposeShares(phase)
            guard !purposes.isEmpty else { continue }
            for (t, traveller) in travellers.enumerated() {
                // Every traveller's trips are drawn, users or not (the non-users' are dropped), so
                // a phase that changes who uses the app does not reshuffle the others' trips.
                let count = Draw.poisson(mean, using: &random)
                for _ in 0 ..< count {
                    let drawn = trip(of: t, traveller, on: date, index: index, purposes: purposes, travellers: travellers, using: &random)
                    if Self.uses(traveller, phase: phase) { trips += drawn }
                }
            }
        }
        trips.sort { ($0.bookedAt, $0.traveller, $0.desiredSecond, $0.arriveBy ? 0 : 1) < ($1.bookedAt, $1.traveller, $1.desiredSecond, $1.arriveBy ? 0 : 1) }
        let width = max(6, String(trips.count).count)
        for k in trips.indices {
            let number = String(k + 1)
            trips[k].id = "R" + String(repeating: "0", count: width - number.count) + number
        }
        return trips
    }

    /// The purposes and their shares in a phase (extra purposes replace the base share; a
    /// phase's purpose list keeps only those).
    func purposeShares(_ phase: Scenario.Phase?) -> [(Scenario.Purpose, Double)] {
        scenario.demand.purposes.compactMap { purpose in
            if let allowed = phase?.purposes, !allowed.contains(purpose.name) { return nil }
            let share = phase?.extraPurposes?[purpose.name] ?? purpose.share
            return share > 0 ? (purpose, share) : nil
        }
    }

    func trip(
        of t: Int, _ traveller: Traveller, on date: ServiceDate, index: Int, purposes: [(Scenario.Purpose, Double)], travellers: [Traveller],
        using random: inout SeededGenerator
    ) -> [TripRequest] {
        let purpose = purposes[Draw.index(weights: purposes.map(\.1), using: &random)].0
        let destination = destination(for: purpose, from: traveller, travellers: travellers, using: &random)
        let band = purpose.arrivals[Draw.index(weights: purpose.arrivals.map(\.share), using: &random)]
        let from = Int(ClockTime.seconds(band.from) ?? 36_000) / 300, to = Int(ClockTime.seconds(band.to) ?? 36_000) / 300
        let arrival = Int.random(in: from ... max(from, to - 1), using: &random) * 300
        let leadBand = scenario.demand.leadTimes[Draw.index(weights: scenario.demand.leadTimes.map(\.share), using: &random)]
        let leadMinutes = Int((Double.random(in: leadBand.fromHours ... leadBand.toHours, using: &random) * 60).rounded())
        let hasReturn = Draw.chance(purpose.returnShare, using: &random)
        let appointment = ServiceDayClock.unix(wallClock: arrival, on: date, timezone: timezone)
        let bookedAt = appointment - Int64(leadMinutes) * 60
        var trips = [TripRequest(
            id: "", traveller: t, purpose: purpose.name, date: date, dayIndex: index, origin: traveller.home, destination: destination,
            arriveBy: true, desiredSecond: arrival, bookedAt: bookedAt, leadMinutes: leadMinutes)]
        let back = arrival + purpose.stayMinutes * 60
        if hasReturn, back <= 22 * 3600 {
            trips.append(TripRequest(
                id: "", traveller: t, purpose: purpose.name, date: date, dayIndex: index, origin: destination, destination: traveller.home,
                arriveBy: false, desiredSecond: back, bookedAt: bookedAt, leadMinutes: leadMinutes + purpose.stayMinutes))
        }
        return trips
    }

    func destination(for purpose: Scenario.Purpose, from traveller: Traveller, travellers: [Traveller], using random: inout SeededGenerator) -> NamedPosition {
        let kind = purpose.destinations[Int.random(in: 0 ..< purpose.destinations.count, using: &random)]
        if kind == "family" || places.allSatisfy({ $0.kind != kind }) {
            // Family: the home of someone else in the population (somewhere people live).
            let other = travellers[Int.random(in: 0 ..< travellers.count, using: &random)].home
            let spot = Draw.point(around: other.lat, other.lon, radiusMetres: 800, using: &random)
            return NamedPosition(name: "family (\(other.name))", lat: (spot.lat * 10_000).rounded() / 10_000, lon: (spot.lon * 10_000).rounded() / 10_000)
        }
        let candidates = places.filter { $0.kind == kind }
        let home = traveller.home.coordinate
        let weights = candidates.map { place in
            let km = home.distance(to: place.coordinate) / 1000
            return 1 / ((km + 2) * (km + 2))
        }
        let place = candidates[Draw.index(weights: weights, using: &random)]
        return NamedPosition(name: place.name, lat: place.lat, lon: place.lon)
    }
}
