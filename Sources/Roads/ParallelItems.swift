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

/// Independent items on several threads, each thread with a state of its own (a PBF block's
/// inflater and decoder, a witness search's arrays). Thread `t` takes items `t`, `t + threads`,
/// … (items of similar cost balance without a shared counter) and each output goes to its
/// item's index, so what comes back does not depend on the thread timing or on how many
/// threads ran.
enum ParallelItems {
    /// The online cores, at most 8 (zlib and the witness searches do not scale further on the
    /// sizes goan handles).
    static let cores: Int = {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(8, Int(online)))
    }()

    /// `work(&states[t], i)` for every `i` in `0..<count`, in item order, on `states.count`
    /// threads (one when there is one item or one state).
    static func map<State, Output>(
        _ count: Int, states: UnsafeMutableBufferPointer<State>, _ work: (inout State, Int) -> Output
    ) -> [Output] {
        let threads = min(states.count, count)
        guard threads > 1 else { return (0..<count).map { work(&states[0], $0) } }
        return withoutActuallyEscaping(work) { work in
            let job = Job(count: count, threads: threads, states: states, work: work)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in job.run(thread) }
            return job.outputs.map { $0! }
        }
    }
}

/// One `map` call: its work, the states and the outputs, shared by its threads.
///
/// `@unchecked Sendable` because the compiler cannot see that the sharing is safe: thread `t`
/// uses only `states[t]` and writes only its own items of `outputs` (`run(t)` touches items `t`,
/// `t + threads`, …), and `concurrentPerform` returns only after every thread finished, before
/// anyone reads them.
private final class Job<State, Output>: @unchecked Sendable {
    let count: Int
    let threads: Int
    let states: UnsafeMutableBufferPointer<State>
    let work: (inout State, Int) -> Output
    let outputs: UnsafeMutableBufferPointer<Output?>

    init(count: Int, threads: Int, states: UnsafeMutableBufferPointer<State>, work: @escaping (inout State, Int) -> Output) {
        self.count = count
        self.threads = threads
        self.states = states
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
            outputs[i] = work(&states[thread], i)
            i &+= threads
        }
    }
}
