//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import Mobility
import Planner
import Simulation
import TestSupport
import Testing

/// The shipped scenarios, the base supply and short runs, loaded once for the simulation tests.
enum SimulationFixtures {
    /// The repository root (TestSupport finds it from its own #filePath).
    static let root = TwenteWorld.root
    static let scenariosDirectory = root.appendingPathComponent("Scenarios")

    static func scenarioPath(_ name: String) -> String {
        scenariosDirectory.appendingPathComponent(name + ".json").path
    }

    /// A shipped scenario, loaded and checked.
    static func scenario(_ name: String = "twenterand-2019") throws -> Scenario {
        try Scenario.load(scenarioPath(name))
    }

    /// A shipped scenario as a JSON dictionary, to be edited into a bad file.
    static func json(_ name: String = "twenterand-2019") throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: scenarioPath(name)))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError("\(name).json is not a JSON object")
        }
        return object
    }

    /// The places of the base supply folder `Scenarios/twente/`.
    static let base: Result<SupplyFiles, any Error> = Result {
        try SupplyFiles.load(directory: scenariosDirectory.appendingPathComponent("twente").path)
    }

    /// The twenterand-2019 scenario shortened to `days` days, with optional changes.
    static func shortScenario(days: Int = 7, seed: UInt64? = nil, change: (inout Scenario) throws -> Void = { _ in }) throws -> Scenario {
        var scenario = try scenario()
        scenario.days = days
        if let seed { scenario.seed = seed }
        try change(&scenario)
        return scenario
    }

    /// A simulator on the Twente timetable, rules and base supply.
    static func simulator(_ scenario: Scenario) throws -> Simulator {
        let world = try TwenteWorld.world.get()
        let base = try SupplyFiles.load(directory: scenariosDirectory.appendingPathComponent(scenario.supply.base).path)
        return try Simulator(scenario: scenario, region: world.with(supply: base))
    }

    static func run(_ scenario: Scenario) throws -> SimulationResult {
        try simulator(scenario).run()
    }

    /// One week of twenterand-2019 as shipped (seeded delays included), run once.
    static let week: Result<SimulationResult, any Error> = Result { try run(shortScenario(days: 7)) }

    static func decodeExecution() -> Scenario.Execution {
        // The type has no public memberwise initialiser: an empty object decodes to all defaults.
        try! JSONDecoder().decode(Scenario.Execution.self, from: Data("{}".utf8))
    }

    /// Decodes a scenario fragment (the scenario types have no public memberwise initialisers).
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Seconds after midnight of "HH:MM".
    static func seconds(_ time: String) -> Int {
        Int(ClockTime.seconds(time)!)
    }
}

/// Runs without execution delays (so every promise made at booking must hold exactly as
/// driven), each run once and shared by the invariant tests.
enum PunctualWeek: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// One week of twenterand-2019 as shipped, but punctual (about 70 requests).
    case twenterand
    /// The same week with four times the demand (about 250 requests): shared Regiotaxi rides,
    /// full vehicles, refusals for lack of room.
    case busy

    var testDescription: String { rawValue }

    func scenario() throws -> Scenario {
        try SimulationFixtures.shortScenario(days: 7) { scenario in
            var execution = scenario.execution ?? SimulationFixtures.decodeExecution()
            execution.delayProbability = 0
            scenario.execution = execution
            if self == .busy { scenario.demand.tripsPerTravellerPerWeek *= 4 }
        }
    }

    static let twenterandRun: Result<SimulationResult, any Error> = Result { try SimulationFixtures.run(PunctualWeek.twenterand.scenario()) }
    static let busyRun: Result<SimulationResult, any Error> = Result { try SimulationFixtures.run(PunctualWeek.busy.scenario()) }

    func result() throws -> SimulationResult {
        switch self {
        case .twenterand: try Self.twenterandRun.get()
        case .busy: try Self.busyRun.get()
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
