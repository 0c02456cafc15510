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

/// Every defect of a PBF file gets a ``PBFError`` naming the file, the block, the byte and
/// the problem, and never a crash. One test per defect.
@Suite struct PBFDefectTests {
    static let name = "defect.osm.pbf"
    /// The header block's frame as PBFBuilder writes it (zlib): block 1 starts after it.
    static let header = PBFBuilder().data()
    /// The string table of the hand-made blocks below.
    static let strings = ["", "highway", "residential", "maxspeed", "30"]

    /// Reads `bytes`, expecting a defect in `block` whose description says `problem`.
    @discardableResult
    static func expectDefect(_ bytes: [UInt8], block: Int?, _ problem: String, sourceLocation: SourceLocation = #_sourceLocation) -> PBFError? {
        let error = #expect(throws: PBFError.self, sourceLocation: sourceLocation) {
            try OSMExtract.read(pbf: bytes, name: name)
        }
        guard let error else { return nil }
        #expect(error.block == block, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(name): "), sourceLocation: sourceLocation)
        #expect(error.description.contains(problem), "\(error)", sourceLocation: sourceLocation)
        if let block { #expect(error.description.contains("block \(block) at byte \(error.byteOffset ?? -1)"), sourceLocation: sourceLocation) }
        return error
    }

