//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import GTFS
public import Mobility

extension Scenario {
    /// The municipality's fixed, recurring rides besides Regiotaxi: transport to day care and
    /// school transport, bought in one tender with it. Each rider gets a standing order; every
    /// evening the next day's orders are booked, and the day is dispatched with every other ride.
    public struct FixedRides: Codable, Sendable, Hashable {
        public var dayCare: DayCare?
        public var school: School?
        /// Vehicles added for these rides.
        public var vehicles: ContractVehicles
        /// true: the added vehicles drive only day care and school, the Regiotaxi fleet only Wmo
        /// rides (separate fleets); false: every vehicle drives everyone (one fleet; pupils ride
        /// only with pupils either way, unless the rules let them share).
        public var separateFleets: Bool
    }

    public struct DayCare: Codable, Sendable, Hashable {
        public var clients: Int
        /// Names of places of the base `places.json` (day centres); a client goes to the nearest.
        public var centres: [String]
        /// Weekdays a client goes (drawn among Monday to Friday).
        public var daysPerWeek: Int
        /// "HH:MM": there by, and home from.
        public var arriveBy: String
        public var leaveAt: String
        /// Shares of clients in a wheelchair and with a rollator.
        public var wheelchair: Double
        public var walker: Double
    }

    public struct School: Codable, Sendable, Hashable {
        public var pupils: Int
        /// The schools pupils are driven to, by weight (modelled positions).
        public var schools: [SchoolPlace]
        /// "HH:MM": the bell, and when school ends.
        public var bell: String
        public var leaveAt: String
        /// Share of pupils in a wheelchair.
        public var wheelchair: Double
    }

    public struct SchoolPlace: Codable, Sendable, Hashable {
        public var name: String
        public var lat: Double
        public var lon: Double
        public var weight: Double
    }

    public struct ContractVehicles: Codable, Sendable, Hashable {
        public var count: Int
        public var seats: Int
        public var wheelchairPlaces: Int
        /// "HH:MM" on Monday to Friday.
        public var start: String
        public var end: String
        /// Where they start, round robin.
        public var depots: [NamedPosition]
    }
}

/// The riders of ``Scenario/FixedRides`` as travellers with their standing orders, and the
/// vehicles added for them: drawn from the scenario's seed.
struct FixedRiders {
    var travellers: [Traveller] = []
    var orders: [StandingOrder] = []
    var vehicles: [Vehicle] = []

    init(_ fixed: Scenario.FixedRides, scenario: Scenario, places: [Place], using random: inout SeededGenerator) {
        let homes = scenario.population.homes
        func home(using random: inout SeededGenerator) -> NamedPosition {
            let area = homes[Draw.index(weights: homes.map(\.weight), using: &random)]
            let point = Draw.point(around: area.lat, area.lon, radiusMetres: area.radiusMetres, using: &random)
            return NamedPosition(name: area.name, lat: (point.lat * 10_000).rounded() / 10_000, lon: (point.lon * 10_000).rounded() / 10_000)
        }
        func minutes(_ text: String) -> Int { Int(ClockTime.seconds(text) ?? 0) / 60 }
        func add(_ id: String, age: Int, needs: [CROWCode], kind: TargetGroup, to place: StandingOrder.Place, days: [Int], arrive: String, leave: String, using random: inout SeededGenerator) {
            let at = home(using: &random)
            travellers.append(Traveller(
                id: TravellerID(rawValue: id), name: id, age: age, home: at, wmoPass: nil, automaatjeMember: false, needs: needs, companions: 0,
                maxWalkMetres: 100))
            orders.append(StandingOrder(
                travellerId: TravellerID(rawValue: id), kind: kind, from: .init(name: "home (\(at.name))", lat: at.lat, lon: at.lon), to: place,
                weekdays: days, arriveBy: minutes(arrive), departAt: nil, returnAt: minutes(leave), validFrom: scenario.start, validThrough: nil,
                createdAt: 0))
        }
        if let care = fixed.dayCare {
            let centres = care.centres.compactMap { name in places.first { $0.name == name } }
            for k in 0 ..< care.clients where !centres.isEmpty {
                var needs: [CROWCode] = []
                if Draw.chance(care.wheelchair, using: &random) { needs.append(.wheelchairStandard) } else if Draw.chance(care.walker, using: &random) { needs.append(.rollator) }
                let days = Array((0 ..< 5).shuffled(using: &random).prefix(max(1, min(5, care.daysPerWeek)))).sorted()
                let id = "daycare-\(k + 1 < 100 ? (k + 1 < 10 ? "00" : "0") : "")\(k + 1)"
                let start = travellers.count
                add(id, age: Int.random(in: 60 ... 90, using: &random), needs: needs, kind: .dayCare, to: .init(name: "", lat: 0, lon: 0), days: days,
                    arrive: care.arriveBy, leave: care.leaveAt, using: &random)
                // The nearest day centre to the home just drawn.
                let at = travellers[start].home.coordinate
                let centre = centres.min { $0.coordinate.distance(to: at) < $1.coordinate.distance(to: at) }!
                orders[start].to = .init(name: centre.name, lat: centre.lat, lon: centre.lon)
            }
        }
        if let school = fixed.school, !school.schools.isEmpty {
            for k in 0 ..< school.pupils {
                let place = school.schools[Draw.index(weights: school.schools.map(\.weight), using: &random)]
                let needs: [CROWCode] = Draw.chance(school.wheelchair, using: &random) ? [.wheelchairStandard] : []
                let id = "pupil-\(k + 1 < 100 ? (k + 1 < 10 ? "00" : "0") : "")\(k + 1)"
                add(id, age: Int.random(in: 5 ... 17, using: &random), needs: needs, kind: .school, to: .init(name: place.name, lat: place.lat, lon: place.lon),
                    days: [0, 1, 2, 3, 4], arrive: school.bell, leave: school.leaveAt, using: &random)
            }
        }
        let v = fixed.vehicles
        for k in 0 ..< v.count where !v.depots.isEmpty {
            var vehicle = Vehicle(
                id: VehicleID(rawValue: "MV-\(k + 1 < 10 ? "0" : "")\(k + 1)"), depot: v.depots[k % v.depots.count], seats: v.seats,
                wheelchairPlaces: v.wheelchairPlaces, shifts: [.init(days: ["mon", "tue", "wed", "thu", "fri"], start: v.start, end: v.end)])
            vehicle.kind = .bus
            if fixed.separateFleets { vehicle.targetGroups = [.dayCare, .school] }
            vehicles.append(vehicle)
        }
    }
}
