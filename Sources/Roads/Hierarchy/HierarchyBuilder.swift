//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Builds a ``ContractionHierarchy`` from a ``ProfileGraph`` (see there for the method).
///
/// Parallel arcs are merged first (the shorter in ticks stays, with its length). While
/// contracting, each node keeps adjacency lists of the arcs to nodes not yet contracted; when a
/// node is contracted its lists become its upward and downward arcs of the hierarchy.
struct HierarchyBuilder {
    /// Settled nodes after which a witness search gives up (and the shortcut is added): more
    /// when contracting than when estimating a priority, as in Geisberger et al.
    static let witnessSettleLimit = 500
    static let estimateSettleLimit = 20

    struct Arc {
        var other: Int32
        var ticks: UInt32
        var centimetres: UInt32
        /// Graph node in the middle of a shortcut; -1 for an arc of the graph.
        var middle: Int32
        /// Arcs of the graph this arc stands for (1 for an arc of the graph).
        var hops: UInt32 = 1
    }

    // Internal, not private: the greedy order (``HierarchyBuilder+Rounds.swift``) works on them too.
    var outgoing: [[Arc]]
    var incoming: [[Arc]]
    var contracted: [Bool]
    private var witness: WitnessSearch
    private var shortcutBuffer: [(from: Int32, to: Arc)] = []

    /// Shortcuts added during the build (for `goan roads info` and the benchmark).
    private(set) var shortcuts = 0

    private let latitudes: [Int32]
    private let longitudes: [Int32]

    init(graph: ProfileGraph) {
        let n = graph.nodeCount
        latitudes = graph.latitudes
        longitudes = graph.longitudes
        outgoing = Array(repeating: [], count: n)
        incoming = Array(repeating: [], count: n)
        contracted = Array(repeating: false, count: n)
        witness = WitnessSearch(nodeCount: n)
        for k in 0..<graph.arcCount {
            let a = graph.tails[k], b = graph.heads[k]
            Self.insert(Arc(other: b, ticks: graph.ticks[k], centimetres: graph.centimetres[k], middle: -1), into: &outgoing[Int(a)])
            Self.insert(Arc(other: a, ticks: graph.ticks[k], centimetres: graph.centimetres[k], middle: -1), into: &incoming[Int(b)])
        }
    }

    /// Adds `arc` to a list, or lowers the arc already there to the same node.
    /// Returns whether the list changed.
    @discardableResult
    static func insert(_ arc: Arc, into list: inout [Arc]) -> Bool {
        for i in list.indices where list[i].other == arc.other {
            if arc.ticks < list[i].ticks {
                list[i] = arc
                return true
            }
            return false
        }
        list.append(arc)
        return true
    }

    /// Contracts every node and returns the hierarchy: in nested-dissection order with its
    /// elimination tree where the network has small separators, greedily otherwise (see
    /// ``ContractionHierarchy``). `threads` serve the greedy order only.
    mutating func build(threads: Int = ParallelItems.cores) -> ContractionHierarchy {
        var tails: [Int32] = [], heads: [Int32] = []
        for (v, arcs) in outgoing.enumerated() {
            for arc in arcs {
                tails.append(Int32(v))
                heads.append(arc.other)
            }
        }
        if let order = NestedDissection.order(nodeCount: outgoing.count, tails: tails, heads: heads, latitudes: latitudes, longitudes: longitudes) {
            var ch = build(order: order)
            ch.treeParent = EliminationTree(ch).parent
            return ch
        }
        return buildGreedily(threads: threads)
    }

    /// Contracts the nodes in the given order (`order[i]` is contracted `i`-th), adding the
    /// shortcuts witness searches cannot avoid.
    mutating func build(order: [Int32]) -> ContractionHierarchy {
        let n = outgoing.count
        precondition(order.count == n, "an order names every node once")
        var rank = [Int32](repeating: -1, count: n)
        var upLists: [[Arc]] = Array(repeating: [], count: n)
        var downLists: [[Arc]] = Array(repeating: [], count: n)
        for (i, v) in order.enumerated() {
            rank[Int(v)] = Int32(i)
            _ = contract(v)
            upLists[Int(v)] = outgoing[Int(v)]
            downLists[Int(v)] = incoming[Int(v)]
            outgoing[Int(v)] = []
            incoming[Int(v)] = []
        }
        return Self.layout(rank: rank, up: upLists, down: downLists)
    }

    /// Contracts `v`: adds its shortcuts, detaches it from its neighbours, returns them.
    private mutating func contract(_ v: Int32) -> [Int32] {
        contracted[Int(v)] = true
        shortcutBuffer.removeAll(keepingCapacity: true)
        _ = Self.shortcuts(of: v, outgoing: outgoing, incoming: incoming, witness: &witness, settleLimit: Self.witnessSettleLimit, found: &shortcutBuffer)
        let neighbours = detach(v)
        addShortcuts(shortcutBuffer)
        return neighbours
    }

