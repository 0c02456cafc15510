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
/// speed-independent weights (see ``ProfileGraph``). Plain CH is then the simpler and faster
/// choice: its queries settle fewer nodes than a CCH's elimination-tree search, and it needs no
/// nested-dissection order.
///
/// **Node ordering.** Nodes are contracted one at a time, least important first, by a lazily
/// updated priority `2 × edge difference + contracted neighbours + level` (the edge difference:
/// shortcuts added − arcs removed; level: one more than the highest level of a contracted
/// neighbour, which keeps the hierarchy shallow and spread out). A shortcut u→w via v is added
/// unless a witness search (Dijkstra from u that avoids v, limited to ``HierarchyBuilder/witnessSettleLimit``
/// settled nodes) finds a path no longer; a limit only adds superfluous shortcuts, never
/// loses a distance.
///
/// **Layout.** Nodes are renumbered by rank (rank 0 contracted first), so a search moves to
/// higher indices only and touches memory in one direction. Node `r` has *upward* arcs to
/// higher ranks (`up…`, used by forward searches) and the arcs that come *down* into it from
/// higher ranks (`down…`, stored at the lower end with the higher node as head, used by
/// backward searches). A shortcut records its middle node, so paths unpack recursively.
///
/// **Complexity.** Preparation is near-linear on road networks in practice (each contraction
/// runs a few bounded witness searches); a point-to-point query settles a few hundred nodes
/// (the union of two upward search spaces, pruned by stall-on-demand); a many-to-many
/// table of S sources and T targets costs S + T upward searches plus the bucket scans
/// (Knopp et al. 2007).
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

    var nodeCount: Int { rank.count }
    var arcCount: Int { up.count + down.count }

    /// Bytes held by the arrays.
    var memoryBytes: Int {
        (rank.count + node.count + upFirst.count + downFirst.count) * 4 + (up.count + down.count) * MemoryLayout<HierarchyArc>.stride
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
