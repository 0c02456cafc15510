//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import CGoanZlib

/// Decodes `Blob` messages into a block's data: raw blobs as they are, zlib blobs inflated
/// with the system zlib into one reused buffer.
///
/// Not thread-safe: one inflater per reading thread. The buffer `decode` returns stays valid
/// until the next call to `decode` (or until the inflater is released).
final class BlobInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var streamReady = false
    private var buffer: UnsafeMutableRawBufferPointer
    /// Where the excess goes when zlib data inflates to more than raw_size, to tell how much more.
    private var overflow: UnsafeMutableRawBufferPointer

    /// Whether zlib checks each stream's Adler-32 checksum. The second pass turns it off: it
    /// inflates blocks the first pass inflated, checksum included, a moment before.
    let verifiesChecksum: Bool

    init(verifiesChecksum: Bool = true) {
        self.verifiesChecksum = verifiesChecksum
        // zlib keeps a pointer back to its z_stream, so it must not move: allocate it.
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        buffer = .allocate(byteCount: 0, alignment: 16)
        overflow = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        if streamReady { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        buffer.deallocate()
        overflow.deallocate()
    }

    /// The data of the blob whose `Blob` message is `file[message]`. Errors carry offsets in
    /// `file` (the field of the Blob message at fault, or the message's start).
    func decode(_ file: UnsafeBufferPointer<UInt8>, message: Range<Int>) throws(DecodeError) -> UnsafeBufferPointer<UInt8> {
        var raw: Range<Int>?
        var zlib: Range<Int>?
        var rawSize: Int32?
        var unsupported: (name: String, offset: Int)?
        var reader = ProtobufReader(file, message)
        while let (field, wireType) = try reader.readKey() {
            let at = reader.position
            switch field {
            case 1:
                raw = try reader.readLengthDelimited(wireType, "Blob raw")
            case 2:
                rawSize = try reader.readInt32(wireType, "Blob raw_size")
            case 3:
                zlib = try reader.readLengthDelimited(wireType, "Blob zlib_data")
            case 4, 5, 6, 7:
                let names = [4: "lzma", 5: "bzip2", 6: "lz4", 7: "zstd"]
                unsupported = (names[Int(field)] ?? "", at)
                try reader.skip(wireType, field: field)
            default:
                try reader.skip(wireType, field: field)
            }
        }
        if let unsupported {
            throw DecodeError(offset: unsupported.offset, problem: "compression \(unsupported.name) is not supported (only raw and zlib)")
        }
        if let raw {
            return UnsafeBufferPointer(rebasing: file[raw])
        }
        guard let zlib else { throw DecodeError(offset: message.lowerBound, problem: "blob has no data (neither raw nor zlib_data)") }
        guard let rawSize else { throw DecodeError(offset: message.lowerBound, problem: "zlib blob has no raw_size") }
        guard rawSize >= 0, Int(rawSize) < PBFLimits.blobSize else {
            throw DecodeError(offset: message.lowerBound, problem: "raw_size \(rawSize) is negative or 32 MiB or more (the PBF format's limit)")
        }
        return try inflate(UnsafeBufferPointer(rebasing: file[zlib]), rawSize: Int(rawSize), at: zlib.lowerBound)
    }

    private func inflate(_ input: UnsafeBufferPointer<UInt8>, rawSize: Int, at offset: Int) throws(DecodeError) -> UnsafeBufferPointer<UInt8> {
        if buffer.count < rawSize {
            buffer.deallocate()
            // Grown geometrically so a file of slowly growing blocks does not reallocate each time.
            buffer = .allocate(byteCount: max(rawSize, buffer.count &* 2), alignment: 16)
        }
        if !streamReady {
            // A negative window size inflates raw deflate data: no zlib header, no checksum.
            let status = inflateInit2_(stream, verifiesChecksum ? 15 : -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw DecodeError(offset: offset, problem: "zlib cannot start (inflateInit: \(status))") }
            streamReady = true
        } else {
            inflateReset(stream)
        }
        // Without the checksum, skip the 2-byte zlib header (already checked by the first pass).
        let input = verifiesChecksum || input.count < 2 ? input : UnsafeBufferPointer(rebasing: input[2...])
        // zlib's uInt is 32 bits; both sizes are below 32 MiB (checked by the callers).
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(rawSize)
        let status = CGoanZlib.inflate(stream, Z_FINISH)
        let produced = rawSize &- Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END:
            guard produced == rawSize else {
                throw DecodeError(offset: offset, problem: "zlib data inflates to \(produced) bytes but raw_size says \(rawSize)")
            }
            return UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: rawSize)
        case Z_DATA_ERROR, Z_NEED_DICT:
            let why = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
            throw DecodeError(offset: offset, problem: "zlib data is corrupt (inflate: \(why))")
        case Z_MEM_ERROR:
            throw DecodeError(offset: offset, problem: "zlib ran out of memory")
        default:
            if stream.pointee.avail_out == 0 {
                let total = rawSize &+ countExcess()
                throw DecodeError(offset: offset, problem: total > rawSize
                    ? "zlib data inflates to \(total) bytes or more but raw_size says \(rawSize)"
                    : "zlib data inflates to more than raw_size \(rawSize)")
            }
            throw DecodeError(offset: offset, problem: "zlib data is truncated (the stream ends after \(produced) of \(rawSize) bytes)")
        }
    }

    /// How many more bytes the current stream inflates to (stopping at 32 MiB or a defect).
    private func countExcess() -> Int {
        var excess = 0
        while excess < PBFLimits.blobSize {
            stream.pointee.next_out = overflow.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(overflow.count)
            let status = CGoanZlib.inflate(stream, Z_FINISH)
            excess &+= overflow.count &- Int(stream.pointee.avail_out)
            if status != Z_BUF_ERROR && status != Z_OK { break }
            if stream.pointee.avail_out != 0 { break }
        }
        return excess
    }
}
