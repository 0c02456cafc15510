//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// The `.roads` file: a prepared ``RoadNetwork`` as flat little-endian arrays behind a
/// versioned header, so that loading is a few memory copies (milliseconds for a region).
///
/// Layout: magic `GOANROAD`, format version (UInt32), profile-rules version (UInt32), the
/// source name, the clip box, then per profile its statistics, the snapping grid and the
/// hierarchy's arrays, each array as a UInt64 count followed by its elements, and its order
/// (UInt8: 0 greedy, 1 nested dissection, whose elimination tree is derived on loading). Loading checks
/// every index against the array it points into, so a damaged file is refused instead of
/// crashing a query later.
public enum RoadsFile {
    /// Bumped whenever the layout changes; a file of another version is refused.
    public static let formatVersion: UInt32 = 2
    static let magic = Array("GOANROAD".utf8)
}

/// Why a `.roads` file cannot be loaded.
public struct RoadsFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

extension RoadNetwork {
    /// Writes the network to `path` (replacing it atomically).
    public func write(to path: String) throws {
        var out = ByteWriter()
        out.bytes(RoadsFile.magic)
        out.u32(RoadsFile.formatVersion)
        out.u32(UInt32(RoadProfile.version))
        out.string(source)
        out.u8(clip == nil ? 0 : 1)
        for v in [clip?.minLongitude, clip?.minLatitude, clip?.maxLongitude, clip?.maxLatitude] { out.f64(v ?? 0) }
        out.u32(UInt32(profiles.count))
        for p in profiles {
            out.string(p.profile.rawValue)
            let s = p.statistics
            for v in [s.waysRead, s.waysUsed, s.arcs, s.segments, s.componentNodes, s.components, s.missingNodeReferences, s.droppedSegments, s.shortcuts] {
                out.u64(UInt64(v))
            }
            out.f64(s.totalMetres)
            out.array(p.osmIDs); out.array(p.latitudes); out.array(p.longitudes)
            let g = p.snapper
            out.f64(g.minLatitude); out.f64(g.minLongitude); out.f64(g.cellDegrees)
            out.u64(UInt64(g.rows)); out.u64(UInt64(g.columns))
            out.array(g.cellNodes); out.array(g.cellFirst)
            let h = p.hierarchy
            out.array(h.rank); out.array(h.node)
            out.array(h.upFirst); out.array(h.up); out.array(h.downFirst); out.array(h.down)
            out.u8(h.treeParent.isEmpty ? 0 : 1)
        }
        try Data(out.buffer).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Loads a `.roads` file written by ``write(to:)`` of this format version.
    public init(contentsOf path: String) throws(RoadsFileError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RoadsFileError(path: path, reason: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        let decoded: Result<RoadNetwork, RoadsFileError.Reason> = data.withUnsafeBytes { raw in
            Result { () throws(RoadsFileError.Reason) -> RoadNetwork in try Self.decode(ByteReader(raw)) }
        }
        switch decoded {
        case .success(let network): self = network
        case .failure(let reason): throw RoadsFileError(path: path, reason: reason.text)
        }
    }

    private static func decode(_ input: ByteReader) throws(RoadsFileError.Reason) -> RoadNetwork {
        var r = input
        guard r.remaining >= 16, try r.bytes(8) == RoadsFile.magic else {
            throw .init("not a goan road network (.roads) file; prepare one with `goan roads build --pbf F.osm.pbf --out F.roads`")
        }
        let format = try r.u32()
        guard format == RoadsFile.formatVersion else {
            throw .init("this file has format version \(format), this goan reads version \(RoadsFile.formatVersion); prepare it again with this goan's `goan roads build`")
        }
        let rules = try r.u32()
        guard rules == UInt32(RoadProfile.version) else {
            throw .init("this file was prepared with road profiles v\(rules), this goan uses v\(RoadProfile.version); prepare it again with `goan roads build`")
        }
        let source = try r.string()
        let hasClip = try r.u8() == 1
        let c = [try r.f64(), try r.f64(), try r.f64(), try r.f64()]
        let clip = hasClip ? BoundingBox(minLongitude: c[0], minLatitude: c[1], maxLongitude: c[2], maxLatitude: c[3]) : nil
        let count = try r.u32()
        guard count == UInt32(RoadProfile.allCases.count) else { throw .init("it holds \(count) profiles, expected \(RoadProfile.allCases.count)") }
        var profiles: [ProfileNetwork] = []
        for expected in RoadProfile.allCases {
            let name = try r.string()
            guard name == expected.rawValue else { throw .init("profile \(name) where \(expected) was expected") }
            var s = ProfileNetwork.Statistics()
            s.waysRead = try r.int(); s.waysUsed = try r.int(); s.arcs = try r.int(); s.segments = try r.int()
            s.componentNodes = try r.int(); s.components = try r.int(); s.missingNodeReferences = try r.int()
            s.droppedSegments = try r.int(); s.shortcuts = try r.int()
            s.totalMetres = try r.f64()
            let ids: [Int64] = try r.array(), lats: [Int32] = try r.array(), lons: [Int32] = try r.array()
            let minLat = try r.f64(), minLon = try r.f64(), cell = try r.f64()
            let rows = try r.int(), columns = try r.int()
            let cellNodes: [Int32] = try r.array(), cellFirst: [Int32] = try r.array()
            let rank: [Int32] = try r.array(), node: [Int32] = try r.array()
            let upFirst: [Int32] = try r.array(), up: [HierarchyArc] = try r.array()
            let downFirst: [Int32] = try r.array(), down: [HierarchyArc] = try r.array()
            let order = try r.u8()
            let n = ids.count
            // Every index is checked once here so that no query can step outside an array.
            func check(_ ok: Bool, _ what: String) throws(RoadsFileError.Reason) { if !ok { throw .init("profile \(name): \(what) (the file is damaged)") } }
            try check(lats.count == n && lons.count == n && rank.count == n && node.count == n, "node arrays of different lengths")
            try check(rank.allSatisfy { $0 >= 0 && Int($0) < n } && node.allSatisfy { $0 >= 0 && Int($0) < n }, "a rank out of range")
            try check(rows >= 0 && columns >= 0 && rows <= 1 << 14 && columns <= 1 << 14 && cellFirst.count == rows * columns + 1, "a snapping grid of the wrong size")
            try check(Self.isRows(cellFirst, count: cellNodes.count) && cellNodes.allSatisfy { $0 >= 0 && Int($0) < n }, "a snapping cell out of range")
            try check(cell > 0 && cell.isFinite, "a snapping cell size that is not positive")
            for (first, arcs) in [(upFirst, up), (downFirst, down)] {
                try check(first.count == n + 1 && Self.isRows(first, count: arcs.count), "arc rows out of range")
                try check(arcs.allSatisfy { $0.head >= 0 && Int($0.head) < n && $0.middle >= -1 && Int($0.middle) < n }, "an arc to a node out of range")
            }
            try check(order <= 1, "an unknown node order \(order)")
            var hierarchy = ContractionHierarchy(rank: rank, node: node, upFirst: upFirst, up: up, downFirst: downFirst, down: down)
            // Derived, not stored: a tree computed from the arcs holds every arc's head on the
            // path above its tail, whatever the file says (a few milliseconds for a region).
            if order == 1 { hierarchy.treeParent = EliminationTree(hierarchy).parent }
            profiles.append(ProfileNetwork(
                profile: expected, osmIDs: ids, latitudes: lats, longitudes: lons,
                snapper: NodeSnapper(cellNodes: cellNodes, cellFirst: cellFirst, minLatitude: minLat, minLongitude: minLon, cellDegrees: cell, rows: rows, columns: columns),
                hierarchy: hierarchy,
                statistics: s))
        }
        guard r.remaining == 0 else { throw .init("\(r.remaining) bytes after the last profile (the file is damaged)") }
        return RoadNetwork(source: source, clip: clip, profiles: profiles)
    }

    /// Whether `first` is a non-decreasing row index from 0 to `count`.
    private static func isRows(_ first: [Int32], count: Int) -> Bool {
        guard let head = first.first, head == 0, Int(first[first.count - 1]) == count else { return false }
        for i in 1..<first.count where first[i] < first[i - 1] { return false }
        return true
    }
}

extension RoadsFileError {
    /// A reason without the path, thrown inside decoding.
    struct Reason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}

/// Little-endian appending of numbers and arrays.
struct ByteWriter {
    var buffer: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { buffer += b }
    mutating func u8(_ v: UInt8) { buffer.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { buffer += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { buffer += $0 } }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        buffer += Array(s.utf8)
    }
    /// The count, then the elements' bytes (this machine's order: little-endian everywhere
    /// Swift runs on servers).
    mutating func array<T: BitwiseCopyable>(_ a: [T]) {
        u64(UInt64(a.count))
        a.withUnsafeBytes { buffer += $0 }
    }
}

/// Bounds-checked little-endian reading.
struct ByteReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0
    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var remaining: Int { raw.count - offset }

    private mutating func take(_ n: Int) throws(RoadsFileError.Reason) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= remaining else { throw .init("the file ends early, at byte \(raw.count), where \(n) more bytes were expected at byte \(offset) (truncated)") }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + n)])
    }

    mutating func bytes(_ n: Int) throws(RoadsFileError.Reason) -> [UInt8] { Array(try take(n)) }
    mutating func u8() throws(RoadsFileError.Reason) -> UInt8 { try take(1)[0] }
    mutating func u32() throws(RoadsFileError.Reason) -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws(RoadsFileError.Reason) -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func f64() throws(RoadsFileError.Reason) -> Double { Double(bitPattern: try u64()) }
    mutating func int() throws(RoadsFileError.Reason) -> Int {
        let v = try u64()
        guard let i = Int(exactly: v), i <= Int(Int32.max) * 16 else { throw .init("a count of \(v) at byte \(offset - 8) is impossible (the file is damaged)") }
        return i
    }
    mutating func string() throws(RoadsFileError.Reason) -> String {
        let n = Int(try u32())
        guard n <= 4096 else { throw .init("a name of \(n) bytes at byte \(offset - 4) (the file is damaged)") }
        return String(decoding: try take(n), as: UTF8.self)
    }
    mutating func array<T: BitwiseCopyable>() throws(RoadsFileError.Reason) -> [T] {
        let count = try int()
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow, bytes <= remaining else {
            throw .init("an array of \(count) elements at byte \(offset - 8) runs past the end of the file (truncated)")
        }
        let source = try take(bytes)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if bytes > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source) }
            initialized = count
        }
    }
}
