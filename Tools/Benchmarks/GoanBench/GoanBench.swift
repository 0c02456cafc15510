//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Planner

/// `goan-bench`: the benchmarks behind `Tools/bench_*.sh` (release builds). They print
/// numbers and ratios and never fail on them; users' commands stay in `goan`.
@main
struct GoanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goan-bench", abstract: "Benchmarks of goan (run them on a release build).",
        subcommands: [PlannerBenchmark.self, InsertionBenchmark.self, FeasibilityBenchmark.self, RoadsGridBenchmark.self])
}

/// The region a benchmark runs on: a feed with its service rules and a scenario folder.
struct RegionOptions: ParsableArguments {
    @Option(help: "The GTFS feed (a folder with service-rules.json).")
    var feed = "Timetables/twente"

    @Option(help: "The scenario folder (fleet, volunteers, places, travellers).")
    var scenario = "Scenarios/twente"

    func load() throws -> Region { try Region.load(feed: feed, scenario: scenario) }
}

/// Milliseconds of a measured duration.
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// The value below which a share `p` (0…1) of `values` lie (nearest rank).
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
}
