//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension RoadNetwork {
    /// A generated grid-like car network of about `nodes` nodes, for the scaling benchmark
    /// (no OSM extract of a million nodes ships with goan).
    ///
    /// Nodes sit on a square grid 100 m apart, jittered by up to 30 m; streets join grid
    /// neighbours at 25 km/h; every 10th row and column is a 50 km/h road and every 50th a
    /// 80 km/h one; 10 % of the street segments are missing and 5 % are one-way, so the network
    /// is irregular like a real one. Foot and wheelchair are empty. Deterministic for a seed.
    /// `threads` (default: the online cores) only changes how fast the hierarchy is built.
    public init(syntheticGridOf nodes: Int, seed: UInt64 = 1, threads: Int? = nil) {
        var state = seed
        func random() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let side = max(2, Int(Double(nodes).squareRoot().rounded()))
        var graph = ProfileGraph(profile: .car)
        // 100 m ≈ 900 units of 1e-7° of latitude at 52° N, 1,470 of longitude.
        for i in 0..<(side * side) {
            let row = i / side, column = i % side
            let jitterLat = Int32(Int(random() % 541) - 270), jitterLon = Int32(Int(random() % 883) - 441)
            graph.addNode(osmID: Int64(i + 1), latitude: Int32(520_000_000 + row * 900) + jitterLat, longitude: Int32(60_000_000 + column * 1470) + jitterLon)
        }
        func speed(_ line: Int) -> Double { line % 50 == 0 ? 80 : line % 10 == 0 ? 50 : 25 }
        for i in 0..<(side * side) {
            let row = i / side, column = i % side
            for (j, kmh) in [(column + 1 < side ? i + 1 : -1, speed(row)), (row + 1 < side ? i + side : -1, speed(column))] where j >= 0 {
                let arterial = kmh > 25
                if !arterial, random() % 10 == 0 { continue }
                let metres = Haversine.metres(e7: graph.latitudes[i], graph.longitudes[i], graph.latitudes[j], graph.longitudes[j])
                let ticks = ProfileGraph.ticks(metres: metres, speed: kmh / 3.6, profile: .car)
                let cm = UInt32((metres * 100).rounded())
                let oneWay = !arterial && random() % 20 == 0
                graph.addArc(Int32(i), Int32(j), ticks, cm)
                if !oneWay { graph.addArc(Int32(j), Int32(i), ticks, cm) }
            }
        }
        graph.waysRead = graph.arcCount
        graph.waysUsed = graph.arcCount
        self.init(
            source: "synthetic grid of \(side * side) nodes (seed \(seed))", clip: nil,
            profiles: [ProfileNetwork(graph: graph, threads: threads), ProfileNetwork(graph: ProfileGraph(profile: .foot)), ProfileNetwork(graph: ProfileGraph(profile: .wheelchair))])
    }

    /// `count` seeded points of the car network's largest component, for benchmarks.
    public func samplePoints(_ profile: RoadProfile, count: Int, seed: UInt64) -> [RoadPoint] {
        let net = network(profile)
        let nodes = net.snapper.cellNodes
        guard !nodes.isEmpty else { return [] }
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = nodes[Int((state >> 33) % UInt64(nodes.count))]
            return RoadPoint(
                profile: profile, node: v, osmID: net.osmIDs[Int(v)], latitude: Double(net.latitudes[Int(v)]) / 1e7,
                longitude: Double(net.longitudes[Int(v)]) / 1e7, snapMetres: 0)
        }
    }
}
