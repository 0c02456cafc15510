//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
@testable import GoanCLI
import TestSupport
import Testing

/// `goan dispatch`, run in-process.
@Suite struct DispatchCommandTests {
    static let darp = SharedData.fixture("darp/cordeau2006_a")

    @Test func cordeauWritesRoutesInTheCheckersFormat() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("goan-a2-16-\(UUID().uuidString).json").path
        let command = try GoanCommand.parseAsRoot(["dispatch", "--cordeau", "\(Self.darp)/a2-16.txt", "--iterations", "300", "--out", out])
        try #require(command as? GoanCommand.Dispatch).run()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let routes = try #require(object["routes"] as? [[Int]])
        #expect(routes.count == 2)
        // Every node of the 16 requests exactly once.
        #expect(routes.flatMap { $0 }.sorted() == Array(1 ... 32))
    }

    @Test(arguments: [
        ["dispatch"],
        ["dispatch", "--cordeau", "x.txt", "--date", "2026-11-23"],
        ["dispatch", "--date", "23-11-2026"],
        ["dispatch", "--date", "2026-11-23", "--format", "xml"],
        ["dispatch", "--cordeau", "x.txt", "--time-limit", "-1"],
    ])
    func badArgumentsAreRejected(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try GoanCommand.parseAsRoot(arguments) }
    }

    @Test func aMissingInstanceIsAClearError() throws {
        let command = try GoanCommand.parseAsRoot(["dispatch", "--cordeau", "/nonexistent/a9-99.txt"])
        #expect {
            try #require(command as? GoanCommand.Dispatch).run()
        } throws: { error in
            "\(error)".contains("cannot read /nonexistent/a9-99.txt")
        }
    }
}
