//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// A nested-dissection contraction order by inertial flow (Schild & Sommer 2015; the order
/// RoutingKit's customizable CH uses): split the graph by a small set of nodes (a separator),
/// order both sides first, recursively, and the separator last.
///
/// Why: a query walks the ``EliminationTree`` of the order, whose height is the sum of the
/// separators met on the way up: a few dozen to a few hundred nodes on a road network. A
/// greedy order (fewest shortcuts first) leaves long chains at the top of the tree instead.
///
/// **A separator.** For each of four directions (north, east, north-east, south-east) the
/// cell's nodes are sorted by their projection; the first quarter becomes one source, the last
/// quarter one sink, and a maximum flow with unit node capacities (Edmonds–Karp on the
/// node-split graph) gives a minimum set of nodes separating them. The direction with the
/// smallest separator wins (ties: the better balanced cut). Roads are undirected here.
///
/// **When it refuses.** Road networks have small separators (about the cube root of a cell's
/// size: on the Liechtenstein and Helsinki extracts every cell of 500 nodes or more was split
/// by at most 1.05 · k^⅓ nodes). A network without them, such as a dense grid (3 · k^⅓ and
/// growing as √k), makes tall trees, slow flows and dense tops; so when a cell of
/// ``checkedCell`` nodes or more has no separator of at most ``separatorFactor`` · k^⅓ nodes,
/// ``order(nodeCount:tails:heads:latitudes:longitudes:)`` gives up (`nil`) and the hierarchy
/// is ordered greedily instead (see ``ContractionHierarchy``). The flow stops at that bound, so
/// giving up costs at most four bounded flows per level.
///
/// **Complexity.** A cell of k nodes with a separator of c nodes costs 4 · c breadth-first
/// searches of O(k) each; the recursion has O(log n) levels, so O(c · n log n) in all (c is a
/// few dozen on road networks).
enum NestedDissection {
    /// Cells this small are ordered as they come: their part of the tree is at most this tall.
    static let leafSize = 8
    /// Cells from this size on must have a separator of at most `separatorFactor · k^⅓` nodes.
    static let checkedCell = 1000
    static let separatorFactor = 2.0

    /// `order[i]`: the node contracted `i`-th. `tails`/`heads` are arcs (either direction);
    /// coordinates in 1e-7 degrees.
    static func order(nodeCount n: Int, tails: [Int32], heads: [Int32], latitudes: [Int32], longitudes: [Int32]) -> [Int32]? {
        // Undirected adjacency without self-loops (duplicates are harmless to the flow).
        var first = [Int32](repeating: 0, count: n + 1)
        for k in tails.indices where tails[k] != heads[k] {
            first[Int(tails[k]) + 1] += 1
            first[Int(heads[k]) + 1] += 1
        }
        for v in 0..<n { first[v + 1] += first[v] }
        var fill = first
        var adjacent = [Int32](repeating: 0, count: Int(first[n]))
        for k in tails.indices where tails[k] != heads[k] {
            let a = Int(tails[k]), b = Int(heads[k])
            adjacent[Int(fill[a])] = Int32(b); fill[a] += 1
            adjacent[Int(fill[b])] = Int32(a); fill[b] += 1
        }
        var dissector = Dissector(first: first, adjacent: adjacent, latitudes: latitudes, longitudes: longitudes)
        var order: [Int32] = []
        order.reserveCapacity(n)
        guard dissector.dissect(Array(0..<Int32(n)), into: &order) else { return nil }
        return order
    }
}

/// The working state of ``NestedDissection``: the graph and per-node scratch arrays reused by
/// every cell (a node belongs to one cell at a time).
private struct Dissector {
    let first: [Int32]
    let adjacent: [Int32]
    let latitudes: [Int32]
    let longitudes: [Int32]
    /// Position of a node in the current cell; valid where `cellStamp` is the cell's stamp.
    var local: [Int32]
    var cellStamp: [UInt32]
    var stamp: UInt32 = 0

