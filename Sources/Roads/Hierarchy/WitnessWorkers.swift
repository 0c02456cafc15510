//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Dispatch

/// Threads for the witness searches of one round of the greedy contraction, each with its own
/// ``WitnessSearch`` kept from round to round (a search holds arrays as long as the graph, too
/// costly to allocate per round).
///
/// Thread `t` takes items `t`, `t + threads`, … and every output goes to its item's index, so
/// what a round computes does not depend on the thread timing or on the number of threads.
///
/// `@unchecked Sendable` because the compiler cannot see that the sharing is safe: thread `t`
/// uses only `searches[t]` and writes only its own items of the output, and `map` returns
/// only after every thread finished.
final class WitnessWorkers: @unchecked Sendable {
    let threads: Int
    private let searches: UnsafeMutableBufferPointer<WitnessSearch>

    /// Fewer items than this are not worth waking a second thread for.
    private static let itemsPerThread = 2

    init(threads: Int, nodeCount: Int) {
        self.threads = max(1, threads)
        searches = .allocate(capacity: self.threads)
        searches.initialize(repeating: WitnessSearch(nodeCount: 0))
        for t in 0..<self.threads { searches[t] = WitnessSearch(nodeCount: nodeCount) }
    }

    deinit {
        searches.deinitialize()
        searches.deallocate()
    }

    /// `work(&search, i)` for every `i` in `0..<count`, in item order.
    func map<Output>(_ count: Int, _ work: (inout WitnessSearch, Int) -> Output) -> [Output] {
        let used = min(threads, max(1, count / Self.itemsPerThread))
        if used == 1 { return (0..<count).map { work(&searches[0], $0) } }
        return withoutActuallyEscaping(work) { work in
            let round = Round(count: count, threads: used, searches: searches, work: work)
            DispatchQueue.concurrentPerform(iterations: used) { thread in round.run(thread) }
            return round.results()
        }
    }
}

/// One `map` call: its work, the searches and the outputs, shared by its threads (see
/// ``WitnessWorkers`` for why this is safe).
private final class Round<Output>: @unchecked Sendable {
    let count: Int
    let threads: Int
    let searches: UnsafeMutableBufferPointer<WitnessSearch>
    let work: (inout WitnessSearch, Int) -> Output
    let outputs: UnsafeMutableBufferPointer<Output?>

    init(count: Int, threads: Int, searches: UnsafeMutableBufferPointer<WitnessSearch>, work: @escaping (inout WitnessSearch, Int) -> Output) {
        self.count = count
        self.threads = threads
        self.searches = searches
        self.work = work
        outputs = .allocate(capacity: count)
        outputs.initialize(repeating: nil)
    }

    deinit {
        outputs.deinitialize()
        outputs.deallocate()
    }

    func run(_ thread: Int) {
        var i = thread
        while i < count {
            outputs[i] = work(&searches[thread], i)
            i &+= threads
        }
    }

    func results() -> [Output] { outputs.map { $0! } }
}
