//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import Roads

/// Writes tiny OSM PBF files for tests: an OSMHeader block, then OSMData blocks of dense (or
/// plain) nodes, ways with tags and relations, zlib-compressed or raw.
///
///     let bytes = PBFBuilder()
///         .node(1, 47.1, 9.5).node(2, 47.2, 9.6)
///         .way(10, nodes: [1, 2], tags: ["highway": "residential"])
///         .data()
///
/// Everything added goes into the current OSMData block, consecutive elements of one kind
/// forming one PrimitiveGroup; ``block(granularity:latOffset:lonOffset:compression:)`` starts
/// the next block. The knobs below, and the static pieces (``frame(type:blob:)``,
/// ``blobHeader(type:datasize:)``, ``rawBlob(_:)``, ``zlibBlob(_:rawSize:)``,
/// ``primitiveBlock(strings:groups:granularity:latOffset:lonOffset:)``, ``ProtobufWriter``),
/// build defective files.
struct PBFBuilder {
    enum Compression { case none, zlib }
    enum NodeEncoding { case dense, plain }

    /// How OSMData blocks are stored (a block may override it).
    var compression = Compression.zlib
    /// Dense nodes (what every real file uses) or plain `Node` messages.
    var nodeEncoding = NodeEncoding.dense
    /// The header block's `required_features`.
    var requiredFeatures = ["OsmSchema-V0.6", "DenseNodes"]
    /// Whether the file starts with an OSMHeader block.
    var writesHeader = true

    private enum Element {
        /// Raw coordinates: with the default granularity (100) and offsets (0) they are 1e-7 degrees.
        case node(id: Int64, lat: Int64, lon: Int64, tags: [(String, String)])
        case way(id: Int64, nodes: [Int64], tags: [(String, String)])
        case relation(id: Int64, members: [Int64], tags: [(String, String)])
        case group([UInt8])
    }

    private struct Block {
        var elements: [Element] = []
        var granularity: Int32?
        var latOffset: Int64?
        var lonOffset: Int64?
        var compression: Compression?
    }

    private enum Item {
        case block(Block)
        /// An OSMData block whose PrimitiveBlock bytes are given.
        case dataBlock([UInt8], Compression?)
        /// A framed blob of any type with the given Blob message.
        case blob(type: String, [UInt8])
        /// Bytes written as they are.
        case bytes([UInt8])
    }

    private var items: [Item] = []

    init() {}

    // MARK: - Content

    /// A node at `latitude`, `longitude` in degrees (rounded to 1e-7 degrees).
    func node(_ id: Int64, _ latitude: Double, _ longitude: Double, tags: KeyValuePairs<String, String> = [:]) -> PBFBuilder {
        node(id, latE7: Int64((latitude * 1e7).rounded()), lonE7: Int64((longitude * 1e7).rounded()), tags: tags)
    }

    /// A node with raw PBF coordinates (1e-7 degrees with the default granularity and offsets).
    func node(_ id: Int64, latE7: Int64, lonE7: Int64, tags: KeyValuePairs<String, String> = [:]) -> PBFBuilder {
        adding(.node(id: id, lat: latE7, lon: lonE7, tags: tags.map { ($0.key, $0.value) }))
    }

    /// A way; tags keep their order and may repeat a key.
    func way(_ id: Int64, nodes: [Int64], tags: KeyValuePairs<String, String> = [:]) -> PBFBuilder {
        adding(.way(id: id, nodes: nodes, tags: tags.map { ($0.key, $0.value) }))
    }

    /// A way with its tags as a list of pairs (built by a test at run time).
    func way(_ id: Int64, nodes: [Int64], tagList: [(String, String)]) -> PBFBuilder {
        adding(.way(id: id, nodes: nodes, tags: tagList))
    }

    /// A relation whose members are nodes (the reader ignores relations).
    func relation(_ id: Int64, members: [Int64], tags: KeyValuePairs<String, String> = [:]) -> PBFBuilder {
        adding(.relation(id: id, members: members, tags: tags.map { ($0.key, $0.value) }))
    }

