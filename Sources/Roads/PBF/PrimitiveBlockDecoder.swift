//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Decodes `OSMData` blocks (protobuf `PrimitiveBlock`): the highway ways in the first pass,
/// the locations of the nodes they reference in the second.
///
/// Holds scratch memory reused from block to block, so decoding allocates only what it keeps
/// (each kept way's node list and tags). Offsets in errors are relative to the block's data.
/// Not thread-safe: one decoder per reading thread.
final class PrimitiveBlockDecoder {
    /// ``OSMExtract/profileKeys`` in a fixed order: a key's code is its index here.
    static let profileKeyList: [String] = OSMExtract.profileKeys.sorted()
    private static let profileKeyBytes: [[UInt8]] = profileKeyList.map { Array($0.utf8) }
    private static let highwayCode = Int8(profileKeyList.firstIndex(of: "highway") ?? 0)

    // The current block's layout.
    private var stringTable: Range<Int>?
    private var groups: [Range<Int>] = []
    /// Coordinate = (raw × granularity + offset) / 100, in 1e-7 degrees (granularity and
    /// offsets are in nanodegrees).
    private var granularity: Int64 = 100
    private var latOffset: Int64 = 0
    private var lonOffset: Int64 = 0

    // The current block's string table, decoded only for blocks with ways.
    private var strings: [Range<Int>] = []
    /// Per string: -2 not yet looked at, -1 not a profile key, else its code.
    private var keyCodes: [Int8] = []
    private var values: [String?] = []
    private var wayTags: [(key: Int8, value: Int)] = []

    /// Pass 1: appends the block's ways that have a `highway` tag to `ways`. Returns whether
    /// the block also holds nodes (pass 2 reads those).
    func readWays(_ data: UnsafeBufferPointer<UInt8>, into ways: inout [OSMWay]) throws(DecodeError) -> Bool {
        try readLayout(data)
        var hasNodes = false
        var stringsRead = false
        for group in groups {
            var reader = ProtobufReader(data, group)
            while let (field, wireType) = try reader.readKey() {
                switch field {
                case 1, 2:
                    hasNodes = true
                    try reader.skip(wireType, field: field)
                case 3:
                    let way = try reader.readLengthDelimited(wireType, "PrimitiveGroup ways")
                    if !stringsRead {
                        try readStrings(data)
                        stringsRead = true
                    }
                    try readWay(data, way, into: &ways)
                default:
                    try reader.skip(wireType, field: field)
                }
            }
        }
        return hasNodes
    }

    /// Pass 2: appends to `hits` every node of the block that `lookup` has a slot for, with
    /// its location (or as outside `bbox`).
    func readNodes(_ data: UnsafeBufferPointer<UInt8>, lookup: inout NodeLookup, bbox: BoundingBox?, into hits: inout [NodeHit]) throws(DecodeError) {
        try readLayout(data)
        for group in groups {
            var reader = ProtobufReader(data, group)
            while let (field, wireType) = try reader.readKey() {
                switch field {
                case 1:
                    try readNode(data, try reader.readLengthDelimited(wireType, "PrimitiveGroup nodes"), lookup: &lookup, bbox: bbox, into: &hits)
                case 2:
                    try readDenseNodes(data, try reader.readLengthDelimited(wireType, "PrimitiveGroup dense"), lookup: &lookup, bbox: bbox, into: &hits)
                default:
                    try reader.skip(wireType, field: field)
                }
            }
        }
    }

    // MARK: - Block layout

    private func readLayout(_ data: UnsafeBufferPointer<UInt8>) throws(DecodeError) {
        stringTable = nil
        groups.removeAll(keepingCapacity: true)
        granularity = 100
        latOffset = 0
        lonOffset = 0
        var reader = ProtobufReader(data, 0..<data.count)
        while let (field, wireType) = try reader.readKey() {
            let at = reader.position
            switch field {
            case 1:
                try reader.expect(.lengthDelimited, wireType, "PrimitiveBlock stringtable")
                guard stringTable == nil else { throw DecodeError(offset: at, problem: "the block has a second string table") }
                stringTable = try reader.readLengthDelimited()
            case 2:
                groups.append(try reader.readLengthDelimited(wireType, "PrimitiveBlock primitivegroup"))
            case 17:
                try reader.expect(.varint, wireType, "PrimitiveBlock granularity")
                granularity = Int64(try reader.readInt32("granularity"))
                guard granularity > 0 else { throw DecodeError(offset: at, problem: "granularity \(granularity) is not positive") }
            case 19:
                latOffset = Int64(bitPattern: try reader.readVarint(wireType, "PrimitiveBlock lat_offset"))
            case 20:
                lonOffset = Int64(bitPattern: try reader.readVarint(wireType, "PrimitiveBlock lon_offset"))
            default:
                try reader.skip(wireType, field: field)
            }
        }
    }

