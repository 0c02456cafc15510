//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
@testable import RideDispatch
import Testing

/// With a ride-time weight, a route costs its driving plus the passengers' minutes on board
/// along its path; the insertion's cost is exactly the change of that cost.
@Suite struct RideTimeCostTests {
    @Test func aRouteCostsItsDrivingAndItsPassengersMinutes() throws {
        var instance = RouteEvaluatorTests.instance()
        let driving = RouteEvaluator(instance: instance).cost([1, 2, 3, 4])
        instance.rideTimeWeight = 2
        // 0 → (10,0) → (10,5) → (20,0) → (30,0) → 0; service 1. Request 1 rides from the end of
        // its pickup (11) over (10,5) (5, serve 1) to (20,0) (√125): 5 + 1 + √125.
        // Request 2 rides from 17 over (20,0) (serve 1) to (30,0): √125 + 1 + 10.
        let ride1 = 5 + 1 + 125.0.squareRoot(), ride2 = 125.0.squareRoot() + 1 + 10
        let weighted = RouteEvaluator(instance: instance).cost([1, 2, 3, 4])
        #expect(abs(weighted - (driving + 2 * (ride1 + ride2))) < 1e-9)
        #expect(RouteEvaluator(instance: instance).cost([]) == 0)
    }

    /// For every request of seeded solved routes: the cost the insertion reports for putting it
    /// back is the weighted cost of the new route minus that of the route without it.
    @Test(arguments: 0 ..< 10)
    func theInsertionCostIsTheChangeOfTheRouteCost(seed: Int) {
        var instance = SolverPropertyTests.randomInstance(seed: UInt64(seed) &+ 900, requests: 14, vehicles: 2)
        instance.rideTimeWeight = 0.7
        var solver = DARPSolver(instance: instance, seed: UInt64(seed))
        let solution = solver.solve(timeLimit: 5, iterations: 60)
        let evaluator = RouteEvaluator(instance: instance)
        var checked = 0
        for (vehicle, route) in solution.routes.enumerated() {
            for request in route where request <= instance.requestCount {
                let rest = route.filter { $0 != request && $0 != request + instance.requestCount }
                guard let (delta, newRoute) = solver.bestInsertion(of: request, into: rest, vehicle: vehicle, noise: false) else {
                    Issue.record("seed \(seed): request \(request) no longer fits the route it came from")
                    continue
                }
                #expect(abs(delta - (evaluator.cost(newRoute, vehicle: vehicle) - evaluator.cost(rest, vehicle: vehicle))) < 1e-6,
                        "seed \(seed): request \(request) into \(rest)")
                checked += 1
            }
        }
        #expect(checked > 0)
        // And the solution's cost is its routes' weighted cost.
        let total = solution.routes.enumerated().reduce(0) { $0 + evaluator.cost($1.element, vehicle: $1.offset) }
        #expect(abs(solution.cost - total) < 1e-6)
    }
}
