//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Foundation

/// Where tests find data that nobody on the project wrote: the one place that knows.
///
/// Two folders with the same layout (`gtfs/…`, `darp/…`, `gtfs-flex/…`):
/// - `Tests/Fixtures/` in the repository: the small files a test needs (licences and sources in
///   `Tests/Fixtures/README.md`). Always there, so `swift test` passes on a fresh clone.
/// - the shared data folder beside the checkout (`<repo>/../shared/data`, or the folder named by
///   the environment variable `GOAN_SHARED_DATA`): the large feeds. CI has it; a test that needs
///   it is enabled only when it is there (`.enabled(if: SharedData.has(…), …)`), so it is
///   skipped visibly, not failed, on a fresh clone.
///
/// `GOAN_SHARED_DATA=/nonexistent swift test` runs the suite as a fresh clone would.
public enum SharedData {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared data folder: `$GOAN_SHARED_DATA` when set and not empty, else `<repo>/../shared/data`.
    public static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["GOAN_SHARED_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path).standardizedFileURL
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").standardizedFileURL
    }()

    /// The repository's own copies of small shared files, `Tests/Fixtures/`.
    public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    /// True when the shared data folder exists (CI must have it: see `SharedDataTests`).
    public static var available: Bool { exists(directory.path) }

    /// True when `relative` (e.g. `gtfs/helsinki-2022.zip`) is in the shared data folder.
    public static func has(_ relative: String) -> Bool { exists(path(relative)) }

    /// The path of `relative` in the shared data folder (which may be absent: check `has`).
    public static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// The path of `relative` in `Tests/Fixtures/`, the repository's copy of a small shared file.
    public static func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
