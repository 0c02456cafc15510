//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import FleetDispatch
import Foundation
import GTFS
import Mobility
import Planner
import TestSupport
import Testing

/// G06: what a traveller's CROW codes ask of the vehicle, in the day's dispatch. Per code with
/// such an effect, a tiny day where the code changes the answer and the same day without it;
/// then seeded random days on the Twente fleet, every route checked by `NeedsChecker`.
@Suite struct G06_VehicleNeedsTests {
    static let monday = ServiceDate("2026-11-23")!
    static let almelo = Coordinate(latitude: 52.3570, longitude: 6.6625)

    /// A vehicle from the fields of `fleet.json` (a weekday shift 07:00–19:00 added).
    static func vehicle(_ id: String, _ fields: [String: Any]) throws -> Vehicle {
        var object: [String: Any] = ["id": id, "depot": ["name": "Depot", "lat": 52.364, "lon": 6.638], "seats": 4, "wheelchairPlaces": 0]
        object["shifts"] = [["days": ["mon"], "start": "07:00", "end": "19:00"]]
        for (key, value) in fields { object[key] = value }
        return try JSONDecoder().decode(Vehicle.self, from: JSONSerialization.data(withJSONObject: object))
    }

    static func dispatcher(_ vehicles: [Vehicle]) throws -> DayDispatcher {
        let w = try TwenteWorld.world.get()
        return DayDispatcher(rules: w.rules, vehicles: vehicles, volunteers: [], road: StraightLineRoadModel())
    }

    /// A Regiotaxi ride in Almelo, `metres` east, picked up at `minute`.
    static func ride(_ id: String, _ codes: [CROWCode], minute: Int = 600, seats: Int = 1, from: Double = 0, metres: Double = 4000) -> BookedRide {
        let start = Coordinate(latitude: almelo.latitude, longitude: almelo.longitude + from / 68_000)
        return BookedRide(
            id: RideID(rawValue: id), traveller: TravellerID(rawValue: "t-\(id)"), service: .regiotaxi, fromName: "from \(id)", from: start,
            toName: "to \(id)", to: Coordinate(latitude: start.latitude, longitude: start.longitude + metres / 68_000), pickup: minute, seats: seats,
            codes: codes)
    }

    static func dispatch(_ rides: [BookedRide], on vehicles: [Vehicle], iterations: Int = 200) throws -> DaySchedule {
        try dispatcher(vehicles).dispatch(rides, date: monday, timeLimit: 20, iterations: iterations, seed: 1) { _, _ in true }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var code: CROWCode
        /// A vehicle that lacks what the code asks for, and one that has it.
        var without: [String: any Sendable]
        var with: [String: any Sendable]
        var testDescription: String { code.rawValue }
    }

    static let cases: [Case] = [
        Case(code: .wheelchairStandard, without: [:], with: ["wheelchairPlaces": 1]),
        Case(code: .wheelchairElectric, without: ["wheelchairPlaces": 1, "lift": false], with: ["wheelchairPlaces": 1, "lift": true]),
        Case(code: .wheelchairFoldable, without: ["stowedAids": 0], with: ["stowedAids": 1]),
        Case(code: .wheelchairTransferToSeat, without: ["stowedAids": 0], with: ["stowedAids": 1]),
        Case(code: .wheelchairSelfBalancing, without: ["stowedAids": 0], with: ["stowedAids": 1]),
        Case(code: .wheelchairDivergent, without: ["wheelchairPlaces": 2, "lift": false], with: ["wheelchairPlaces": 1, "lift": true]),
        Case(code: .rollatorDivergent, without: ["stowedAids": 0], with: ["stowedAids": 1]),
        Case(code: .scooterStandard, without: ["wheelchairPlaces": 2], with: ["scooterPlaces": 1]),
        Case(code: .scooterDivergent, without: ["scooterPlaces": 1, "lift": false], with: ["scooterPlaces": 1, "lift": true]),
        Case(code: .supportDog, without: ["dogsAllowed": false], with: ["dogsAllowed": true]),
        Case(code: .boosterSeat, without: [:], with: ["boosterSeat": true]),
        Case(code: .childSeat, without: ["boosterSeat": true], with: ["childSeat": true]),
        Case(code: .transferWheelchair, without: [:], with: ["transferWheelchair": true]),
        Case(code: .busOnly, without: ["kind": "car"], with: ["kind": "bus"]),
        Case(code: .carOnly, without: ["kind": "bus"], with: ["kind": "car"]),
        Case(code: .frontSeatCarOnly, without: ["kind": "bus"], with: ["kind": "car"]),
        Case(code: .frontSeatInCar, without: ["kind": "car", "frontSeats": 0], with: ["kind": "bus", "frontSeats": 0]),
        Case(code: .frontSeat, without: ["kind": "bus", "frontSeats": 0], with: ["kind": "bus", "frontSeats": 1]),
        Case(code: .lowAccess, without: [:], with: ["lowFloor": true]),
        Case(code: .separateSeat, without: ["seats": 1], with: ["seats": 2]),
    ]

