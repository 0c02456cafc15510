//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The greedy order, for networks without small separators (see ``ContractionHierarchy``),
/// contracted in rounds of independent nodes so that the witness searches of a round run on
/// all cores (Vetter 2009, "Parallel time-dependent contraction hierarchies").
///
/// **Priority.** `1000 × level + arcs added per arc removed + the same in arcs of the graph`
/// (each quotient in thousandths, simulated with witness searches of
/// ``HierarchyBuilder/estimateSettleLimit`` settled nodes; level: one more than the highest
/// level of a contracted neighbour). Ties are broken by a fixed scramble of the node id, so
/// that a uniform grid does not contract row by row.
///
/// **A round.** Every remaining node whose priority is below all its remaining neighbours'
/// is contracted. These nodes are pairwise not adjacent, so each one's shortcuts join only
/// its own neighbours. They are first detached from the graph together, and only then are
/// their witness searches run, in parallel on the graph that none of them is in. That order is
/// what makes it exact: two nodes of a round cannot serve as each other's witness (on a
/// 4-cycle u–p–v–q, contracting u and v at once would otherwise find the path through the
/// other one and drop both connections from p to q). The shortcuts are then added in node
/// order, and the neighbours' priorities are simulated again: at once for a neighbour with at
/// most ``HierarchyBuilder/simulatedNeighbourDegree`` arcs; a denser one only gets its new
/// level and is simulated again when it next is a local minimum (a lazy update).
///
/// **Determinism.** What a round computes depends only on the graph before it: the same
/// hierarchy comes out on any number of threads (a test builds it on one and on two).
///
/// **Complexity.** A round costs O(remaining nodes × degree) for finding the local minima
/// plus its witness searches; on a street grid a round contracts about a fifth of the nodes
/// left, so the scans add up to a few times the graph.
extension HierarchyBuilder {
    /// Arcs in and out up to which a neighbour of a contracted node has its priority simulated
    /// again at once: a node of a street grid has 8 (4 streets both ways) before its
    /// neighbours are contracted, a node deep in the hierarchy dozens.
    static let simulatedNeighbourDegree = 8

    /// Contracts every node, least important first, in rounds (see above); `threads` only
    /// changes how fast.
    mutating func buildGreedily(threads: Int = ParallelItems.cores) -> ContractionHierarchy {
        let n = outgoing.count
        let workers = WitnessWorkers(threads: threads, nodeCount: n)
        var level = [Int32](repeating: 0, count: n)
        var quotient = Self.quotients(of: Array(0..<Int32(n)), outgoing: outgoing, incoming: incoming, workers: workers)
        // The priority and its tie-break in one comparable integer.
        var key = [UInt64](repeating: 0, count: n)
        func refreshKey(_ v: Int32) {
            let priority = 1000 * level[Int(v)] + quotient[Int(v)]
            key[Int(v)] = UInt64(UInt32(bitPattern: priority) ^ 0x8000_0000) << 32 | UInt64(Self.scramble(UInt32(v)))
        }
        for v in 0..<Int32(n) { refreshKey(v) }
        var stale = [Bool](repeating: false, count: n)
        var touched = [Bool](repeating: false, count: n)

        var rank = [Int32](repeating: -1, count: n)
        var upLists: [[Arc]] = Array(repeating: [], count: n)
        var downLists: [[Arc]] = Array(repeating: [], count: n)
        var next: Int32 = 0
        var remaining = Array(0..<Int32(n))
        while !remaining.isEmpty {
            var batch = localMinima(of: remaining, key: key, workers: workers)
            let staleOnes = batch.filter { stale[Int($0)] }
            if !staleOnes.isEmpty {
                let fresh = Self.quotients(of: staleOnes, outgoing: outgoing, incoming: incoming, workers: workers)
                for (v, q) in zip(staleOnes, fresh) {
                    quotient[Int(v)] = q
                    stale[Int(v)] = false
                    refreshKey(v)
                }
                // A node that is not stale keeps its key and so do its neighbours (no two
                // local minima are adjacent): only the stale ones can drop out.
                batch = batch.filter { isLocalMinimum($0, key: key) }
            }
            let neighbours = batch.map { v in
                contracted[Int(v)] = true
                rank[Int(v)] = next
                next += 1
                return detach(v)
            }
            let found = Self.shortcuts(of: batch, outgoing: outgoing, incoming: incoming, workers: workers)
            var changed: [Int32] = []
            for (i, v) in batch.enumerated() {
                addShortcuts(found[i])
                for w in neighbours[i] {
                    level[Int(w)] = max(level[Int(w)], level[Int(v)] + 1)
                    if !touched[Int(w)] {
                        touched[Int(w)] = true
                        changed.append(w)
                    }
                }
                upLists[Int(v)] = outgoing[Int(v)]
                downLists[Int(v)] = incoming[Int(v)]
                outgoing[Int(v)] = []
                incoming[Int(v)] = []
            }
            let sparse = changed.filter(isSparse)
            for (v, q) in zip(sparse, Self.quotients(of: sparse, outgoing: outgoing, incoming: incoming, workers: workers)) {
                quotient[Int(v)] = q
            }
            for w in changed {
                touched[Int(w)] = false
                stale[Int(w)] = !isSparse(w)
                refreshKey(w)
            }
            remaining.removeAll { contracted[Int($0)] }
        }
        return Self.layout(rank: rank, up: upLists, down: downLists)
    }