    /// A PrimitiveGroup with hand-written bytes (see ``wayMessage(id:keys:vals:refDeltas:)``
    /// and ``denseNodes(ids:lats:lons:)``). String index 0 is always "".
    func group(_ bytes: [UInt8]) -> PBFBuilder {
        adding(.group(bytes))
    }

    /// Starts a new OSMData block with these settings (`nil`: the field is not written).
    func block(granularity: Int32? = nil, latOffset: Int64? = nil, lonOffset: Int64? = nil, compression: Compression? = nil) -> PBFBuilder {
        var copy = self
        copy.items.append(.block(Block(granularity: granularity, latOffset: latOffset, lonOffset: lonOffset, compression: compression)))
        return copy
    }

    /// An OSMData block whose PrimitiveBlock message is `primitiveBlock`, as given.
    func dataBlock(_ primitiveBlock: [UInt8], compression: Compression? = nil) -> PBFBuilder {
        var copy = self
        copy.items.append(.dataBlock(primitiveBlock, compression))
        return copy
    }

    /// A blob of any `type` whose Blob message is `blob` (e.g. ``rawBlob(_:)``).
    func blob(type: String, _ blob: [UInt8]) -> PBFBuilder {
        var copy = self
        copy.items.append(.blob(type: type, blob))
        return copy
    }

    /// Bytes appended verbatim (garbage, a hand-made frame).
    func bytes(_ bytes: [UInt8]) -> PBFBuilder {
        var copy = self
        copy.items.append(.bytes(bytes))
        return copy
    }

    /// A copy with one setting changed: `PBFBuilder().with(\.compression, .none)`.
    func with<V>(_ keyPath: WritableKeyPath<PBFBuilder, V>, _ value: V) -> PBFBuilder {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }

    private func adding(_ element: Element) -> PBFBuilder {
        var copy = self
        if case .block = copy.items.last {} else { copy.items.append(.block(Block())) }
        guard case .block(var block) = copy.items.removeLast() else { return copy }
        block.elements.append(element)
        copy.items.append(.block(block))
        return copy
    }

    // MARK: - Output

    /// The file's bytes.
    func data() -> [UInt8] {
        var out: [UInt8] = []
        if writesHeader {
            out += Self.frame(type: "OSMHeader", blob: Self.blob(Self.headerBlock(features: requiredFeatures), compression))
        }
        for item in items {
            switch item {
            case .block(let block):
                out += Self.frame(type: "OSMData", blob: Self.blob(primitiveBlock(block), block.compression ?? compression))
            case .dataBlock(let bytes, let c):
                out += Self.frame(type: "OSMData", blob: Self.blob(bytes, c ?? compression))
            case .blob(let type, let blob):
                out += Self.frame(type: type, blob: blob)
            case .bytes(let bytes):
                out += bytes
            }
        }
        return out
    }

    /// Reads the file back (`name` appears in errors).
    func read(name: String = "test.osm.pbf", clippedTo bbox: BoundingBox? = nil) throws(PBFError) -> OSMExtract {
        try OSMExtract.read(pbf: data(), name: name, clippedTo: bbox)
    }

