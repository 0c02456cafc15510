//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import Roads
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

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func pointToPointEqualsDijkstra(seed: UInt64) {
        let g = Self.randomGraph(nodes: 300, seed: seed)
        var builder = HierarchyBuilder(graph: g)
        let ch = builder.build()
        var query = HierarchyQuery(nodeCount: ch.nodeCount)
        var compared = 0
        for s in stride(from: 0, to: g.nodeCount, by: 7) {
            let expected = Self.dijkstra(g, from: s)
            for t in 0..<g.nodeCount {
                let answer = query.run(ch, from: ch.rank[s], to: ch.rank[t])
                #expect(answer?.ticks == expected[t], "\(s) → \(t)")
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }

    @Test func aSearchLargerThanItsQueueRunsAgainWithMoreRoom() {
        let g = Self.randomGraph(nodes: 300, seed: 3)
        var builder = HierarchyBuilder(graph: g)
        let ch = builder.build()
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

    @Test func unpackedPathIsAPathOfTheGraphWithTheAnsweredTime() {
        let g = Self.randomGraph(nodes: 400, seed: 42)
        var builder = HierarchyBuilder(graph: g)
        let ch = builder.build()
        var query = HierarchyQuery(nodeCount: ch.nodeCount)
        var checked = 0
        for (s, t) in [(0, 399), (17, 250), (399, 3), (123, 321), (50, 51)] {
            guard let answer = query.run(ch, from: ch.rank[s], to: ch.rank[t], path: true) else { continue }
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

    @Test func matrixEqualsPointToPoint() {
        let g = Self.randomGraph(nodes: 500, seed: 9)
        var builder = HierarchyBuilder(graph: g)
        let ch = builder.build()
        var query = HierarchyQuery(nodeCount: ch.nodeCount)
        let sources: [Int32] = (0..<20).map { ch.rank[$0 * 23] }
        let targets: [Int32] = (0..<15).map { ch.rank[$0 * 31 + 5] }
        let table = HierarchyMatrix.table(ch, sources: sources, targets: targets)
        for (i, s) in sources.enumerated() {
            for (j, t) in targets.enumerated() {
                let p2p = query.run(ch, from: s, to: t)
                #expect(table.ticks[i * targets.count + j] == (p2p?.ticks ?? .max))
            }
        }
    }
}
