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

/// Where the real extracts are: `<repo>/../shared/data/osm` (or `$GOAN_SHARED_DATA/osm`),
/// the same rule as TestSupport's `SharedData`, repeated here so RoadsTests depends on Roads only.
/// Tests that need them are skipped, not failed, when the folder is missing (a fresh clone).
enum PBFSharedFiles {
    static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["GOAN_SHARED_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path).standardizedFileURL
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").standardizedFileURL
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent("osm/\(name)").path }
    static func has(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

/// The two real extracts read exactly as pyosmium 4.3.2 reads them (figures from
/// `osm_ref.read_ways` plus a location lookup of every referenced node; see the report of the
/// PBF reader for the script).
@Suite struct PBFRealFileTests {
    /// Sums over the present nodes, to compare all coordinates without a fixture file.
    struct Expected {
        var file: String
        var ways: Int
        var references: Int
        var distinctReferences: Int
        var presentNodes: Int
        var latitudeSum: Int64
        var longitudeSum: Int64
        var firstWay: OSMWay
        var lastWayID: Int64
        /// (id, latitude, longitude), 1e-7 degrees.
        var samples: [(Int64, Int32, Int32)]
    }

    static let liechtenstein = Expected(
        file: "liechtenstein-2015.osm.pbf", ways: 4660, references: 60675, distinctReferences: 54387, presentNodes: 54387,
        latitudeSum: 25_636_926_047_676, longitudeSum: 5_195_312_983_022,
        firstWay: OSMWay(id: 4781367, tags: ["highway": "residential"], nodes: [30604007, 1752681738, 30604015, 30604017, 30604019]),
        lastWayID: 362578275,
        samples: [(26860698, 470862971, 95270956), (2423138773, 472232399, 95442300), (3668934662, 471486626, 95182633)])

    static let helsinki = Expected(
        file: "helsinki-centre.osm.pbf", ways: 2650, references: 11974, distinctReferences: 7738, presentNodes: 6910,
        latitudeSum: 4_157_825_332_447, longitudeSum: 1_723_688_336_335,
        firstWay: OSMWay(id: 4236349, tags: ["highway": "unclassified", "maxspeed": "30", "oneway": "yes"], nodes: [1372477605, 292727220, 2394117042]),
        lastWayID: 684443849,
        samples: [(25291537, 601643249, 249370245), (1003245706, 601671590, 249512948), (6388100056, 601730860, 249474552)])

    static func check(_ e: Expected) throws {
        let extract = try OSMExtract.read(pbfAt: PBFSharedFiles.path(e.file))
        #expect(extract.ways.count == e.ways)
        #expect(extract.ways.reduce(0) { $0 + $1.nodes.count } == e.references)
        #expect(Set(extract.ways.flatMap(\.nodes)).count == e.distinctReferences)
        #expect(extract.nodeIDs.count == e.presentNodes)
        #expect(extract.latitudes.count == e.presentNodes && extract.longitudes.count == e.presentNodes)
        #expect(zip(extract.nodeIDs, extract.nodeIDs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(extract.latitudes.reduce(Int64(0)) { $0 + Int64($1) } == e.latitudeSum)
        #expect(extract.longitudes.reduce(Int64(0)) { $0 + Int64($1) } == e.longitudeSum)
        let first = try #require(extract.ways.first)
        #expect(first.id == e.firstWay.id && first.tags == e.firstWay.tags)
        #expect(Array(first.nodes.prefix(e.firstWay.nodes.count)) == e.firstWay.nodes)
        #expect(extract.ways.last?.id == e.lastWayID)
        #expect(extract.ways.allSatisfy { $0.tags["highway"] != nil && Set($0.tags.keys).isSubset(of: OSMExtract.profileKeys) })
        for (id, lat, lon) in e.samples {
            let i = try #require(extract.nodeIDs.firstIndex(of: id))
            #expect(extract.latitudes[i] == lat && extract.longitudes[i] == lon, "node \(id)")
        }
    }

    @Test(.enabled(if: PBFSharedFiles.has("liechtenstein-2015.osm.pbf"), "needs ../shared/data/osm"))
    func liechtensteinMatchesOsmium() throws {
        try Self.check(Self.liechtenstein)
    }

    /// A clipped extract: 828 referenced nodes lie outside it and are absent.
    @Test(.enabled(if: PBFSharedFiles.has("helsinki-centre.osm.pbf"), "needs ../shared/data/osm"))
    func helsinkiCentreMatchesOsmium() throws {
        try Self.check(Self.helsinki)
    }

    /// Reading from memory gives what reading the file gives.
    @Test(.enabled(if: PBFSharedFiles.has("helsinki-centre.osm.pbf"), "needs ../shared/data/osm"))
    func bytesAndFileAgree() throws {
        let path = PBFSharedFiles.path("helsinki-centre.osm.pbf")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let a = try OSMExtract.read(pbfAt: path)
        let b = try OSMExtract.read(pbf: bytes, name: "helsinki")
        #expect(a.ways == b.ways && a.nodeIDs == b.nodeIDs && a.latitudes == b.latitudes && a.longitudes == b.longitudes)
    }

    /// Clipping keeps exactly the nodes inside the box.
    @Test(.enabled(if: PBFSharedFiles.has("liechtenstein-2015.osm.pbf"), "needs ../shared/data/osm"))
    func clippingKeepsTheNodesInside() throws {
        let path = PBFSharedFiles.path("liechtenstein-2015.osm.pbf")
        let box = BoundingBox(minLongitude: 9.50, minLatitude: 47.10, maxLongitude: 9.55, maxLatitude: 47.20)
        let all = try OSMExtract.read(pbfAt: path)
        let clipped = try OSMExtract.read(pbfAt: path, clippedTo: box)
        let inside = all.nodeIDs.indices.filter { box.contains(latitudeE7: all.latitudes[$0], longitudeE7: all.longitudes[$0]) }
        #expect(clipped.nodeIDs == inside.map { all.nodeIDs[$0] })
        #expect(clipped.latitudes == inside.map { all.latitudes[$0] })
        #expect(!inside.isEmpty && inside.count < all.nodeIDs.count)
        #expect(clipped.ways == all.ways)
    }
}
