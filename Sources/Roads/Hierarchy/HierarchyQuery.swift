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
/// Holds per-node scratch arrays (reset by timestamps, so a query costs only what it touches):
/// one value per thread, reused across queries.
struct HierarchyQuery {
    private var forward: SearchSide
    private var backward: SearchSide

    init(nodeCount: Int) {
        forward = SearchSide(nodeCount: nodeCount)
        backward = SearchSide(nodeCount: nodeCount)
    }

    /// The fastest `s → t` in ticks and its length in centimetres (ranks of the hierarchy),
    /// with the ranks along it when `path` is asked; `nil` when `t` cannot be reached.
    mutating func run(_ ch: ContractionHierarchy, from s: Int32, to t: Int32, path wantPath: Bool = false)
        -> (ticks: UInt64, centimetres: UInt64, path: [Int32])?
    {
        if s == t { return (0, 0, wantPath ? [s] : []) }
        forward.start(at: s)
        backward.start(at: t)
        var best = UInt64.max
        var meet: Int32 = -1
        var forwardDone = false
        var backwardDone = false
        while !(forwardDone && backwardDone) {
            if !forwardDone {
                if let (d, v) = forward.settleNext(ch, upward: true, bound: best) {
                    if backward.reached(v) {
                        let total = d + backward.distance(v)
                        if total < best { best = total; meet = v }
                    }
                } else {
                    forwardDone = true
                }
            }
            if !backwardDone {
                if let (d, v) = backward.settleNext(ch, upward: false, bound: best) {
                    if forward.reached(v) {
                        let total = d + forward.distance(v)
                        if total < best { best = total; meet = v }
                    }
                } else {
                    backwardDone = true
                }
            }
        }
        guard meet >= 0 else { return nil }
        var centimetres: UInt64 = 0
        var ranks: [Int32] = []
        // Walk from the meeting node down to each end along the parents.
        var up: [(Int32, Int)] = []
        var v = meet
        while v != s {
            let arc = forward.parentArc(v)
            let tail = forward.parentNode(v)
            centimetres += UInt64(ch.upCentimetres[arc])
            up.append((tail, arc))
            v = tail
        }
        if wantPath {
            ranks.append(s)
            for (tail, arc) in up.reversed() {
                ch.unpack(from: tail, to: ch.upHead[arc], middle: ch.upMiddle[arc], into: &ranks)
            }
        }
        v = meet
        while v != t {
            let arc = backward.parentArc(v)
            let lower = backward.parentNode(v)
            centimetres += UInt64(ch.downCentimetres[arc])
            if wantPath { ch.unpack(from: v, to: lower, middle: ch.downMiddle[arc], into: &ranks) }
            v = lower
        }
        return (best, centimetres, ranks)
    }
}

/// One direction of a search: distances, parents and the queue, reset by timestamp.
struct SearchSide {
    private var dist: [UInt64]
    private var stamp: [UInt32]
    private var parent: [Int32]
    private var parentArcIndex: [Int32]
    private var current: UInt32 = 0
    private var queue = MinQueue64()

    init(nodeCount: Int) {
        dist = Array(repeating: .max, count: nodeCount)
        stamp = Array(repeating: 0, count: nodeCount)
        parent = Array(repeating: -1, count: nodeCount)
        parentArcIndex = Array(repeating: -1, count: nodeCount)
    }

    @inline(__always) func reached(_ v: Int32) -> Bool { stamp[Int(v)] == current }
    @inline(__always) func distance(_ v: Int32) -> UInt64 { stamp[Int(v)] == current ? dist[Int(v)] : .max }
    func parentNode(_ v: Int32) -> Int32 { parent[Int(v)] }
    func parentArc(_ v: Int32) -> Int { Int(parentArcIndex[Int(v)]) }

    mutating func start(at source: Int32) {
        current &+= 1
        if current == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            current = 1
        }
        queue.removeAll()
        set(source, 0, parent: -1, arc: -1)
        queue.push(key: 0, value: source)
    }

    @inline(__always)
    private mutating func set(_ v: Int32, _ d: UInt64, parent p: Int32, arc: Int32) {
        stamp[Int(v)] = current
        dist[Int(v)] = d
        parent[Int(v)] = p
        parentArcIndex[Int(v)] = arc
    }

    /// Settles the next node (relaxing its arcs unless it is stalled); `nil` when the queue is
    /// empty or its smallest key is not below `bound`.
    mutating func settleNext(_ ch: ContractionHierarchy, upward: Bool, bound: UInt64) -> (UInt64, Int32)? {
        while let (d, v) = queue.pop() {
            if d >= bound { return nil }
            if d != dist[Int(v)] { continue }
            // Stall-on-demand: if a higher node reaches v more cheaply through an arc that
            // points the other way, v's search space is not on any shortest path.
            let vi = Int(v)
            if upward {
                for k in Int(ch.downFirst[vi])..<Int(ch.downFirst[vi + 1]) {
                    let w = ch.downHead[k]
                    if reached(w), dist[Int(w)] + UInt64(ch.downTicks[k]) < d { return (d, v) }
                }
                for k in Int(ch.upFirst[vi])..<Int(ch.upFirst[vi + 1]) {
                    relax(ch.upHead[k], d + UInt64(ch.upTicks[k]), from: v, arc: k)
                }
            } else {
                for k in Int(ch.upFirst[vi])..<Int(ch.upFirst[vi + 1]) {
                    let w = ch.upHead[k]
                    if reached(w), dist[Int(w)] + UInt64(ch.upTicks[k]) < d { return (d, v) }
                }
                for k in Int(ch.downFirst[vi])..<Int(ch.downFirst[vi + 1]) {
                    relax(ch.downHead[k], d + UInt64(ch.downTicks[k]), from: v, arc: k)
                }
            }
            return (d, v)
        }
        return nil
    }

    @inline(__always)
    private mutating func relax(_ w: Int32, _ nd: UInt64, from v: Int32, arc: Int) {
        if stamp[Int(w)] != current || nd < dist[Int(w)] {
            set(w, nd, parent: v, arc: Int32(arc))
            queue.push(key: nd, value: w)
        }
    }
}

/// A binary min-heap of (UInt64 key, node) pairs with lazy deletion.
struct MinQueue64 {
    private var keys: [UInt64] = []
    private var values: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    mutating func push(key: UInt64, value: Int32) {
        keys.append(key)
        values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if keys[p] <= key { break }
            keys[i] = keys[p]
            values[i] = values[p]
            i = p
        }
        keys[i] = key
        values[i] = value
    }

    mutating func pop() -> (UInt64, Int32)? {
        guard let topKey = keys.first else { return nil }
        let topValue = values[0]
        let lastKey = keys.removeLast()
        let lastValue = values.removeLast()
        let n = keys.count
        if n == 0 { return (topKey, topValue) }
        var i = 0
        while true {
            var c = 2 * i + 1
            if c >= n { break }
            if c + 1 < n, keys[c + 1] < keys[c] { c += 1 }
            if lastKey <= keys[c] { break }
            keys[i] = keys[c]
            values[i] = values[c]
            i = c
        }
        keys[i] = lastKey
        values[i] = lastValue
        return (topKey, topValue)
    }
}
