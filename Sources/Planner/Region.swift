//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
public import Mobility
public import Transit

/// Everything goan plans, books, dispatches and simulates with, loaded once: the timetable, the
/// on-demand services with their rules, the supply (fleet, volunteers, places, travellers) and
/// the road model. The composition root: every command, the server and the simulator start
/// from one `Region` instead of reading the files themselves.
///
/// Invariant: `services` are `rules.services` bound to `timetable`'s feed, in the same order.
public struct Region: Sendable {
    public let timetable: Timetable
    public let rules: ServiceRules
    public let services: [OnDemandService]
    public let supply: SupplyFiles
    public let road: any RoadModel

    /// Binds the rules' services to the timetable's feed (zones, stop groups, booking rules).
    /// Without `road`, the straight-line estimate with the timetable's walking speed and detour.
    public init(timetable: Timetable, rules: ServiceRules, supply: SupplyFiles, road: (any RoadModel)? = nil) throws {
        self.timetable = timetable
        self.rules = rules
        self.services = try rules.services.map { try OnDemandService(rules: $0, feed: timetable.feed) }
        self.supply = supply
        self.road = road ?? Self.straightLine(timetable.options)
    }

    /// The straight-line estimate that walks as the timetable's options say.
    public static func straightLine(_ options: TimetableOptions) -> StraightLineRoadModel {
        StraightLineRoadModel(walkingSpeed: options.walkingSpeed, walkingDetourFactor: options.detourFactor)
    }

    /// Loads a region: the feed at `feed` (a folder or .zip) with its `service-rules.json`
    /// (`rules`, default: beside the feed) and the scenario folder `scenario` (fleet,
    /// volunteers, places, travellers). Errors name the file and the field.
    /// With `road`, footpaths between stops are walked on it too.
    public static func load(
        feed: String, rules: String? = nil, scenario: String, options: TimetableOptions = TimetableOptions(), road: (any RoadModel)? = nil
    ) throws -> Region {
        let loaded = try Feed.load(from: FeedSource.at(feed))
        let timetable = Timetable.build(from: loaded, options: options, walkingTimes: road.map(Self.footpathTimes))
        return try Region(
            timetable: timetable, rules: try ServiceRules.load(from: rules ?? feed + "/service-rules.json"),
            supply: try SupplyFiles.load(directory: scenario), road: road)
    }

    /// Walking times between stops on a road model, for ``Timetable/build(from:options:walkingTimes:)``.
    public static func footpathTimes(_ road: any RoadModel) -> WalkingTimes {
        { from, to in road.walks(from: from, to: to, as: .foot).map { $0?.seconds } }
    }

    /// The same region with another road model (a scenario's own network). The timetable's
    /// footpaths stay as they were built.
    public func with(road: any RoadModel) -> Region {
        Region(timetable: timetable, rules: rules, services: services, supply: supply, road: road)
    }

    /// The same region with other supply (a scenario's scaled fleet and its own travellers).
    public func with(supply: SupplyFiles) -> Region {
        Region(timetable: timetable, rules: rules, services: services, supply: supply, road: road)
    }

    /// The same region with other rules (a scenario's overrides), services bound again.
    public func with(rules: ServiceRules) throws -> Region {
        try Region(timetable: timetable, rules: rules, supply: supply, road: road)
    }

    private init(timetable: Timetable, rules: ServiceRules, services: [OnDemandService], supply: SupplyFiles, road: any RoadModel) {
        self.timetable = timetable
        self.rules = rules
        self.services = services
        self.supply = supply
        self.road = road
    }

    /// A planner over this region (one per thread: a planner keeps scratch memory).
    public func planner() -> TripPlanner {
        TripPlanner(timetable: timetable, services: services, fleet: supply.vehicles, volunteers: supply.volunteers, road: road)
    }

    /// The time zone of the timetable (IANA name): the edge where wall-clock times are read.
    public var timezone: String { timetable.feed.timezone }
}
