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
/// costly to allocate per round). See ``ParallelItems`` for how items are shared out.
///
/// `@unchecked Sendable` (it is passed to the threads of ``ParallelItems/map``): thread `t`
/// uses only `searches[t]`, and `map` returns only after every thread finished.
final class WitnessWorkers: @unchecked Sendable {
    private let searches: UnsafeMutableBufferPointer<WitnessSearch>

    /// Fewer items per thread than this are not worth waking another thread for.
    private static let itemsPerThread = 2

    init(threads: Int, nodeCount: Int) {
        searches = .allocate(capacity: max(1, threads))
        searches.initialize(repeating: WitnessSearch(nodeCount: 0))
        for t in searches.indices { searches[t] = WitnessSearch(nodeCount: nodeCount) }
    }

    deinit {
        searches.deinitialize()
        searches.deallocate()
    }

    /// `work(&search, i)` for every `i` in `0..<count`, in item order.
    func map<Output>(_ count: Int, _ work: (inout WitnessSearch, Int) -> Output) -> [Output] {
        let threads = min(searches.count, max(1, count / Self.itemsPerThread))
        return ParallelItems.map(count, states: UnsafeMutableBufferPointer(rebasing: searches[0..<threads]), work)
    }
}
