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
import Testing

/// `goan simulate` refuses days the timetable does not cover (the Twente feed runs from
/// 2026-01-01 to 2027-12-31), naming the date and the period, before it reads the supply.
@Suite struct SimulatePeriodTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios").standardized.path

    /// The shipped twenterand-2019 scenario with `start` and `days` changed, as a temporary file.
    func scenario(start: String, days: Int) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("goan-period-\(UUID().uuidString).json").path
        var text = try String(contentsOfFile: Self.scenarios + "/twenterand-2019.json", encoding: .utf8)
        let original = text
        text = text.replacingOccurrences(of: "\"start\": \"2026-06-01\"", with: "\"start\": \"\(start)\"")
            .replacingOccurrences(of: "\"days\": 182", with: "\"days\": \(days)")
        #expect(text != original, "the scenario must contain the edited fields")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func error(_ arguments: [String]) throws -> CLIError {
        let command = try #require(try GoanCommand.parseAsRoot(arguments) as? GoanCommand.Simulate)
        return try #require(throws: CLIError.self) { try command.run() }
    }

    @Test(arguments: ["1900-01-01", "2025-12-31", "2028-01-01"])
    func aStartOutsideThePeriodIsRefused(_ start: String) throws {
        let file = try scenario(start: start, days: 7)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = try error(["simulate", file])
        #expect(error.description == "\(file): start: \(start) is outside the timetable's period 2026-01-01 to 2027-12-31")
    }

    @Test func aRunPastTheEndOfThePeriodIsRefusedWithTheDaysThatFit() throws {
        let file = try scenario(start: "2027-12-01", days: 60)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = try error(["simulate", file])
        #expect(error.description.contains("60 days from 2027-12-01 run to 2028-01-29"), "\(error)")
        #expect(error.description.contains("2027-12-31"), "\(error)")
        #expect(error.description.contains("--days 31 fits"), "\(error)")
    }
}
