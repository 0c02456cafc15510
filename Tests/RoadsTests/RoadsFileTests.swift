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

/// The `.roads` file: what is written is what is read, and a damaged or foreign file is
/// refused with a reason instead of crashing a query later.
@Suite struct RoadsFileTests {
    static func sample() throws -> RoadNetwork {
        var b = PBFBuilder()
        for i in 0..<30 { b = b.node(Int64(i + 1), 52.2 + Double(i % 6) * 0.001, 6.89 + Double(i / 6) * 0.0015) }
        for row in 0..<6 { b = b.way(Int64(100 + row), nodes: (0..<5).map { Int64($0 * 6 + row + 1) }, tags: ["highway": "residential"]) }
        for column in 0..<5 { b = b.way(Int64(200 + column), nodes: (0..<6).map { Int64(column * 6 + $0 + 1) }, tags: ["highway": "footway"]) }
        return RoadNetwork(extract: try b.read(), source: "sample.osm.pbf", clip: BoundingBox(minLongitude: 6, minLatitude: 52, maxLongitude: 7, maxLatitude: 53))
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("goan-test-\(UUID().uuidString).roads").path
    }

    @Test func aWrittenNetworkAnswersAsBefore() throws {
        let network = try Self.sample()
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try network.write(to: path)
        let loaded = try RoadNetwork(contentsOf: path)
        #expect(loaded.source == "sample.osm.pbf")
        #expect(loaded.clip == network.clip)
        var before = RoadRouter(network: network), after = RoadRouter(network: loaded)
        var compared = 0
        for profile in RoadProfile.allCases {
            #expect(loaded.summary(profile) == network.summary(profile))
            // The tree is derived on loading, not stored: the same as built.
            #expect(!network.network(profile).hierarchy.treeParent.isEmpty)
            #expect(loaded.network(profile).hierarchy.treeParent == network.network(profile).hierarchy.treeParent)
            for (a, b) in [((52.2, 6.89), (52.205, 6.896)), ((52.203, 6.8915), (52.2, 6.895))] {
                guard case .success(let p) = network.snap(profile, latitude: a.0, longitude: a.1),
                    case .success(let q) = network.snap(profile, latitude: b.0, longitude: b.1)
                else { continue }
                guard case .success(let p2) = loaded.snap(profile, latitude: a.0, longitude: a.1) else { Issue.record("no snap after loading"); continue }
                #expect(p2 == p)
                let x = before.route(from: p, to: q, geometry: true), y = after.route(from: p, to: q, geometry: true)
                #expect(x != nil && x == y)
                compared += 1
            }
        }
        #expect(compared == 6)
    }

    func refusal(of bytes: [UInt8]) throws -> String {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try RoadNetwork(contentsOf: path)
            Issue.record("a damaged file was loaded")
            return ""
        } catch {
            #expect(error.description.hasPrefix(path))
            return error.description
        }
    }

    func written() throws -> [UInt8] {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sample().write(to: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func anotherFormatVersionIsRefusedWithWhatToDo() throws {
        var bytes = try written()
        bytes[8] = 99
        let message = try refusal(of: bytes)
        #expect(message.contains("format version 99"))
        #expect(message.contains("goan roads build"))
    }

    @Test func anotherProfileVersionIsRefused() throws {
        var bytes = try written()
        bytes[12] = 2
        #expect(try refusal(of: bytes).contains("profiles v2"))
    }

    @Test func aFileThatIsNotARoadsFileIsRefused() throws {
        #expect(try refusal(of: Array("PK\u{3}\u{4} a zip, not a network".utf8)).contains("not a goan road network"))
        #expect(try refusal(of: []).contains("not a goan road network"))
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = try written()
        // Cut at many places (every 97th byte): never a crash, always a reason.
        for end in stride(from: 16, to: bytes.count, by: 97) {
            let message = try refusal(of: Array(bytes[..<end]))
            #expect(message.contains("truncated") || message.contains("damaged"), "\(end): \(message)")
        }
    }

    @Test func damagedIndicesAreRefused() throws {
        let bytes = try written()
        // Overwrite 4-byte words with 0x7fffffff at seeded places: whatever breaks is caught
        // by the checks (or the file still describes a valid network).
        var state: UInt64 = 7
        var refused = 0
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let at = 16 + Int((state >> 33) % UInt64(bytes.count - 20))
            var damaged = bytes
            for k in 0..<4 { damaged[at + k] = k == 3 ? 0x7f : 0xff }
            let path = Self.temporaryPath()
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            if let network = try? RoadNetwork(contentsOf: path) {
                // Still loadable: queries must not crash.
                var router = RoadRouter(network: network)
                for profile in RoadProfile.allCases {
                    if case .success(let p) = network.snap(profile, latitude: 52.2, longitude: 6.89),
                        case .success(let q) = network.snap(profile, latitude: 52.205, longitude: 6.896)
                    {
                        _ = router.route(from: p, to: q, geometry: true)
                    }
                }
            } else {
                refused += 1
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(refused > 50)
    }
}