    private func readStrings(_ data: UnsafeBufferPointer<UInt8>) throws(DecodeError) {
        strings.removeAll(keepingCapacity: true)
        if let stringTable {
            var reader = ProtobufReader(data, stringTable)
            while let (field, wireType) = try reader.readKey() {
                if field == 1 {
                    strings.append(try reader.readLengthDelimited(wireType, "StringTable s"))
                } else {
                    try reader.skip(wireType, field: field)
                }
            }
        }
        keyCodes.removeAll(keepingCapacity: true)
        keyCodes.append(contentsOf: repeatElement(-2, count: strings.count))
        values.removeAll(keepingCapacity: true)
        values.append(contentsOf: repeatElement(nil, count: strings.count))
    }

    // MARK: - Ways

    private func readWay(_ data: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into ways: inout [OSMWay]) throws(DecodeError) {
        var id: Int64 = 0
        var keys: Range<Int> = range.lowerBound..<range.lowerBound
        var vals = keys
        var refRange = keys
        // A repeated field keeps its last occurrence, as osmium does.
        var reader = ProtobufReader(data, range)
        while let (field, wireType) = try reader.readKey() {
            switch field {
            case 1:
                id = Int64(bitPattern: try reader.readVarint(wireType, "Way id"))
            case 2:
                keys = try reader.readLengthDelimited(wireType, "Way keys")
            case 3:
                vals = try reader.readLengthDelimited(wireType, "Way vals")
            case 8:
                refRange = try reader.readLengthDelimited(wireType, "Way refs")
            default:
                try reader.skip(wireType, field: field)
            }
        }

        let keyCount = try PackedVarints.count(data, keys)
        let valueCount = try PackedVarints.count(data, vals)
        guard keyCount == valueCount else {
            throw DecodeError(offset: keys.lowerBound, problem: "way \(id) has \(keyCount) keys but \(valueCount) values")
        }
        wayTags.removeAll(keepingCapacity: true)
        var hasHighway = false
        var keyReader = PackedVarints(data, keys)
        var valueReader = PackedVarints(data, vals)
        while true {
            let keyAt = keyReader.position
            let valueAt = valueReader.position
            guard let key = try keyReader.next(), let value = try valueReader.next() else { break }
            let k = try stringIndex(key, at: keyAt, what: "key", way: id)
            let v = try stringIndex(value, at: valueAt, what: "value", way: id)
            let code = keyCode(k, data)
            if code >= 0 {
                hasHighway = hasHighway || code == Self.highwayCode
                wayTags.append((code, v))
            }
        }
        guard hasHighway else { return }

        var tags: [String: String] = [:]
        tags.reserveCapacity(wayTags.count)
        for (code, v) in wayTags {
            let key = Self.profileKeyList[Int(code)]
            if tags[key] == nil { tags[key] = value(v, data) }
        }
        var nodes: [Int64] = []
        nodes.reserveCapacity(try PackedVarints.count(data, refRange))
        var refReader = PackedVarints(data, refRange)
        var ref: Int64 = 0
        while true {
            let at = refReader.position
            guard let delta = try refReader.next() else { break }
            let (sum, overflow) = ref.addingReportingOverflow(zigzagDecode(delta))
            guard !overflow else {
                throw DecodeError(offset: at, problem: "way \(id): node reference \(nodes.count) overflows 64 bits (delta coding)")
            }
            ref = sum
            nodes.append(ref)
        }
        ways.append(OSMWay(id: id, tags: tags, nodes: nodes))
    }

    @inline(__always)
    private func stringIndex(_ index: UInt64, at offset: Int, what: String, way: Int64) throws(DecodeError) -> Int {
        guard index < UInt64(strings.count) else {
            throw DecodeError(offset: offset, problem: "way \(way): \(what) index \(index) is beyond the string table (\(strings.count) strings)")
        }
        return Int(index)
    }

    /// The profile key code of string `index` (-1 when it is none of them), computed once per block.
    @inline(__always)
    private func keyCode(_ index: Int, _ data: UnsafeBufferPointer<UInt8>) -> Int8 {
        let known = keyCodes[index]
        if known != -2 { return known }
        let bytes = UnsafeBufferPointer(rebasing: data[strings[index]])
        var code: Int8 = -1
        for (i, key) in Self.profileKeyBytes.enumerated() where key.count == bytes.count && key.elementsEqual(bytes) {
            code = Int8(i)
            break
        }
        keyCodes[index] = code
        return code
    }

    /// String `index` of the table, made once per block. Invalid UTF-8 is repaired (U+FFFD),
    /// like any String made from bytes.
    private func value(_ index: Int, _ data: UnsafeBufferPointer<UInt8>) -> String {
        if let known = values[index] { return known }
        let string = String(decoding: UnsafeBufferPointer(rebasing: data[strings[index]]), as: UTF8.self)
        values[index] = string
        return string
    }

    // MARK: - Nodes