    /// Removes the arcs between `v` and its neighbours from the neighbours' lists (`v` keeps
    /// its own: they become its arcs in the hierarchy); returns the neighbours, each once.
    mutating func detach(_ v: Int32) -> [Int32] {
        var neighbours: [Int32] = []
        for arc in outgoing[Int(v)] {
            incoming[Int(arc.other)].removeAll { $0.other == v }
            neighbours.append(arc.other)
        }
        for arc in incoming[Int(v)] {
            outgoing[Int(arc.other)].removeAll { $0.other == v }
            if !neighbours.contains(arc.other) { neighbours.append(arc.other) }
        }
        return neighbours
    }

    /// Inserts shortcuts (a parallel arc that is no shorter is not added; a longer one is lowered).
    mutating func addShortcuts(_ list: [(from: Int32, to: Arc)]) {
        for (from, arc) in list {
            if Self.insert(arc, into: &outgoing[Int(from)]) {
                Self.insert(Arc(other: from, ticks: arc.ticks, centimetres: arc.centimetres, middle: arc.middle, hops: arc.hops), into: &incoming[Int(arc.other)])
                shortcuts += 1
            }
        }
    }

    /// The shortcuts contracting `v` needs on the current graph: for each arc u→v and v→w, one
    /// u→w unless a witness search from u (that does not pass `v`, settling at most
    /// `settleLimit` nodes) finds a path no longer. Appends them to `found` when `record`;
    /// returns how many there are and how many arcs of the graph they stand for.
    ///
    /// Reads the graph only, so that searches for different nodes may run at once.
    static func shortcuts(
        of v: Int32, outgoing: [[Arc]], incoming: [[Arc]], witness: inout WitnessSearch, settleLimit: Int,
        record: Bool = true, found: inout [(from: Int32, to: Arc)]
    ) -> (count: Int, hops: Int) {
        let outs = outgoing[Int(v)]
        let ins = incoming[Int(v)]
        guard !outs.isEmpty, !ins.isEmpty else { return (0, 0) }
        var maxOut: UInt32 = 0
        for o in outs { maxOut = max(maxOut, o.ticks) }
        var count = 0, hops = 0
        for i in ins {
            let u = i.other
            let limit = min(UInt64(i.ticks) + UInt64(maxOut), UInt64(UInt32.max - 1))
            guard outs.contains(where: { $0.other != u }) else { continue }
            witness.run(from: u, avoiding: v, limit: UInt32(limit), outgoing: outgoing, targets: outs, settleLimit: settleLimit)
            for o in outs where o.other != u {
                let need = UInt64(i.ticks) + UInt64(o.ticks)
                if UInt64(witness.distance(o.other)) <= need { continue }
                count += 1
                hops += Int(i.hops + o.hops)
                if record {
                    let ticks = UInt32(min(need, UInt64(UInt32.max - 1)))
                    let cm = UInt32(min(UInt64(i.centimetres) + UInt64(o.centimetres), UInt64(UInt32.max - 1)))
                    found.append((u, Arc(other: o.other, ticks: ticks, centimetres: cm, middle: v, hops: i.hops + o.hops)))
                }
            }
        }
        return (count, hops)
    }

    /// The hierarchy in rank order with compressed rows.
    static func layout(rank: [Int32], up: [[Arc]], down: [[Arc]]) -> ContractionHierarchy {
        let n = rank.count
        var node = [Int32](repeating: 0, count: n)
        for v in 0..<n { node[Int(rank[v])] = Int32(v) }
        func rows(_ lists: [[Arc]]) -> (first: [Int32], arcs: [HierarchyArc]) {
            var first = [Int32](repeating: 0, count: n + 1)
            var arcs: [HierarchyArc] = []
            arcs.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            for r in 0..<n {
                // Sorted by head so that scans run forward through memory.
                for arc in lists[Int(node[r])].sorted(by: { rank[Int($0.other)] < rank[Int($1.other)] }) {
                    arcs.append(HierarchyArc(
                        head: rank[Int(arc.other)], ticks: arc.ticks, centimetres: arc.centimetres, middle: arc.middle < 0 ? -1 : rank[Int(arc.middle)]))
                }
                first[r + 1] = Int32(arcs.count)
            }
            return (first, arcs)
        }
        let u = rows(up)
        let d = rows(down)
        return ContractionHierarchy(rank: rank, node: node, upFirst: u.first, up: u.arcs, downFirst: d.first, down: d.arcs)
    }
}