    init(first: [Int32], adjacent: [Int32], latitudes: [Int32], longitudes: [Int32]) {
        self.first = first
        self.adjacent = adjacent
        self.latitudes = latitudes
        self.longitudes = longitudes
        local = Array(repeating: -1, count: latitudes.count)
        cellStamp = Array(repeating: 0, count: latitudes.count)
    }

    /// Marks `cell` as the current cell (its nodes get local positions 0..<count).
    mutating func enter(_ cell: [Int32]) {
        stamp &+= 1
        for (i, v) in cell.enumerated() {
            local[Int(v)] = Int32(i)
            cellStamp[Int(v)] = stamp
        }
    }

    @inline(__always)
    func inCell(_ v: Int32) -> Bool { cellStamp[Int(v)] == stamp }

    /// Appends `cell`'s nodes to `order`: its parts first, its separators last. `false` when a
    /// large cell has no small separator (see ``NestedDissection``).
    mutating func dissect(_ cell: [Int32], into order: inout [Int32]) -> Bool {
        if cell.count <= NestedDissection.leafSize {
            order.append(contentsOf: cell)
            return true
        }
        enter(cell)
        let parts = components(cell)
        if parts.count > 1 {
            for part in parts where !dissect(part, into: &order) { return false }
            return true
        }
        let limit = cell.count >= NestedDissection.checkedCell
            ? Int(NestedDissection.separatorFactor * cbrt(Double(cell.count))) : cell.count
        guard let (separator, sideA, sideB) = bestCut(cell, limit: limit) else {
            if cell.count >= NestedDissection.checkedCell { return false }
            // A small cell without a useful cut (sources next to sinks): its own order.
            order.append(contentsOf: cell)
            return true
        }
        guard dissect(sideA, into: &order), dissect(sideB, into: &order) else { return false }
        order.append(contentsOf: separator)
        return true
    }

    /// The connected components of the current cell.
    func components(_ cell: [Int32]) -> [[Int32]] {
        var seen = [Bool](repeating: false, count: cell.count)
        var parts: [[Int32]] = []
        var stack: [Int32] = []
        for start in cell.indices where !seen[start] {
            var part: [Int32] = []
            seen[start] = true
            stack.append(cell[start])
            while let v = stack.popLast() {
                part.append(v)
                for k in Int(first[Int(v)])..<Int(first[Int(v) + 1]) {
                    let w = adjacent[k]
                    if inCell(w), !seen[Int(local[Int(w)])] {
                        seen[Int(local[Int(w)])] = true
                        stack.append(w)
                    }
                }
            }
            parts.append(part)
        }
        return parts
    }

    /// The smallest separator over the four directions, and the two sides it leaves; `nil`
    /// when no direction has one of at most `limit` nodes that leaves two non-empty sides.
    func bestCut(_ cell: [Int32], limit: Int) -> (separator: [Int32], a: [Int32], b: [Int32])? {
        let k = cell.count
        let quarter = max(1, k / 4)
        var best: (separator: [Int32], a: [Int32], b: [Int32])?
        for direction in 0..<4 {
            let key: (Int32) -> Int64 = { [latitudes, longitudes] v in
                let y = Int64(latitudes[Int(v)]), x = Int64(longitudes[Int(v)])
                switch direction {
                case 0: return y
                case 1: return x
                case 2: return y + x
                default: return y - x
                }
            }
            // Sorted by projection, ties by node id: the order is deterministic.
            let sorted = cell.map { (key($0), $0) }.sorted { $0 < $1 }.map(\.1)
            var role = [UInt8](repeating: 0, count: k)
            var progress = [Int32](repeating: 0, count: k)
            for (r, v) in sorted.enumerated() { progress[Int(local[Int(v)])] = Int32(r) }
            for i in 0..<quarter {
                role[Int(local[Int(sorted[i])])] = 1
                role[Int(local[Int(sorted[k - 1 - i])])] = 2
            }
            guard let cut = minimumNodeCut(cell, role: role, progress: progress, limit: min(limit, best?.separator.count ?? limit)),
                  !cut.a.isEmpty, !cut.b.isEmpty else { continue }
            if let b = best {
                let balance = min(cut.a.count, cut.b.count), bestBalance = min(b.a.count, b.b.count)
                if cut.separator.count > b.separator.count || (cut.separator.count == b.separator.count && balance <= bestBalance) { continue }
            }
            best = cut
        }
        return best
    }

