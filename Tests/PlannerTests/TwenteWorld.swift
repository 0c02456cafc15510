//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import Mobility
import Planner
import Transit

/// The embedded Twente feed, its service rules and the Twente scenario, loaded once.
enum TwenteWorld {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct World: Sendable {
        let timetable: Timetable
        let rules: ServiceRules
        let services: [OnDemandService]
        let supply: SupplyFiles
    }

    static let world: Result<World, any Error> = Result {
        let feed = try Feed.load(from: .directory(root.appendingPathComponent("Timetables/twente").path))
        let timetable = Timetable.build(from: feed)
        let rules = try ServiceRules.load(from: root.appendingPathComponent("Timetables/twente/service-rules.json").path)
        let services = try rules.services.map { try OnDemandService(rules: $0, feed: feed) }
        let supply = try SupplyFiles.load(directory: root.appendingPathComponent("Scenarios/twente").path)
        return World(timetable: timetable, rules: rules, services: services, supply: supply)
    }

    static func planner() throws -> TripPlanner {
        let w = try world.get()
        return TripPlanner(timetable: w.timetable, services: w.services, fleet: w.supply.vehicles, volunteers: w.supply.volunteers, road: StraightLineRoadModel())
    }

    /// Unix seconds of a wall-clock time in Amsterdam.
    static func at(_ date: String, _ time: String) -> Int64 {
        ServiceDayClock.unix(wallClock: Int(ClockTime.seconds(time)!), on: ServiceDate(date)!, timezone: "Europe/Amsterdam")
    }
}
