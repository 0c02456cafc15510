//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Many-to-many tables on a ``ContractionHierarchy`` by buckets (Knopp, Sanders, Schultes,
/// Schulz & Wagner 2007): one backward upward search per target leaves (target, ticks) in a
/// bucket at every node it settles; one forward upward search per source then scans the
/// buckets of the nodes it settles. Cost: S + T upward searches and the bucket entries met.
struct HierarchyMatrix {
    /// Ticks (row-major, `sources.count × targets.count`), `UInt64.max` when unreachable, and the
    /// length in centimetres of the path each entry comes from.
    static func table(_ ch: ContractionHierarchy, sources: [Int32], targets: [Int32]) -> (ticks: [UInt64], centimetres: [UInt64]) {
        let columns = targets.count
        var ticks = [UInt64](repeating: .max, count: sources.count * columns)
        var centimetres = [UInt64](repeating: 0, count: sources.count * columns)
        guard !sources.isEmpty, !targets.isEmpty else { return (ticks, centimetres) }
        var search: any UpwardSpace = ch.treeParent.isEmpty ? UpwardSearch(nodeCount: ch.nodeCount) : TreePathSearch(nodeCount: ch.nodeCount)
        // Buckets as (node, target, ticks, cm), later grouped by node.
        var entries: [(node: Int32, target: Int32, ticks: UInt64, cm: UInt64)] = []
        for (j, t) in targets.enumerated() {
            search.run(ch, from: t, upward: false) { v, d, cm in entries.append((v, Int32(j), d, cm)) }
        }
        var first = [Int32](repeating: 0, count: ch.nodeCount + 1)
        for e in entries { first[Int(e.node) + 1] += 1 }
        for v in 0..<ch.nodeCount { first[v + 1] += first[v] }
        var next = first
        var bucketTarget = [Int32](repeating: 0, count: entries.count)
        var bucketTicks = [UInt64](repeating: 0, count: entries.count)
        var bucketCm = [UInt64](repeating: 0, count: entries.count)
        for e in entries {
            let p = Int(next[Int(e.node)])
            next[Int(e.node)] += 1
            bucketTarget[p] = e.target
            bucketTicks[p] = e.ticks
            bucketCm[p] = e.cm
        }
        for (i, s) in sources.enumerated() {
            let row = i * columns
            search.run(ch, from: s, upward: true) { v, d, cm in
                for k in Int(first[Int(v)])..<Int(first[Int(v) + 1]) {
                    let total = d + bucketTicks[k]
                    let cell = row + Int(bucketTarget[k])
                    if total < ticks[cell] {
                        ticks[cell] = total
                        centimetres[cell] = cm + bucketCm[k]
                    }
                }
            }
        }
        return (ticks, centimetres)
    }
}

/// A complete upward search (no target), reporting nodes with their distance and the length of
/// the path they were reached by: every node that can lie on a shortest path through the source
/// (and some that cannot), each once.
protocol UpwardSpace {
    mutating func run(_ ch: ContractionHierarchy, from source: Int32, upward: Bool, settled: (Int32, UInt64, UInt64) -> Void)
}

/// The upward space of a greedily ordered hierarchy: Dijkstra with stall-on-demand, reporting
/// every settled node that is not stalled.
struct UpwardSearch: UpwardSpace {
    private var dist: [UInt32]
    private var cm: [UInt64]
    /// The nodes this search has reached (their `dist` and `cm` are valid).
    private var reached: SearchStamps
    private var queue = MinQueue()

    init(nodeCount: Int) {
        dist = Array(repeating: .max, count: nodeCount)
        cm = Array(repeating: 0, count: nodeCount)
        reached = SearchStamps(nodeCount: nodeCount)
    }

    mutating func run(_ ch: ContractionHierarchy, from source: Int32, upward: Bool, settled: (Int32, UInt64, UInt64) -> Void) {
        reached.removeAll()
        queue.removeAll()
        reached.insert(Int(source))
        dist[Int(source)] = 0
        cm[Int(source)] = 0
        queue.push(key: UInt32(0), value: source)
        let (stallFirst, stall) = upward ? (ch.downFirst, ch.down) : (ch.upFirst, ch.up)
        let (first, arcs) = upward ? (ch.upFirst, ch.up) : (ch.downFirst, ch.down)
        while let (d, v) = queue.pop() {
            let vi = Int(v)
            if d != dist[vi] { continue }
            var stalled = false
            for k in Int(stallFirst[vi])..<Int(stallFirst[vi + 1]) {
                let w = Int(stall[k].head)
                if reached.contains(w), UInt64(dist[w]) + UInt64(stall[k].ticks) < UInt64(d) {
                    stalled = true
                    break
                }
            }
            if stalled { continue }
            settled(v, UInt64(d), cm[vi])
            for k in Int(first[vi])..<Int(first[vi + 1]) {
                let arc = arcs[k]
                let w = Int(arc.head)
                // Saturating: a sum beyond UInt32 (a path of 49 days) stays at the top.
                let nd = UInt32(min(UInt64(d) + UInt64(arc.ticks), UInt64(UInt32.max - 1)))
                if !reached.contains(w) || nd < dist[w] {
                    reached.insert(w)
                    dist[w] = nd
                    cm[w] = cm[vi] + UInt64(arc.centimetres)
                    queue.push(key: nd, value: Int32(w))
                }
            }
        }
    }
}

/// The upward space of a hierarchy ordered by nested dissection: the reached nodes on the
/// source's path to the root of the ``EliminationTree``, relaxed in rank order (see
/// ``TreeQuery``).
struct TreePathSearch: UpwardSpace {
    private var dist: [UInt32]
    private var cm: [UInt64]

    init(nodeCount: Int) {
        dist = Array(repeating: .max, count: nodeCount)
        cm = Array(repeating: 0, count: nodeCount)
    }

    mutating func run(_ ch: ContractionHierarchy, from source: Int32, upward: Bool, settled: (Int32, UInt64, UInt64) -> Void) {
        let (first, arcs) = upward ? (ch.upFirst, ch.up) : (ch.downFirst, ch.down)
        dist[Int(source)] = 0
        cm[Int(source)] = 0
        var v = source
        while v >= 0 {
            let vi = Int(v)
            let d = dist[vi]
            if d != .max {
                settled(v, UInt64(d), cm[vi])
                for k in Int(first[vi])..<Int(first[vi + 1]) {
                    let arc = arcs[k]
                    let w = Int(arc.head)
                    let nd = UInt32(min(UInt64(d) + UInt64(arc.ticks), UInt64(UInt32.max - 1)))
                    if nd < dist[w] {
                        dist[w] = nd
                        cm[w] = cm[vi] + UInt64(arc.centimetres)
                    }
                }
            }
            v = ch.treeParent[vi]
        }
        v = source
        while v >= 0 {
            dist[Int(v)] = .max
            v = ch.treeParent[Int(v)]
        }
    }
}
