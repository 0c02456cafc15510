//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Point-to-point search on a ``ContractionHierarchy`` ordered by nested dissection: the
/// elimination-tree query of customizable CH (Dibbelt, Strasser & Wagner 2016), run on the
/// hierarchy's own (witness-pruned) arcs.
///
/// The forward search relaxes the upward arcs of each node on the tree path from the source
/// to the root, in rank order; the backward search the arcs coming down along the target's
/// path. Below their lowest common ancestor the paths are disjoint; from there on they are one
/// path, where each node may be the meeting point. No priority queue, no stamps: a query
/// touches exactly the nodes of the two paths (the tree's height bounds each, a few dozen on
/// road networks) and resets them when done. Once a meeting distance is known, a node whose
/// distance is not below it relaxes nothing (its continuations cannot be shorter).
struct TreeQuery: PointToPointSearch {
    /// Distances are ticks in `UInt32` (`.max`: not reached); a sum beyond it saturates.
    struct NodeState {
        var distance: UInt32
        var centimetres: UInt32
        var parent: Int32
        var arc: Int32
    }

    private var forward: [NodeState]
    private var backward: [NodeState]

    init(nodeCount: Int) {
        let blank = NodeState(distance: .max, centimetres: 0, parent: -1, arc: -1)
        forward = Array(repeating: blank, count: nodeCount)
        backward = Array(repeating: blank, count: nodeCount)
    }

    mutating func run(_ ch: ContractionHierarchy, from s: Int32, to t: Int32, path wantPath: Bool = false)
        -> (ticks: UInt64, centimetres: UInt64, path: [Int32])?
    {
        precondition(!ch.treeParent.isEmpty, "a tree query needs a hierarchy ordered by nested dissection")
        if s == t { return (0, 0, wantPath ? [s] : []) }
        let (best, centimetres, meet) = forward.withUnsafeMutableBufferPointer { f in
            backward.withUnsafeMutableBufferPointer { b in
                ch.upFirst.withUnsafeBufferPointer { upFirst in
                    ch.up.withUnsafeBufferPointer { up in
                        ch.downFirst.withUnsafeBufferPointer { downFirst in
                            ch.down.withUnsafeBufferPointer { down in
                                ch.treeParent.withUnsafeBufferPointer { parent in
                                    Self.search(f: f, b: b, upFirst: upFirst, up: up, downFirst: downFirst, down: down, parent: parent, s: s, t: t)
                                }
                            }
                        }
                    }
                }
            }
        }
        var ranks: [Int32] = []
        if wantPath, meet >= 0 {
            ranks = ch.unpackedPath(
                from: s, to: t, meet: meet,
                forward: { (forward[Int($0)].parent, forward[Int($0)].arc) },
                backward: { (backward[Int($0)].parent, backward[Int($0)].arc) })
        }
        // Forget what this search wrote: only nodes on the two paths were touched.
        var v = s
        while v >= 0 { forward[Int(v)].distance = .max; v = ch.treeParent[Int(v)] }
        v = t
        while v >= 0 { backward[Int(v)].distance = .max; v = ch.treeParent[Int(v)] }
        guard meet >= 0 else { return nil }
        return (best, centimetres, ranks)
    }

    @inline(__always)
    private static func relax(_ x: Int, _ state: UnsafeMutableBufferPointer<NodeState>, first: UnsafeBufferPointer<Int32>, arcs: UnsafeBufferPointer<HierarchyArc>) {
        let d = state[x].distance, c = state[x].centimetres
        for k in Int(first[x])..<Int(first[x + 1]) {
            let arc = arcs[k]
            let nd = UInt32(min(UInt64(d) + UInt64(arc.ticks), UInt64(UInt32.max - 1)))
            let w = Int(arc.head)
            if nd < state[w].distance {
                state[w] = NodeState(distance: nd, centimetres: c &+ arc.centimetres, parent: Int32(x), arc: Int32(k))
            }
        }
    }

    /// Returns the best distance, its length and the meeting rank (-1: none).
    private static func search(
        f: UnsafeMutableBufferPointer<NodeState>, b: UnsafeMutableBufferPointer<NodeState>,
        upFirst: UnsafeBufferPointer<Int32>, up: UnsafeBufferPointer<HierarchyArc>,
        downFirst: UnsafeBufferPointer<Int32>, down: UnsafeBufferPointer<HierarchyArc>,
        parent: UnsafeBufferPointer<Int32>, s: Int32, t: Int32
    ) -> (UInt64, UInt64, Int32) {
        f[Int(s)] = NodeState(distance: 0, centimetres: 0, parent: -1, arc: -1)
        b[Int(t)] = NodeState(distance: 0, centimetres: 0, parent: -1, arc: -1)
        // Ranks as UInt32, so that -1 (past a root) compares above every rank: the lower of
        // the two positions moves up until they meet (or both are past their roots).
        var x = UInt32(bitPattern: s), y = UInt32(bitPattern: t)
        while x != y {
            if x < y {
                if f[Int(x)].distance != .max { relax(Int(x), f, first: upFirst, arcs: up) }
                x = UInt32(bitPattern: parent[Int(x)])
            } else {
                if b[Int(y)].distance != .max { relax(Int(y), b, first: downFirst, arcs: down) }
                y = UInt32(bitPattern: parent[Int(y)])
            }
        }
        var best = UInt64.max, centimetres: UInt64 = 0, meet: Int32 = -1
        while x != UInt32.max {
            let xi = Int(x)
            let df = f[xi].distance, db = b[xi].distance
            if df != .max, db != .max, UInt64(df) + UInt64(db) < best {
                best = UInt64(df) + UInt64(db)
                centimetres = UInt64(f[xi].centimetres) + UInt64(b[xi].centimetres)
                meet = Int32(xi)
            }
            if df != .max, UInt64(df) < best { relax(xi, f, first: upFirst, arcs: up) }
            if db != .max, UInt64(db) < best { relax(xi, b, first: downFirst, arcs: down) }
            x = UInt32(bitPattern: parent[xi])
        }
        return (best, centimetres, meet)
    }
}
