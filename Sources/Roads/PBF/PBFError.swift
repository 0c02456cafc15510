//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Why an OSM PBF file could not be read, with where: the file, the block and the byte.
///
/// `description` reads like
/// `liechtenstein.osm.pbf: block 3 at byte 123456: zlib data is corrupt (inflate: invalid distance too far back)`
/// or, for a defect inside a block's decoded (inflated) data,
/// `x.osm.pbf: block 3 at byte 123456, byte 789 of its data: way 42: key index 900 is beyond the string table (312 strings)`.
public struct PBFError: Error, Sendable, CustomStringConvertible {
    /// The file name as given to the reader (a path, or the `name` of in-memory bytes).
    public var file: String
    /// The 0-based index of the block (blob) among all blobs of the file, counting the header
    /// block and skipped unknown blobs; `nil` when the defect is not inside one block (a file
    /// that cannot be opened, a missing header block).
    public var block: Int?
    /// The byte offset in the file: where the block's 4-byte length prefix starts, or where the
    /// file-level defect is; `nil` when the file could not be read at all.
    public var byteOffset: Int?
    /// The offset of the faulty field inside the block's decoded data (after inflating), when
    /// the defect is in the OSM content rather than in the framing.
    public var offsetInBlock: Int?
    /// What is wrong, in plain words.
    public var problem: String

    public init(file: String, block: Int? = nil, byteOffset: Int? = nil, offsetInBlock: Int? = nil, problem: String) {
        self.file = file
        self.block = block
        self.byteOffset = byteOffset
        self.offsetInBlock = offsetInBlock
        self.problem = problem
    }

    public var description: String {
        var place = ""
        if let block { place += "block \(block)" }
        if let byteOffset { place += place.isEmpty ? "at byte \(byteOffset)" : " at byte \(byteOffset)" }
        if let offsetInBlock { place += (place.isEmpty ? "" : ", ") + "byte \(offsetInBlock) of its data" }
        return place.isEmpty ? "\(file): \(problem)" : "\(file): \(place): \(problem)"
    }
}

/// A defect found while decoding one message: where (an offset in the buffer being decoded)
/// and what. The block reader turns it into a ``PBFError`` naming the file and the block.
struct DecodeError: Error {
    /// Offset in the decoded buffer (the inflated block, or the BlobHeader/Blob bytes).
    var offset: Int
    var problem: String
}