    /// Whether `v` has few enough arcs left to have its priority simulated again at once.
    private func isSparse(_ v: Int32) -> Bool {
        outgoing[Int(v)].count + incoming[Int(v)].count <= Self.simulatedNeighbourDegree
    }

    /// The nodes of `nodes` whose key is below every neighbour's, in their order (the scan is
    /// split into chunks for the threads; it only reads).
    private func localMinima(of nodes: [Int32], key: [UInt64], workers: WitnessWorkers) -> [Int32] {
        let chunk = 4096
        let chunks = (nodes.count + chunk - 1) / chunk
        return workers.map(chunks) { _, c in
            nodes[(c * chunk)..<min(nodes.count, (c + 1) * chunk)].filter { isLocalMinimum($0, key: key) }
        }.flatMap { $0 }
    }

    /// Whether `v`'s key is below that of every remaining node within two arcs (keys are
    /// distinct). One arc would do for exactness; two keep the order as good as contracting
    /// one node at a time (measured on a million grid nodes: 4.69 million shortcuts and 55 µs
    /// median queries, against 5.54 million and 66 µs with one arc).
    private func isLocalMinimum(_ v: Int32, key: [UInt64]) -> Bool {
        let own = key[Int(v)]
        for arc in outgoing[Int(v)] where key[Int(arc.other)] < own { return false }
        for arc in incoming[Int(v)] where key[Int(arc.other)] < own { return false }
        for a in outgoing[Int(v)] where !isBelowNeighbours(own, of: a.other, key: key) { return false }
        for a in incoming[Int(v)] where !isBelowNeighbours(own, of: a.other, key: key) { return false }
        return true
    }

    private func isBelowNeighbours(_ own: UInt64, of w: Int32, key: [UInt64]) -> Bool {
        for b in outgoing[Int(w)] where key[Int(b.other)] < own { return false }
        for b in incoming[Int(w)] where key[Int(b.other)] < own { return false }
        return true
    }

    /// The arc quotients of contracting each of `nodes` (thousandths; see the priority above).
    private static func quotients(of nodes: [Int32], outgoing: [[Arc]], incoming: [[Arc]], workers: WitnessWorkers) -> [Int32] {
        workers.map(nodes.count) { search, i in
            let v = nodes[i]
            var unused: [(from: Int32, to: Arc)] = []
            let added = shortcuts(
                of: v, outgoing: outgoing, incoming: incoming, witness: &search, settleLimit: estimateSettleLimit, record: false, found: &unused)
            var removed = 0, removedHops = 0
            for a in outgoing[Int(v)] { removed += 1; removedHops += Int(a.hops) }
            for a in incoming[Int(v)] { removed += 1; removedHops += Int(a.hops) }
            let quotient = removed == 0 ? 0 : (1000 * added.count) / removed + (1000 * added.hops) / max(removedHops, 1)
            return Int32(min(quotient, 1 << 28))
        }
    }

    /// The shortcuts of each node of a round, on the graph the round's nodes are detached from.
    private static func shortcuts(of nodes: [Int32], outgoing: [[Arc]], incoming: [[Arc]], workers: WitnessWorkers) -> [[(from: Int32, to: Arc)]] {
        workers.map(nodes.count) { search, i in
            var found: [(from: Int32, to: Arc)] = []
            _ = shortcuts(of: nodes[i], outgoing: outgoing, incoming: incoming, witness: &search, settleLimit: witnessSettleLimit, found: &found)
            return found
        }
    }

    /// A bijection of 32-bit ids that looks random (MurmurHash3's finaliser).
    static func scramble(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h &*= 0x85EB_CA6B
        h ^= h >> 13
        h &*= 0xC2B2_AE35
        h ^= h >> 16
        return h
    }
}