    private func readNode(_ data: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lookup: inout NodeLookup, bbox: BoundingBox?, into hits: inout [NodeHit]) throws(DecodeError) {
        var id: Int64 = 0
        var lat: Int64?
        var lon: Int64?
        var reader = ProtobufReader(data, range)
        while let (field, wireType) = try reader.readKey() {
            switch field {
            case 1:
                id = zigzagDecode(try reader.readVarint(wireType, "Node id"))
            case 8:
                lat = zigzagDecode(try reader.readVarint(wireType, "Node lat"))
            case 9:
                lon = zigzagDecode(try reader.readVarint(wireType, "Node lon"))
            default:
                try reader.skip(wireType, field: field)
            }
        }
        guard let lat, let lon else {
            throw DecodeError(offset: range.lowerBound, problem: "node \(id) has no \(lat == nil ? "lat" : "lon")")
        }
        if let slot = lookup.slot(of: id) {
            hits.append(try hit(slot, id: id, lat: lat, lon: lon, bbox: bbox, at: range.lowerBound))
        }
    }

    private func readDenseNodes(_ data: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lookup: inout NodeLookup, bbox: BoundingBox?, into hits: inout [NodeHit]) throws(DecodeError) {
        let empty = range.lowerBound..<range.lowerBound
        var ids = empty
        var lats = empty
        var lons = empty
        var reader = ProtobufReader(data, range)
        while let (field, wireType) = try reader.readKey() {
            switch field {
            case 1:
                ids = try reader.readLengthDelimited(wireType, "DenseNodes id")
            case 8:
                lats = try reader.readLengthDelimited(wireType, "DenseNodes lat")
            case 9:
                lons = try reader.readLengthDelimited(wireType, "DenseNodes lon")
            default:
                try reader.skip(wireType, field: field)
            }
        }
        let count = try PackedVarints.count(data, ids)
        let latCount = try PackedVarints.count(data, lats)
        let lonCount = try PackedVarints.count(data, lons)
        guard count == latCount && count == lonCount else {
            throw DecodeError(offset: range.lowerBound, problem: "dense nodes have \(count) ids, \(latCount) latitudes and \(lonCount) longitudes")
        }
        var idReader = PackedVarints(data, ids)
        var latReader = PackedVarints(data, lats)
        var lonReader = PackedVarints(data, lons)
        var id: Int64 = 0
        var lat: Int64 = 0
        var lon: Int64 = 0
        var index = 0
        while true {
            let at = idReader.position
            guard let dId = try idReader.next(), let dLat = try latReader.next(), let dLon = try lonReader.next() else { break }
            let (i, o1) = id.addingReportingOverflow(zigzagDecode(dId))
            let (a, o2) = lat.addingReportingOverflow(zigzagDecode(dLat))
            let (b, o3) = lon.addingReportingOverflow(zigzagDecode(dLon))
            guard !(o1 || o2 || o3) else {
                let what = o1 ? "id" : o2 ? "latitude" : "longitude"
                throw DecodeError(offset: at, problem: "dense node \(index) (after node \(id)): the \(what) overflows 64 bits (delta coding)")
            }
            id = i
            lat = a
            lon = b
            if let slot = lookup.slot(of: id) {
                hits.append(try hit(slot, id: id, lat: lat, lon: lon, bbox: bbox, at: at))
            }
            index &+= 1
        }
    }

    /// A node's location, its raw coordinates converted as osmium does.
    @inline(__always)
    private func hit(_ slot: Int, id: Int64, lat: Int64, lon: Int64, bbox: BoundingBox?, at offset: Int) throws(DecodeError) -> NodeHit {
        let latitude = try coordinate(lat, offset: latOffset, limit: 900_000_000, what: "latitude", id: id, at: offset)
        let longitude = try coordinate(lon, offset: lonOffset, limit: 1_800_000_000, what: "longitude", id: id, at: offset)
        if let bbox, !bbox.contains(latitudeE7: latitude, longitudeE7: longitude) {
            return NodeHit(slot: slot, latitude: NodeHit.outside, longitude: 0)
        }
        return NodeHit(slot: slot, latitude: latitude, longitude: longitude)
    }

    /// `(raw × granularity + offset) / 100` in 1e-7 degrees, truncated toward zero like C++.
    @inline(__always)
    private func coordinate(_ raw: Int64, offset: Int64, limit: Int64, what: String, id: Int64, at position: Int) throws(DecodeError) -> Int32 {
        let (scaled, o1) = raw.multipliedReportingOverflow(by: granularity)
        let (sum, o2) = scaled.addingReportingOverflow(offset)
        let e7 = sum / 100
        guard !o1 && !o2, -limit <= e7 && e7 <= limit, let value = Int32(exactly: e7) else {
            throw DecodeError(offset: position, problem: "node \(id): \(what) is out of range (raw \(raw), granularity \(granularity), offset \(offset)\(o1 || o2 ? "" : ": \(Self.degrees(e7))°"))")
        }
        return value
    }

    /// 1e-7 degrees as a decimal number of degrees, exactly.
    static func degrees(_ e7: Int64) -> String {
        let magnitude = e7.magnitude
        let fraction = String(magnitude % 10_000_000)
        return "\(e7 < 0 ? "-" : "")\(magnitude / 10_000_000).\(String(repeating: "0", count: 7 - fraction.count))\(fraction)"
    }
}
