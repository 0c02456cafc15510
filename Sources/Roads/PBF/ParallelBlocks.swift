//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes blocks on all cores: inflating dominates reading a PBF file, and blocks are
/// independent. Results come back in block order, so what the reader builds from them (and
/// which defect it reports first) does not depend on the thread timing.
enum ParallelBlocks {
    /// The number of threads to use: the online cores, at most 8 (zlib does not scale further
    /// on the sizes of file goan reads).
    static let threads: Int = {
        let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(8, Int(cores)))
    }()

    /// `work(&state, i)` for every `i` in `0..<count`, each thread with its own `state` (its
    /// inflater and decoder); thread `t` takes items `t`, `t + threads`, … (blocks are of
    /// similar size, so this balances without a shared counter).
    static func map<State, Output>(
        _ count: Int, makeState: @escaping () -> State, _ work: @escaping (inout State, Int) -> Output
    ) -> [Output] {
        let threads = min(Self.threads, count)
        guard threads > 1 else {
            var state = makeState()
            return (0..<count).map { work(&state, $0) }
        }
        let job = Job(count: count, threads: threads, makeState: makeState, work: work)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in job.run(thread) }
        return job.results.map { $0! }
    }
}

/// One `map` call's closures and results, shared by its threads.
///
/// `@unchecked Sendable` because the compiler cannot see that the sharing is safe: each thread
/// writes only its own items of `results` (`run(t)` touches items `t`, `t + threads`, …), and
/// `concurrentPerform` returns only after every thread finished, before anyone reads them.
private final class Job<State, Output>: @unchecked Sendable {
    let count: Int
    let threads: Int
    let makeState: () -> State
    let work: (inout State, Int) -> Output
    let results: UnsafeMutableBufferPointer<Output?>

    init(count: Int, threads: Int, makeState: @escaping () -> State, work: @escaping (inout State, Int) -> Output) {
        self.count = count
        self.threads = threads
        self.makeState = makeState
        self.work = work
        results = .allocate(capacity: count)
        results.initialize(repeating: nil)
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }

    func run(_ thread: Int) {
        var state = makeState()
        var i = thread
        while i < count {
            results[i] = work(&state, i)
            i &+= threads
        }
    }
}
