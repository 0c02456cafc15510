//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The limits the PBF format sets (OSM wiki, "PBF Format").
enum PBFLimits {
    /// A BlobHeader must be shorter than 64 KiB.
    static let blobHeaderSize = 64 * 1024
    /// A Blob, and a block's decoded data, must be shorter than 32 MiB.
    static let blobSize = 32 * 1024 * 1024
}

/// What a blob holds, from its BlobHeader `type`.
enum PBFBlobKind: Equatable {
    case header
    case data
    /// Another type: skipped (the format lets readers ignore blob types they do not know).
    case other(String)
}

/// One blob of a PBF file as framed by its BlobHeader: where it is, not yet decoded.
struct PBFBlob {
    /// 0-based index among all blobs of the file.
    var index: Int
    /// File offset of the 4-byte BlobHeader length that starts the blob.
    var offset: Int
    var kind: PBFBlobKind
    /// The `Blob` message's bytes in the file.
    var message: Range<Int>
}

/// Walks the blobs of a PBF file: `[4-byte big-endian length][BlobHeader][Blob]`, repeated to
/// the last byte. A file must end exactly after a blob: trailing bytes that do not frame a
/// complete blob are an error, not silently ignored, since they mean a damaged download.
struct PBFBlobFramer {
    let file: UnsafeBufferPointer<UInt8>
    let name: String
    private(set) var position = 0
    private(set) var index = 0

    init(file: UnsafeBufferPointer<UInt8>, name: String) {
        self.file = file
        self.name = name
    }

    /// The next blob, or `nil` after the last one.
    mutating func next() throws(PBFError) -> PBFBlob? {
        let start = position
        let left = file.count &- start
        if left == 0 { return nil }
        func fail(_ problem: String, at offset: Int? = nil) -> PBFError {
            PBFError(file: name, block: index, byteOffset: offset ?? start, problem: problem)
        }
        guard left >= 4 else {
            throw fail(start == 0
                ? "the file is \(left) bytes long, too short for an OSM PBF file"
                : "\(left) stray bytes after the last block (too short for a block's 4-byte length)")
        }
        let headerLength = Int(file[start]) << 24 | Int(file[start &+ 1]) << 16 | Int(file[start &+ 2]) << 8 | Int(file[start &+ 3])
        guard headerLength < PBFLimits.blobHeaderSize else {
            throw fail("BlobHeader length \(headerLength) is 64 KiB or more (the PBF format's limit)")
        }
        guard headerLength <= left &- 4 else {
            throw fail("BlobHeader of \(headerLength) bytes runs past the end of the file (\(left &- 4) bytes left)")
        }
        let headerRange = (start &+ 4)..<(start &+ 4 &+ headerLength)
        var type: Range<Int>?
        var dataSize: Int32?
        do {
            var reader = ProtobufReader(file, headerRange)
            while let (field, wireType) = try reader.readKey() {
                switch field {
                case 1:
                    type = try reader.readLengthDelimited(wireType, "BlobHeader type")
                case 3:
                    dataSize = try reader.readInt32(wireType, "BlobHeader datasize")
                default:
                    try reader.skip(wireType, field: field)
                }
            }
        } catch {
            throw fail("BlobHeader: \(error.problem)", at: error.offset)
        }
        guard let type else { throw fail("BlobHeader has no type") }
        guard let dataSize else { throw fail("BlobHeader has no datasize") }
        guard dataSize >= 0 else { throw fail("BlobHeader datasize \(dataSize) is negative") }
        let size = Int(dataSize)
        guard size < PBFLimits.blobSize else {
            throw fail("blob datasize \(size) is 32 MiB or more (the PBF format's limit)")
        }
        let messageStart = headerRange.upperBound
        guard size <= file.count &- messageStart else {
            throw fail("blob of \(size) bytes runs past the end of the file (\(file.count &- messageStart) bytes left): the file is truncated")
        }
        let typeName = String(decoding: UnsafeBufferPointer(rebasing: file[type]), as: UTF8.self)
        let kind: PBFBlobKind =
            switch typeName {
            case "OSMHeader": .header
            case "OSMData": .data
            default: .other(typeName)
            }
        let blob = PBFBlob(index: index, offset: start, kind: kind, message: messageStart..<(messageStart &+ size))
        position = messageStart &+ size
        index &+= 1
        return blob
    }
}
