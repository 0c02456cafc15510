//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import GTFS
import Mobility
import Transit

extension GoanCommand {
    /// `goan feed validate|info PATH`.
    struct FeedCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed", abstract: "Check and describe GTFS feeds.",
            subcommands: [Validate.self, Info.self])
    }
}

extension GoanCommand.FeedCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every error and warning in a feed (file, line, column).",
            discussion: """
                Checks the GTFS files, the GTFS-Flex files (booking_rules.txt, location_groups.txt, locations.geojson, \
                flexible stop_times) and, when the feed has one, service-rules.json (and that its routes and zones are in the feed). \
                Exits with status 1 when the feed or its service rules have errors, 0 otherwise.
                """)

        @Argument(help: "A GTFS feed: a .zip or a directory.")
        var path: String

        @Option(help: "Show at most this many warnings.")
        var maxWarnings: Int = 100

        func run() throws {
            let (text, valid) = try report()
            print(text)
            if !valid { throw ExitCode.failure }
        }

        /// The report as printed, and whether the feed can be loaded.
        func report() throws -> (String, Bool) {
            let source = try FeedSource.at(path)
            var (feed, diagnostics) = try Feed.inspect(source)
            diagnostics += try Self.serviceRulesDiagnostics(source, feed: feed)
            let errors = diagnostics.filter { $0.severity == .error }
            let warnings = diagnostics.filter { $0.severity == .warning }
            var lines = errors.map(\.description) + warnings.prefix(maxWarnings).map(\.description)
            if warnings.count > maxWarnings { lines.append("… and \(warnings.count - maxWarnings) more warnings") }
            let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
            if errors.isEmpty, let feed {
                lines.append("\(path): valid: \(feed.stops.count) stops, \(feed.trips.count) trips, \(plural(warnings.count, "warning"))")
                return (lines.joined(separator: "\n"), true)
            }
            // The GTFS files may be fine while the service rules beside them are not.
            let verdict = feed == nil ? "the feed cannot be loaded" : "its service-rules.json cannot be used"
            lines.append("\(path): \(plural(errors.count, "error")), \(plural(warnings.count, "warning")): \(verdict)")
            return (lines.joined(separator: "\n"), false)
        }

        /// The problems of the feed's `service-rules.json`, as diagnostics like the GTFS ones
        /// (none when the feed has no such file).
        static func serviceRulesDiagnostics(_ source: FeedSource, feed: Feed?) throws -> [Diagnostic] {
            let file = "service-rules.json"
            let bytes: [UInt8]?
            do {
                bytes = try source.contents(of: file)
            } catch let error as FeedLoadError {
                throw CLIError(error.description)
            }
            guard let bytes else { return [] }
            return ServiceRules.problems(Data(bytes), file: file, feed: feed).map { problem in
                .error(file: file, line: problem.line, column: problem.field, problem.message, position: problem.column)
            }
        }
    }

    struct Info: PrintingCommand {
        static let configuration = CommandConfiguration(abstract: "Counts, agencies and the date range of a feed.")

        @Argument(help: "A GTFS feed: a .zip or a directory.")
        var path: String

        /// The description as printed.
        func execute() throws -> String {
            var lines: [String] = []
            func print(_ line: String) { lines.append(line) }
            let feed: Feed
            do {
                feed = try Feed.load(from: FeedSource.at(path))
            } catch let error as FeedLoadError {
                throw CLIError(error.description)
            }
            let timetable = Timetable.build(from: feed)
            print("feed:        \(path)")
            if let info = feed.feedInfo {
                print("publisher:   \(info.publisherName)\(info.version.isEmpty ? "" : " (version \(info.version))")")
            }
            print("time zone:   \(feed.timezone)")
            if let range = feed.dateRange {
                print("service:     \(range.lowerBound) to \(range.upperBound) (\(range.upperBound.dayNumber - range.lowerBound.dayNumber + 1) days)")
            } else {
                print("service:     no service days")
            }
            print("agencies:    \(feed.agencies.count)")
            for agency in feed.agencies {
                let routes = feed.routes.filter { feed.agencies[Int($0.agency)].id == agency.id }.count
                print("  \(agency.id.isEmpty ? "-" : agency.id)  \(agency.name)  (\(routes) route\(routes == 1 ? "" : "s"))")
            }
            let stations = feed.stops.filter { $0.locationType == .station }.count
            print("stops:       \(feed.stops.count) (\(stations) stations)")
            print("routes:      \(feed.routes.count)")
            print("trips:       \(feed.trips.count)")
            print("stop times:  \(feed.stopTimes.count)")
            print("frequencies: \(feed.frequencies.count)")
            print("transfers:   \(feed.transfers.count)")
            if !feed.flexStopTimes.isEmpty || !feed.bookingRules.isEmpty {
                let flexTrips = Set(feed.flexStopTimes.map(\.trip)).count
                print("flex:        \(flexTrips) flexible trips, \(feed.flexLocations.count) zones, \(feed.locationGroups.count) stop groups, \(feed.bookingRules.count) booking rules")
            }
            print("warnings:    \(feed.warnings.count) (goan feed validate lists them)")
            print("timetable:   \(timetable.patternCount) patterns, \(timetable.tripCount) trips, \(timetable.serviceDays.setCount) day sets, \(formatBytes(timetable.byteCount))")
            return lines.joined(separator: "\n")
        }
    }
}

func formatBytes(_ bytes: Int) -> String {
    if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
    if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) }
    return "\(bytes) B"
}