    /// With the code, the vehicle that lacks what it asks for does not take the ride and says
    /// why; without the code it does. The vehicle that has it takes the ride with the code.
    @Test(arguments: cases)
    func aCodeDecidesWhichVehicleCanTakeTheRide(_ c: Case) throws {
        let lacking = try Self.vehicle("lacking", c.without), having = try Self.vehicle("having", c.with)
        let refused = try Self.dispatch([Self.ride("r", [c.code])], on: [lacking])
        #expect(refused.days.isEmpty, "\(c.code) rode in a vehicle without what it needs")
        let reason = try #require(refused.unassigned.first?.reason)
        #expect(reason.contains("what the ride needs") || reason.contains("wheelchair place"), "\(reason)")
        #expect(try Self.dispatch([Self.ride("r", [])], on: [lacking]).unassigned.isEmpty, "without \(c.code) the ride fits")
        #expect(try Self.dispatch([Self.ride("r", [c.code])], on: [having]).unassigned.isEmpty, "\(c.code) fits the equipped vehicle")
    }

    /// Intervals on board of each ride, as positions in the vehicle's stops.
    static func onBoard(_ day: VehicleDay) -> [RideID: ClosedRange<Int>] {
        var from: [RideID: Int] = [:], spans: [RideID: ClosedRange<Int>] = [:]
        for (k, stop) in day.stops.enumerated() {
            if stop.pickup { from[stop.ride] = k } else if let start = from[stop.ride] { spans[stop.ride] = start ... k }
        }
        return spans
    }

    /// Four travellers from one address to one destination at one time: one bus takes them all
    /// together; with AV-01 for one of them, that one rides with nobody else on board.
    @Test func aRideThatMustNotBeSharedRidesAlone() throws {
        let bus = try Self.vehicle("bus", ["seats": 8])
        let shared = try Self.dispatch((1 ... 4).map { Self.ride("r\($0)", [], minute: 600) }, on: [bus])
        let together = try #require(shared.days.first.map(Self.onBoard))
        #expect(together.values.contains { a in together.values.contains { b in a != b && a.overlaps(b) } }, "shared without AV-01")
        let alone = try Self.dispatch([Self.ride("r1", [.individual], minute: 600)] + (2 ... 4).map { Self.ride("r\($0)", [], minute: 600) }, on: [bus])
        for day in alone.days {
            let spans = Self.onBoard(day)
            guard let own = spans["r1"] else { continue }
            #expect(!spans.contains { $0.key != "r1" && $0.value.overlaps(own) }, "r1 (AV-01) shared the bus: \(day.stops.map(\.ride))")
        }
        #expect(alone.days.contains { Self.onBoard($0)["r1"] != nil }, "r1 is driven")
    }

