//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import RideDispatch
import TestSupport
import Testing

/// A schedule begins each pickup at its target (the agreed time) when the route leaves room,
/// and never breaks a constraint for it.
@Suite struct AgreedTimeScheduleTests {
    /// Depot at 0; request 1 from (10,0) to (20,0), window 0…100 and target 50.
    static func instance(target: Double?, dropLatest: Double = 200) -> DARPInstance {
        let nodes = [
            DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 200),
            DARPInstance.Node(x: 10, y: 0, service: 1, load: 1, earliest: 0, latest: 100, target: target),
            DARPInstance.Node(x: 20, y: 0, service: 1, load: -1, earliest: 0, latest: dropLatest),
        ]
        return DARPInstance(name: "hand", vehicles: 1, capacity: 2, maxRouteDuration: 200, maxRideTime: 30, nodes: nodes)
    }

    @Test func aPickupBeginsAtItsTargetWhenTheRouteAllows() throws {
        let early = try #require(RouteEvaluator(instance: Self.instance(target: nil)).evaluate([1, 2]))
        #expect(early.begins == [10, 21], "without a target: as soon as the vehicle is there")
        let agreed = try #require(RouteEvaluator(instance: Self.instance(target: 50)).evaluate([1, 2]))
        #expect(agreed.begins == [50, 61])
        #expect(agreed.cost == early.cost, "the time of service does not change the distance")
    }

    @Test func aLaterWindowLimitsTheDelay() throws {
        // The drop-off must begin by 40: the pickup can wait until 29 (29 + 1 + 10), not 50.
        let schedule = try #require(RouteEvaluator(instance: Self.instance(target: 50, dropLatest: 40)).evaluate([1, 2]))
        #expect(abs(schedule.begins[0] - 29) < 1e-9)
        #expect(abs(schedule.begins[1] - 40) < 1e-9)
    }

    @Test func feasibilityDoesNotDependOnTargets() {
        let instance = Self.instance(target: 50)
        #expect(RouteEvaluator(instance: instance).isFeasible([1, 2]))
        #expect(RouteEvaluator(instance: instance).evaluate([1, 2], keepSchedule: false)?.begins == [])
    }

    /// On seeded random instances with a target in every pickup window: the solver's routes,
    /// scheduled with targets, keep every constraint (checked on the times themselves), only
    /// ever begin a pickup later than without targets, and bring pickups to their targets.
    @Test(arguments: 0 ..< 20)
    func targetSchedulesKeepEveryConstraint(seed: Int) {
        let plain = SolverPropertyTests.randomInstance(seed: UInt64(seed), requests: 12, vehicles: 3)
        var targeted = plain
        var rng = SeededGenerator(seed: UInt64(seed) &+ 99)
        let n = plain.requestCount
        for k in 1 ... n {
            let node = plain.nodes[k]
            targeted.nodes[k].target = Double.random(in: node.earliest ... min(node.latest, node.earliest + 60), using: &rng)
        }
        var solver = DARPSolver(instance: plain, seed: UInt64(seed))
        let solution = solver.solve(timeLimit: 5, iterations: 100)
        var atTarget = 0, pickups = 0
        for route in solution.routes where !route.isEmpty {
            guard let without = RouteEvaluator(instance: plain).evaluate(route),
                let with = RouteEvaluator(instance: targeted).evaluate(route)
            else {
                Issue.record("seed \(seed): a route of the solution does not evaluate")
                continue
            }
            #expect(with.cost == without.cost)
            let stops = [0] + route + [0]
            let begins = [with.start] + with.begins + [with.end]
            for p in 1 ..< stops.count {
                let (a, b) = (stops[p - 1], stops[p])
                let leave = begins[p - 1] + (p == 1 ? 0 : plain.nodes[a].service)
                #expect(begins[p] + 1e-9 >= leave + plain.time(a, b), "seed \(seed): travel \(a)→\(b)")
                if p < stops.count - 1 {
                    #expect(begins[p] + 1e-9 >= plain.nodes[b].earliest && begins[p] <= plain.nodes[b].latest + 1e-9, "seed \(seed): window of \(b)")
                }
            }
            #expect(with.end - with.start <= plain.maxRouteDuration + 1e-9)
            for (p, node) in route.enumerated() where node <= n {
                pickups += 1
                let drop = route.firstIndex(of: node + n)!
                #expect(with.begins[drop] - with.begins[p] - plain.nodes[node].service <= plain.maxRide(node) + 1e-9, "seed \(seed): ride of \(node)")
                #expect(with.begins[p] + 1e-9 >= without.begins[p], "seed \(seed): pickup \(node) moved earlier")
                if abs(with.begins[p] - targeted.nodes[node].target!) < 1e-6 { atTarget += 1 }
            }
        }
        #expect(pickups == 0 || atTarget > 0, "seed \(seed): no pickup reached its target")
    }
}
