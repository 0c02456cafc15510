//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import Simulation
import Testing

/// The shipped scenario file edited as text, the way a person edits it: errors give the line and
/// column of what is wrong, and whole-number fields refuse fractions and negative numbers by name.
@Suite struct ScenarioTextTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        var label: String
        var old: String
        var new: String
        var field: String
        /// The whole expectation, exactly.
        var expected: String
        /// Where the error must point (default: `new`).
        var at: String?

        var testDescription: String { label }
    }

    static func text() throws -> String {
        try String(contentsOfFile: SimulationFixtures.scenarioPath("twenterand-2019"), encoding: .utf8)
    }

    static func position(of needle: String, in text: String) throws -> (Int, Int) {
        let range = try #require(text.range(of: needle))
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (before.filter { $0 == "\n" }.count + 1, before.distance(from: lineStart, to: range.lowerBound) + 1)
    }

    static let edits: [Edit] = [
        Edit(label: "fraction of a day", old: "\"days\": 182", new: "\"days\": 2.5", field: "days", expected: "a whole number of days between 1 and 400, found 2.5", at: "2.5"),
        Edit(label: "negative seed", old: "\"seed\": 2019", new: "\"seed\": -7", field: "seed", expected: "a whole number ≥ 0, found -7", at: "-7"),
        Edit(
            label: "fraction of a minute in a list", old: "\"stayMinutes\": 150", new: "\"stayMinutes\": 90.5", field: "demand.purposes[1].stayMinutes",
            expected: "a whole number of minutes between 0 and 720, found 90.5", at: "90.5"),
        Edit(
            label: "fraction of a traveller", old: "\"travellers\": 500", new: "\"travellers\": 500.5", field: "population.travellers",
            expected: "a whole number of travellers between 1 and 200000, found 500.5", at: "500.5"),
        Edit(label: "negative days", old: "\"days\": 182", new: "\"days\": -3", field: "days", expected: "a number of days between 1 and 400, found -3", at: "-3"),
        Edit(label: "missing comma", old: "\"seed\": 2019,", new: "\"seed\": 2019", field: "", expected: "not valid JSON: expected ',' or '}', found '\"'", at: "\"start\""),
        Edit(
            label: "misspelt field", old: "\"travellers\": 500", new: "\"travelers\": 500", field: "population.travelers",
            expected: "a known field; 'travelers' is not one, and the required field 'travellers' is missing", at: "\"travelers\""),
    ]

    @Test(arguments: edits) func aBadEditIsLocated(_ edit: Edit) throws {
        let original = try Self.text()
        let text = original.replacingOccurrences(of: edit.old, with: edit.new)
        #expect(text != original, "the scenario must contain \(edit.old)")
        let error = try #require(throws: ScenarioError.self) { try Scenario.parse(Data(text.utf8), file: "edited.json") }
        #expect(error.field == edit.field)
        #expect(error.expected == edit.expected)
        let (line, column) = try Self.position(of: edit.at ?? edit.new, in: text)
        #expect(error.line == line && error.column == column, "\(error) should point at \(line):\(column)")
        let field = edit.field.isEmpty ? "" : edit.field + ": "
        #expect(error.description == "edited.json:\(line):\(column): \(field)\(edit.expected)")
    }
}
