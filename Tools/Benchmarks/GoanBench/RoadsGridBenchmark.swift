//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import Roads

/// The scaling table of `Tools/bench_roads.sh`: preparation and query times of the road network
/// on generated grid-like networks of growing size (no million-node extract ships with goan).
struct RoadsGridBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roads-grid",
        abstract: "Prepare generated grid-like car networks and time point-to-point queries and a matrix.",
        discussion: "Prints per size: nodes=… arcs=… shortcuts=… build_s=… query_median_ms=… query_p95_ms=… matrix100_ms=… memory_mb=…")

    @Option(help: "Comma-separated node counts.")
    var nodes = "10000,100000,1000000"

    @Option(help: "Point-to-point queries per size.")
    var queries = 1000

    @Option(help: "Seed of the network and the queries.")
    var seed: UInt64 = 1

    @Option(help: "Threads for the preparation (default: the online cores).")
    var threads: Int?

    func run() throws {
        let sizes = nodes.split(separator: ",").compactMap { Int($0) }
        guard !sizes.isEmpty, sizes.allSatisfy({ (100...5_000_000).contains($0) }) else {
            throw ValidationError("--nodes must list sizes within 100…5000000")
        }
        let clock = ContinuousClock()
        for size in sizes {
            let start = clock.now
            let network = RoadNetwork(syntheticGridOf: size, seed: seed, threads: threads)
            let build = clock.now - start
            let summary = network.summary(.car)
            let points = network.samplePoints(.car, count: 2 * queries, seed: seed)
            var router = RoadRouter(network: network)
            for i in 0..<min(100, queries) { _ = router.route(from: points[2 * i], to: points[2 * i + 1]) }
            var times: [Double] = []
            for i in 0..<queries {
                let t = clock.now
                _ = router.route(from: points[2 * i], to: points[2 * i + 1])
                times.append(milliseconds(clock.now - t))
            }
            let k = min(100, queries)
            let sources = (0..<k).map { points[2 * $0] }, targets = (0..<k).map { points[2 * $0 + 1] }
            _ = router.matrix(.car, sources: sources, targets: targets)
            let t = clock.now
            _ = router.matrix(.car, sources: sources, targets: targets)
            let matrix = milliseconds(clock.now - t)
            print(String(
                format: "nodes=%d arcs=%d shortcuts=%d build_s=%.2f query_median_ms=%.4f query_p95_ms=%.4f matrix100_ms=%.2f memory_mb=%.1f",
                summary.nodes, summary.arcs, summary.shortcuts, milliseconds(build) / 1000, percentile(times, 0.5), percentile(times, 0.95),
                matrix, Double(network.memoryBytes) / 1_048_576))
        }
    }
}
