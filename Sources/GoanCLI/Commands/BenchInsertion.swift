//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import ArgumentParser
import Foundation
import RideDispatch

extension GoanCommand {
    /// Times the insertion check on a seeded random day (a benchmark: prints, never fails).
    struct BenchInsertion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-insertion", abstract: "Benchmark: the insertion check on a day of N rides.", shouldDisplay: false)

        @Option(help: "Rides already planned that day.")
        var rides: Int = 500

        @Option(help: "Vehicles.")
        var vehicles: Int = 30

        @Option(help: "New rides to check.")
        var checks: Int = 200

        @Option(help: "Seed.")
        var seed: UInt64 = 1

        func run() throws {
            var rng = SeededGenerator(seed: seed)
            func node(_ load: Int, _ window: ClosedRange<Double>?) -> DARPInstance.Node {
                DARPInstance.Node(
                    x: Double.random(in: -20 ... 20, using: &rng), y: Double.random(in: -20 ... 20, using: &rng), service: 2,
                    load: load, earliest: window?.lowerBound ?? 0, latest: window?.upperBound ?? 1440)
            }
            var pickups: [DARPInstance.Node] = [], drops: [DARPInstance.Node] = []
            for _ in 0 ..< rides {
                let start = Double.random(in: 360 ... 1320, using: &rng)
                pickups.append(node(1, start ... start + 30))
                drops.append(node(-1, nil))
            }
            let instance = DARPInstance(
                name: "day", vehicles: vehicles, capacity: 6, maxRouteDuration: 1440, maxRideTime: 60,
                nodes: [DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 1440)] + pickups + drops)
            let clock = ContinuousClock()
            let start = clock.now
            var solver = DARPSolver(instance: instance, seed: seed)
            let plan = solver.solve(timeLimit: 60, iterations: 0)  // construction only
            let built = clock.now - start
            let check = InsertionCheck(instance: instance, plan: plan)
            var millis: [Double] = []
            var accepted = 0
            for _ in 0 ..< checks {
                let t = Double.random(in: 360 ... 1320, using: &rng)
                let pickup = node(1, t ... t + 30), drop = node(-1, nil)
                let begin = clock.now
                if check.check(pickup: pickup, dropOff: drop) != nil { accepted += 1 }
                let elapsed = clock.now - begin
                millis.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            millis.sort()
            let median = millis[millis.count / 2], p95 = millis[min(millis.count - 1, Int(Double(millis.count) * 0.95))]
            print("day: \(rides) rides on \(vehicles) vehicles, \(plan.unassigned.count) unassigned, plan built in \(built)")
            print(String(format: "insertion check: %d checks, %d accepted, median_ms=%.2f p95_ms=%.2f (goal: well under 10 ms)", checks, accepted, median, p95))
        }
    }
}
