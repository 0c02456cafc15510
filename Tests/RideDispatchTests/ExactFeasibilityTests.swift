//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
@testable import RideDispatch
import Domain
import TestSupport
import Testing

/// The search's feasibility test (the least schedule) against the independent Bellman–Ford
/// checker and against the eight steps, on thousands of random routes.
@Suite struct ExactFeasibilityTests {
    /// `n` requests on a 20 × 20 square: pickups open at a random minute of the first hour for
    /// 30 minutes, drop-offs within the next hour; one minute of service; the ride limit and the
    /// route duration tight enough that both bind.
    static func randomInstance(seed: UInt64, requests n: Int = 12) -> DARPInstance {
        var rng = SeededGenerator(seed: seed)
        var nodes = [DARPInstance.Node(x: 10, y: 10, service: 0, load: 0, earliest: 0, latest: 240)]
        var drops: [DARPInstance.Node] = []
        for _ in 0 ..< n {
            let open = Double(Int.random(in: 0 ... 60, using: &rng))
            nodes.append(DARPInstance.Node(x: Double.random(in: 0 ... 20, using: &rng), y: Double.random(in: 0 ... 20, using: &rng), service: 1, load: 1, earliest: open, latest: open + 30))
            drops.append(DARPInstance.Node(x: Double.random(in: 0 ... 20, using: &rng), y: Double.random(in: 0 ... 20, using: &rng), service: 1, load: -1, earliest: 0, latest: open + 60))
        }
        let ride = [16.0, 22, 30, 45][Int(seed % 4)]
        let duration = [60.0, 90, 150][Int(seed % 3)]
        return DARPInstance(name: "random-\(seed)", vehicles: 1, capacity: 3, maxRouteDuration: duration, maxRideTime: ride, nodes: nodes + drops)
    }

    /// A random route of 2–4 of `requests`: pickups before their drop-offs, otherwise in any order.
    static func randomRoute(of requests: [Int], _ instance: DARPInstance, using rng: inout SeededGenerator) -> [Int] {
        let n = instance.requestCount
        var pending = Array(requests.shuffled(using: &rng).prefix(Int.random(in: 2 ... 4, using: &rng)))
        var onBoard: [Int] = [], route: [Int] = []
        while !pending.isEmpty || !onBoard.isEmpty {
            if !pending.isEmpty, onBoard.isEmpty || Bool.random(using: &rng) {
                let r = pending.removeLast()
                route.append(r)
                onBoard.append(r)
            } else {
                route.append(onBoard.remove(at: Int.random(in: 0 ..< onBoard.count, using: &rng)) + n)
            }
        }
        return route
    }

    /// Whether `schedule` keeps every constraint of `route` (checked from the begins alone).
    static func keepsEveryConstraint(_ schedule: RouteEvaluator.Schedule, _ route: [Int], _ instance: DARPInstance) -> Bool {
        let nodes = instance.nodes, n = instance.requestCount
        var previous = 0, leave = schedule.start
        for (k, node) in route.enumerated() {
            let b = schedule.begins[k]
            if b + 1e-6 < leave + instance.time(previous, node) || b + 1e-6 < nodes[node].earliest || b > nodes[node].latest + 1e-6 { return false }
            if node > n, let p = route.firstIndex(of: node - n), b - (schedule.begins[p] + nodes[node - n].service) > instance.maxRideTime + 1e-6 { return false }
            leave = b + nodes[node].service
            previous = node
        }
        return schedule.end - schedule.start <= instance.maxRouteDuration + 1e-6 && schedule.end <= nodes[0].latest + 1e-6
    }

    @Test(arguments: 0 ..< 12 as Range<UInt64>)
    func theSearchsTestIsExact(seed: UInt64) {
        let instance = Self.randomInstance(seed: seed)
        let evaluator = RouteEvaluator(instance: instance)
        var rng = SeededGenerator(seed: 1000 + seed)
        let byOpening = (1 ... instance.requestCount).sorted { instance.nodes[$0].earliest < instance.nodes[$1].earliest }
        var feasible = 0, infeasible = 0, onlyExact = 0
        for _ in 0 ..< 500 {
            // Requests that open close together, which the windows do not rule out at once.
            let start = Int.random(in: 0 ... byOpening.count - 5, using: &rng)
            let route = Self.randomRoute(of: Array(byOpening[start ..< start + 5]), instance, using: &rng)
            let exact = evaluator.isFeasible(route)
            #expect(exact == ExactChecker.isFeasible(route, instance), "\(route)")
            let eight = evaluator.acceptedByEightSteps(route)
            // The eight steps never accept what has no schedule; they may miss one that has.
            #expect(!eight || exact, "\(route)")
            if exact && !eight { onlyExact += 1 }
            // A schedule asked for exists exactly when the test says so, and keeps every constraint.
            let schedule = evaluator.evaluate(route)
            #expect((schedule != nil) == exact, "\(route)")
            if let schedule { #expect(Self.keepsEveryConstraint(schedule, route, instance), "\(route): \(schedule.begins)") }
            if exact { feasible += 1 } else { infeasible += 1 }
        }
        // Both answers occur often enough for the comparison to mean something.
        #expect(feasible >= 10 && infeasible >= 10, "feasible \(feasible), infeasible \(infeasible), only exact \(onlyExact)")
    }

    /// On the Cordeau instances: routes of consecutive requests (by pickup time), which the
    /// windows do not rule out at once.
    @Test(.enabled(if: SharedData.has("darp/cordeau2006_a"), "needs ../shared/data/darp"), arguments: ["a2-16", "a3-24", "a4-40", "a5-60", "a8-96"])
    func theSearchsTestIsExactOnCordeauInstances(name: String) throws {
        let text = try String(contentsOfFile: SharedData.path("darp/cordeau2006_a/\(name).txt"), encoding: .utf8)
        let instance = try CordeauReader.parse(text, name: "\(name).txt")
        let evaluator = RouteEvaluator(instance: instance)
        let n = instance.requestCount
        let byTime = (1 ... n).sorted { instance.nodes[$0].earliest + instance.nodes[$0 + n].earliest < instance.nodes[$1].earliest + instance.nodes[$1 + n].earliest }
        var rng = SeededGenerator(seed: 7)
        var feasible = 0, infeasible = 0
        for _ in 0 ..< 1000 {
            let start = Int.random(in: 0 ... n - 5, using: &rng)
            let route = Self.randomRoute(of: Array(byTime[start ..< start + 5]), instance, using: &rng)
            let exact = evaluator.isFeasible(route)
            #expect(exact == ExactChecker.isFeasible(route, instance), "\(name) \(route)")
            #expect(!evaluator.acceptedByEightSteps(route) || exact, "\(name) \(route)")
            if exact { feasible += 1 } else { infeasible += 1 }
        }
        #expect(feasible >= 50 && infeasible >= 50, "feasible \(feasible), infeasible \(infeasible)")
    }
}
