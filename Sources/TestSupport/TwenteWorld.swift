//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Bookings
public import Foundation
public import GTFS
public import Mobility
public import Planner
public import Transit

/// The embedded Twente feed (`Timetables/twente`), its service rules and the Twente scenario
/// (`Scenarios/twente`), loaded once, for planner, booking, server and simulation tests.
public enum TwenteWorld {
    /// The repository's root folder.
    public static let root = SharedData.repository

    public struct World: Sendable {
        public let timetable: Timetable
        public let rules: ServiceRules
        /// The on-demand services of `rules` on the Twente feed.
        public let services: [OnDemandService]
        public let supply: SupplyFiles
    }

    public static let world: Result<World, any Error> = Result {
        let feed = try Feed.load(from: .directory(root.appendingPathComponent("Timetables/twente").path))
        let rules = try ServiceRules.load(from: root.appendingPathComponent("Timetables/twente/service-rules.json").path)
        return World(
            timetable: Timetable.build(from: feed),
            rules: rules,
            services: try rules.services.map { try OnDemandService(rules: $0, feed: feed) },
            supply: try SupplyFiles.load(directory: root.appendingPathComponent("Scenarios/twente").path))
    }

    /// A planner on the Twente world with the scenario's fleet and volunteers, on straight-line roads.
    public static func planner() throws -> TripPlanner {
        let w = try world.get()
        return TripPlanner(
            timetable: w.timetable, services: w.services, fleet: w.supply.vehicles, volunteers: w.supply.volunteers, road: StraightLineRoadModel())
    }

    /// A desk on `store`; `adjust` changes the scenario's supply first (e.g. a smaller fleet).
    public static func desk(_ store: any BookingStore, adjust: (inout SupplyFiles) -> Void = { _ in }) throws -> BookingDesk {
        let w = try world.get()
        var supply = w.supply
        adjust(&supply)
        return try BookingDesk(store: store, timetable: w.timetable, rules: w.rules, supply: supply)
    }

    /// The scenario with one Regiotaxi vehicle with one wheelchair place, and `count` more
    /// wheelchair users (`w01`, `w02`, …) like Mevrouw Jansen.
    public static func lastWheelchairPlace(_ supply: inout SupplyFiles, wheelchairUsers count: Int) {
        var vehicle = supply.vehicles[0]
        vehicle.wheelchairPlaces = 1
        supply.vehicles = [vehicle]
        let jansen = supply.travellers.first { $0.id == "jansen" }!
        for k in 1 ... count {
            var clone = jansen
            clone.id = k < 10 ? "w0\(k)" : "w\(k)"
            supply.travellers.append(clone)
        }
    }

    /// Unix seconds of a wall-clock time in Amsterdam.
    public static func at(_ date: String, _ time: String) -> Int64 {
        ServiceDayClock.unix(wallClock: Int(ClockTime.seconds(time)!), on: ServiceDate(date)!, timezone: "Europe/Amsterdam")
    }

    public static let westerhaar = Coordinate(latitude: 52.459, longitude: 6.6195)
    public static let zgtAlmelo = Coordinate(latitude: 52.3497, longitude: 6.6378)

    /// A trip request of a traveller of the desk, departing (or arriving by) a wall-clock time.
    public static func request(
        _ desk: BookingDesk, traveller: String, from: Coordinate = westerhaar, to: Coordinate = zgtAlmelo, date: String, depart: String? = nil,
        arrive: String? = nil, bookedAt: Int64
    ) throws -> PlanRequest {
        let day = ServiceDate(date)!
        let wall = Int64(ClockTime.seconds(depart ?? arrive!)!)
        let seconds = Int32(ServiceDayClock.unix(wallClock: Int(wall), on: day, timezone: "Europe/Amsterdam") - ServiceDayClock.noonMinus12h(day, timezone: "Europe/Amsterdam"))
        return PlanRequest(
            traveller: try desk.traveller(traveller), origin: from, originName: "home", destination: to, destinationName: "ZGT Almelo", date: day,
            time: depart != nil ? .departAt(seconds) : .arriveBy(seconds), bookedAt: bookedAt)
    }
}
