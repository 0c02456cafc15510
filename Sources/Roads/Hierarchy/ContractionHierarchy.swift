//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A contraction hierarchy (Geisberger, Sanders, Schultes & Delling 2008) of one profile's
/// graph: the structure every road query runs on.
///
/// **Why CH, not customizable CH.** goan prepares a network once per OSM extract and never
/// changes its weights at run time (no live traffic); the walking speed is a factor on
/// speed-independent weights (see ``ProfileGraph``). So shortcuts are added only where a
/// witness search finds no other path as short (far fewer arcs than a CCH's chordal fill),
/// but the order and the query are a CCH's where that pays:
///
/// **Node ordering.** Nested dissection by inertial flow (``NestedDissection``): a road
/// network splits recursively by separators of a few nodes, which are ordered last. The
/// order's ``EliminationTree`` is then shallow (a path to the root holds 17–50 nodes on
/// average, 90 at most, on the Liechtenstein and Helsinki extracts) and a query walks it
/// without a priority queue (``TreeQuery``): 2–3× faster than the bidirectional Dijkstra on
/// the greedy order. A network
/// without small separators (a dense grid: they grow as √n) makes tall trees and dense tops,
/// and nested dissection gives up; then nodes are contracted least important first, by a
/// lazily updated priority `1000 × level + arcs added per arc removed + the same in arcs of
/// the graph` (RoutingKit's CH order; level: one more than the highest level of a contracted
/// neighbour, which keeps the hierarchy shallow and spread out), in rounds of nodes that are
/// least within two arcs, whose witness searches run on all cores
/// (``HierarchyBuilder/buildGreedily(threads:)``), and queries run the bidirectional
/// Dijkstra with stall-on-demand (``HierarchyQuery``). Either way a
/// shortcut u→w via v is added unless a witness search (Dijkstra from u that avoids v,
/// limited to ``HierarchyBuilder/witnessSettleLimit`` settled nodes) finds a path no longer;
/// a limit only adds superfluous shortcuts, never loses a distance.
///
/// **Layout.** Nodes are renumbered by rank (rank 0 contracted first), so a search moves to
/// higher indices only and touches memory in one direction. Node `r` has *upward* arcs to
/// higher ranks (`up…`, used by forward searches) and the arcs that come *down* into it from
/// higher ranks (`down…`, stored at the lower end with the higher node as head, used by
/// backward searches). A shortcut records its middle node, so paths unpack recursively.
///
/// **Complexity.** Ordering costs O(c · n log n) flows' work (c: separator sizes, a few dozen
/// on roads); contraction is near-linear on road networks in practice (each contraction runs a
/// few bounded witness searches). A tree query touches the two paths to the root (the tree's
/// height bounds each); a Dijkstra query settles the union of two upward search spaces, pruned
/// by stall-on-demand (a few hundred nodes). A many-to-many table of S sources and T targets
/// costs S + T upward searches plus the bucket scans (Knopp et al. 2007).
struct ContractionHierarchy: Sendable {
    /// `rank[v]`: the hierarchy index of graph node `v` (graph nodes are in OSM-id order).
    var rank: [Int32]
    /// `node[r]`: the graph node of rank `r`.
    var node: [Int32]

    /// Upward arcs of rank `r`: `up[upFirst[r]..<upFirst[r+1]]`, heads ascending.
    var upFirst: [Int32]
    var up: [HierarchyArc]
    /// Arcs coming down into rank `r` from higher ranks (head = the higher end).
    var downFirst: [Int32]
    var down: [HierarchyArc]
    /// The ``EliminationTree`` of the order when it is a nested dissection (queries walk it:
    /// ``TreeQuery``); empty for the greedy order (queries run Dijkstra: ``HierarchyQuery``).
    /// Derived from the arcs, never stored.
    var treeParent: [Int32] = []

    var nodeCount: Int { rank.count }
    var arcCount: Int { up.count + down.count }

