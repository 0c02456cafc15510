//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Synchronization

/// Travel times between the nodes of a day, each asked of the road model once and then
/// remembered: a street-network query costs microseconds, and a search asks for the same few
/// pairs (stops that can share a route) again and again. Only the pairs asked are stored.
final class TravelTimeMemo: Sendable {
    private let nodeCount: Int
    private let minutes: @Sendable (Int, Int) -> Double
    private let known = Mutex<[Int: Double]>([:])

    init(nodeCount: Int, minutes: @escaping @Sendable (Int, Int) -> Double) {
        self.nodeCount = nodeCount
        self.minutes = minutes
    }

    /// Minutes from node `i` to node `j`.
    func time(_ i: Int, _ j: Int) -> Double {
        let key = i * nodeCount + j
        if let time = known.withLock({ $0[key] }) { return time }
        let time = minutes(i, j)
        known.withLock { $0[key] = time }
        return time
    }
}
