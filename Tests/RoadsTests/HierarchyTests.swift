//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import Roads
import Foundation
import Testing

/// The contraction hierarchy answers exactly what plain Dijkstra answers on the same graph.
@Suite struct HierarchyTests {
    /// A random sparse directed graph: `n` nodes on a jittered grid, arcs to near neighbours,
    /// some one-way, some parallel, some of weight 0.
    static func randomGraph(nodes n: Int, seed: UInt64) -> ProfileGraph {
        var rng = SplitMix(seed: seed)
        var g = ProfileGraph(profile: .car)
        let side = max(1, Int(Double(n).squareRoot()))
        for i in 0..<n {
            g.addNode(osmID: Int64(i * 3 + 1), latitude: Int32(520_000_000 + (i / side) * 1000), longitude: Int32(60_000_000 + (i % side) * 1000))
        }
        for i in 0..<n {
            for _ in 0..<Int(rng.next() % 4) {
                let offset = Int(rng.next() % UInt64(2 * side + 3)) - side - 1
                let j = i + offset
                guard j >= 0, j < n, j != i else { continue }
                let w = rng.next() % 10 == 0 ? 0 : UInt32(1 + rng.next() % 5000)
                g.addArc(Int32(i), Int32(j), w, w * 3)
                if rng.next() % 3 != 0 { g.addArc(Int32(j), Int32(i), w, w * 3) }
            }
        }
        return g
    }

    /// Plain Dijkstra over the graph's arcs: ticks to every node (`nil` = unreachable).
    static func dijkstra(_ g: ProfileGraph, from s: Int) -> [UInt64?] {
        let (first, order) = g.outgoing()
        var dist = [UInt64?](repeating: nil, count: g.nodeCount)
        var done = [Bool](repeating: false, count: g.nodeCount)
        dist[s] = 0
        var frontier: [(UInt64, Int)] = [(0, s)]
        while let k = frontier.indices.min(by: { frontier[$0].0 < frontier[$1].0 }) {
            let (d, u) = frontier.remove(at: k)
            if done[u] { continue }
            done[u] = true
            for a in Int(first[u])..<Int(first[u + 1]) {
                let arc = Int(order[a])
                let v = Int(g.heads[arc])
                let nd = d + UInt64(g.ticks[arc])
                if dist[v] == nil || nd < dist[v]! {
                    dist[v] = nd
                    frontier.append((nd, v))
                }
            }
        }
        return dist
    }

    /// The two orders and the two searches: the tree search needs the nested-dissection order;
    /// the Dijkstra search works on either.
    enum Variant: CaseIterable, CustomTestStringConvertible {
        case treeOnNested, dijkstraOnNested, dijkstraOnGreedy
        var testDescription: String { "\(self)" }

        func hierarchy(_ g: ProfileGraph) -> ContractionHierarchy {
            var builder = HierarchyBuilder(graph: g)
            return self == .dijkstraOnGreedy ? builder.buildGreedily() : builder.build()
        }

        /// A search on `ch` for this variant.
        func search(_ ch: ContractionHierarchy) -> (Int32, Int32, Bool) -> (ticks: UInt64, centimetres: UInt64, path: [Int32])? {
            var query: any PointToPointSearch = self == .treeOnNested ? TreeQuery(nodeCount: ch.nodeCount) : HierarchyQuery(nodeCount: ch.nodeCount)
            return { query.run(ch, from: $0, to: $1, path: $2) }
        }
    }

