//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Point-to-point searches on a ``ContractionHierarchy``: an upward Dijkstra from the source
/// and one (on the arcs coming down) from the target, alternating, with stall-on-demand; the
/// shortest distance is the best `forward[v] + backward[v]` over nodes both reach.
///
/// Holds per-node scratch memory (reset by timestamps, so a query costs only what it touches):
/// one value per thread, reused across queries. A query settles a few dozen nodes on a
/// country-sized extract, so its constant costs matter: the search runs on unsafe buffers
/// (no bounds or uniqueness checks in the inner loop), every node's state is one 16-byte
/// record, and the queue packs (distance, node) into one integer.
struct HierarchyQuery: PointToPointSearch {
    /// Distances are ticks in `UInt32`; a sum beyond it saturates (a path of 49 days).
    struct NodeState {
        var distance: UInt32
        var stamp: UInt32
        var parent: Int32
        var arc: Int32
    }

    private var forward: [NodeState]
    private var backward: [NodeState]
    /// Entries each side's queue may hold on the stack; doubled when a search needs more.
    var queueCapacity = 1024
    private var stamp: UInt32 = 0

    init(nodeCount: Int) {
        let blank = NodeState(distance: .max, stamp: 0, parent: -1, arc: -1)
        forward = Array(repeating: blank, count: nodeCount)
        backward = Array(repeating: blank, count: nodeCount)
    }

