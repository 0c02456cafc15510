//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
@testable import RideDispatch
import TestSupport
import Testing

/// The constant-time insertion test (`RouteClosure`) answers exactly what evaluating the new
/// route answers (the least schedule), what the independent Bellman–Ford checker answers, and
/// never refuses what the eight steps accept: on every insertion of a request into thousands of
/// random routes, and in the search, which chooses the same routes with it as without it.
@Suite struct RouteClosureTests {
    /// Every gap pair for `request` in `route`: (pickup gap, drop-off gap, the new route).
    static func insertions(of request: Int, into route: [Int], _ instance: DARPInstance) -> [(Int, Int, [Int])] {
        var result: [(Int, Int, [Int])] = []
        for i in 0 ... route.count {
            for j in i ... route.count {
                var candidate = route
                candidate.insert(instance.dropOff(of: request), at: j)
                candidate.insert(request, at: i)
                result.append((i, j, candidate))
            }
        }
        return result
    }

    static func fitsTheSeats(_ route: [Int], _ instance: DARPInstance) -> Bool {
        var load = 0
        for node in route {
            load += instance.nodes[node].load
            if load > instance.capacity { return false }
        }
        return true
    }

    /// Compares every insertion of a request near in time into feasible random routes; returns
    /// (feasible, infeasible) insertions seen.
    static func compare(_ instance: DARPInstance, routes: Int, seed: UInt64, checker: Bool = true) -> (Int, Int) {
        let evaluator = RouteEvaluator(instance: instance)
        var rng = SeededGenerator(seed: seed)
        let n = instance.requestCount
        let byOpening = (1 ... n).sorted { instance.nodes[$0].earliest + instance.nodes[$0 + n].earliest < instance.nodes[$1].earliest + instance.nodes[$1 + n].earliest }
        var feasible = 0, infeasible = 0, built = 0
        while built < routes {
            let start = Int.random(in: 0 ... n - 6, using: &rng)
            let near = Array(byOpening[start ..< start + 6])
            let route = ExactFeasibilityTests.randomRoute(of: Array(near.dropLast()), instance, using: &rng)
            guard evaluator.isFeasible(route), let closure = RouteClosure(route, vehicle: 0, instance: instance) else {
                // A route without a schedule has no closure either.
                #expect(RouteClosure(route, vehicle: 0, instance: instance) == nil || evaluator.isFeasible(route), "\(route)")
                continue
            }
            built += 1
            let request = near.last!
            for (i, j, candidate) in insertions(of: request, into: route, instance) {
                guard let admitted = closure.admits(request, pickupGap: i, dropGap: j) else {
                    Issue.record("the Euclidean instance keeps the triangle inequality: \(candidate)")
                    continue
                }
                // Seats are not the closure's business (the insertion checks them first).
                let answer = admitted && fitsTheSeats(candidate, instance)
                let exact = evaluator.isFeasible(candidate)
                #expect(answer == exact, "\(instance.name) \(route) + \(request) at \(i), \(j)")
                if checker { #expect(answer == ExactChecker.isFeasible(candidate, instance), "\(instance.name) \(candidate)") }
                // The eight steps never accept what the closure refuses.
                #expect(!evaluator.acceptedByEightSteps(candidate) || answer, "\(instance.name) \(candidate)")
                if answer { feasible += 1 } else { infeasible += 1 }
            }
        }
        return (feasible, infeasible)
    }

    @Test(arguments: 0 ..< 12 as Range<UInt64>)
    func answersAsTheEvaluationOnRandomRoutes(seed: UInt64) {
        let instance = ExactFeasibilityTests.randomInstance(seed: seed, requests: 14)
        let (feasible, infeasible) = Self.compare(instance, routes: 250, seed: 2000 + seed)
        // Both answers occur often enough for the comparison to mean something (about 4,000
        // insertions a seed, 58–814 of them feasible).
        #expect(feasible >= 40 && infeasible >= 1000, "feasible \(feasible), infeasible \(infeasible)")
    }

    @Test(.enabled(if: SharedData.has("darp/cordeau2006_a"), "needs ../shared/data/darp"), arguments: ["a2-16", "a4-40", "a8-96"])
    func answersAsTheEvaluationOnCordeauRoutes(name: String) throws {
        let text = try String(contentsOfFile: SharedData.path("darp/cordeau2006_a/\(name).txt"), encoding: .utf8)
        let instance = try CordeauReader.parse(text, name: "\(name).txt")
        let (feasible, infeasible) = Self.compare(instance, routes: 400, seed: 11)
        #expect(feasible >= 100 && infeasible >= 100, "feasible \(feasible), infeasible \(infeasible)")
    }

    /// A day's fleet: depots of their own, shifts, ride-time limits per request. The Bellman–Ford
    /// checker knows only the benchmark's terms, so the evaluation is the reference here.
    @Test(arguments: 0 ..< 6 as Range<UInt64>)
    func answersAsTheEvaluationForAFleet(seed: UInt64) {
        let base = ExactFeasibilityTests.randomInstance(seed: seed, requests: 14)
        var rng = SeededGenerator(seed: 300 + seed)
        let n = base.requestCount
        var nodes = base.nodes
        nodes.append(.init(x: 3, y: 17, service: 0, load: 0, earliest: 0, latest: 300))
        let depot = nodes.count - 1
        var travel = [Double](repeating: 0, count: nodes.count * nodes.count)
        for a in nodes.indices {
            for b in nodes.indices {
                travel[a * nodes.count + b] = ((nodes[a].x - nodes[b].x) * (nodes[a].x - nodes[b].x) + (nodes[a].y - nodes[b].y) * (nodes[a].y - nodes[b].y)).squareRoot()
            }
        }
        let maxRide = (0 ... n).map { _ in Double(Int.random(in: 14 ... 40, using: &rng)) }
        // Node 0 is the benchmark's depot, unused by the fleet; the taxi's depot comes after the requests.
        let taxi = DARPInstance.Vehicle(name: "taxi", depot: depot, start: 5, end: Double(Int.random(in: 70 ... 140, using: &rng)), seats: 3, wheelchairPlaces: 0)
        let instance = DARPInstance(name: "fleet-\(seed)", requests: n, nodes: nodes, travel: travel, fleet: [taxi], maxRide: maxRide, kinds: [])
        let (feasible, infeasible) = Self.compare(instance, routes: 200, seed: 400 + seed, checker: false)
        #expect(feasible >= 50 && infeasible >= 50, "feasible \(feasible), infeasible \(infeasible)")
    }

    /// Where a detour is shorter than the drive it replaces (travel times that break the
    /// triangle inequality), the closure does not answer and the search evaluates the route.
    @Test func declinesWhereTheTriangleInequalityBreaks() {
        let nodes: [DARPInstance.Node] = [
            .init(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 500),
            .init(x: 0, y: 0, service: 0, load: 1, earliest: 0, latest: 500),
            .init(x: 0, y: 0, service: 0, load: 1, earliest: 0, latest: 500),
            .init(x: 0, y: 0, service: 0, load: -1, earliest: 0, latest: 500),
            .init(x: 0, y: 0, service: 0, load: -1, earliest: 0, latest: 500),
        ]
        // Request 1 (1 → 3) and request 2 (2 → 4); the drive 1 → 3 takes 50, through 2 only 2.
        var travel = [Double](repeating: 10, count: 25)
        for a in 0 ..< 5 { travel[a * 5 + a] = 0 }
        travel[1 * 5 + 3] = 50
        travel[1 * 5 + 2] = 1
        travel[2 * 5 + 3] = 1
        let instance = DARPInstance(name: "detour", vehicles: 1, capacity: 3, maxRouteDuration: 500, maxRideTime: 100, nodes: nodes, travel: travel)
        let closure = RouteClosure([1, 3], vehicle: 0, instance: instance)!
        #expect(closure.admits(2, pickupGap: 1, dropGap: 1) == nil)
        #expect(closure.admits(2, pickupGap: 0, dropGap: 2) == true)
    }

    /// The search chooses the same routes whether it tests insertions by the closure or by
    /// evaluating each new route: the tests agree, so every choice does.
    @Test(arguments: 0 ..< 8)
    func theSearchChoosesTheSameRoutes(seed: Int) {
        let instance = SolverPropertyTests.randomInstance(seed: UInt64(seed) &+ 900, requests: 16, vehicles: 3)
        var byClosure = DARPSolver(instance: instance, seed: UInt64(seed))
        var byEvaluation = DARPSolver(instance: instance, seed: UInt64(seed))
        byEvaluation.testsInsertionsByClosure = false
        let a = byClosure.solve(timeLimit: 60, iterations: 300)
        let b = byEvaluation.solve(timeLimit: 60, iterations: 300)
        #expect(a == b)
        #expect(byClosure.statistics.evaluations == byEvaluation.statistics.evaluations)
        // The closure answered (nearly) every test, the evaluation none.
        #expect(byClosure.statistics.closures > 0 && byClosure.statistics.routeEvaluations == 0)
        #expect(byEvaluation.statistics.routeEvaluations == byEvaluation.statistics.evaluations)
    }
}