    /// A file of the header and one raw OSMData block (block 1) holding `groups`; also the
    /// block's bytes, to locate fields in it.
    static func file(groups: [[UInt8]], granularity: Int32? = nil, latOffset: Int64? = nil) -> (bytes: [UInt8], block: [UInt8]) {
        let block = PBFBuilder.primitiveBlock(strings: strings, groups: groups, granularity: granularity, latOffset: latOffset)
        return (header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.rawBlob(block)), block)
    }

    /// A PrimitiveGroup of one way (field 3) with this Way message.
    static func wayGroup(_ way: [UInt8]) -> [UInt8] {
        var w = ProtobufWriter()
        w.message(3, way)
        return w.bytes
    }

    /// A PrimitiveGroup with one DenseNodes (field 2).
    static func denseGroup(ids: [Int64], lats: [Int64], lons: [Int64]) -> [UInt8] {
        var w = ProtobufWriter()
        w.message(2, PBFBuilder.denseNodes(ids: ids, lats: lats, lons: lons).bytes)
        return w.bytes
    }

    /// A highway way (keys/vals "highway"="residential") on nodes 1 and 2.
    static let goodWay = PBFBuilder.wayMessage(id: 7, keys: [1], vals: [2], refDeltas: [1, 1])

    /// Where `needle` starts in `haystack`.
    static func offset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// A frame of block 1 with this BlobHeader and Blob.
    static func frame(header blobHeader: [UInt8], blob: [UInt8] = []) -> [UInt8] {
        header + PBFBuilder.frame(header: blobHeader, blob: blob)
    }

    /// One OSMData block's content (a highway way and its nodes) for the blob-level defects.
    static let content = PBFBuilder.primitiveBlock(strings: strings, groups: [denseGroup(ids: [1, 1], lats: [0, 0], lons: [0, 0]), wayGroup(goodWay)])

    // MARK: - File framing

    @Test func emptyFile() {
        let error = Self.expectDefect([], block: nil, "the file is empty")
        #expect(error?.byteOffset == 0)
    }

    @Test func fileShorterThanFourBytes() {
        Self.expectDefect([0, 0, 1], block: 0, "the file is 3 bytes long, too short for an OSM PBF file")
    }

    @Test func blobHeaderLengthBeyondEndOfFile() {
        let error = Self.expectDefect(Self.header + [0, 0, 0, 50] + [UInt8](repeating: 8, count: 10), block: 1, "BlobHeader of 50 bytes runs past the end of the file (10 bytes left)")
        #expect(error?.byteOffset == Self.header.count)
    }

    @Test func blobHeaderLengthOf64KiB() {
        Self.expectDefect([0, 1, 0, 0] + [UInt8](repeating: 0, count: 100), block: 0, "BlobHeader length 65536 is 64 KiB or more")
    }

    @Test func blobHeaderIsNotProtobuf() {
        // Field 1 with wire type 7, which does not exist.
        let error = Self.expectDefect(Self.frame(header: [0x0F, 1, 2, 3]), block: 1, "BlobHeader: field 1 has unknown wire type 7")
        #expect(error?.byteOffset == Self.header.count + 4)
    }

    @Test func blobHeaderTypeWithWrongWireType() {
        var w = ProtobufWriter()
        w.varintField(1, 5)
        Self.expectDefect(Self.frame(header: w.bytes), block: 1, "BlobHeader type has wire type 0, expected 2")
    }

    @Test func blobHeaderWithoutType() {
        let blob = PBFBuilder.rawBlob(Self.content)
        Self.expectDefect(Self.frame(header: PBFBuilder.blobHeader(type: nil, datasize: blob.count), blob: blob), block: 1, "BlobHeader has no type")
    }

    @Test func blobHeaderWithoutDatasize() {
        Self.expectDefect(Self.frame(header: PBFBuilder.blobHeader(type: "OSMData", datasize: nil)), block: 1, "BlobHeader has no datasize")
    }

    @Test func datasizeBeyondEndOfFile() {
        let blob = PBFBuilder.rawBlob(Self.content)
        Self.expectDefect(
            Self.frame(header: PBFBuilder.blobHeader(type: "OSMData", datasize: blob.count + 1), blob: blob), block: 1,
            "blob of \(blob.count + 1) bytes runs past the end of the file (\(blob.count) bytes left): the file is truncated")
    }

    @Test func datasizeOf32MiB() {
        Self.expectDefect(Self.frame(header: PBFBuilder.blobHeader(type: "OSMData", datasize: 32 << 20)), block: 1, "blob datasize 33554432 is 32 MiB or more")
    }

    @Test func negativeDatasize() {
        Self.expectDefect(Self.frame(header: PBFBuilder.blobHeader(type: "OSMData", datasize: -1)), block: 1, "BlobHeader datasize -1 is negative")
    }

    @Test func datasizeBeyond32Bits() {
        Self.expectDefect(Self.frame(header: PBFBuilder.blobHeader(type: "OSMData", datasize: 1 << 40)), block: 1, "BlobHeader datasize 1099511627776 does not fit in 32 bits")
    }

    @Test func truncatedInTheMiddleOfABlob() {
        let bytes = PBFReaderTests.road.data()
        Self.expectDefect(Array(bytes.dropLast(7)), block: 1, "the file is truncated")
    }

    @Test func trailingBytesTooShortForABlock() {
        let bytes = PBFReaderTests.road.data()
        let error = Self.expectDefect(bytes + [1, 2, 3], block: 2, "3 stray bytes after the last block")
        #expect(error?.byteOffset == bytes.count)
    }

    @Test func trailingGarbage() {
        // "garb" read as a BlobHeader length is 1,734,439,522.
        Self.expectDefect(PBFReaderTests.road.data() + Array("garbage after the end".utf8), block: 2, "BlobHeader length 1734439522 is 64 KiB or more")
    }

    // MARK: - Blobs

    @Test func blobWithoutData() {
        var w = ProtobufWriter()
        w.varintField(2, 100)  // raw_size only
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: w.bytes), block: 1, "blob has no data (neither raw nor zlib_data)")
    }

    @Test func corruptZlibData() {
        // A fixed-Huffman block whose first symbol copies from 1 byte back, before any output.
        let stream: [UInt8] = [0x78, 0x01, 0x03, 0x02, 0x00, 0, 0, 0, 1]
        let blob = PBFBuilder.zlibBlob(compressed: stream, rawSize: 10)
        let error = Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: blob), block: 1, "zlib data is corrupt (inflate: invalid distance too far back)")
        // The offset is the zlib data's, in the file.
        #expect(error?.byteOffset == Self.header.count + 4 + PBFBuilder.blobHeader(type: "OSMData", datasize: blob.count).count + blob.count - stream.count)
    }

    @Test func zlibHeaderIsWrong() {
        var stream = PBFBuilder.deflate(Self.content)
        stream[0] = 0x00
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.zlibBlob(compressed: stream, rawSize: Self.content.count)), block: 1, "zlib data is corrupt (inflate: incorrect header check)")
    }

    @Test func zlibChecksumIsWrong() {
        var stream = PBFBuilder.deflate(Self.content)
        stream[stream.count - 1] ^= 0xFF
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.zlibBlob(compressed: stream, rawSize: Self.content.count)), block: 1, "zlib data is corrupt (inflate: incorrect data check)")
    }

    @Test func truncatedZlibData() {
        let stream = Array(PBFBuilder.deflate(Self.content).prefix(20))
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.zlibBlob(compressed: stream, rawSize: Self.content.count)), block: 1, "zlib data is truncated (the stream ends after")
    }

    @Test func rawSizeSmallerThanTheData() {
        let n = Self.content.count
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.zlibBlob(Self.content, rawSize: n - 5)), block: 1, "zlib data inflates to \(n) bytes or more but raw_size says \(n - 5)")
    }

    @Test func rawSizeLargerThanTheData() {
        let n = Self.content.count
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.zlibBlob(Self.content, rawSize: n + 5)), block: 1, "zlib data inflates to \(n) bytes but raw_size says \(n + 5)")
    }

    @Test func zlibWithoutRawSize() {
        let blob = PBFBuilder.zlibBlob(compressed: PBFBuilder.deflate(Self.content), rawSize: nil)
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: blob), block: 1, "zlib blob has no raw_size")
    }

    @Test func rawSizeOf32MiB() {
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: PBFBuilder.zlibBlob(Self.content, rawSize: 32 << 20)), block: 1, "raw_size 33554432 is negative or 32 MiB or more")
    }

    @Test func lzmaBlob() {
        var w = ProtobufWriter()
        w.varintField(2, 100)
        w.bytesField(4, [0x5D, 0, 0, 0x80, 0])
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: w.bytes), block: 1, "compression lzma is not supported")
    }

    @Test func zstdBlob() {
        var w = ProtobufWriter()
        w.varintField(2, 100)
        w.bytesField(7, [0x28, 0xB5, 0x2F, 0xFD])
        Self.expectDefect(Self.header + PBFBuilder.frame(type: "OSMData", blob: w.bytes), block: 1, "compression zstd is not supported")
    }

    // MARK: - Header block

    @Test func firstBlockIsNotTheHeader() {
        let bytes = PBFReaderTests.road.with(\.writesHeader, false).data()
        Self.expectDefect(bytes, block: 0, "an OSMData block comes before the OSMHeader block")
    }

    @Test func noHeaderBlockAtAll() {
        let bytes = PBFBuilder().with(\.writesHeader, false).blob(type: "OSMIndex", PBFBuilder.rawBlob([1, 2, 3])).data()
        let error = Self.expectDefect(bytes, block: nil, "the file has no OSMHeader block")
        #expect(error?.byteOffset == 0)
    }

    @Test func secondHeaderBlock() {
        let bytes = PBFReaderTests.road.data() + Self.header
        Self.expectDefect(bytes, block: 2, "a second OSMHeader block")
    }

    @Test func unknownRequiredFeature() {
        let bytes = PBFReaderTests.road.with(\.requiredFeatures, ["OsmSchema-V0.6", "DenseNodes", "HistoricalInformation"]).data()
        let error = Self.expectDefect(bytes, block: 0, "the file requires feature \"HistoricalInformation\", which this reader does not support")
        #expect(error?.offsetInBlock != nil)
    }

    // MARK: - Protobuf inside a block

    @Test func varintLongerThanTenBytes() throws {
        let way: [UInt8] = [0x08] + [UInt8](repeating: 0xFF, count: 10) + [0x01]
        let (bytes, block) = Self.file(groups: [Self.wayGroup(way)])
        let error = Self.expectDefect(bytes, block: 1, "varint is longer than 10 bytes")
        #expect(try error?.offsetInBlock == #require(Self.offset(of: way, in: block)) + 1)
    }

    @Test func varintTruncatedAtEndOfMessage() throws {
        // The way's id varint has its continuation bit set on the way's last byte.
        let way: [UInt8] = [0x08, 0x96]
        let (bytes, block) = Self.file(groups: [Self.wayGroup(way)])
        let error = Self.expectDefect(bytes, block: 1, "varint runs past the end of its message")
        #expect(try error?.offsetInBlock == #require(Self.offset(of: way, in: block)) + 1)
    }

    @Test func lengthDelimitedFieldLongerThanItsMessage() {
        // keys (field 2) says 50 bytes; the way has 3 more.
        let way: [UInt8] = [0x08, 0x07, 0x12, 50, 1, 1, 1]
        let (bytes, _) = Self.file(groups: [Self.wayGroup(way)])
        Self.expectDefect(bytes, block: 1, "length-delimited field of 50 bytes runs past the end of its message (3 bytes left)")
    }

    @Test func hugeLengthOfAPackedField() {
        // refs (field 8) claims 2^64 - 1 bytes.
        let way: [UInt8] = [0x08, 0x07, 0x42] + [UInt8](repeating: 0xFF, count: 9) + [0x01]
        let (bytes, _) = Self.file(groups: [Self.wayGroup(way)])
        Self.expectDefect(bytes, block: 1, "length-delimited field of 18446744073709551615 bytes runs past the end of its message")
    }

    @Test func unknownWireType() {
        let way: [UInt8] = [0x08, 0x07, 0x2E, 0x01]  // field 5, wire type 6
        let (bytes, _) = Self.file(groups: [Self.wayGroup(way)])
        Self.expectDefect(bytes, block: 1, "field 5 has unknown wire type 6")
    }

    @Test func deprecatedGroupWireType() {
        let way: [UInt8] = [0x08, 0x07, 0x2B, 0x2C]  // field 5 start group, end group
        let (bytes, _) = Self.file(groups: [Self.wayGroup(way)])
        Self.expectDefect(bytes, block: 1, "field 5 uses the deprecated group wire type 3")
    }

    @Test func fieldNumberZero() {
        let (bytes, _) = Self.file(groups: [[0x00, 0x00]])
        Self.expectDefect(bytes, block: 1, "field number 0 is not valid protobuf")
    }

    @Test func fixedFieldCutOff() {
        let way: [UInt8] = [0x08, 0x07, 0x29, 1, 2, 3]  // field 5, fixed64, 3 of 8 bytes
        let (bytes, _) = Self.file(groups: [Self.wayGroup(way)])
        Self.expectDefect(bytes, block: 1, "8-byte field 5 runs past the end of its message")
    }

    @Test func secondStringTable() {
        let block = PBFBuilder.primitiveBlock(strings: Self.strings, groups: []) + [0x0A, 0x02, 0x0A, 0x00]
        Self.expectDefect(PBFReaderTests.road.dataBlock(block).data(), block: 2, "the block has a second string table")
    }

    // MARK: - Ways

    @Test func keyIndexBeyondTheStringTable() {
        let (bytes, _) = Self.file(groups: [Self.wayGroup(PBFBuilder.wayMessage(id: 7, keys: [900], vals: [2], refDeltas: [1]))])
        Self.expectDefect(bytes, block: 1, "way 7: key index 900 is beyond the string table (5 strings)")
    }

    @Test func valueIndexBeyondTheStringTable() {
        let (bytes, _) = Self.file(groups: [Self.wayGroup(PBFBuilder.wayMessage(id: 7, keys: [1], vals: [5], refDeltas: [1]))])
        Self.expectDefect(bytes, block: 1, "way 7: value index 5 is beyond the string table (5 strings)")
    }

    @Test func keysAndValuesDifferInCount() {
        let (bytes, _) = Self.file(groups: [Self.wayGroup(PBFBuilder.wayMessage(id: 7, keys: [1, 3], vals: [2], refDeltas: [1]))])
        Self.expectDefect(bytes, block: 1, "way 7 has 2 keys but 1 values")
    }

    @Test func wayReferenceDeltaOverflows() {
        let (bytes, _) = Self.file(groups: [Self.wayGroup(PBFBuilder.wayMessage(id: 7, keys: [1], vals: [2], refDeltas: [.max, 1]))])
        Self.expectDefect(bytes, block: 1, "way 7: node reference 1 overflows 64 bits (delta coding)")
    }

    /// Not a defect: an extract clipped by its maker lacks nodes its ways reference.
    @Test func wayReferencingMissingNodes() throws {
        let extract = try PBFBuilder()
            .node(1, 47.0, 9.5).node(3, 47.1, 9.6)
            .way(7, nodes: [1, 2, 3, 4], tags: ["highway": "service"])
            .read()
        #expect(extract.ways.map(\.nodes) == [[1, 2, 3, 4]])
        #expect(extract.nodeIDs == [1, 3])
    }

    // MARK: - Nodes

    @Test func denseIdsAndLatitudesDifferInLength() {
        let (bytes, _) = Self.file(groups: [Self.denseGroup(ids: [1, 1, 1], lats: [0, 0], lons: [0, 0, 0]), Self.wayGroup(Self.goodWay)])
        Self.expectDefect(bytes, block: 1, "dense nodes have 3 ids, 2 latitudes and 3 longitudes")
    }

    @Test func denseLongitudesMissing() {
        let (bytes, _) = Self.file(groups: [Self.denseGroup(ids: [1, 1], lats: [0, 0], lons: []), Self.wayGroup(Self.goodWay)])
        Self.expectDefect(bytes, block: 1, "dense nodes have 2 ids, 2 latitudes and 0 longitudes")
    }

    @Test func denseIdDeltaOverflows() {
        let (bytes, _) = Self.file(groups: [Self.denseGroup(ids: [.max, 1], lats: [0, 0], lons: [0, 0]), Self.wayGroup(Self.goodWay)])
        Self.expectDefect(bytes, block: 1, "dense node 1 (after node 9223372036854775807): the id overflows 64 bits (delta coding)")
    }

    @Test func denseLatitudeDeltaOverflows() {
        let (bytes, _) = Self.file(groups: [Self.denseGroup(ids: [5, 1], lats: [.min, -1], lons: [0, 0]), Self.wayGroup(Self.goodWay)])
        Self.expectDefect(bytes, block: 1, "dense node 1 (after node 5): the latitude overflows 64 bits (delta coding)")
    }

    @Test func granularityZero() {
        let (bytes, _) = Self.file(groups: [Self.wayGroup(Self.goodWay)], granularity: 0)
        Self.expectDefect(bytes, block: 1, "granularity 0 is not positive")
    }

    @Test func granularityNegative() {
        let (bytes, _) = Self.file(groups: [Self.wayGroup(Self.goodWay)], granularity: -100)
        Self.expectDefect(bytes, block: 1, "granularity -100 is not positive")
    }

    @Test func latitudeOutOfRange() {
        let bytes = PBFBuilder().node(1, latE7: 900_000_001, lonE7: 0).node(2, latE7: 0, lonE7: 0).way(7, nodes: [1, 2], tags: ["highway": "path"]).data()
        Self.expectDefect(bytes, block: 1, "node 1: latitude is out of range (raw 900000001, granularity 100, offset 0: 90.0000001°)")
    }

    @Test func longitudeOutOfRange() {
        let bytes = PBFBuilder().node(1, latE7: 0, lonE7: -1_800_000_100).way(7, nodes: [1], tags: ["highway": "path"]).data()
        Self.expectDefect(bytes, block: 1, "node 1: longitude is out of range (raw -1800000100, granularity 100, offset 0: -180.0000100°)")
    }

    @Test func coordinateOverflowsWhenScaled() {
        let bytes = PBFBuilder().block(granularity: .max).node(1, latE7: .max / 4, lonE7: 0).way(7, nodes: [1], tags: ["highway": "path"]).data()
        Self.expectDefect(bytes, block: 1, "node 1: latitude is out of range (raw 2305843009213693951, granularity 2147483647, offset 0)")
    }

    @Test func plainNodeWithoutLatitude() {
        var node = ProtobufWriter()
        node.varintField(1, zigzag(1))
        node.varintField(9, zigzag(5))
        var group = ProtobufWriter()
        group.message(1, node.bytes)
        let (bytes, _) = Self.file(groups: [group.bytes, Self.wayGroup(Self.goodWay)])
        Self.expectDefect(bytes, block: 1, "node 1 has no lat")
    }

    // MARK: - Unknown blob types (skipped, documented in PBFReader)

    @Test func unknownBlobTypesAreSkipped() throws {
        let index = PBFBuilder.rawBlob(Array("not protobuf at all".utf8))
        let plain = try PBFReaderTests.road.read()
        let withUnknown = try PBFBuilder()
            .blob(type: "OSMIndex", index)
            .node(1, latE7: 471_000_000, lonE7: 95_000_000)
            .node(2, latE7: 471_000_100, lonE7: 95_000_200)
            .blob(type: "MyCompany.Extra", index)
            .node(3, latE7: 471_000_300, lonE7: 95_000_100)
            .way(10, nodes: [1, 2, 3], tags: ["highway": "residential", "maxspeed": "30"])
            .blob(type: "", PBFBuilder.rawBlob([]))
            .read()
        #expect(withUnknown.ways == plain.ways && withUnknown.nodeIDs == plain.nodeIDs && withUnknown.latitudes == plain.latitudes)
    }

    @Test func unknownBlobBeforeTheHeaderIsSkipped() throws {
        let bytes = PBFBuilder.frame(type: "Preamble", blob: PBFBuilder.rawBlob([1, 2, 3])) + PBFReaderTests.road.data()
        #expect(try OSMExtract.read(pbf: bytes, name: Self.name).ways.count == 1)
    }

    /// An unknown blob is skipped, but its frame must still be sound.
    @Test func unknownBlobRunningPastTheEnd() {
        let bytes = PBFReaderTests.road.data() + PBFBuilder.frame(header: PBFBuilder.blobHeader(type: "OSMIndex", datasize: 100), blob: [1, 2])
        Self.expectDefect(bytes, block: 2, "blob of 100 bytes runs past the end of the file (2 bytes left)")
    }

    // MARK: - Reading from disk

    @Test func missingFile() {
        let error = #expect(throws: PBFError.self) { try OSMExtract.read(pbfAt: "/nonexistent/x.osm.pbf") }
        #expect(error?.description == "/nonexistent/x.osm.pbf: cannot open the file (No such file or directory)")
    }

    @Test func emptyFileOnDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbf-empty-\(UUID().uuidString).osm.pbf").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: PBFError.self) { try OSMExtract.read(pbfAt: path) }
        #expect(error?.description == "\(path): at byte 0: the file is empty")
    }

    @Test func directoryInsteadOfFile() {
        let error = #expect(throws: PBFError.self) { try OSMExtract.read(pbfAt: "/tmp") }
        #expect(error?.description == "/tmp: not a regular file")
    }

    // MARK: - Random damage

    /// Seeded random damage (bytes changed, bits flipped, bytes inserted or removed, cuts) to a
    /// raw file of every kind of content: each read ends in an extract or a PBFError, never a
    /// trap (tests run in debug, where overflow and out-of-bounds access trap).
    @Test func randomDamageNeverCrashes() {
        let original = PBFBuilder().with(\.compression, .none)
            .node(1, 47.0, 9.0, tags: ["barrier": "gate"]).node(2, 47.1, 9.1).node(3, 47.2, 9.2)
            .way(10, nodes: [1, 2, 3], tags: ["highway": "residential", "oneway": "yes"])
            .relation(20, members: [1, 3])
            .block(granularity: 1000, latOffset: 7)
            .with(\.nodeEncoding, .plain)
            .node(4, latE7: 47_000, lonE7: 9_000)
            .way(11, nodes: [3, 4, 5], tags: ["highway": "path", "foot": "yes"])
            .data()
        var rng = SplitMix(seed: 11)
        var errors = 0
        for _ in 0..<400 {
            var bytes = original
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 5 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes[at] ^= 1 << UInt8(rng.next() % 8)
            case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            case 3: bytes.remove(at: at)
            default: bytes.removeLast(bytes.count - at)
            }
            do {
                _ = try OSMExtract.read(pbf: bytes, name: Self.name)
            } catch {
                errors += 1
                #expect(error.description.hasPrefix("\(Self.name): ") && !error.problem.isEmpty)
            }
        }
        #expect(errors > 100)
    }

    // MARK: - Reporting

    /// With several defects, the first in file order is reported, whatever thread found it.
    @Test func firstDefectInFileOrderIsReported() {
        var builder = PBFBuilder().with(\.compression, .none)
        for i in 0..<6 { builder = builder.block().way(Int64(i), nodes: [1], tags: ["highway": "path"]) }
        let (bad, _) = Self.file(groups: [Self.wayGroup([0x08, 0x96])])
        let badBlock = Array(bad[Self.header.count...])
        Self.expectDefect(builder.data() + badBlock + badBlock + [1], block: 7, "varint runs past the end of its message")
    }

    @Test func descriptionNamesFileBlockAndBytes() {
        #expect(PBFError(file: "a.pbf", block: 3, byteOffset: 123456, problem: "zlib data is corrupt").description == "a.pbf: block 3 at byte 123456: zlib data is corrupt")
        #expect(PBFError(file: "a.pbf", block: 3, byteOffset: 100, offsetInBlock: 789, problem: "bad").description == "a.pbf: block 3 at byte 100, byte 789 of its data: bad")
        #expect(PBFError(file: "a.pbf", byteOffset: 0, problem: "the file is empty").description == "a.pbf: at byte 0: the file is empty")
        #expect(PBFError(file: "a.pbf", problem: "not a regular file").description == "a.pbf: not a regular file")
    }
}