    @Test(arguments: Variant.allCases, [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func pointToPointEqualsDijkstra(_ variant: Variant, seed: UInt64) {
        let g = Self.randomGraph(nodes: 300, seed: seed)
        let ch = variant.hierarchy(g)
        #expect(ch.treeParent.isEmpty == (variant == .dijkstraOnGreedy))
        let run = variant.search(ch)
        var compared = 0
        for s in stride(from: 0, to: g.nodeCount, by: 7) {
            let expected = Self.dijkstra(g, from: s)
            for t in 0..<g.nodeCount {
                let answer = run(ch.rank[s], ch.rank[t], false)
                #expect(answer?.ticks == expected[t], "\(s) → \(t)")
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }

    /// What makes the tree search exact: every arc of the hierarchy leads from a node to one of
    /// its ancestors in the elimination tree, and parents rank above their children.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func everyArcLeadsToAnAncestor(seed: UInt64) {
        let ch = Variant.treeOnNested.hierarchy(Self.randomGraph(nodes: 600, seed: seed))
        let parent = ch.treeParent
        #expect(parent.count == ch.nodeCount)
        #expect(parent.indices.allSatisfy { parent[$0] == -1 || parent[$0] > Int32($0) })
        func isAncestor(_ a: Int32, of r: Int32) -> Bool {
            var v = parent[Int(r)]
            while v >= 0 && v < a { v = parent[Int(v)] }
            return v == a
        }
        var arcs = 0
        for (first, list) in [(ch.upFirst, ch.up), (ch.downFirst, ch.down)] {
            for r in 0..<ch.nodeCount {
                for k in Int(first[r])..<Int(first[r + 1]) {
                    #expect(isAncestor(list[k].head, of: Int32(r)), "arc \(r) – \(list[k].head)")
                    arcs += 1
                }
            }
        }
        #expect(arcs > 1000)
        #expect(EliminationTree(ch).height < ch.nodeCount / 4, "nested dissection keeps the tree low")
    }

    /// A grid has no small separators: nested dissection gives up and the greedy order is used.
    @Test func aDenseGridIsOrderedGreedily() {
        var g = ProfileGraph(profile: .car)
        let side = 50
        for i in 0..<(side * side) {
            g.addNode(osmID: Int64(i + 1), latitude: Int32(520_000_000 + (i / side) * 1000), longitude: Int32(60_000_000 + (i % side) * 1000))
        }
        for i in 0..<(side * side) {
            for j in [i + 1, i + side] where j < side * side && (j != i + 1 || j % side != 0) {
                g.addArc(Int32(i), Int32(j), 100, 300)
                g.addArc(Int32(j), Int32(i), 100, 300)
            }
        }
        #expect(NestedDissection.order(nodeCount: g.nodeCount, tails: g.tails, heads: g.heads, latitudes: g.latitudes, longitudes: g.longitudes) == nil)
        var builder = HierarchyBuilder(graph: g)
        let ch = builder.build()
        #expect(ch.treeParent.isEmpty)
        var query = HierarchyQuery(nodeCount: ch.nodeCount)
        // Corner to corner: 98 steps of 100 ticks.
        #expect(query.run(ch, from: ch.rank[0], to: ch.rank[side * side - 1])?.ticks == 9800)
    }

    /// The greedy order contracts in rounds whose witness searches run on several threads: the
    /// hierarchy is the same on one thread and on two, and it answers as Dijkstra does.
    @Test func theGreedyOrderDoesNotDependOnTheThreads() {
        let g = Self.randomGraph(nodes: 2_000, seed: 11)
        var one = HierarchyBuilder(graph: g), two = HierarchyBuilder(graph: g)
        let a = one.buildGreedily(threads: 1), b = two.buildGreedily(threads: 2)
        #expect(a.rank == b.rank)
        #expect(a.upFirst == b.upFirst && a.downFirst == b.downFirst)
        #expect(a.up == b.up && a.down == b.down)
        #expect(one.shortcuts == two.shortcuts && one.shortcuts > 0)
        var query = HierarchyQuery(nodeCount: b.nodeCount)
        var reached = 0
        for source in stride(from: 0, to: g.nodeCount, by: 97) {
            let truth = Self.dijkstra(g, from: source)
            for t in 0..<g.nodeCount {
                #expect(query.run(b, from: b.rank[source], to: b.rank[t])?.ticks == truth[t], "\(source) → \(t)")
                if truth[t] != nil { reached += 1 }
            }
        }
        #expect(reached > 10_000)
    }

    /// A road-like network (a ring road with villages on spokes) of more than
    /// ``NestedDissection/checkedCell`` nodes is dissected: the order names every node once.
    @Test func aRoadLikeNetworkIsDissected() {
        var g = ProfileGraph(profile: .car)
        let spokes = 60, length = 25
        var id: Int64 = 0
        func node(_ lat: Double, _ lon: Double) -> Int32 {
            id += 1
            g.addNode(osmID: id, latitude: Int32(lat * 1e7), longitude: Int32(lon * 1e7))
            return Int32(g.nodeCount - 1)
        }
        var ring: [Int32] = []
        for k in 0..<spokes {
            let angle = Double(k) / Double(spokes) * 2 * Double.pi
            let hub = node(52.3 + 0.05 * sin(angle), 6.8 + 0.08 * cos(angle))
            ring.append(hub)
            var previous = hub
            for step in 1...length {
                let v = node(52.3 + (0.05 + 0.002 * Double(step)) * sin(angle), 6.8 + (0.08 + 0.003 * Double(step)) * cos(angle))
                g.addArc(previous, v, 50, 100)
                g.addArc(v, previous, 50, 100)
                previous = v
            }
        }
        for k in 0..<spokes {
            g.addArc(ring[k], ring[(k + 1) % spokes], 200, 400)
            g.addArc(ring[(k + 1) % spokes], ring[k], 200, 400)
        }
        #expect(g.nodeCount > NestedDissection.checkedCell)
        let order = NestedDissection.order(nodeCount: g.nodeCount, tails: g.tails, heads: g.heads, latitudes: g.latitudes, longitudes: g.longitudes)
        #expect(order.map { Set($0) } == Set(0..<Int32(g.nodeCount)))
        #expect(order?.count == g.nodeCount)
        var builder = HierarchyBuilder(graph: g)
        let ch = builder.build()
        #expect(!ch.treeParent.isEmpty)
        var tree = TreeQuery(nodeCount: ch.nodeCount)
        // The far ends of two opposite spokes: out along one, half the ring, in along the other.
        let a = ring[0] + Int32(length), b = ring[spokes / 2] + Int32(length)
        #expect(tree.run(ch, from: ch.rank[Int(a)], to: ch.rank[Int(b)])?.ticks == UInt64(2 * length * 50 + spokes / 2 * 200))
    }

    @Test func aSearchLargerThanItsQueueRunsAgainWithMoreRoom() {
        let g = Self.randomGraph(nodes: 300, seed: 3)
        let ch = Variant.dijkstraOnGreedy.hierarchy(g)
        var query = HierarchyQuery(nodeCount: ch.nodeCount)
        query.queueCapacity = 1
        var reached = 0
        for t in 0..<g.nodeCount {
            let expected = Self.dijkstra(g, from: 5)[t]
            #expect(query.run(ch, from: ch.rank[5], to: ch.rank[t])?.ticks == expected, "5 → \(t)")
            if expected != nil { reached += 1 }
        }
        #expect(query.queueCapacity > 1, "the queue grew")
        #expect(reached > 100)
    }

    @Test(arguments: Variant.allCases)
    func unpackedPathIsAPathOfTheGraphWithTheAnsweredTime(_ variant: Variant) {
        let g = Self.randomGraph(nodes: 400, seed: 42)
        let ch = variant.hierarchy(g)
        let run = variant.search(ch)
        var checked = 0
        for (s, t) in [(0, 399), (17, 250), (399, 3), (123, 321), (50, 51)] {
            guard let answer = run(ch.rank[s], ch.rank[t], true) else { continue }
            let nodes = answer.path.map { Int(ch.node[Int($0)]) }
            #expect(nodes.first == s && nodes.last == t)
            // Sum the cheapest graph arc between consecutive nodes: it must give the answer.
            var ticks: UInt64 = 0
            var cm: UInt64 = 0
            for (a, b) in zip(nodes, nodes.dropFirst()) {
                let arcs = (0..<g.arcCount).filter { Int(g.tails[$0]) == a && Int(g.heads[$0]) == b }
                let best = arcs.min { g.ticks[$0] < g.ticks[$1] }
                #expect(best != nil, "\(a) → \(b) is not an arc")
                if let best { ticks += UInt64(g.ticks[best]); cm += UInt64(g.centimetres[best]) }
            }
            #expect(ticks == answer.ticks)
            #expect(cm == answer.centimetres)
            checked += 1
        }
        #expect(checked >= 3)
    }

    @Test(arguments: Variant.allCases)
    func matrixEqualsPointToPoint(_ variant: Variant) {
        let g = Self.randomGraph(nodes: 500, seed: 9)
        let ch = variant.hierarchy(g)
        let run = variant.search(ch)
        let sources: [Int32] = (0..<20).map { ch.rank[$0 * 23] }
        let targets: [Int32] = (0..<15).map { ch.rank[$0 * 31 + 5] }
        let table = HierarchyMatrix.table(ch, sources: sources, targets: targets)
        var reached = 0
        for (i, s) in sources.enumerated() {
            for (j, t) in targets.enumerated() {
                let p2p = run(s, t, false)
                #expect(table.ticks[i * targets.count + j] == (p2p?.ticks ?? .max))
                #expect(p2p == nil || table.centimetres[i * targets.count + j] == p2p!.centimetres)
                if p2p != nil { reached += 1 }
            }
        }
        #expect(reached > 100)
    }
}
