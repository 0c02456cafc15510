//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Decodes blocks on all cores: inflating dominates reading a PBF file, and blocks are
/// independent. Results come back in block order, so what the reader builds from them (and
/// which defect it reports first) does not depend on the thread timing.
enum ParallelBlocks {
    /// The number of threads to use (see ``ParallelItems/cores``).
    static var threads: Int { ParallelItems.cores }

    /// `work(&state, i)` for every `i` in `0..<count`, each thread with its own `state` (its
    /// inflater and decoder), made for this call.
    static func map<State, Output>(
        _ count: Int, makeState: () -> State, _ work: (inout State, Int) -> Output
    ) -> [Output] {
        var states = (0..<max(1, min(threads, count))).map { _ in makeState() }
        return states.withUnsafeMutableBufferPointer { ParallelItems.map(count, states: $0, work) }
    }
}
