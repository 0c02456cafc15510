//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The elimination tree of a ``ContractionHierarchy``'s order: `parent[r]` is the lowest rank
/// above `r` that `r` is joined to once every node below `r` is contracted *without* witness
/// searches (in the chordal fill of the graph); -1 for a root. `parent[r] > r` always.
///
/// Why it matters: every node an upward search from `r` can reach is an ancestor of `r` in this
/// tree (the hierarchy's arcs are a subset of the fill's, and in the fill the upward
/// neighbours of a node form a clique whose lowest member is its parent). So a query can walk
/// the two ancestor paths in rank order and relax arcs without a priority queue (Bauer,
/// Columbus, Rutter & Wagner 2016; Dibbelt, Strasser & Wagner 2016): see ``TreeQuery``.
///
/// Built by Liu's algorithm (1986) from the hierarchy's arcs alone, without forming the fill:
/// O(m log n) with path compression on the "virtual ancestor" links. Being derived from the
/// arcs, it holds the ancestor property for any file's arcs, damaged or not.
struct EliminationTree: Sendable {
    var parent: [Int32]

    init(_ ch: ContractionHierarchy) {
        let n = ch.nodeCount
        // lower[h]: the ranks below h joined to h by an arc of the hierarchy (either direction).
        var lowerFirst = [Int32](repeating: 0, count: n + 1)
        for arcs in [ch.up, ch.down] {
            for arc in arcs { lowerFirst[Int(arc.head) + 1] += 1 }
        }
        for r in 0..<n { lowerFirst[r + 1] += lowerFirst[r] }
        var fill = lowerFirst
        var lower = [Int32](repeating: 0, count: Int(lowerFirst[n]))
        for (first, arcs) in [(ch.upFirst, ch.up), (ch.downFirst, ch.down)] {
            for r in 0..<n {
                for k in Int(first[r])..<Int(first[r + 1]) {
                    let h = Int(arcs[k].head)
                    lower[Int(fill[h])] = Int32(r)
                    fill[h] += 1
                }
            }
        }
        var parent = [Int32](repeating: -1, count: n)
        var ancestor = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            for k in Int(lowerFirst[i])..<Int(lowerFirst[i + 1]) {
                var r = Int(lower[k])
                // Climb from r to the root of its current subtree, pointing the way at i.
                while ancestor[r] != -1, ancestor[r] != Int32(i) {
                    let next = Int(ancestor[r])
                    ancestor[r] = Int32(i)
                    r = next
                }
                if ancestor[r] == -1 {
                    ancestor[r] = Int32(i)
                    parent[r] = Int32(i)
                }
            }
        }
        self.parent = parent
    }

    /// Nodes on the longest path from a node to its root, both included (0 for no nodes).
    var height: Int { Self.height(of: parent) }

    /// The height of the tree given by `parent` (`parent[r] > r` or -1).
    static func height(of parent: [Int32]) -> Int {
        var depth = [Int32](repeating: 1, count: parent.count)
        // Parents rank higher: going down the ranks, a parent's depth is final before its children's.
        for r in parent.indices.reversed() where parent[r] >= 0 { depth[r] = depth[Int(parent[r])] + 1 }
        return Int(depth.max() ?? 0)
    }
}
