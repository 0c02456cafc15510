//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import GTFS
import Mobility
import Planner
import Roads
import Simulation
import Transit

extension GoanCommand {
    /// `goan simulate`: run a demand scenario day by day and write its report.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate a demand scenario: plan, book, dispatch and drive its days; write KPIs and a report.",
            discussion: """
                SCENARIO is a scenario file (Scenarios/twenterand-2019 or Scenarios/twenterand-2019.json; the format is in \
                Scenarios/README.md). Writes DIR/report.html (self-contained, inline SVG charts), DIR/kpis.json, \
                DIR/requests.csv and DIR/rides.csv (pseudonymous traveller ids). --compare A B runs two scenarios and \
                writes one report with both side by side. The same scenario and seed give the same figures.
                """)

        @Argument(help: "The scenario file to run.")
        var scenario: String?

        @Option(parsing: .upToNextOption, help: "Run two scenarios and compare them: --compare A B.")
        var compare: [String] = []

        @Option(help: "Folder for the report, KPIs and CSVs.")
        var out: String = "simulation-report"

        @Option(help: "Simulate only the first N days of the scenario.")
        var days: Int?

        @Option(help: "Use this seed instead of the scenario's.")
        var seed: UInt64?

        @Option(help: "Search iterations of each day's overnight re-optimisation instead of the scenario's dispatch.iterations (0: the routes are driven as booked).")
        var dispatchIterations: Int?

        @OptionGroup var timetable: TimetableArguments

        func validate() throws {
            if compare.isEmpty && scenario == nil { throw ValidationError("give a scenario file, or --compare A B") }
            if !compare.isEmpty && (compare.count != 2 || scenario != nil) { throw ValidationError("--compare takes exactly two scenario files (and no other)") }
            if let days, !(1 ... 400).contains(days) { throw ValidationError("--days must be between 1 and 400") }
            if let dispatchIterations, !(0 ... 1_000_000).contains(dispatchIterations) {
                throw ValidationError("--dispatch-iterations must be between 0 and 1000000")
            }
        }

        func run() throws {
            // The feed, its rules and the default scenario; each scenario brings its own supply.
            let region = try timetable.loadRegion(scenario: nil)
            if compare.count == 2 {
                let a = try simulate(compare[0], region: region)
                let b = try simulate(compare[1], region: region)
                try write { try ReportWriter.writeComparison(a, b, to: out) }
                print(ReportComparison.text(a, b))
                print("comparison written to \(out)/report.html")
                return
            }
            let result = try simulate(scenario!, region: region)
            try write { try ReportWriter.write(result, to: out) }
            print("report: \(out)/report.html (also kpis.json, requests.csv, rides.csv)")
        }

        func write(_ body: () throws -> Void) throws {
            do {
                try body()
            } catch {
                throw CLIError("cannot write the report: \(error)")
            }
        }

        /// Loads and runs one scenario, printing its summary.
        func simulate(_ path: String, region: Region) throws -> SimulationResult {
            var scenario: Scenario
            do {
                scenario = try Scenario.load(path)
            } catch let error as ScenarioError {
                throw CLIError(error.description)
            }
            if let days, days < scenario.days {
                scenario.days = days
                // The real figures are for the whole period: a shortened run is not compared with them.
                if scenario.calibration != nil {
                    print("(--days \(days) shortens the run: its figures are not compared with the real ones)")
                    scenario.calibration = nil
                }
            }
            if let seed { scenario.seed = seed }
            if let dispatchIterations {
                scenario.dispatch = scenario.dispatch ?? .init()
                scenario.dispatch?.iterations = dispatchIterations
            }
            if let problem = Self.periodProblem(start: scenario.start, days: scenario.days, serviceDays: region.timetable.serviceDays) {
                throw CLIError("\(path): start: \(problem)")
            }
            var file = path
            if !FileManager.default.fileExists(atPath: file) { file += ".json" }
            let basePath = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(scenario.supply.base).path
            let base: SupplyFiles
            do {
                base = try SupplyFiles.load(directory: basePath)
            } catch let error as RulesError {
                throw CLIError("\(file): supply.base: \(error.description)")
            }
            var region = region
            if let roads = scenario.roads, timetable.roads == nil {
                let roadsPath = roads.hasPrefix("/") ? roads : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(roads).path
                do {
                    region = region.with(road: try NetworkRoadModel(path: roadsPath, walkingSpeed: region.timetable.options.walkingSpeed))
                } catch let error as RoadsFileError {
                    throw CLIError("\(file): roads: \(error)")
                }
            }
            print("\(scenario.name): drives and walks by \(region.road)")
            let simulator: Simulator
            do {
                simulator = try Simulator(scenario: scenario, region: region.with(supply: base))
            } catch let error as RulesError {
                throw CLIError("\(file): rules: \(error.description)")
            }
            print("\(scenario.name): \(scenario.days) days from \(scenario.start), seed \(scenario.seed), \(simulator.supply.travellers.count) travellers, "
                + "\(simulator.supply.vehicles.count) vehicles, \(simulator.supply.volunteers.count) volunteers")
            let bar = ProgressBar(title: scenario.name)
            let result = try simulator.run { done, total in bar.show(done, of: total) }
            bar.finish()
            Self.printSummary(result)
            return result
        }

        /// Why a run of `days` days from `start` cannot use the timetable, or `nil`: every
        /// simulated day must lie in the timetable's period (outside it no bus runs, and the run
        /// would report a world without public transport).
        static func periodProblem(start: String, days: Int, serviceDays: ServiceDays) -> String? {
            guard let first = ServiceDate(start) else { return "'\(start)' is not a date (expected YYYY-MM-DD)" }
            guard serviceDays.dayCount > 0 else { return "the timetable has no service days, so no date can be simulated" }
            let periodStart = serviceDays.firstDate, periodEnd = serviceDays.firstDate.adding(days: serviceDays.dayCount - 1)
            let period = "the timetable's period \(periodStart) to \(periodEnd)"
            guard first >= periodStart, first <= periodEnd else { return "\(first) is outside \(period)" }
            let last = first.adding(days: days - 1)
            guard last <= periodEnd else {
                let fitting = periodEnd.dayNumber - first.dayNumber + 1
                return "\(days) days from \(first) run to \(last), past \(period) (--days \(fitting) fits)"
            }
            return nil
        }

        static func printSummary(_ result: SimulationResult) {
            let t = result.kpis.total
            func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
            func list(_ counts: [String: Int]) -> String {
                counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            print("  requests \(t.requests), served \(t.served) (\(percent(t.servedShare)))")
            print("  modes: \(list(t.modeSplit))")
            if !t.refusals.isEmpty { print("  refused: \(list(t.refusals))") }
            print(String(
                format: "  Regiotaxi %.0f km (%.0f km empty), occupancy %.2f, %.2f rides per vehicle hour; ride time %.2f × direct; %d rides outside the window, %d moved to another taxi by the central",
                t.vehicleKm, t.emptyKm, t.occupancy, t.ridesPerVehicleHour, t.meanRideTimeRatio, t.ridesOutsideWindow, t.ridesMovedByCentral))
            print(String(
                format: "  AutoMaatje %d rides by volunteers (%.1f h, %.1f rides per volunteer), %d riders, %.0f %% living alone",
                t.volunteerRides, t.volunteerHours, t.ridesPerVolunteer, result.kpis.automaatjeRiders, result.kpis.automaatjeRidersLivingAlone * 100))
            let load = result.kpis.volunteerLoad
            if load.volunteers > 0 {
                print(String(
                    format: "  volunteers: %d of %d drove; rides per volunteer at most %d, standard deviation %.1f",
                    load.drove, load.volunteers, load.maximum, load.standardDeviation))
            }
            if let fixed = t.fixedRides {
                print(String(
                    format: "  day care and school: %d trips booked, %d refused; %d rides, %d outside the window, on board %.1f min (%.2f × direct, longest %.0f min); at most %d vehicles on a day (%d with day care or school rides), %.0f vehicle hours in all",
                    fixed.trips, fixed.refused, fixed.rides, fixed.ridesOutsideWindow, fixed.meanRideMinutes, fixed.meanRideTimeRatio, fixed.longestRideMinutes,
                    fixed.vehiclesUsed, fixed.vehiclesWithFixedRides, t.vehicleHours))
            }
            print(String(
                format: "  travellers paid €%.2f, operator cost €%.2f, km budgets used %.0f km, CO2 %.0f kg",
                t.travellerPaid, t.operatorCost, t.kmBudgetUsed, t.co2Kg))
            for check in result.calibration {
                print(String(
                    format: "  calibration %@: simulated %.2f, %@ %.2f (±%.0f %%): %@", check.figure, check.simulated, check.label, check.real, check.tolerance * 100,
                    check.holds ? "holds" : "OFF"))
            }
            if let before = t.asBooked {
                print(String(
                    format: "  re-optimised overnight, against the routes as booked: Regiotaxi %.0f km (was %.0f), %.0f vehicle hours (was %.0f), %d rides outside the window (was %d), ride time %.2f × direct (was %.2f)",
                    t.vehicleKm, before.vehicleKm, t.vehicleHours, before.vehicleHours, t.ridesOutsideWindow, before.ridesOutsideWindow,
                    t.meanRideTimeRatio, before.meanRideTimeRatio))
            }
            let time = result.kpis.timing
            print(String(
                format: "  time: planning %.1f s, booking %.1f s, dispatching %.1f s", time.planningSeconds, time.bookingSeconds, time.dispatchingSeconds)
                + (t.asBooked == nil ? "" : String(format: " (longest overnight re-optimisation %.1f s)", time.longestReoptimisationSeconds)))
        }
    }
}

/// A one-line progress bar on standard error (a TTY), or a line per tenth otherwise.
final class ProgressBar {
    let title: String
    let interactive = isatty(2) != 0
    var lastTenth = -1

    init(title: String) { self.title = title }

    func show(_ done: Int, of total: Int) {
        let width = 30
        let filled = total > 0 ? done * width / total : width
        if interactive {
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(title) [\(bar)] day \(done)/\(total)".utf8))
        } else if total > 0, done * 10 / total > lastTenth {
            lastTenth = done * 10 / total
            FileHandle.standardError.write(Data("\(title): day \(done)/\(total)\n".utf8))
        }
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
