//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import ZIPFoundation

/// Where a feed's files come from: a directory, a `.zip` archive, or files held in memory.
///
/// A zip whose files sit in one sub-folder is accepted too (a common way feeds are zipped).
public enum FeedSource: Sendable {
    case directory(String)
    case zip(String)
    /// File name → contents, for tests and feeds built in code.
    case inMemory([String: [UInt8]])

    /// Chooses `.zip` or `.directory` for a path.
    ///
    /// - Throws: ``FeedLoadError`` when nothing exists at `path`.
    public static func at(_ path: String) throws -> FeedSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FeedLoadError(
                source: path,
                diagnostics: [.error(file: path, line: nil, column: nil, "no such file or directory")])
        }
        return isDirectory.boolValue ? .directory(path) : .zip(path)
    }

    /// A short name for messages.
    public var name: String {
        switch self {
        case .directory(let path), .zip(let path): path
        case .inMemory: "(inline feed)"
        }
    }

    /// The bytes of the file `name` of the feed (such as `service-rules.json` beside the GTFS
    /// files), or `nil` when the feed has no such file.
    ///
    /// - Throws: ``FeedLoadError`` when the source cannot be opened.
    public func contents(of name: String) throws -> [UInt8]? {
        let files = try open()
        return files.contains(name) ? files.read(name) : nil
    }

    /// Opens the source and returns a reader of its files.
    func open() throws -> FeedFiles {
        switch self {
        case .inMemory(let files):
            return FeedFiles(read: { files[$0] }, names: Set(files.keys))
        case .directory(let path):
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return FeedFiles(
                read: { name in readBytes(path + "/" + name) }, names: Set(names))
        case .zip(let path):
            let archive: Archive
            do {
                archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            } catch {
                throw FeedLoadError(
                    source: path,
                    diagnostics: [.error(file: path, line: nil, column: nil, "not a readable zip archive (\(error))")])
            }
            var entries: [String: Entry] = [:]
            for entry in archive where entry.type == .file {
                let base = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
                if base.hasPrefix(".") { continue }
                if entries[base] == nil { entries[base] = entry }
            }
            let box = ArchiveBox(archive: archive, entries: entries)
            return FeedFiles(read: { box.read($0) }, names: Set(entries.keys))
        }
    }
}

/// Reads named files of an opened source. Not shared across threads.
struct FeedFiles {
    let read: (String) -> [UInt8]?
    let names: Set<String>

    func contains(_ name: String) -> Bool { names.contains(name) }
}

private final class ArchiveBox {
    let archive: Archive
    let entries: [String: Entry]

    init(archive: Archive, entries: [String: Entry]) {
        self.archive = archive
        self.entries = entries
    }

    func read(_ name: String) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
            }
        } catch {
            return nil
        }
        return bytes
    }
}

/// The bytes of a file, read straight into an array (no intermediate `Data` copy).
func readBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    guard fseek(file, 0, SEEK_END) == 0 else { return nil }
    let size = ftell(file)
    guard size >= 0, fseek(file, 0, SEEK_SET) == 0 else { return nil }
    if size == 0 { return [] }
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = fread(buffer.baseAddress, 1, size, file)
    }
}
