//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import Mobility
import Testing

/// The shipped supply files (`Scenarios/twente/`) and `service-rules.json`, each edited the way
/// a person might get it wrong: the error names the file, the line and column, the field and
/// what was expected.
@Suite struct SupplyFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let twente = root.appendingPathComponent("Scenarios/twente")
    static let rulesFile = root.appendingPathComponent("Timetables/twente/service-rules.json")

    /// A bad edit: in `file`, the `occurrence`-th (1-based) `old` becomes `new`.
    struct Edit: Sendable, CustomTestStringConvertible {
        var label: String
        var file: String
        var old: String
        var new: String
        var occurrence = 1
        /// The field the error must name.
        var field: String
        /// Words the message must contain.
        var expects: [String]
        /// The text the error's line and column must point at (default: `new`), and which
        /// occurrence of it.
        var at: String?
        var atOccurrence = 1

        var testDescription: String { label }
    }

    /// Copies the four supply files to a fresh folder, applies `edit`, and returns the folder
    /// and the edited text.
    static func folder(with edit: Edit) throws -> (String, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goan-supply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var edited = ""
        for name in ["fleet.json", "volunteers.json", "places.json", "travellers.json"] {
            var text = try String(contentsOf: twente.appendingPathComponent(name), encoding: .utf8)
            if name == edit.file {
                text = try replacing(edit, in: text)
                edited = text
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (folder.path, edited)
    }

    static func replacing(_ edit: Edit, in text: String) throws -> String {
        text.replacingCharacters(in: try range(of: edit.old, in: text, occurrence: edit.occurrence), with: edit.new)
    }

    /// The `occurrence`-th (1-based) `needle` in `text`.
    static func range(of needle: String, in text: String, occurrence: Int) throws -> Range<String.Index> {
        var found = try #require(text.range(of: needle), "the file must contain \(needle)")
        for _ in 1 ..< occurrence {
            found = try #require(text[found.upperBound...].range(of: needle), "the file must contain \(needle) \(occurrence) times")
        }
        return found
    }

    /// Line and column (1-based, in characters) of the `occurrence`-th `needle` in `text`.
    static func position(of needle: String, in text: String, occurrence: Int = 1) throws -> (Int, Int) {
        let range = try range(of: needle, in: text, occurrence: occurrence)
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (before.filter { $0 == "\n" }.count + 1, before.distance(from: lineStart, to: range.lowerBound) + 1)
    }

    @Test func theShippedFilesLoad() throws {
        let supply = try SupplyFiles.load(directory: Self.twente.path)
        #expect(!supply.travellers.isEmpty && !supply.vehicles.isEmpty && !supply.volunteers.isEmpty && !supply.places.isEmpty)
        // The traveller the issue names keeps her pass.
        #expect(supply.traveller("jansen")?.wmoPass != nil)
    }

    static let edits: [Edit] = [
        Edit(
            label: "misspelt optional field in travellers.json", file: "travellers.json", old: "\"wmoPass\": {", new: "\"wmopass\": {", occurrence: 3,
            field: "travellers[4].wmopass", expects: ["'wmopass' is not one", "wmoPass", "automaatjeMember"]),
        Edit(
            label: "misspelt required field in fleet.json", file: "fleet.json", old: "\"seats\": 8", new: "\"seat\": 8", occurrence: 2,
            field: "vehicles[1].seat", expects: ["'seat' is not one", "'seats' is missing"]),
        Edit(
            label: "unknown field in volunteers.json", file: "volunteers.json", old: "\"wheelchair\": false", new: "\"wheelchair\": false, \"car\": \"Polo\"",
            occurrence: 2, field: "volunteers[1].car", expects: ["'car' is not one", "maxRidesPerDay"], at: "\"car\""),
        Edit(
            label: "unknown field in places.json", file: "places.json", old: "\"kind\": \"hospital\"", new: "\"type\": \"hospital\"",
            field: "places[0].type", expects: ["'type' is not one", "'kind' is missing"]),
        Edit(
            label: "fraction of a seat", file: "fleet.json", old: "\"seats\": 8", new: "\"seats\": 7.5", field: "vehicles[0].seats",
            expects: ["whole number", "7.5"], at: "7.5"),
        Edit(
            label: "text for a number", file: "volunteers.json", old: "\"maxRidesPerDay\": 2", new: "\"maxRidesPerDay\": \"two\"",
            field: "volunteers[0].maxRidesPerDay", expects: ["whole number", "\"two\""], at: "\"two\""),
        Edit(
            label: "syntax error", file: "places.json", old: "\"kind\": \"hospital\",", new: "\"kind\": \"hospital\"", occurrence: 2,
            field: "", expects: ["not valid JSON", "',' or '}'"], at: "\"lat\": 52.2752"),
        Edit(
            label: "unknown CROW code", file: "travellers.json", old: "\"HR-07\"", new: "\"HR-13\"", field: "travellers[1].needs[0]",
            expects: ["a CROW code (HR-01…HR-12, HV-01…HV-05, AV-01…AV-12, AB-01…AB-04, AER-01…AER-03, K-01…K-05, ZR-01…ZR-24, RR-01…RR-03), found \"HR-13\""]),
        Edit(
            label: "negative scooter places", file: "fleet.json", old: "\"scooterPlaces\": 1", new: "\"scooterPlaces\": -1",
            field: "vehicles[0].scooterPlaces", expects: ["must be within 0…100"], at: "-1"),
        Edit(
            label: "shift ending before it starts", file: "fleet.json", old: "\"end\": \"14:00\"", new: "\"end\": \"05:00\"",
            field: "vehicles[0].shifts[0].end", expects: ["05:00 is not after 06:00"], at: "\"05:00\""),
        Edit(
            label: "duplicate traveller id", file: "travellers.json", old: "\"id\": \"de-vries\"", new: "\"id\": \"jansen\"",
            field: "travellers[1].id", expects: ["duplicate id 'jansen'"], at: "\"jansen\"", atOccurrence: 2),
    ]

    @Test(arguments: edits) func aBadSupplyFileIsRefused(_ edit: Edit) throws {
        let (folder, text) = try Self.folder(with: edit)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = try #require(throws: RulesError.self) { try SupplyFiles.load(directory: folder) }
        #expect(error.file == folder + "/" + edit.file)
        #expect((error.field ?? "") == edit.field, "\(error)")
        for words in edit.expects { #expect(error.message.contains(words), "\(error) should say \(words)") }
        let (line, column) = try Self.position(of: edit.at ?? edit.new, in: text, occurrence: edit.atOccurrence)
        #expect(error.line == line && error.column == column, "\(error) should point at \(line):\(column)")
        #expect(error.description.hasPrefix("\(folder)/\(edit.file):\(line):\(column): \(edit.field.isEmpty ? "" : edit.field + ": ")"), "\(error)")
    }

    static let ruleEdits: [Edit] = [
        Edit(
            label: "misspelt optional field", file: "service-rules.json", old: "\"yearlyKmBudget\": 2000", new: "\"yearlyKmBuget\": 2000",
            field: "services[0].yearlyKmBuget", expects: ["'yearlyKmBuget' is not one", "yearlyKmBudget"]),
        Edit(
            label: "unknown top-level field", file: "service-rules.json", old: "\"currency\": \"EUR\",", new: "\"currency\": \"EUR\", \"valuta\": \"EUR\",",
            field: "valuta", expects: ["currency, services, version"], at: "\"valuta\""),
        Edit(
            label: "fraction of a minute", file: "service-rules.json", old: "\"pickupWindowMinutes\": 15", new: "\"pickupWindowMinutes\": 15.5",
            field: "services[0].pickupWindowMinutes", expects: ["whole number", "15.5"], at: "15.5"),
        Edit(
            label: "window out of range", file: "service-rules.json", old: "\"pickupWindowMinutes\": 15", new: "\"pickupWindowMinutes\": 150",
            field: "services[0].pickupWindowMinutes", expects: ["0…120"], at: "150"),
        Edit(
            label: "unknown service kind", file: "service-rules.json", old: "\"kind\": \"regiotaxi\"", new: "\"kind\": \"bus\"",
            field: "services[0].kind", expects: ["bus"], at: "\"bus\""),
    ]

    @Test(arguments: ruleEdits) func aBadRulesFileIsRefused(_ edit: Edit) throws {
        let text = try Self.replacing(edit, in: try String(contentsOf: Self.rulesFile, encoding: .utf8))
        let error = try #require(throws: RulesError.self) { try ServiceRules.decode(Data(text.utf8), file: "service-rules.json") }
        #expect((error.field ?? "") == edit.field, "\(error)")
        for words in edit.expects { #expect(error.message.contains(words), "\(error) should say \(words)") }
        let (line, column) = try Self.position(of: edit.at ?? edit.new, in: text)
        #expect(error.line == line && error.column == column, "\(error) should point at \(line):\(column)")
        #expect(error.description.hasPrefix("service-rules.json:\(line):\(column): \(edit.field): "), "\(error)")
    }

    @Test func theShippedRulesLoad() throws {
        let rules = try ServiceRules.load(from: Self.rulesFile.path)
        #expect(rules.service("regiotaxi") != nil)
    }
}