    private func primitiveBlock(_ block: Block) -> [UInt8] {
        var table = StringTable()
        var groups: [[UInt8]] = []
        var index = 0
        let elements = block.elements
        while index < elements.count {
            var w = ProtobufWriter()
            switch elements[index] {
            case .group(let bytes):
                groups.append(bytes)
                index += 1
                continue
            case .way:
                while index < elements.count, case .way(let id, let nodes, let tags) = elements[index] {
                    w.message(3, Self.wayMessage(id: id, keys: tags.map { table.index($0.0) }, vals: tags.map { table.index($0.1) }, refDeltas: Self.deltas(nodes)))
                    index += 1
                }
            case .relation:
                while index < elements.count, case .relation(let id, let members, let tags) = elements[index] {
                    var r = ProtobufWriter()
                    r.varintField(1, UInt64(bitPattern: id))
                    r.packed(2, tags.map { table.index($0.0) })
                    r.packed(3, tags.map { table.index($0.1) })
                    r.packed(8, members.map { _ in table.index("") })  // roles_sid
                    r.packed(9, Self.deltas(members).map(zigzag))      // memids
                    r.packed(10, members.map { _ in 0 })                // types: node
                    w.message(4, r.bytes)
                    index += 1
                }
            case .node:
                var ids: [Int64] = []
                var lats: [Int64] = []
                var lons: [Int64] = []
                var keysVals: [UInt64] = []
                while index < elements.count, case .node(let id, let lat, let lon, let tags) = elements[index] {
                    switch nodeEncoding {
                    case .dense:
                        ids.append(id)
                        lats.append(lat)
                        lons.append(lon)
                        for (k, v) in tags { keysVals += [table.index(k), table.index(v)] }
                        keysVals.append(0)
                    case .plain:
                        var n = ProtobufWriter()
                        n.varintField(1, zigzag(id))
                        n.packed(2, tags.map { table.index($0.0) })
                        n.packed(3, tags.map { table.index($0.1) })
                        n.varintField(8, zigzag(lat))
                        n.varintField(9, zigzag(lon))
                        w.message(1, n.bytes)
                    }
                    index += 1
                }
                if nodeEncoding == .dense {
                    var dense = Self.denseNodes(ids: Self.deltas(ids), lats: Self.deltas(lats), lons: Self.deltas(lons))
                    if keysVals.contains(where: { $0 != 0 }) { dense.packed(10, keysVals) }
                    w.message(2, dense.bytes)
                }
            }
            groups.append(w.bytes)
        }
        return Self.primitiveBlock(strings: table.strings, groups: groups, granularity: block.granularity, latOffset: block.latOffset, lonOffset: block.lonOffset)
    }

    private struct StringTable {
        var strings = [""]
        var indices = ["": 0]
        mutating func index(_ s: String) -> UInt64 {
            if let i = indices[s] { return UInt64(i) }
            strings.append(s)
            indices[s] = strings.count - 1
            return UInt64(strings.count - 1)
        }
    }

    // MARK: - Pieces

    /// `[4-byte big-endian BlobHeader length][BlobHeader][blob]`.
    static func frame(type: String, blob: [UInt8]) -> [UInt8] {
        frame(header: blobHeader(type: type, datasize: blob.count), blob: blob)
    }

    /// A frame with a hand-made BlobHeader.
    static func frame(header: [UInt8], blob: [UInt8]) -> [UInt8] {
        bigEndian32(header.count) + header + blob
    }

    static func bigEndian32(_ n: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
    }

    /// A BlobHeader; `nil` leaves the field out.
    static func blobHeader(type: String?, datasize: Int?) -> [UInt8] {
        var w = ProtobufWriter()
        if let type { w.stringField(1, type) }
        if let datasize { w.varintField(3, UInt64(bitPattern: Int64(datasize))) }
        return w.bytes
    }

    static func blob(_ data: [UInt8], _ compression: Compression) -> [UInt8] {
        compression == .none ? rawBlob(data) : zlibBlob(data)
    }

    /// A Blob with `raw` data.
    static func rawBlob(_ data: [UInt8]) -> [UInt8] {
        var w = ProtobufWriter()
        w.bytesField(1, data)
        return w.bytes
    }

    /// A Blob with `zlib_data` (the compressed bytes, unless `compressed` gives them) and
    /// `raw_size` (the true size unless given; `nil` in `rawSize:` means the true size, use
    /// ``zlibBlob(compressed:rawSize:)`` to leave it out).
    static func zlibBlob(_ data: [UInt8], rawSize: Int? = nil) -> [UInt8] {
        zlibBlob(compressed: deflate(data), rawSize: rawSize ?? data.count)
    }

