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

/// `goan simulate`, run in-process on a shipped scenario.
@Suite struct SimulateCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios").standardized.path

    func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("goan-simulate-\(UUID().uuidString)").path
    }

    @Test func aShortRunWritesTheReportTheKPIsAndTheCSVs() throws {
        let out = temporaryFolder()
        let command = try GoanCommand.parseAsRoot(["simulate", "\(Self.scenarios)/twenterand-2019", "--days", "5", "--out", out])
        try #require(command as? GoanCommand.Simulate).run()
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        for chart in ["chart-served-share", "chart-mode-split", "chart-refusals", "chart-ride-time", "chart-timeline"] {
            #expect(html.contains("id=\"\(chart)\""), "\(chart) is in the report")
        }
        let kpis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/kpis.json"))) as? [String: Any])
        let days = try #require((kpis["kpis"] as? [String: Any])?["days"] as? [Any])
        #expect(days.count == 5)
        let requests = try String(contentsOfFile: out + "/requests.csv", encoding: .utf8).split(separator: "\n")
        let total = try #require((kpis["kpis"] as? [String: Any])?["total"] as? [String: Any])
        #expect(requests.count == 1 + (total["requests"] as? Int ?? -1), "a header and one row per request")
        #expect(FileManager.default.fileExists(atPath: out + "/rides.csv"))
    }

    @Test func aComparisonPutsBothScenariosInOneReport() throws {
        let out = temporaryFolder()
        let command = try GoanCommand.parseAsRoot([
            "simulate", "--compare", "\(Self.scenarios)/twenterand-2019", "\(Self.scenarios)/volunteer-shortage", "--days", "3", "--out", out,
        ])
        try #require(command as? GoanCommand.Simulate).run()
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("twenterand-2019") && html.contains("volunteer-shortage"))
    }

    @Test func aBadScenarioFileNamesTheField() throws {
        let file = temporaryFolder() + ".json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.scenarios + "/twenterand-2019.json"))) as? [String: Any])
        json["days"] = "seven"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let command = try GoanCommand.parseAsRoot(["simulate", file, "--out", temporaryFolder()])
        let error = try #require(throws: CLIError.self) { try #require(command as? GoanCommand.Simulate).run() }
        #expect(error.description.contains("days") && error.description.contains(file))
    }

    @Test(arguments: [
        ["simulate"],
        ["simulate", "a.json", "--compare", "a.json", "b.json"],
        ["simulate", "--compare", "a.json"],
        ["simulate", "a.json", "--days", "0"],
    ])
    func badArgumentsAreRejected(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try GoanCommand.parseAsRoot(arguments) }
    }
}
