//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//


/// Marks on the nodes of a graph that a search sets and the next search forgets at no cost: a
/// node is marked when its stamp is the current search's, so starting a search is O(1) instead
/// of clearing every node (all stamps are cleared only when the counter wraps, once in 2³² searches).
struct SearchStamps {
    private var stamp: [UInt32]
    private var current: UInt32 = 0

    init(nodeCount: Int) {
        stamp = Array(repeating: 0, count: nodeCount)
    }

    /// Forgets every mark: the next search starts.
    mutating func removeAll() {
        current &+= 1
        if current == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            current = 1
        }
    }

    @inline(__always)
    func contains(_ node: Int) -> Bool { stamp[node] == current }

    @inline(__always)
    mutating func insert(_ node: Int) { stamp[node] = current }

    /// Unmarks `node` (0 is never a current stamp).
    @inline(__always)
    mutating func remove(_ node: Int) { stamp[node] = 0 }
}