    /// A minimum set of nodes (none of them a source or a sink) whose removal separates the
    /// sources (`role` 1) from the sinks (`role` 2), by augmenting paths on the node-split
    /// graph: node `i` of the cell is `2i` (in) and `2i + 1` (out), joined by an arc of
    /// capacity 1 (unbounded for sources and sinks); a road joins out to in both ways, unbounded.
    /// `nil` when more than `limit` nodes are needed (the search stops there). `progress`: each
    /// node's rank along the direction (sources low, sinks high).
    func minimumNodeCut(_ cell: [Int32], role: [UInt8], progress: [Int32], limit: Int) -> (separator: [Int32], a: [Int32], b: [Int32])? {
        let k = cell.count
        func neighbours(_ i: Int) -> ArraySlice<Int32> { adjacent[Int(first[Int(cell[i])])..<Int(first[Int(cell[i]) + 1])] }
        // A source next to a sink: no finite cut in this direction.
        for i in 0..<k where role[i] == 1 && neighbours(i).contains(where: { inCell($0) && role[Int(local[Int($0)])] == 2 }) {
            return nil
        }
        var flow = 0
        // A node other than a source or sink passes one unit at most: `through[i]` whether it
        // does, `flowTo[i]` the position its unit goes to (-1: none). Flow leaving a source is
        // not recorded: it could only be pushed back into the source, which every search
        // starts from anyway.
        var through = [Bool](repeating: false, count: k)
        var flowTo = [Int32](repeating: -1, count: k)
        // Only sources next to a non-source can start a path.
        var starts: [Int32] = []
        for i in 0..<k where role[i] == 1 && neighbours(i).contains(where: { inCell($0) && role[Int(local[Int($0)])] != 1 }) {
            starts.append(2 * Int32(i) + 1)
        }
        // Paths that share no node but sources and sinks bound the cut from below, and a greedy
        // pass finds many of them at the cost of one search of the cell: from each start, step
        // to the unentered neighbour furthest along the direction, back up at dead ends, and
        // never enter a node twice (in this pass). More than `limit` of them refuse the cut
        // without running the flow: on a grid, where every cut is large, that saves `limit`
        // augmentations of a whole cell each.
        if limit < k {
            var entered = [Bool](repeating: false, count: k)
            var paths = 0
            var stack: [Int] = []
            for start in starts {
                stack.removeAll(keepingCapacity: true)
                stack.append(Int(start >> 1))
                walk: while let i = stack.last {
                    var step = -1
                    for w in neighbours(i) where inCell(w) {
                        let j = Int(local[Int(w)])
                        if role[j] == 2 {
                            paths += 1
                            if paths > limit { return nil }
                            break walk
                        }
                        if role[j] == 0, !entered[j], step < 0 || progress[j] > progress[step] { step = j }
                    }
                    if step < 0 {
                        stack.removeLast()
                    } else {
                        entered[step] = true
                        stack.append(step)
                    }
                }
            }
        }
        // Dinic's algorithm: a breadth-first search labels states (2i: in-copy of i, 2i + 1:
        // out-copy) with their distance from the sources; depth-first searches then push units
        // along strictly increasing labels until none gets through; repeat until the sinks are
        // out of reach. A cut of c nodes takes far fewer phases than c (on a grid, one phase
        // finds most of the parallel paths).
        var level = [Int32](repeating: -1, count: 2 * k)
        var queue = [Int32]()
        queue.reserveCapacity(2 * k)
        /// The residual arcs of a state, in a fixed order: index `d` < degree is the road to the
        /// `d`-th neighbour (out-copy: to its in-copy, always open; in-copy: back to its
        /// out-copy, open when that neighbour's unit comes here); index `degree` is the node's
        /// own unit arc (in → out while free, out → in while used). -1: closed.
        func step(_ state: Int, _ d: Int, _ degree: Int) -> Int {
            let i = state >> 1
            if d == degree {
                if state & 1 == 0 { return !through[i] || role[i] != 0 ? state + 1 : -1 }
                return through[i] && role[i] == 0 ? state - 1 : -1
            }
            let w = adjacent[Int(first[Int(cell[i])]) + d]
            guard inCell(w) else { return -1 }
            let j = Int(local[Int(w)])
            if state & 1 == 1 { return 2 * j }
            return flowTo[j] == Int32(i) ? 2 * j + 1 : -1
        }
        var next = [Int32](repeating: 0, count: 2 * k)
        var path: [Int32] = []
        while true {
            for i in 0..<(2 * k) { level[i] = -1 }
            queue.removeAll(keepingCapacity: true)
            for i in 0..<k where role[i] == 1 { level[2 * i] = 0; level[2 * i + 1] = 0 }
            queue.append(contentsOf: starts)
            var head = 0
            var sinkLevel = Int32.max
            while head < queue.count {
                let u = Int(queue[head]); head += 1
                if level[u] >= sinkLevel { break }
                let degree = neighbours(u >> 1).count
                for d in 0...degree {
                    let v = step(u, d, degree)
                    guard v >= 0, level[v] < 0 else { continue }
                    level[v] = level[u] + 1
                    if role[v >> 1] == 2 { sinkLevel = min(sinkLevel, level[v]) } else { queue.append(Int32(v)) }
                }
            }
            guard sinkLevel != Int32.max else { break }
            for i in 0..<(2 * k) { next[i] = 0 }
            for start in starts {
                // Depth-first along increasing levels; `next` skips arcs that led nowhere.
                path.removeAll(keepingCapacity: true)
                path.append(start)
                while let u = path.last.map(Int.init) {
                    if role[u >> 1] == 2 {
                        flow += 1
                        if flow > limit { return nil }
                        for (a, b) in zip(path, path.dropFirst()) {
                            let (p, q) = (Int(a), Int(b))
                            let (i, j) = (p >> 1, q >> 1)
                            if p & 1 == 1, q & 1 == 0 {
                                if i == j { through[i] = false } else if role[i] == 0 { flowTo[i] = Int32(j) }
                            } else if p & 1 == 0, q & 1 == 1 {
                                if i == j {
                                    if role[i] == 0 { through[i] = true }
                                } else if flowTo[j] == Int32(i) {
                                    // Back along j → i: j's unit is cancelled (the path sends it on next).
                                    flowTo[j] = -1
                                }
                            }
                        }
                        // The arcs just used may be closed now: start again from the source.
                        path.removeLast(path.count - 1)
                        continue
                    }
                    let degree = neighbours(u >> 1).count
                    var advanced = false
                    while Int(next[u]) <= degree {
                        let v = step(u, Int(next[u]), degree)
                        if v >= 0, level[v] == level[u] + 1, level[v] <= sinkLevel {
                            path.append(Int32(v))
                            advanced = true
                            break
                        }
                        next[u] += 1
                    }
                    if !advanced {
                        // A dead end for this phase.
                        level[u] = -1
                        path.removeLast()
                        if let p = path.last { next[Int(p)] += 1 }
                    }
                }
            }
        }
        // The source side: the states the final breadth-first search (which found no sink)
        // labelled. A node whose in-copy is reached but whose out-copy is not has its unit arc
        // saturated across the cut: the separator.
        var separator: [Int32] = [], a: [Int32] = [], b: [Int32] = []
        for i in 0..<k {
            switch (level[2 * i] >= 0, level[2 * i + 1] >= 0) {
            case (true, false): separator.append(cell[i])
            case (true, true): a.append(cell[i])
            default: b.append(cell[i])
            }
        }
        return (separator, a, b)
    }
}

