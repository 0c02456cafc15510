//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
@testable import GoanCLI
import GTFS
import Mobility
import Planner
import Roads
import TestSupport
import Testing
import Transit

/// `goan roads` and `--roads` in-process, on a synthetic street network.
@Suite struct RoadsCommandTests {
    static func temporaryRoads(_ model: NetworkRoadModel) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("goan-cli-\(UUID().uuidString).roads").path
        try model.network.write(to: path)
        return path
    }

    @Test func aNetworkOfAnotherRegionIsNamedInAWarning() throws {
        let feed = try TwenteWorld.world.get().timetable.feed
        let twente = try SyntheticStreets.twente.get()
        #expect(TimetableArguments.coverageWarning(twente, feed: feed) == nil)
        let elsewhere = NetworkRoadModel(
            network: RoadNetwork(extract: SyntheticStreets.extract(southWest: Coordinate(latitude: 60.16, longitude: 24.93), rows: 5, columns: 5, spacing: 100), source: "x"),
            source: "helsinki.roads")
        let warning = try #require(TimetableArguments.coverageWarning(elsewhere, feed: feed))
        #expect(warning.contains("helsinki.roads"))
        #expect(warning.contains("covers none of the feed's \(feed.stops.count) stops"))
    }

    @Test func routeAndInfoAnswerFromAFile() throws {
        let path = try Self.temporaryRoads(try SyntheticStreets.twente.get())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let info = try GoanCommand.RoadsCommand.Info.parse([path]).execute()
        #expect(info.contains("road network of synthetic-twente.osm.pbf"))
        let car = try #require(info.split(separator: "\n").first { $0.hasPrefix("car ") })
        #expect(car.split(separator: " ").first { !$0.isEmpty && $0 != "car" } == "8100", "car nodes: \(car)")
        let route = try GoanCommand.RoadsCommand.Route.parse([
            "--roads", path, "--profile", "car", "--from", "52.459,6.6195", "--to", "52.3497,6.6378", "--json",
        ]).execute()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(route.utf8)) as? [String: Any])
        #expect((object["seconds"] as? Double ?? 0) > 600)
        #expect((object["metres"] as? Double ?? 0) > 12_000, "longer than the straight line")
        #expect((object["geometry"] as? [[Double]])?.count ?? 0 > 40)
        #expect(object["roadModel"] as? String == "road network: synthetic-twente.osm.pbf")
    }

    @Test(arguments: [
        (["--profile", "bus"], "is not a profile"),
        (["--profile", "car", "--speed", "2"], "--speed is for foot and wheelchair"),
        (["--profile", "foot", "--speed", "0"], "--speed must be a positive number"),
    ])
    func badProfileArgumentsAreRefused(arguments: [String], message: String) throws {
        let path = try Self.temporaryRoads(try SyntheticStreets.twente.get())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try GoanCommand.RoadsCommand.Route.parse(["--roads", path, "--from", "52.459,6.6195", "--to", "52.46,6.62"] + arguments)
        #expect {
            _ = try command.execute()
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aPointFarFromEveryRoadIsRefused() throws {
        let path = try Self.temporaryRoads(try SyntheticStreets.twente.get())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try GoanCommand.RoadsCommand.Route.parse(["--roads", path, "--profile", "foot", "--from", "52.0,6.5", "--to", "52.46,6.62"])
        #expect {
            _ = try command.execute()
        } throws: { error in
            "\(error)".contains("--from: the nearest foot road is")
        }
    }
}