    mutating func run(_ ch: ContractionHierarchy, from s: Int32, to t: Int32, path wantPath: Bool = false)
        -> (ticks: UInt64, centimetres: UInt64, path: [Int32])?
    {
        if s == t { return (0, 0, wantPath ? [s] : []) }
        stamp &+= 1
        if stamp == 0 {
            for i in forward.indices { forward[i].stamp = 0; backward[i].stamp = 0 }
            stamp = 1
        }
        let now = stamp
        let meet: Int32
        let best: UInt32
        let capacity = queueCapacity
        (meet, best) = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * capacity) { buffer in
        forward.withUnsafeMutableBufferPointer { f in
            backward.withUnsafeMutableBufferPointer { b in
                ch.upFirst.withUnsafeBufferPointer { upFirst in
                    ch.up.withUnsafeBufferPointer { up in
                        ch.downFirst.withUnsafeBufferPointer { downFirst in
                            ch.down.withUnsafeBufferPointer { down in
                                f[Int(s)] = NodeState(distance: 0, stamp: now, parent: -1, arc: -1)
                                b[Int(t)] = NodeState(distance: 0, stamp: now, parent: -1, arc: -1)
                                var fq = PointerHeap(base: buffer.baseAddress!, capacity: capacity)
                                var bq = PointerHeap(base: buffer.baseAddress! + capacity, capacity: capacity)
                                fq.push(UInt64(UInt32(bitPattern: s)))
                                bq.push(UInt64(UInt32(bitPattern: t)))
                                var best = UInt32.max
                                var meet: Int32 = -1
                                var forwardOpen = true, backwardOpen = true
                                while forwardOpen || backwardOpen {
                                    if forwardOpen {
                                        forwardOpen = Self.settle(
                                            queue: &fq, mine: f, other: b, now: now, best: &best, meet: &meet,
                                            relaxFirst: upFirst, relax: up, stallFirst: downFirst, stall: down)
                                    }
                                    if backwardOpen {
                                        backwardOpen = Self.settle(
                                            queue: &bq, mine: b, other: f, now: now, best: &best, meet: &meet,
                                            relaxFirst: downFirst, relax: down, stallFirst: upFirst, stall: up)
                                    }
                                }
                                if fq.overflowed || bq.overflowed { return (-2, 0) }
                                return (meet, best)
                            }
                        }
                    }
                }
            }
        }
        }
        if meet == -2 {
            // A search space larger than the stack queue: run again with twice the room.
            queueCapacity *= 2
            return run(ch, from: s, to: t, path: wantPath)
        }
        guard meet >= 0 else { return nil }
        var centimetres: UInt64 = 0
        // Walk from the meeting node to each end along the parents.
        var v = meet
        while v != s {
            let state = forward[Int(v)]
            centimetres += UInt64(ch.up[Int(state.arc)].centimetres)
            v = state.parent
        }
        v = meet
        while v != t {
            let state = backward[Int(v)]
            centimetres += UInt64(ch.down[Int(state.arc)].centimetres)
            v = state.parent
        }
        let ranks = wantPath ? ch.unpackedPath(
            from: s, to: t, meet: meet,
            forward: { (forward[Int($0)].parent, forward[Int($0)].arc) },
            backward: { (backward[Int($0)].parent, backward[Int($0)].arc) }) : []
        return (UInt64(best), centimetres, ranks)
    }

    /// Settles the next node of one side; `false` when that side is finished (its queue is
    /// empty or its smallest key is not below the best distance found).
    @inline(__always)
    private static func settle(
        queue: inout PointerHeap, mine: UnsafeMutableBufferPointer<NodeState>, other: UnsafeMutableBufferPointer<NodeState>,
        now: UInt32, best: inout UInt32, meet: inout Int32,
        relaxFirst: UnsafeBufferPointer<Int32>, relax: UnsafeBufferPointer<HierarchyArc>,
        stallFirst: UnsafeBufferPointer<Int32>, stall: UnsafeBufferPointer<HierarchyArc>
    ) -> Bool {
        while let raw = queue.pop() {
            let d = UInt32(truncatingIfNeeded: raw >> 32), v = Int32(bitPattern: UInt32(truncatingIfNeeded: raw))
            if d >= best { return false }
            let vi = Int(v)
            if d != mine[vi].distance { continue }
            let there = other[vi]
            if there.stamp == now {
                let total = UInt64(d) + UInt64(there.distance)
                if total < UInt64(best) {
                    best = UInt32(min(total, UInt64(UInt32.max - 1)))
                    meet = v
                }
            }
            // Stall-on-demand: if a higher node reaches v more cheaply through an arc that
            // points the other way, no shortest path continues upward from v.
            for k in Int(stallFirst[vi])..<Int(stallFirst[vi + 1]) {
                let arc = stall[k]
                let w = mine[Int(arc.head)]
                if w.stamp == now, UInt64(w.distance) + UInt64(arc.ticks) < UInt64(d) { return true }
            }
            for k in Int(relaxFirst[vi])..<Int(relaxFirst[vi + 1]) {
                let arc = relax[k]
                let nd = UInt32(min(UInt64(d) + UInt64(arc.ticks), UInt64(UInt32.max - 1)))
                let w = Int(arc.head)
                if mine[w].stamp != now || nd < mine[w].distance {
                    mine[w] = NodeState(distance: nd, stamp: now, parent: v, arc: Int32(k))
                    queue.push((UInt64(nd) << 32) | UInt64(UInt32(bitPattern: arc.head)))
                }
            }
            return true
        }
        return false
    }
}

/// A binary min-heap of packed (distance << 32 | node) entries in memory the caller provides
/// (the query's stack), so a query allocates nothing. A push beyond the capacity is dropped and
/// marks the heap as overflowed: the query then runs again with more room.
struct PointerHeap {
    let base: UnsafeMutablePointer<UInt64>
    let capacity: Int
    var count = 0
    var overflowed = false

    init(base: UnsafeMutablePointer<UInt64>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func push(_ item: UInt64) {
        guard count < capacity else {
            overflowed = true
            return
        }
        count += 1
        PackedHeap.siftUp(item, from: count - 1, in: base)
    }

    @inline(__always)
    mutating func pop() -> UInt64? {
        guard count > 0, !overflowed else { return nil }
        let top = base[0]
        count -= 1
        if count > 0 { PackedHeap.siftDown(base[count], count: count, in: base) }
        return top
    }
}