    /// Bytes held by the arrays.
    var memoryBytes: Int {
        (rank.count + node.count + upFirst.count + downFirst.count + treeParent.count) * 4 + (up.count + down.count) * MemoryLayout<HierarchyArc>.stride
    }

    /// The arc `from → r` coming down into rank `r` (`r` lower than `from`).
    func downArc(into r: Int32, from: Int32) -> HierarchyArc? {
        for k in Int(downFirst[Int(r)])..<Int(downFirst[Int(r) + 1]) where down[k].head == from { return down[k] }
        return nil
    }

    /// The arc `r → to` going up from rank `r`.
    func upArc(from r: Int32, to: Int32) -> HierarchyArc? {
        for k in Int(upFirst[Int(r)])..<Int(upFirst[Int(r) + 1]) where up[k].head == to { return up[k] }
        return nil
    }

    /// The ranks along the path `s → meet → t` that two searches left as parents and arcs
    /// (`forward(v)`: the node before `v` and the index of the arc in `up`; `backward(v)`: the
    /// node after `v` and the index in `down`), shortcuts expanded.
    func unpackedPath(
        from s: Int32, to t: Int32, meet: Int32,
        forward: (Int32) -> (parent: Int32, arc: Int32), backward: (Int32) -> (parent: Int32, arc: Int32)
    ) -> [Int32] {
        var upward: [(tail: Int32, arc: HierarchyArc)] = []
        var v = meet
        while v != s {
            let (p, k) = forward(v)
            upward.append((p, up[Int(k)]))
            v = p
        }
        var ranks: [Int32] = [s]
        for (tail, arc) in upward.reversed() { unpack(from: tail, to: arc.head, middle: arc.middle, into: &ranks) }
        v = meet
        while v != t {
            let (p, k) = backward(v)
            unpack(from: v, to: p, middle: down[Int(k)].middle, into: &ranks)
            v = p
        }
        return ranks
    }

    /// Appends to `path` the ranks after `from` along the arc `from → to` of the hierarchy
    /// (shortcuts expanded into the graph's own arcs), `to` last.
    func unpack(from: Int32, to: Int32, middle: Int32, into path: inout [Int32]) {
        // An explicit stack: a long shortcut nests hundreds of levels deep.
        var stack: [(from: Int32, to: Int32, middle: Int32)] = [(from, to, middle)]
        // A path never holds more nodes than the graph; only a damaged file could loop.
        let limit = path.count + 2 * nodeCount
        while let (a, b, m) = stack.popLast(), path.count <= limit {
            if m < 0 {
                path.append(b)
                continue
            }
            // a → m comes down into m; m → b goes up from m. Push the second half first.
            stack.append((m, b, upArc(from: m, to: b)?.middle ?? -1))
            stack.append((a, m, downArc(into: m, from: a)?.middle ?? -1))
        }
    }
}

/// A point-to-point search on a ``ContractionHierarchy`` with per-node scratch memory (one
/// value per thread, reused across queries): ``TreeQuery`` for the nested-dissection order,
/// ``HierarchyQuery`` for the greedy one.
protocol PointToPointSearch: Sendable {
    init(nodeCount: Int)

    /// The fastest `s → t` in ticks and its length in centimetres (ranks of the hierarchy),
    /// with the ranks along it when `path` is asked; `nil` when `t` cannot be reached.
    mutating func run(_ ch: ContractionHierarchy, from s: Int32, to t: Int32, path wantPath: Bool) -> (ticks: UInt64, centimetres: UInt64, path: [Int32])?
}

/// One arc of a ``ContractionHierarchy``: 16 bytes, so that a search reads one arc from one
/// place in memory.
struct HierarchyArc: Sendable, Hashable, BitwiseCopyable {
    /// Rank of the other end.
    var head: Int32
    /// Ticks (see ``ProfileGraph``).
    var ticks: UInt32
    /// Length in centimetres.
    var centimetres: UInt32
    /// Rank of the middle node of a shortcut; -1 for an arc of the graph itself.
    var middle: Int32
}
