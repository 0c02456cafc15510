//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
@testable import Roads
import Testing

/// What the reader keeps of well-formed files (pyosmium's semantics), on hand-written extracts.
@Suite struct PBFReaderTests {
    /// Three nodes and a residential way over them (also used by the defect tests).
    static let road = PBFBuilder()
        .node(1, latE7: 471_000_000, lonE7: 95_000_000)
        .node(2, latE7: 471_000_100, lonE7: 95_000_200)
        .node(3, latE7: 471_000_300, lonE7: 95_000_100)
        .way(10, nodes: [1, 2, 3], tags: ["highway": "residential", "name": "Hauptstrasse", "maxspeed": "30"])

    @Test func readsDenseNodesAndWays() throws {
        let extract = try Self.road.read()
        #expect(extract.ways == [OSMWay(id: 10, tags: ["highway": "residential", "maxspeed": "30"], nodes: [1, 2, 3])])
        #expect(extract.nodeIDs == [1, 2, 3])
        #expect(extract.latitudes == [471_000_000, 471_000_100, 471_000_300])
        #expect(extract.longitudes == [95_000_000, 95_000_200, 95_000_100])
    }

    @Test func readsFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbf-road-\(UUID().uuidString).osm.pbf").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.road.data())))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extract = try OSMExtract.read(pbfAt: path)
        #expect(extract.ways.map(\.id) == [10] && extract.nodeIDs == [1, 2, 3])
    }

    @Test func plainNodesReadLikeDenseNodes() throws {
        let dense = try Self.road.read()
        let plain = try Self.road.with(\.nodeEncoding, .plain).read()
        #expect(plain.ways == dense.ways && plain.nodeIDs == dense.nodeIDs)
        #expect(plain.latitudes == dense.latitudes && plain.longitudes == dense.longitudes)
    }

    @Test func rawBlocksReadLikeZlibBlocks() throws {
        let zlib = try Self.road.read()
        let raw = try Self.road.with(\.compression, .none).read()
        #expect(raw.ways == zlib.ways && raw.nodeIDs == zlib.nodeIDs && raw.latitudes == zlib.latitudes)
    }

    @Test func degreesAreRoundedToTheGrid() throws {
        let extract = try PBFBuilder().node(1, 47.123_456_78, -9.5).way(2, nodes: [1], tags: ["highway": "path"]).read()
        #expect(extract.latitudes == [471_234_568] && extract.longitudes == [-95_000_000])
    }

    /// Any `highway` value counts, even empty; a way without one is dropped, whatever else it has.
    @Test func onlyWaysWithAHighwayKeyAreKept() throws {
        let extract = try PBFBuilder()
            .node(1, 47.0, 9.0).node(2, 47.1, 9.1).node(3, 47.2, 9.2)
            .way(10, nodes: [1, 2], tags: ["building": "yes", "access": "no"])
            .way(11, nodes: [2, 3], tags: ["highway": ""])
            .way(12, nodes: [1, 3], tags: ["highway": "made_up_value"])
            .way(13, nodes: [3, 1], tags: [:])
            .way(14, nodes: [3, 2], tags: ["Highway": "primary", "highway:name": "x"])
            .read()
        #expect(extract.ways.map(\.id) == [11, 12])
        #expect(extract.ways[0].tags == ["highway": ""])
    }

    /// Tags outside the profile keys are dropped; a repeated key keeps its first value; values
    /// stay exactly as written.
    @Test func tagsAreRestrictedToTheProfileKeys() throws {
        let extract = try PBFBuilder()
            .node(1, 47.0, 9.0).node(2, 47.1, 9.1)
            .way(10, nodes: [1, 2], tags: [
                "name": "A", "oneway": "yes", "highway": "primary", "maxspeed": " 50 km/h", "oneway": "-1",
                "foot": "yes;no", "wheelchair": "No", "surface": "asphalt", "area": "yes", "junction": "roundabout",
                "access": "private", "motor_vehicle": "destination", "motorcar": "no",
            ])
            .read()
        #expect(extract.ways.first?.tags == [
            "highway": "primary", "oneway": "yes", "maxspeed": " 50 km/h", "foot": "yes;no", "wheelchair": "No", "area": "yes",
            "junction": "roundabout", "access": "private", "motor_vehicle": "destination", "motorcar": "no",
        ])
    }

    /// Only nodes that a kept way references are kept, each once, sorted by id; ways stay in
    /// file order with their full node lists (a closed way repeats its first node).
    @Test func onlyReferencedNodesAreKeptSortedAndUnique() throws {
        let extract = try PBFBuilder()
            .node(5, 47.5, 9.5).node(1, 47.1, 9.1).node(9, 47.9, 9.9).node(3, 47.3, 9.3).node(7, 47.7, 9.7)
            .way(30, nodes: [7, 3, 5, 7], tags: ["highway": "service"])
            .block()
            .way(20, nodes: [3, 1], tags: ["highway": "track"])
            .way(25, nodes: [9, 1], tags: ["railway": "rail"])
            .read()
        #expect(extract.ways.map(\.id) == [30, 20])
        #expect(extract.ways[0].nodes == [7, 3, 5, 7])
        #expect(extract.nodeIDs == [1, 3, 5, 7])
        #expect(extract.latitudes == [471_000_000, 473_000_000, 475_000_000, 477_000_000])
    }

    /// A node written twice keeps its last location, as osmium's location index does.
    @Test func aNodeListedTwiceKeepsItsLastLocation() throws {
        let extract = try PBFBuilder()
            .node(1, 47.0, 9.0).node(2, 47.1, 9.1)
            .block()
            .node(1, 48.0, 10.0)
            .way(3, nodes: [1, 2], tags: ["highway": "path"])
            .read()
        #expect(extract.nodeIDs == [1, 2] && extract.latitudes == [480_000_000, 471_000_000])
    }

    /// osmium's fixed point: `(raw × granularity + offset) / 100`, truncated toward zero.
    @Test func granularityAndOffsetsAsOsmium() throws {
        let extract = try PBFBuilder()
            .block(granularity: 1000, latOffset: 55, lonOffset: -55)
            .node(1, latE7: 47_123, lonE7: -9_456)  // (47123000 + 55) / 100, (-9456000 - 55) / 100
            .node(2, latE7: 0, lonE7: 0)            // 55 / 100 = 0, -55 / 100 = 0 (not -1)
            .block(granularity: 1)
            .node(3, latE7: -199, lonE7: 199)       // -1.99 → -1, 1.99 → 1
            .way(4, nodes: [1, 2, 3], tags: ["highway": "path"])
            .read()
        #expect(extract.latitudes == [471_230, 0, -1])
        #expect(extract.longitudes == [-94_560, 0, 1])
    }

    /// The extreme valid coordinates are kept.
    @Test func polesAndAntimeridianAreInRange() throws {
        let extract = try PBFBuilder()
            .node(1, latE7: 900_000_000, lonE7: 1_800_000_000).node(2, latE7: -900_000_000, lonE7: -1_800_000_000)
            .way(3, nodes: [1, 2], tags: ["highway": "path"])
            .read()
        #expect(extract.latitudes == [900_000_000, -900_000_000] && extract.longitudes == [1_800_000_000, -1_800_000_000])
    }

    /// Nodes outside the box are absent; the ways keep all their references (the graph builder cuts them).
    @Test func clippingDropsNodesOutsideTheBox() throws {
        let box = BoundingBox(minLongitude: 9.0, minLatitude: 47.0, maxLongitude: 9.5, maxLatitude: 47.5)
        let extract = try PBFBuilder()
            .node(1, 47.0, 9.0).node(2, 47.5, 9.5).node(3, 47.6, 9.2).node(4, 47.2, 9.51)
            .way(5, nodes: [1, 2, 3, 4], tags: ["highway": "path"])
            .read(clippedTo: box)
        #expect(extract.nodeIDs == [1, 2])
        #expect(extract.ways.first?.nodes == [1, 2, 3, 4])
    }

    @Test func relationsAndNodeTagsAreIgnored() throws {
        let extract = try PBFBuilder()
            .node(1, 47.0, 9.0, tags: ["barrier": "gate", "highway": "crossing"]).node(2, 47.1, 9.1)
            .relation(100, members: [1, 2], tags: ["type": "route", "highway": "path"])
            .way(3, nodes: [1, 2], tags: ["highway": "path"])
            .read()
        #expect(extract.ways.map(\.id) == [3] && extract.nodeIDs == [1, 2])
    }

    @Test func headerOnlyFileIsEmpty() throws {
        let extract = try PBFBuilder().read()
        #expect(extract.ways.isEmpty && extract.nodeIDs.isEmpty && extract.latitudes.isEmpty)
    }

    @Test func headerWithoutFeaturesIsAccepted() throws {
        #expect(try Self.road.with(\.requiredFeatures, []).read().ways.count == 1)
    }

    /// Negative ids (files from editors, not yet uploaded) and ids far beyond OSM's (whose
    /// deltas still fit in 64 bits; larger ones are a defect, see PBFDefectTests).
    @Test func extremeIds() throws {
        let big: Int64 = 1 << 62
        let extract = try PBFBuilder()
            .node(-5, 47.0, 9.0).node(big, 47.1, 9.1).node(-big, 47.2, 9.2)
            .way(.min, nodes: [big, -5, -big], tags: ["highway": "path"])
            .read()
        #expect(extract.ways.first?.id == .min)
        #expect(extract.ways.first?.nodes == [big, -5, -big])
        #expect(extract.nodeIDs == [-big, -5, big])
        #expect(extract.latitudes == [472_000_000, 470_000_000, 471_000_000])
    }

    /// Many blocks, decoded on several threads, in an order that makes the node lookup jump
    /// back and forth: the result is the one of a plain sequential read.
    @Test func manyBlocksInAnyIdOrder() throws {
        var builder = PBFBuilder()
        var expected: [Int64: (Int32, Int32)] = [:]
        var rng = SplitMix(seed: 7)
        for _ in 0..<40 {
            builder = builder.block()
            for _ in 0..<300 {
                let id = Int64(rng.next() % 50_000)
                let lat = Int32(rng.next() % 1_800_000_000) - 900_000_000
                let lon = Int32(rng.next() % 1_800_000_000) - 900_000_000
                builder = builder.node(id, latE7: Int64(lat), lonE7: Int64(lon))
                expected[id] = (lat, lon)
            }
        }
        var ways: [OSMWay] = []
        for w in 0..<400 {
            let nodes = (0..<Int(rng.next() % 30)).map { _ in Int64(rng.next() % 60_000) }
            let highway = w % 4 != 0
            builder = builder.way(Int64(w), nodes: nodes, tags: highway ? ["highway": "residential"] : ["landuse": "forest"])
            if highway { ways.append(OSMWay(id: Int64(w), tags: ["highway": "residential"], nodes: nodes)) }
        }
        let extract = try builder.read()
        #expect(extract.ways == ways)
        let referenced = Set(ways.flatMap(\.nodes)).filter { expected[$0] != nil }.sorted()
        #expect(extract.nodeIDs == referenced)
        #expect(extract.latitudes == referenced.map { expected[$0]!.0 })
        #expect(extract.longitudes == referenced.map { expected[$0]!.1 })
    }

    @Test func radixSortMatchesSort() {
        var rng = SplitMix(seed: 3)
        for (count, span) in [(0, 1), (1, 1), (5000, 10), (20_000, 1 << 20), (20_000, 1 << 40), (10_000, 0)] {
            var ids = (0..<count).map { _ in span == 0 ? Int64(bitPattern: rng.next()) : Int64(rng.next() % UInt64(span)) - Int64(span / 2) }
            ids += count > 0 ? [.min, .max, 0] : []
            let expected = Array(Set(ids)).sorted()
            RadixSort.sortUnique(&ids)
            #expect(ids == expected, "count \(count), span \(span)")
        }
    }

    @Test func nodeLookupFindsSlotsInAnyOrder() {
        let ids: [Int64] = [2, 3, 5, 8, 13, 21, 34, 55, 89, 144]
        var lookup = NodeLookup(ids: ids)
        for probe: Int64 in [1, 2, 89, 3, 4, 144, 145, 0, 55, 56, 2, 144, -1, 13] {
            #expect(lookup.slot(of: probe) == ids.firstIndex(of: probe), "id \(probe)")
        }
    }
}
