//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import RideDispatch

extension GoanCommand {
    /// `goan dispatch`: assign rides to vehicles (a dial-a-ride problem).
    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign rides to vehicles: solve a dial-a-ride problem.",
            discussion: """
                --cordeau FILE solves an instance of the Cordeau (2006) benchmark and writes the routes in
                the format of the independent checker ({"routes": [[…], …]}). Ends with: cost=… time_s=…
                """)

        @Option(help: "An instance in the Cordeau (2006) format.")
        var cordeau: String

        @Option(help: "Seconds to search (the best solution so far is returned).")
        var timeLimit: Double = 10

        @Option(help: "At most this many search iterations (for runs that replay exactly).")
        var iterations: Int?

        @Option(help: "Seed of the search.")
        var seed: UInt64 = 1

        @Option(help: "Where to write the routes (JSON).")
        var out: String?

        func validate() throws {
            if !(0 ... 3600).contains(timeLimit) { throw ValidationError("--time-limit must be within 0…3600 seconds") }
            if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: cordeau) else {
                throw CLIError("cannot read \(cordeau)")
            }
            let name = URL(fileURLWithPath: cordeau).deletingPathExtension().lastPathComponent
            let instance: DARPInstance
            do {
                instance = try CordeauReader.parse(String(decoding: data, as: UTF8.self), name: URL(fileURLWithPath: cordeau).lastPathComponent)
            } catch let error as CordeauReader.ParseError {
                throw CLIError(error.description)
            }
            let clock = ContinuousClock()
            let start = clock.now
            var solver = DARPSolver(instance: instance, seed: seed)
            let solution = solver.solve(timeLimit: timeLimit, iterations: iterations ?? .max)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if let out {
                do {
                    try (solution.json + "\n").write(toFile: out, atomically: true, encoding: .utf8)
                } catch {
                    throw CLIError("cannot write \(out): \(error.localizedDescription)")
                }
            }
            print("\(name): \(instance.requestCount) requests, \(instance.vehicles) vehicles")
            for (index, route) in solution.routes.enumerated() where !route.isEmpty {
                print("  vehicle \(index + 1): \(route.count / 2) requests, stops \(route.map(String.init).joined(separator: " "))")
            }
            for request in solution.unassigned.sorted() {
                print("  request \(request) is not assigned: \(instance.reason(unassigned: request))")
            }
            print("iterations=\(solver.statistics.iterations) improvements=\(solver.statistics.improvements) evaluations=\(solver.statistics.evaluations)")
            print(String(format: "cost=%.2f time_s=%.2f unassigned=%d", solution.cost, seconds, solution.unassigned.count))
        }
    }
}
