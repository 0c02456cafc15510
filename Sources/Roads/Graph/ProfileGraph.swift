//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// One profile's directed street graph, built from an extract by the rules of ROADS.md.
///
/// Node `i` is the `i`-th graph node in OSM-id order (as in the reference), so ties between
/// nodes can be broken by index. Arc weights are integer *ticks*: milliseconds of driving for
/// car; for foot and wheelchair millimetres of "effective length" (length ÷ speed factor, so
/// steps count double), which makes the prepared network independent of the walking speed: a
/// time is `ticks ÷ 1000 ÷ speed`. ROADS.md asks for at least millisecond resolution per arc.
struct ProfileGraph: Sendable {
    var profile: RoadProfile
    var osmIDs: [Int64] = []
    /// 1e-7 degrees.
    var latitudes: [Int32] = []
    var longitudes: [Int32] = []
    /// Arcs in creation order (way by way, segment by segment, forward before backward).
    var tails: [Int32] = []
    var heads: [Int32] = []
    var ticks: [UInt32] = []
    /// Segment length in centimetres.
    var centimetres: [UInt32] = []

    // What `goan roads info` reports.
    var waysRead = 0
    var waysUsed = 0
    var segments = 0
    var missingNodeReferences = 0
    var droppedSegments = 0
    var totalMetres = 0.0

    var nodeCount: Int { osmIDs.count }
    var arcCount: Int { tails.count }

    init(profile: RoadProfile) { self.profile = profile }

    /// Builds the graph of `profile` from `extract`.
    init(extract: OSMExtract, profile: RoadProfile) {
        self.profile = profile
        waysRead = extract.ways.count
        let ids = extract.nodeIDs
        // Extract index of each node reference, or -1 when the file lacks the node.
        func index(of id: Int64) -> Int32 {
            var lo = 0
            var hi = ids.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if ids[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            return lo < ids.count && ids[lo] == id ? Int32(lo) : -1
        }
        var used = [Bool](repeating: false, count: ids.count)
        struct Segment { var a: Int32; var b: Int32; var metres: Double; var speed: Double; var forward: Bool; var backward: Bool }
        var segmentList: [Segment] = []
        var refs: [Int32] = []
        for way in extract.ways {
            guard let use = profile.use(way.tags) else { continue }
            waysUsed += 1
            refs.removeAll(keepingCapacity: true)
            for node in way.nodes {
                let i = index(of: node)
                refs.append(i)
                if i < 0 { missingNodeReferences += 1 } else { used[Int(i)] = true }
            }
            guard refs.count >= 2 else { continue }
            for k in 1..<refs.count {
                let a = refs[k - 1]
                let b = refs[k]
                // A node the extract lacks cuts the way there; its neighbours are not joined.
                if a < 0 || b < 0 {
                    droppedSegments += 1
                    continue
                }
                if a == b { continue }
                let metres = Haversine.metres(
                    e7: extract.latitudes[Int(a)], extract.longitudes[Int(a)],
                    extract.latitudes[Int(b)], extract.longitudes[Int(b)])
                segments += 1
                totalMetres += metres
                segmentList.append(Segment(a: a, b: b, metres: metres, speed: use.speed, forward: use.forward, backward: use.backward))
            }
        }
        var graphIndex = [Int32](repeating: -1, count: ids.count)
        for i in 0..<ids.count where used[i] {
            graphIndex[i] = Int32(osmIDs.count)
            osmIDs.append(ids[i])
            latitudes.append(extract.latitudes[i])
            longitudes.append(extract.longitudes[i])
        }
        for s in segmentList {
            let a = graphIndex[Int(s.a)]
            let b = graphIndex[Int(s.b)]
            let t = Self.ticks(metres: s.metres, speed: s.speed, profile: profile)
            let cm = UInt32(min((s.metres * 100).rounded(), Double(UInt32.max - 1)))
            if s.forward { addArc(a, b, t, cm) }
            if s.backward { addArc(b, a, t, cm) }
        }
    }

    /// Ticks of one segment: ms for car (speed in m/s), mm of effective length for foot and
    /// wheelchair (speed = factor). At least 0, at most `UInt32.max - 1` (saturating: an arc
    /// of 49 days does not occur).
    static func ticks(metres: Double, speed: Double, profile: RoadProfile) -> UInt32 {
        let value = (metres / speed * 1000).rounded()
        return UInt32(min(max(value, 0), Double(UInt32.max - 1)))
    }

    mutating func addArc(_ tail: Int32, _ head: Int32, _ weight: UInt32, _ cm: UInt32) {
        tails.append(tail)
        heads.append(head)
        ticks.append(weight)
        centimetres.append(cm)
    }

    /// Adds a node (for generated networks and tests); returns its index.
    @discardableResult
    mutating func addNode(osmID: Int64, latitude: Int32, longitude: Int32) -> Int32 {
        osmIDs.append(osmID)
        latitudes.append(latitude)
        longitudes.append(longitude)
        return Int32(osmIDs.count - 1)
    }

    /// Arcs grouped by tail (compressed sparse rows): `first[v]..<first[v+1]` index `order`,
    /// which lists arc indices in creation order within each tail.
    func outgoing() -> (first: [Int32], order: [Int32]) {
        var first = [Int32](repeating: 0, count: nodeCount + 1)
        for t in tails { first[Int(t) + 1] += 1 }
        for v in 0..<nodeCount { first[v + 1] += first[v] }
        var next = first
        var order = [Int32](repeating: 0, count: arcCount)
        for (k, t) in tails.enumerated() {
            order[Int(next[Int(t)])] = Int32(k)
            next[Int(t)] += 1
        }
        return (first, order)
    }
}
