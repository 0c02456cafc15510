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

/// The insertion's quick rejections (`RouteRoom`: seats, wheelchair places, ride-time room) are
/// necessary conditions: every insertion the independent exact checker finds feasible passes
/// them. So the search, which evaluates only what passes, chooses what it chose without them.
@Suite struct RouteRoomTests {
    /// Every way to put each request of a solved route back into that route without it: the
    /// ones the exact checker accepts all pass the room test; some of the others fail it.
    @Test(arguments: 0 ..< 12)
    func everyFeasibleInsertionPassesTheRoomTest(seed: Int) {
        let instance = SolverPropertyTests.randomInstance(seed: UInt64(seed) &+ 500, requests: 14, vehicles: 2)
        var solver = DARPSolver(instance: instance, seed: UInt64(seed))
        let solution = solver.solve(timeLimit: 5, iterations: 60)
        let n = instance.requestCount
        var feasible = 0, rejected = 0
        for route in solution.routes {
            for request in route where request <= n {
                let drop = request + n
                let rest = route.filter { $0 != request && $0 != drop }
                let room = RouteRoom(rest, instance: instance)
                let m = rest.count
                func node(_ p: Int) -> Int { p < 0 || p >= m ? 0 : rest[p] }
                for i in 0 ... m {
                    for j in i ... m {
                        var candidate = rest
                        candidate.insert(drop, at: j)
                        candidate.insert(request, at: i)
                        let a = node(i - 1), b = node(i)
                        let nodes = instance.nodes
                        var passes: Bool
                        let seats = room.seats[i ... j].max()! + nodes[request].load
                        passes = seats <= instance.capacity
                        if i == j {
                            let detour = instance.time(a, request) + nodes[request].service + instance.time(request, drop)
                                + nodes[drop].service + instance.time(drop, b) - instance.time(a, b)
                            passes = passes && detour <= room.rideSlack[i] + 1e-6
                        } else {
                            let pickupDetour = instance.time(a, request) + nodes[request].service + instance.time(request, b) - instance.time(a, b)
                            let c = node(j - 1), e = node(j)
                            let dropDetour = instance.time(c, drop) + nodes[drop].service + instance.time(drop, e) - instance.time(c, e)
                            passes = passes && pickupDetour <= room.rideSlack[i] + 1e-6 && dropDetour <= room.rideSlack[j] + 1e-6
                        }
                        if ExactChecker.isFeasible(candidate, instance) {
                            feasible += 1
                            #expect(passes, "seed \(seed): \(candidate) is feasible but fails the room test")
                        } else if !passes {
                            rejected += 1
                        }
                    }
                }
            }
        }
        #expect(feasible > 0, "seed \(seed): some insertion is feasible (at least the one taken out)")
        #expect(rejected > 0, "seed \(seed): the room test rejects some infeasible insertion")
    }
}
