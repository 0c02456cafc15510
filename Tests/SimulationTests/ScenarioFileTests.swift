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

/// The scenario files: every shipped one loads; a bad one is refused with an error that names
/// the file, the field and what was expected there.
@Suite struct ScenarioFileTests {
    static func shippedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: SimulationFixtures.scenariosDirectory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func everyShippedScenarioLoads() throws {
        let files = try Self.shippedFiles()
        #expect(files.contains("twenterand-2019.json"))
        #expect(files.contains("twente-region.json"))
        for file in files {
            let path = SimulationFixtures.scenariosDirectory.appendingPathComponent(file).path
            do {
                let scenario = try Scenario.load(path)
                #expect(!scenario.name.isEmpty)
                #expect(!scenario.description.isEmpty, "\(file) has no description")
                // The base supply folder exists next to the scenarios.
                let base = SimulationFixtures.scenariosDirectory.appendingPathComponent(scenario.supply.base).path
                #expect(FileManager.default.fileExists(atPath: base + "/fleet.json"), "\(file): supply.base '\(scenario.supply.base)' is not a folder of Scenarios/")
            } catch {
                Issue.record("\(file) does not load: \(error)")
            }
        }
    }

    /// Every field of the format survives a round trip: what the types write, the strict reader
    /// (which takes the known fields from the types themselves) reads back unchanged.
    @Test func everyShippedScenarioSurvivesARoundTrip() throws {
        for file in try Self.shippedFiles() {
            let scenario = try Scenario.load(SimulationFixtures.scenariosDirectory.appendingPathComponent(file).path)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let again = try Scenario.parse(try encoder.encode(scenario), file: file)
            #expect(again == scenario, "\(file)")
        }
    }

    @Test func loadFindsTheFileWithoutItsExtension() throws {
        let scenario = try Scenario.load(SimulationFixtures.scenariosDirectory.appendingPathComponent("twenterand-2019").path)
        #expect(scenario.name == "twenterand-2019")
    }

    @Test func aMissingFileIsNamed() throws {
        let path = SimulationFixtures.scenariosDirectory.appendingPathComponent("no-such-scenario.json").path
        let error = try #require(throws: ScenarioError.self) { try Scenario.load(path) }
        #expect(error.file == path)
        #expect(error.description.contains("no-such-scenario.json"))
    }

    // MARK: Bad files

    /// A bad edit of twenterand-2019 and the error it must give.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var label: String
        /// The field the error must name (a path such as `population.ages[1].share`).
        var field: String
        /// Words the expectation must contain.
        var expects: [String]
        var edit: @Sendable (inout [String: Any]) -> Void

