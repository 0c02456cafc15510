//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Bookings
public import Domain
public import Foundation
public import GTFS
public import Mobility
public import Planner
import Transit

/// The embedded Twente feed (`Timetables/twente`), its service rules and the Twente scenario
/// (`Scenarios/twente`), loaded once, for planner, booking, server and simulation tests.
public enum TwenteWorld {
    /// The repository's root folder.
    public static let root = SharedData.repository

    /// The embedded Twente feed with its rules and the Twente scenario.
    public static let world: Result<Region, any Error> = Result {
        try Region.load(
            feed: root.appendingPathComponent("Timetables/twente").path, scenario: root.appendingPathComponent("Scenarios/twente").path)
    }

    /// A planner on the Twente world with the scenario's fleet and volunteers, on straight-line roads.
    public static func planner() throws -> TripPlanner {
        try world.get().planner()
    }

    /// A desk on `store`; `adjust` changes the scenario's supply first (e.g. a smaller fleet).
    public static func desk(_ store: any BookingStore, adjust: (inout SupplyFiles) -> Void = { _ in }) throws -> BookingDesk {
        let region = try world.get()
        var supply = region.supply
        adjust(&supply)
        return try BookingDesk(store: store, region: region.with(supply: supply))
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
            clone.id = TravellerID(rawValue: k < 10 ? "w0\(k)" : "w\(k)")
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
        _ desk: BookingDesk, traveller: TravellerID, from: Coordinate = westerhaar, to: Coordinate = zgtAlmelo, date: String, depart: String? = nil,
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
