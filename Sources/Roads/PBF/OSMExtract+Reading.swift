//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OSMExtract {
    /// Reads every way with a `highway` tag and the locations of the nodes they reference.
    ///
    /// The result matches what pyosmium gives (`FileProcessor(...).with_locations()` with a
    /// `KeyFilter("highway")`): ways in file order with their tags restricted to
    /// ``profileKeys``; node locations in 1e-7 degrees; with `bbox`, nodes outside it are
    /// absent. Only uncompressed and zlib blocks are supported; blob types other than
    /// `OSMHeader` and `OSMData` are skipped. Any defect of the file throws a ``PBFError``
    /// naming the block and byte; nothing in the file can crash the reader.
    public static func read(pbfAt path: String, clippedTo bbox: BoundingBox? = nil) throws(PBFError) -> OSMExtract {
        let mapped = try MappedFile(path: path)
        return try PBFReader(file: mapped.bytes, name: path, bbox: bbox).read()
    }

    /// The same from bytes already in memory; `name` is used in error messages.
    public static func read(pbf bytes: [UInt8], name: String, clippedTo bbox: BoundingBox? = nil) throws(PBFError) -> OSMExtract {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(PBFError) in try PBFReader(file: buffer, name: name, bbox: bbox).read() }
        }
        return try result.get()
    }
}

/// A file mapped read-only into memory for the life of the object (read with `read(2)`
/// instead when it cannot be mapped). Mapping spares a copy of a file of hundreds of MB.
private final class MappedFile {
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private let isMapped: Bool

    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: length)
    }

    init(path: String) throws(PBFError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw PBFError(file: path, problem: "cannot open the file (\(Self.lastError()))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw PBFError(file: path, problem: "cannot read the file's size (\(Self.lastError()))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw PBFError(file: path, problem: "not a regular file") }
        guard let size = Int(exactly: info.st_size), size > 0 else {
            base = nil
            length = 0
            isMapped = false
            return
        }
        if let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED {
            base = mapped
            length = size
            isMapped = true
            return
        }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var done = 0
        while done < size {
            let n = read(fd, memory + done, size - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                memory.deallocate()
                throw PBFError(file: path, byteOffset: done, problem: n == 0 ? "the file shrank while being read" : "cannot read the file (\(Self.lastError()))")
            }
            done += n
        }
        base = memory
        length = size
        isMapped = false
    }

    deinit {
        guard let base else { return }
        if isMapped { munmap(base, length) } else { base.deallocate() }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
