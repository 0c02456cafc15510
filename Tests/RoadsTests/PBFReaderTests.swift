//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import Roads
import Testing

/// What the reader keeps of well-formed files, on hand-written extracts.
@Suite struct PBFReaderTests {
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
}
