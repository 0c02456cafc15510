//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import ArgumentParser
import Foundation
import GTFS
import Mobility
import Planner
import Roads
public import Transit

/// Options shared by every command that reads a timetable.
struct TimetableArguments: ParsableArguments {
    @Option(name: .long, help: "A GTFS feed: a .zip or a directory. Default: the embedded Twente feed.")
    var feed: String?

    @Option(
        name: .long,
        help: "Footpaths between stops: transfers-only (transfers.txt only) or generated (also walking between stops within 400 m).")
    var footpaths: TimetableOptions.Footpaths = .generated

    @Option(name: .long, help: "Seconds needed to change vehicles at one stop where transfers.txt gives no time.")
    var minTransferTime: Int32 = 120

    @Option(
        name: .long,
        help: "A street network (.roads, from `goan roads build`) for every drive and walk; default $GOAN_ROADS, else the straight-line estimate.")
    var roads: String?

    func validate() throws {
        if minTransferTime < 0 || minTransferTime > 3600 {
            throw ValidationError("--min-transfer-time must be between 0 and 3600 seconds, not \(minTransferTime)")
        }
    }

    var options: TimetableOptions {
        TimetableOptions(footpaths: footpaths, defaultMinTransferTime: minTransferTime)
    }

    /// The feed path to read: --feed, else $GOAN_FEED, else the embedded Twente feed.
    func feedPath() throws -> String {
        if let feed { return feed }
        return try DefaultFeed.path()
    }

    /// The road model: the network of --roads (or $GOAN_ROADS), else the straight-line
    /// estimate with the timetable's walking speed and detour.
    func roadModel() throws -> any RoadModel {
        guard let path = roads ?? ProcessInfo.processInfo.environment["GOAN_ROADS"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return Region.straightLine(options)
        }
        do {
            return try NetworkRoadModel(path: path, walkingSpeed: options.walkingSpeed)
        } catch let error as RoadsFileError {
            throw CLIError("--roads: \(error)")
        }
    }

    /// A warning when the street network lies wholly outside the feed's area (a `.roads` file of
    /// another region): nothing breaks, but every drive and walk then falls back or is refused.
    static func coverageWarning(_ model: NetworkRoadModel, feed: Feed) -> String? {
        guard let box = model.network.bounds else { return "warning: \(model.source) holds no roads" }
        let covered = feed.stops.contains {
            $0.latitude >= box.minLatitude && $0.latitude <= box.maxLatitude && $0.longitude >= box.minLongitude && $0.longitude <= box.maxLongitude
        }
        guard !covered, !feed.stops.isEmpty else { return nil }
        return "warning: \(model.source) (\(box)) covers none of the feed's \(feed.stops.count) stops: "
            + "drives there take the straight-line estimate and walks have no answer; is it the right region?"
    }

    /// Loads the feed and builds the timetable, printing load errors as a readable list.
    /// With a road network, footpaths between stops are walked on it.
    func loadTimetable(road: (any RoadModel)? = nil) throws -> (Timetable, seconds: Double) {
        let path = try feedPath()
        let clock = ContinuousClock()
        let start = clock.now
        let feed: Feed
        do {
            feed = try Feed.load(from: FeedSource.at(path))
        } catch let error as FeedLoadError {
            throw CLIError(error.description)
        }
        let network = road.flatMap { $0 is NetworkRoadModel ? $0 : nil }
        if let model = network as? NetworkRoadModel, let warning = Self.coverageWarning(model, feed: feed) {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        let timetable = Timetable.build(from: feed, options: options, walkingTimes: network.map(Region.footpathTimes))
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (timetable, seconds)
    }
}

extension TimetableArguments {
    /// The region of the feed (with the `service-rules.json` beside it) and a scenario folder
    /// (`scenario`, else the default Twente scenario): what every command that plans, books,
    /// dispatches or simulates starts from. Errors name the file and the field.
    func loadRegion(scenario: String?) throws -> Region {
        let road = try roadModel()
        let (timetable, _) = try loadTimetable(road: road)
        let feedPath = try feedPath()
        do {
            return try Region(
                timetable: timetable, rules: try ServiceRules.load(from: feedPath + "/service-rules.json"),
                supply: try SupplyFiles.load(directory: try DefaultScenario.path(explicit: scenario, feedPath: feedPath)), road: road)
        } catch let error as RulesError {
            throw CLIError(error.description)
        }
    }
}

extension TimetableOptions.Footpaths: ExpressibleByArgument {}

/// An error the CLI reports as one clear message (no stack trace) and exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Finds the embedded Twente feed.
enum DefaultFeed {
    /// `$GOAN_FEED`, else `Timetables/twente` of the source tree goan was built from, else
    /// `Timetables/twente` below the current directory.
    static func path() throws -> String {
        if let env = ProcessInfo.processInfo.environment["GOAN_FEED"], !env.isEmpty { return env }
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Timetables/twente").path
        let candidates = [fromSource, FileManager.default.currentDirectoryPath + "/Timetables/twente"]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/stops.txt") {
            return candidate
        }
        throw CLIError("the embedded Twente feed was not found (looked in \(candidates.joined(separator: ", "))); pass --feed PATH or set GOAN_FEED")
    }
}