        var testDescription: String { label }
    }

    static let badFiles: [BadFile] = [
        BadFile(label: "wrong type", field: "days", expects: ["whole number"]) { $0["days"] = "seven" },
        BadFile(label: "wrong type in a list", field: "population.ages[1].share", expects: ["number"]) {
            $0.setField("population.ages[1].share", "a lot")
        },
        BadFile(label: "null", field: "seed", expects: ["null"]) { $0["seed"] = NSNull() },
        BadFile(label: "missing required field", field: "population.travellers", expects: ["required"]) { $0.removeField("population.travellers") },
        BadFile(label: "missing required field in a list", field: "demand.purposes[2].stayMinutes", expects: ["required"]) {
            $0.removeField("demand.purposes[2].stayMinutes")
        },
        BadFile(label: "unknown field", field: "population.travelers", expects: ["'travelers'", "travellers"]) {
            $0.renameField("population.travellers", to: "travelers")
        },
        BadFile(label: "unknown field in a list", field: "demand.purposes[1].returnshare", expects: ["'returnshare'", "returnShare"]) {
            $0.renameField("demand.purposes[1].returnShare", to: "returnshare")
        },
        BadFile(label: "unknown top-level field", field: "phase", expects: ["'phase'", "phases"]) { $0["phase"] = [[String: Any]]() },
        BadFile(label: "share above 1", field: "population.livingAlone", expects: ["between 0 and 1", "1.5"]) { $0.setField("population.livingAlone", 1.5) },
        BadFile(label: "negative share", field: "population.aids.walker", expects: ["between 0 and 1"]) { $0.setField("population.aids.walker", -0.1) },
        BadFile(label: "negative ride-time weight", field: "dispatch.rideTimeWeight", expects: ["between 0 and 100", "-1"]) {
            $0.setField("dispatch.rideTimeWeight", -1)
        },
        BadFile(label: "planning window of no minutes", field: "dispatch.planningWindowMinutes", expects: ["between 1 and 60", "0"]) {
            $0.setField("dispatch.planningWindowMinutes", 0)
        },
        BadFile(label: "planning window opening 90 minutes early", field: "dispatch.planningWindowBeforeMinutes", expects: ["between 1 and 60", "90"]) {
            $0.setField("dispatch.planningWindowMinutes", 5)
            $0.setField("dispatch.planningWindowBeforeMinutes", 90)
        },
        BadFile(label: "planning window opening early without its end", field: "dispatch.planningWindowBeforeMinutes", expects: ["planningWindowMinutes"]) {
            $0.setField("dispatch.planningWindowBeforeMinutes", 10)
        },
        BadFile(label: "purpose shares not adding to 1", field: "demand.purposes", expects: ["add up to 1"]) { $0.setField("demand.purposes[0].share", 0.6) },
        BadFile(label: "age shares not adding to 1", field: "population.ages", expects: ["add up to 1"]) { $0.setField("population.ages[0].share", 0.3) },
        BadFile(label: "lead-time shares not adding to 1", field: "demand.leadTimes", expects: ["add up to 1"]) { $0.setField("demand.leadTimes[2].share", 0.2) },
        BadFile(label: "arrival shares not adding to 1", field: "demand.purposes[0].arrivals", expects: ["add up to 1"]) {
            $0.setField("demand.purposes[0].arrivals[1].share", 0.1)
        },
        BadFile(label: "bad time", field: "demand.purposes[0].arrivals[0]", expects: ["HH:MM", "25:99"]) { $0.setField("demand.purposes[0].arrivals[0].from", "25:99") },
        BadFile(label: "time band backwards", field: "demand.purposes[3].arrivals[1]", expects: ["from < to"]) {
            $0.setField("demand.purposes[3].arrivals[1].to", "13:00")
        },
        BadFile(label: "unknown destination kind", field: "demand.purposes[0].destinations[1]", expects: ["zoo", "hospital"]) {
            $0.setField("demand.purposes[0].destinations[1]", "zoo")
        },
        BadFile(label: "phase after the last day", field: "phases[0].fromDay", expects: ["0…181", "182"]) {
            $0["phases"] = [["fromDay": 182, "label": "too late"] as [String: Any]]
        },
        BadFile(label: "phase before the first day", field: "phases[0].fromDay", expects: ["-1"]) { $0["phases"] = [["fromDay": -1, "label": "too early"] as [String: Any]] },
        BadFile(label: "phases out of order", field: "phases[1].fromDay", expects: ["after the previous"]) {
            $0["phases"] = [["fromDay": 10, "label": "a"] as [String: Any], ["fromDay": 10, "label": "b"]]
        },
        BadFile(label: "unknown users", field: "phases[0].users", expects: ["passHolders", "everyone"]) {
            $0["phases"] = [["fromDay": 0, "label": "a", "users": "everyone"] as [String: Any]]
        },
        BadFile(label: "unknown phase purpose", field: "phases[0].purposes[0]", expects: ["dancing"]) {
            $0["phases"] = [["fromDay": 0, "label": "a", "purposes": ["dancing"]] as [String: Any]]
        },
        BadFile(label: "unknown weekday", field: "demand.weekdays.monday", expects: ["mon"]) { $0.setField("demand.weekdays.monday", 1.0) },
        BadFile(label: "no such date", field: "start", expects: ["YYYY-MM-DD", "2026-02-30"]) { $0["start"] = "2026-02-30" },
        BadFile(label: "no days", field: "days", expects: ["between 1 and 400", "0"]) { $0["days"] = 0 },
        BadFile(label: "no travellers", field: "population.travellers", expects: ["travellers"]) { $0.setField("population.travellers", 0) },
        BadFile(label: "home outside the Netherlands", field: "population.homes[0]", expects: ["Netherlands"]) { $0.setField("population.homes[0].lat", 48.85) },
        BadFile(label: "lead time too short", field: "demand.leadTimes[0]", expects: ["0.5"]) { $0.setField("demand.leadTimes[0].fromHours", 0.1) },
        BadFile(label: "base folder outside Scenarios", field: "supply.base", expects: ["folder"]) { $0.setField("supply.base", "../Timetables") },
        BadFile(label: "unknown calibration figure", field: "calibration[0].figure", expects: ["automaatjeRides", "happiness"]) {
            $0.setField("calibration[0].figure", "happiness")
        },
        BadFile(label: "unknown calibration kind", field: "calibration[0].kind", expects: ["guess"]) {
            $0.setField("calibration[0].kind", "guess")
        },
    ]

    @Test(arguments: badFiles) func badFileIsRefused(_ bad: BadFile) throws {
        var json = try SimulationFixtures.json()
        bad.edit(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        let error = try #require(throws: ScenarioError.self) { try Scenario.parse(data, file: "bad.json") }
        #expect(error.file == "bad.json")
        #expect(error.field == bad.field, "\(error)")
        for words in bad.expects {
            #expect(error.expected.contains(words), "\(error) should say '\(words)'")
        }
        // `file:line:column: field: expected`; the edited file is written on one line.
        #expect(error.line == 1, "\(error)")
        #expect(error.description.hasPrefix("bad.json:1:\(error.column ?? 0): \(bad.field): "), "\(error)")
    }

    /// Values the checks let through although they cannot work: a negative pickup window (the
    /// service rules' own check wants 0…120 minutes, the override bypasses it), a depot in
    /// Paris (homes and places must lie in the Netherlands), two purposes with the same name
    /// (phases and extra purposes address purposes by name).
    static let uncheckedFiles: [BadFile] = [
        BadFile(label: "negative pickup window", field: "rules.regiotaxiPickupWindowMinutes", expects: []) {
            $0["rules"] = ["regiotaxiPickupWindowMinutes": -5]
        },
        BadFile(label: "depot outside the Netherlands", field: "supply.depots[0]", expects: []) {
            $0.setField("supply.depots", [["name": "Paris", "lat": 48.85, "lon": 2.35] as [String: Any]])
        },
        BadFile(label: "two purposes with one name", field: "demand.purposes[1].name", expects: []) { $0.setField("demand.purposes[1].name", "medical") },
    ]

    @Test(arguments: uncheckedFiles) func uncheckedValueIsRefused(_ bad: BadFile) throws {
        var json = try SimulationFixtures.json()
        bad.edit(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        do {
            _ = try Scenario.parse(data, file: "bad.json")
            Issue.record("\(bad.label): accepted; expected an error naming \(bad.field)")
        } catch let error as ScenarioError {
            #expect(error.field == bad.field, "\(error)")
        }
    }

    @Test(arguments: ["{ \"name\": ", "not json at all", "", "{ \"name\": \"x\", }x"])
    func invalidJSONIsRefused(_ text: String) throws {
        let error = try #require(throws: ScenarioError.self) { try Scenario.parse(Data(text.utf8), file: "bad.json") }
        #expect(error.field.isEmpty)
        #expect(error.expected.contains("JSON"), "\(error)")
        #expect(error.description.contains("bad.json"))
    }

    /// The unedited file parses, so every bad case above fails for its own edit.
    @Test func theUneditedFileParses() throws {
        let data = try JSONSerialization.data(withJSONObject: try SimulationFixtures.json())
        let scenario = try Scenario.parse(data, file: "good.json")
        #expect(scenario == (try SimulationFixtures.scenario()))
    }

    /// An object where a number or a list is wanted, and the other way round: the error names
    /// the kind of value expected.
    @Test func wrongKindOfValueNamesTheKind() throws {
        var json = try SimulationFixtures.json()
        json["supply"] = ["twente"]
        var error = try #require(throws: ScenarioError.self) { try Scenario.parse(try JSONSerialization.data(withJSONObject: json), file: "bad.json") }
        #expect(error.field == "supply")

        json = try SimulationFixtures.json()
        json.setField("demand.purposes", ["medical": 1.0])
        error = try #require(throws: ScenarioError.self) { try Scenario.parse(try JSONSerialization.data(withJSONObject: json), file: "bad.json") }
        #expect(error.field == "demand.purposes")
        #expect(error.expected.contains("list"), "\(error)")

        json = try SimulationFixtures.json()
        json["population"] = 5
        error = try #require(throws: ScenarioError.self) { try Scenario.parse(try JSONSerialization.data(withJSONObject: json), file: "bad.json") }
        #expect(error.field == "population")
        #expect(error.expected.contains("object"), "\(error)")
    }
}

// MARK: - Editing JSON by path

extension Dictionary where Key == String, Value == Any {
    /// Sets the value at a path such as `population.ages[1].share`.
    mutating func setField(_ path: String, _ value: Any) {
        self = JSONPath.edit(self, JSONPath.parse(path)) { _ in value } as! [String: Any]
    }

    /// Removes the field at a path.
    mutating func removeField(_ path: String) {
        var steps = JSONPath.parse(path)
        guard case .key(let key) = steps.removeLast() else { return }
        self = JSONPath.edit(self, steps) { object in
            var object = object as! [String: Any]
            object.removeValue(forKey: key)
            return object
        } as! [String: Any]
    }

    /// Renames the field at a path, keeping its value.
    mutating func renameField(_ path: String, to name: String) {
        var steps = JSONPath.parse(path)
        guard case .key(let key) = steps.removeLast() else { return }
        self = JSONPath.edit(self, steps) { object in
            var object = object as! [String: Any]
            object[name] = object.removeValue(forKey: key)
            return object
        } as! [String: Any]
    }
}

enum JSONPath {
    enum Step {
        case key(String)
        case index(Int)
    }

    static func parse(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            let pieces = part.split(separator: "[")
            steps.append(.key(String(pieces[0])))
            for index in pieces.dropFirst() { steps.append(.index(Int(index.dropLast())!)) }
        }
        return steps
    }

    static func edit(_ value: Any, _ steps: some Collection<Step>, _ change: (Any) -> Any) -> Any {
        guard let step = steps.first else { return change(value) }
        switch step {
        case .key(let key):
            var object = value as! [String: Any]
            object[key] = edit(object[key] ?? NSNull(), steps.dropFirst(), change)
            return object
        case .index(let index):
            var list = value as! [Any]
            list[index] = edit(list[index], steps.dropFirst(), change)
            return list
        }
    }
}