    static func zlibBlob(compressed: [UInt8], rawSize: Int?) -> [UInt8] {
        var w = ProtobufWriter()
        if let rawSize { w.varintField(2, UInt64(bitPattern: Int64(rawSize))) }
        w.bytesField(3, compressed)
        return w.bytes
    }

    /// A zlib stream of `data` in stored (uncompressed) deflate blocks: valid zlib that the
    /// reader must inflate, written without a zlib binding (the tests depend on Roads only;
    /// compressed streams are covered by the real files).
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 65535, data.count)
            let length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)  // BFINAL, BTYPE 00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = b << 16 | a
        return out + [UInt8(adler >> 24), UInt8(truncatingIfNeeded: adler >> 16), UInt8(truncatingIfNeeded: adler >> 8), UInt8(truncatingIfNeeded: adler)]
    }

    /// A HeaderBlock with these `required_features`.
    static func headerBlock(features: [String]) -> [UInt8] {
        var w = ProtobufWriter()
        for f in features { w.stringField(4, f) }
        w.stringField(16, "goan PBFBuilder")
        return w.bytes
    }

    /// A PrimitiveBlock; `nil` settings are left out (the reader's defaults apply).
    static func primitiveBlock(strings: [String], groups: [[UInt8]], granularity: Int32? = nil, latOffset: Int64? = nil, lonOffset: Int64? = nil) -> [UInt8] {
        var table = ProtobufWriter()
        for s in strings { table.stringField(1, s) }
        var w = ProtobufWriter()
        w.message(1, table.bytes)
        for g in groups { w.message(2, g) }
        if let granularity { w.varintField(17, UInt64(bitPattern: Int64(granularity))) }
        if let latOffset { w.varintField(19, UInt64(bitPattern: latOffset)) }
        if let lonOffset { w.varintField(20, UInt64(bitPattern: lonOffset)) }
        return w.bytes
    }

    /// A Way message with explicit string indices and already delta-coded refs.
    static func wayMessage(id: Int64, keys: [UInt64], vals: [UInt64], refDeltas: [Int64]) -> [UInt8] {
        var w = ProtobufWriter()
        w.varintField(1, UInt64(bitPattern: id))
        w.packed(2, keys)
        w.packed(3, vals)
        w.packed(8, refDeltas.map(zigzag))
        return w.bytes
    }

    /// A DenseNodes message from already delta-coded arrays (they may differ in length).
    static func denseNodes(ids: [Int64], lats: [Int64], lons: [Int64]) -> ProtobufWriter {
        var w = ProtobufWriter()
        w.packed(1, ids.map(zigzag))
        w.packed(8, lats.map(zigzag))
        w.packed(9, lons.map(zigzag))
        return w
    }

    /// Delta coding (wrapping, so any test values can be written).
    static func deltas(_ values: [Int64]) -> [Int64] {
        var previous: Int64 = 0
        return values.map { v in
            defer { previous = v }
            return v &- previous
        }
    }
}

/// A protobuf writer, just enough for PBF.
struct ProtobufWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func key(_ field: Int, wireType: UInt8) {
        varint(UInt64(field) << 3 | UInt64(wireType))
    }

    mutating func varintField(_ field: Int, _ value: UInt64) {
        key(field, wireType: 0)
        varint(value)
    }

    mutating func bytesField(_ field: Int, _ value: [UInt8]) {
        key(field, wireType: 2)
        varint(UInt64(value.count))
        bytes += value
    }

    mutating func stringField(_ field: Int, _ value: String) {
        bytesField(field, Array(value.utf8))
    }

    mutating func message(_ field: Int, _ value: [UInt8]) {
        bytesField(field, value)
    }

    /// A packed repeated varint field; an empty one is left out, as protobuf does.
    mutating func packed(_ field: Int, _ values: [UInt64]) {
        guard !values.isEmpty else { return }
        var inner = ProtobufWriter()
        for v in values { inner.varint(v) }
        bytesField(field, inner.bytes)
    }
}

/// Protobuf's zigzag encoding of signed integers (`sint64`).
func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
}
