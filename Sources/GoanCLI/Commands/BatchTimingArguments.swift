//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//


import ArgumentParser
import Foundation

/// How the batch commands (`route-batch`, `roads batch`) time their queries, the way their
/// peers (nigiri_ref.py, osm_ref.py) time theirs: untimed warm-up queries, then timed passes
/// over all queries.
struct BatchTimingArguments: ParsableArguments {
    @Option(help: "Untimed warm-up queries before timing (as the peer's timing mode does).")
    var warmup: Int = 0

    @Option(help: "Timed passes over all queries; the statistics cover every pass.")
    var `repeat`: Int = 1

    /// Called by the command where it checks its other options, so their order is kept.
    func check() throws {
        guard warmup >= 0, (1 ... 100).contains(`repeat`) else {
            throw ValidationError("--warmup must be ≥ 0 and --repeat within 1…100")
        }
    }

    /// Answers queries `0..<count` by `answer`: the first `warmup` untimed, then every query in
    /// each of `repeat` passes, timed one by one. `record` gets each timed answer with its pass
    /// (outside the timing). Returns the milliseconds of the timed answers, in increasing order.
    func time<Answer>(
        queries count: Int, _ answer: (Int) -> Answer, record: (_ index: Int, _ pass: Int, Answer) -> Void = { _, _, _ in }
    ) -> [Double] {
        for i in 0 ..< min(warmup, count) { _ = answer(i) }
        let clock = ContinuousClock()
        var millis: [Double] = []
        millis.reserveCapacity(count * `repeat`)
        for pass in 0 ..< `repeat` {
            for i in 0 ..< count {
                let start = clock.now
                let result = answer(i)
                millis.append((clock.now - start).seconds * 1000)
                record(i, pass, result)
            }
        }
        return millis.sorted()
    }

    /// The median of `sorted` milliseconds (the mean of the two middle ones for an even count,
    /// as the peers' `statistics.median`), 0 when there are none.
    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The 95th percentile (nearest rank) of `sorted` milliseconds, 0 when there are none.
    static func p95(_ sorted: [Double]) -> Double {
        sorted.isEmpty ? 0 : sorted[max(0, Int((0.95 * Double(sorted.count)).rounded(.up)) - 1)]
    }

    /// The summary line the peer comparisons read (compare_with_nigiri.py, compare_roads.py):
    /// `queries=N median_ms=… p95_ms=… load_s=…`, from the timings in increasing order.
    static func summary(queries: Int, sorted millis: [Double], loadSeconds: Double) -> String {
        String(format: "queries=%d median_ms=%.4f p95_ms=%.4f load_s=%.3f", queries, median(millis), p95(millis), loadSeconds)
    }
}