    /// Pupils and day-care travellers from one address to one destination at one time: pupils
    /// ride only with pupils, and a day-care traveller with AV-10 only with day care; without
    /// either, one bus takes them all together.
    @Test func targetGroupsShareAVehicleOnlyWhereTheyMay() throws {
        let bus = try Self.vehicle("bus", ["seats": 8])
        func spans(_ rides: [BookedRide]) throws -> [[RideID: ClosedRange<Int>]] {
            let schedule = try Self.dispatch(rides, on: [bus, try Self.vehicle("bus2", ["seats": 8])])
            #expect(schedule.unassigned.isEmpty)
            let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
            for day in schedule.days { #expect(NeedsChecker.breaches(day, rides: byID, vehicle: bus).isEmpty, "\(day.stops.map(\.ride))") }
            return schedule.days.map(Self.onBoard)
        }
        func together(_ a: RideID, _ b: RideID, in days: [[RideID: ClosedRange<Int>]]) -> Bool {
            days.contains { $0[a] != nil && $0[b] != nil && $0[a]!.overlaps($0[b]!) }
        }
        let mixed = try spans([Self.ride("w1", []), Self.ride("d1", []).inGroup(.dayCare), Self.ride("d2", []).inGroup(.dayCare)])
        #expect(together("w1", "d1", in: mixed) && together("d1", "d2", in: mixed), "without AV-10 and pupils, everyone shares")
        let pupils = try spans([Self.ride("p1", []).inGroup(.school), Self.ride("p2", []).inGroup(.school), Self.ride("w1", [])])
        #expect(together("p1", "p2", in: pupils) && !together("p1", "w1", in: pupils) && !together("p2", "w1", in: pupils))
        let keeper = try spans([Self.ride("d1", [.ownTargetGroupOnly]).inGroup(.dayCare), Self.ride("d2", []).inGroup(.dayCare), Self.ride("w1", [])])
        #expect(together("d1", "d2", in: keeper) && !together("d1", "w1", in: keeper))
    }

    /// Three rides along one road: shared, one rides past the others' stops; with AV-03 that one
    /// is picked up last and dropped off first (nothing between its two stops).
    @Test func lastInFirstOutHasNothingBetweenItsStops() throws {
        let buses = [try Self.vehicle("bus1", ["seats": 8]), try Self.vehicle("bus2", ["seats": 8])]
        func rides(_ codes: [CROWCode]) -> [BookedRide] {
            [Self.ride("long", codes, minute: 600, from: 0, metres: 9000), Self.ride("a", [], minute: 603, from: 2000, metres: 3000),
             Self.ride("b", [], minute: 606, from: 4000, metres: 3000)]
        }
        let plain = try #require(try Self.dispatch(rides([]), on: buses).days.first { Self.onBoard($0)["long"] != nil })
        let long = try #require(Self.onBoard(plain)["long"])
        #expect(long.count > 2, "without AV-03 the long ride has stops between its own: \(plain.stops.map(\.ride))")
        let lifo = try Self.dispatch(rides([.lastInFirstOut]), on: buses)
        #expect(lifo.unassigned.isEmpty, "two buses drive all three")
        let day = try #require(lifo.days.first { Self.onBoard($0)["long"] != nil })
        #expect(Self.onBoard(day)["long"]!.count == 2, "AV-03: \(day.stops.map(\.ride))")
    }

    /// Two travellers who need the front seat at once: not in one car; AV-04 only in a car, so in
    /// a bus they ride together, AV-07 in any vehicle.
    @Test(arguments: [(CROWCode.frontSeatInCar, "car", false), (.frontSeatInCar, "bus", true), (.frontSeat, "bus", false), (.frontSeat, "car", false)])
    func oneFrontSeatTakesOneTraveller(code: CROWCode, kind: String, together: Bool) throws {
        let vehicle = try Self.vehicle("v", ["kind": kind, "seats": 8, "frontSeats": 1])
        let schedule = try Self.dispatch([Self.ride("a", [code], minute: 600), Self.ride("b", [code], minute: 600)], on: [vehicle])
        let spans = schedule.days.map(Self.onBoard)
        let shared = spans.contains { $0["a"] != nil && $0["b"] != nil && $0["a"]!.overlaps($0["b"]!) }
        #expect(shared == together, "\(code) in a \(kind): \(schedule.days.map { $0.stops.map(\.ride) })")
    }

    /// AV-11 tightens the ride-time limit; AB-01 and AB-02 lengthen the stops.
    @Test func shortTravelTimeAndSupportChangeTheLimitsAndTheStops() throws {
        let dispatcher = try Self.dispatcher([try Self.vehicle("bus", [:])])
        let plain = Self.ride("r", []), short = Self.ride("r", [.shortTravelTime])
        #expect(dispatcher.rideTimeLimit(of: short) < dispatcher.rideTimeLimit(of: plain))
        let boarding = dispatcher.boardingMinutes
        #expect(Self.ride("r", [.doorToDoor]).serviceMinutes(boarding) > plain.serviceMinutes(boarding))
        #expect(Self.ride("r", [.roomToRoom]).serviceMinutes(boarding) > Self.ride("r", [.doorToDoor]).serviceMinutes(boarding))
        // The planned drop-off is later by the longer stops.
        func dropOff(_ ride: BookedRide) throws -> Double {
            let day = try #require(try Self.dispatch([ride], on: [try Self.vehicle("bus", [:])]).days.first)
            return try #require(day.stops.last?.time) - day.stops[0].time
        }
        #expect(try dropOff(Self.ride("r", [.roomToRoom])) > dropOff(plain))
    }

    /// Seeded random days on the Twente fleet (vans with a lift, a scooter place and two places
    /// for folded aids; taxis that are cars): every route keeps every need, and rides with each
    /// kind of need are driven.
    @Test(arguments: 0 ..< 4 as Range<UInt64>)
    func randomDaysKeepEveryNeed(seed: UInt64) throws {
        let w = try TwenteWorld.world.get()
        var random = SeededGenerator(seed: 600 + seed)
        let places = w.supply.places
        let pool: [CROWCode] = [
            .wheelchairStandard, .wheelchairElectric, .wheelchairFoldable, .scooterStandard, .supportDog, .individual, .lastInFirstOut,
            .frontSeatInCar, .frontSeat, .busOnly, .carOnly, .separateSeat, .doorToDoor, .ownTargetGroupOnly,
        ]
        var rides: [BookedRide] = []
        for k in 0 ..< 70 {
            let a = places.randomElement(using: &random)!, b = places.randomElement(using: &random)!
            var codes: [CROWCode] = []
            // Every code at least once, then half of the rides with a random one.
            if k < pool.count {
                codes.append(pool[k])
            } else if Double.random(in: 0 ..< 1, using: &random) < 0.5 {
                codes.append(pool.randomElement(using: &random)!)
            }
            rides.append(BookedRide(
                id: RideID(rawValue: "r\(k)"), traveller: TravellerID(rawValue: "t\(k)"), service: .regiotaxi, fromName: a.name, from: a.coordinate,
                toName: b.name, to: b.coordinate, pickup: Int.random(in: 8 * 60 ... 15 * 60, using: &random), seats: Int.random(in: 1 ... 2, using: &random),
                codes: codes).inGroup(k % 7 == 0 ? .school : k % 7 == 1 ? .dayCare : .wmo))
        }
        let dispatcher = DayDispatcher(rules: w.rules, vehicles: w.supply.vehicles, volunteers: [], road: StraightLineRoadModel())
        let schedule = dispatcher.dispatch(rides, date: Self.monday, timeLimit: 30, iterations: 150, seed: seed) { _, _ in true }
        let byID = Dictionary(uniqueKeysWithValues: rides.map { ($0.id, $0) })
        var driven = Set<CROWCode>()
        for day in schedule.days {
            let vehicle = try #require(w.supply.vehicles.first { $0.id == day.vehicle })
            let breaches = NeedsChecker.breaches(day, rides: byID, vehicle: vehicle)
            #expect(breaches.isEmpty, "seed \(seed) \(day.shift): \(breaches)")
            for stop in day.stops where stop.pickup { driven.formUnion(byID[stop.ride]!.codes) }
        }
        #expect(driven.count >= 9, "seed \(seed): rides with only \(driven.sorted()) driven")
        #expect(Set(schedule.days.flatMap { $0.stops.map { byID[$0.ride]!.group } }) == Set(TargetGroup.allCases), "seed \(seed): every group driven")
        for code in [CROWCode.wheelchairElectric, .scooterStandard, .individual, .lastInFirstOut, .frontSeat] {
            #expect(driven.contains(code), "seed \(seed): no ride with \(code) driven")
        }
    }
}

/// An independent check of one vehicle's day against its riders' needs: who is on board after
/// each stop, counted per kind of place from the rides' needs and the vehicle's equipment as
/// `fleet.json` declares it (not through the solver's lanes).
enum NeedsChecker {
    static func breaches(_ day: VehicleDay, rides: [RideID: BookedRide], vehicle: Vehicle, pupilsShare: Bool = false) -> [String] {
        let equipment = vehicle.carries
        var found: [String] = []
        var onBoard: [RideID] = []
        for (k, stop) in day.stops.enumerated() {
            guard let ride = rides[stop.ride] else { return ["unknown ride \(stop.ride)"] }
            let needs = ride.needs
            if stop.pickup {
                onBoard.append(ride.id)
                if !needs.equipment.isSubset(of: equipment.equipment) { found.append("\(ride.id): equipment \(needs.summary)") }
                if needs.lastInFirstOut && (k + 1 >= day.stops.count || day.stops[k + 1].ride != ride.id) {
                    found.append("\(ride.id): AV-03 but another stop follows its pickup")
                }
            } else {
                onBoard.removeAll { $0 == ride.id }
            }
            let riding = onBoard.map { rides[$0]!.needs }
            func count(_ test: (RideNeeds) -> Bool) -> Int { riding.filter(test).count }
            if riding.map(\.seats).reduce(0, +) > vehicle.seats { found.append("after stop \(k): seats") }
            if count(\.wheelchairPlace) > equipment.wheelchairPlaces { found.append("after stop \(k): wheelchair places") }
            if count(\.scooterPlace) > equipment.scooterPlaces { found.append("after stop \(k): scooter places") }
            if count(\.stowedAid) > equipment.stowedAids { found.append("after stop \(k): folded aids") }
            let front = count { $0.frontSeat == .always || ($0.frontSeat == .inACar && equipment.kind == .car) }
            if front > equipment.frontSeats { found.append("after stop \(k): front seats") }
            if riding.count > 1 && riding.contains(where: \.alone) { found.append("after stop \(k): AV-01 shares the vehicle") }
            // Target groups: a rider who keeps to their group (AV-10, or a pupil when pupils do
            // not share) with a rider of another group on board.
            let groups = onBoard.map { rides[$0]! }
            for keeper in groups where keeper.needs.ownGroupOnly || (keeper.group == .school && !pupilsShare) {
                if let other = groups.first(where: { $0.group != keeper.group }) {
                    found.append("after stop \(k): \(keeper.id) (\(keeper.group.rawValue)) rides with \(other.id) (\(other.group.rawValue))")
                }
            }
        }
        return found
    }
}
