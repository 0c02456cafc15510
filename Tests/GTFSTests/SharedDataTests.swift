//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import TestSupport
import Testing

/// The data the tests read: `Tests/Fixtures/` is always there, and CI never skips the tests
/// that need `../shared/data`.
@Suite struct SharedDataTests {
    /// Every file of `Tests/Fixtures/` except its README, as paths relative to it.
    static func fixtureFiles() throws -> [String] {
        let root = SharedData.fixtures.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && path != "README.md"
        }.sorted()
    }

    @Test func theFixturesAreInTheRepository() throws {
        let files = try Self.fixtureFiles()
        for needed in ["gtfs/caltrain-2017.zip", "gtfs/mmri/1g/stop_times.txt", "darp/cordeau2006_a/a2-16.txt", "gtfs-flex/bbnavi-rufbus/LICENSE"] {
            #expect(files.contains(needed), "Tests/Fixtures/\(needed) is missing")
        }
    }

    /// On CI a skipped comparison would pass silently: CI must have the shared data.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true", "runs on CI only (CI=true)"))
    func ciHasTheSharedData() {
        #expect(SharedData.available, "CI=true but no shared data at \(SharedData.directory.path): set GOAN_SHARED_DATA or put shared/ beside the checkout")
    }

    /// The fixtures are exact copies: a test on a fresh clone answers what it answers on CI.
    @Test(.enabled(if: SharedData.available, "needs ../shared/data to compare the copies with"))
    func theFixturesAreExactCopiesOfTheSharedData() throws {
        for file in try Self.fixtureFiles() {
            let copy = FileManager.default.contents(atPath: SharedData.fixture(file))
            let original = FileManager.default.contents(atPath: SharedData.path(file))
            #expect(original != nil, "Tests/Fixtures/\(file) is not in \(SharedData.directory.path)")
            #expect(copy == original, "Tests/Fixtures/\(file) differs from the shared data")
        }
    }
}
