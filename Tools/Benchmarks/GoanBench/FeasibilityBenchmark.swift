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

/// Insertion tests per second on Cordeau instances, three ways on the same insertions: the
/// eight steps of Cordeau & Laporte, the least schedule (the exact evaluation of each new
/// route), and the route's closure (`RouteClosure`: built once per route, then constant time
/// per test; its building is timed with it). The routes are those the search finds in
/// `--iterations` iterations (seed 1); every request of the instance is tried at every pair of
/// positions of every other route.
struct FeasibilityBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feasibility", abstract: "Insertion tests per second: eight steps, least schedule, route closure.")

    @Argument(help: "Cordeau instance files.")
    var instances: [String]

    @Option(help: "Search iterations that make the routes.")
    var iterations = 2000

    @Option(help: "Times each way runs over all insertions (the best run counts).")
    var repeats = 3

    func run() throws {
        print("instance tests eight_steps_per_s least_schedule_per_s closure_per_s closure_vs_least disagreements")
        for path in instances {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let instance = try CordeauReader.parse(try String(contentsOfFile: path, encoding: .utf8), name: name)
            var solver = DARPSolver(instance: instance, seed: 1)
            let routes = solver.solve(timeLimit: 3600, iterations: iterations).routes.filter { !$0.isEmpty }
            let n = instance.requestCount
            // Every insertion of a request not in the route: (route index, request, pickup gap, drop-off gap, new route).
            var insertions: [(Int, Int, Int, Int, [Int])] = []
            for (index, route) in routes.enumerated() {
                for request in 1 ... n where !route.contains(request) {
                    for i in 0 ... route.count {
                        for j in i ... route.count {
                            var candidate = route
                            candidate.insert(instance.dropOff(of: request), at: j)
                            candidate.insert(request, at: i)
                            insertions.append((index, request, i, j, candidate))
                        }
                    }
                }
            }
            let evaluator = RouteEvaluator(instance: instance)
            let clock = ContinuousClock()
            func best(_ body: () -> Int) -> (seconds: Double, feasible: Int) {
                var fastest = Double.infinity, feasible = 0
                for _ in 0 ..< repeats {
                    let start = clock.now
                    feasible = body()
                    fastest = min(fastest, milliseconds(clock.now - start) / 1000)
                }
                return (fastest, feasible)
            }
            let eight = best { insertions.reduce(0) { $0 + (evaluator.acceptedByEightSteps($1.4) ? 1 : 0) } }
            let least = best { insertions.reduce(0) { $0 + (evaluator.isFeasible($1.4) ? 1 : 0) } }
            /// Each insertion in turn, with the closure of its route built when the route changes.
            func byClosure(_ answer: (Bool?, [Int]) -> Void) {
                var current = -1
                var closure: RouteClosure?
                for (index, request, i, j, candidate) in insertions {
                    if index != current {
                        current = index
                        closure = RouteClosure(routes[index], vehicle: 0, instance: instance)
                    }
                    answer(closure?.admits(request, pickupGap: i, dropGap: j), candidate)
                }
            }
            // Untimed: where the closure and the least schedule disagree (none, if it is exact).
            var disagreements = 0
            byClosure { admitted, candidate in
                if (admitted ?? evaluator.isFeasible(candidate)) != evaluator.isFeasible(candidate) { disagreements += 1 }
            }
            let closure = best {
                var feasible = 0
                byClosure { admitted, _ in if admitted ?? false { feasible += 1 } }
                return feasible
            }
            precondition(disagreements == 0 && closure.feasible == least.feasible, "the closure and the least schedule disagree")
            let count = Double(insertions.count)
            print(String(
                format: "%@ %d %.0f %.0f %.0f %.2f %d", name, insertions.count, count / eight.seconds, count / least.seconds,
                count / closure.seconds, least.seconds / closure.seconds, disagreements))
        }
    }
}
