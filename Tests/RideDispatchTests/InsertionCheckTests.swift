//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import RideDispatch
import Testing

/// The insertion check the planner and bookings ask: can a new ride still be taken?
@Suite struct InsertionCheckTests {
    @Test(arguments: 0 ..< 10)
    func anAcceptedRideFitsFeasiblyAndCostsWhatItSays(seed: Int) {
        let instance = SolverPropertyTests.randomInstance(seed: UInt64(seed), requests: 14, vehicles: 3)
        var solver = DARPSolver(instance: instance, seed: 1)
        let plan = solver.solve(timeLimit: 5, iterations: 50)
        let check = InsertionCheck(instance: instance, plan: plan)
        let pickup = DARPInstance.Node(x: 2, y: 2, service: 3, load: 1, earliest: 200, latest: 215)
        let drop = DARPInstance.Node(x: -3, y: 4, service: 3, load: -1, earliest: 0, latest: 600)
        let (extended, remap) = instance.appending(pickup: pickup, dropOff: drop)
        guard let answer = check.check(pickup: pickup, dropOff: drop) else {
            // Refused: no position in any route passes the exact test either (the check may be
            // conservative, never optimistic; here we require it to find any fit that exists
            // among the orders the eight-step evaluation accepts).
            let evaluator = RouteEvaluator(instance: extended)
            for route in plan.routes.map({ $0.map(remap) }) {
                let p = extended.requestCount, d = extended.dropOff(of: p)
                for i in 0 ... route.count {
                    for j in i ... route.count {
                        var candidate = route
                        candidate.insert(d, at: j)
                        candidate.insert(p, at: i)
                        #expect(evaluator.evaluate(candidate) == nil, "a feasible insertion was missed: \(candidate)")
                    }
                }
            }
            return
        }
        #expect(ExactChecker.isFeasible(answer.route, extended))
        let evaluator = RouteEvaluator(instance: extended)
        let before = evaluator.cost(plan.routes[answer.vehicle].map(remap))
        #expect(abs(evaluator.cost(answer.route) - before - answer.extraCost) < 1e-6)
    }

    @Test func aRideNoVehicleCanReachInTimeIsRefused() {
        let instance = SolverPropertyTests.randomInstance(seed: 3, requests: 10, vehicles: 2)
        var solver = DARPSolver(instance: instance, seed: 1)
        let plan = solver.solve(timeLimit: 5, iterations: 30)
        // Pickup 1000 units away with a window closing at 5: unreachable.
        let pickup = DARPInstance.Node(x: 1000, y: 0, service: 3, load: 1, earliest: 0, latest: 5)
        let drop = DARPInstance.Node(x: 0, y: 0, service: 3, load: -1, earliest: 0, latest: 600)
        #expect(InsertionCheck(instance: instance, plan: plan).check(pickup: pickup, dropOff: drop) == nil)
    }

    @Test func renumberingKeepsTheOldRequestsApart() {
        let instance = SolverPropertyTests.randomInstance(seed: 5, requests: 6, vehicles: 2)
        let (extended, remap) = instance.appending(
            pickup: .init(x: 1, y: 1, service: 3, load: 1, earliest: 0, latest: 600),
            dropOff: .init(x: 2, y: 2, service: 3, load: -1, earliest: 0, latest: 600))
        #expect(extended.requestCount == 7)
        for pickup in 1 ... 6 {
            #expect(remap(pickup) == pickup)
            #expect(remap(instance.dropOff(of: pickup)) == extended.dropOff(of: pickup))
            #expect(extended.nodes[extended.dropOff(of: pickup)] == instance.nodes[instance.dropOff(of: pickup)])
        }
        #expect(abs(extended.time(remap(3), remap(9)) - instance.time(3, 9)) < 1e-12)
    }
}

/// Requests no vehicle can take get a reason, never a silent drop.
@Suite struct UnassignableTests {
    static func instance(_ pickup: DARPInstance.Node, _ drop: DARPInstance.Node, capacity: Int = 3) -> DARPInstance {
        DARPInstance(
            name: "bad", vehicles: 1, capacity: capacity, maxRouteDuration: 100, maxRideTime: 30,
            nodes: [DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 200), pickup, drop])
    }

    @Test func impossibleRequestsAreReportedWithTheirReason() {
        let far = Self.instance(.init(x: 100, y: 0, service: 3, load: 1, earliest: 0, latest: 10), .init(x: 0, y: 0, service: 3, load: -1, earliest: 0, latest: 200))
        #expect(far.reason(unassigned: 1) == .pickupUnreachable)
        let crowded = Self.instance(.init(x: 1, y: 0, service: 3, load: 5, earliest: 0, latest: 100), .init(x: 2, y: 0, service: 3, load: -5, earliest: 0, latest: 200))
        #expect(crowded.reason(unassigned: 1) == .tooManyPassengers(seats: 5, capacity: 3))
        let longRide = Self.instance(.init(x: 1, y: 0, service: 3, load: 1, earliest: 0, latest: 100), .init(x: 45, y: 0, service: 3, load: -1, earliest: 0, latest: 200))
        #expect(longRide.reason(unassigned: 1) == .directRideImpossible)
        let fine = Self.instance(.init(x: 1, y: 0, service: 3, load: 1, earliest: 0, latest: 100), .init(x: 5, y: 0, service: 3, load: -1, earliest: 0, latest: 200))
        #expect(fine.reason(unassigned: 1) == .noRoomNextToOtherRides)
        // The solver leaves the impossible ones out and keeps going.
        for instance in [far, crowded, longRide] {
            var solver = DARPSolver(instance: instance, seed: 1)
            let solution = solver.solve(timeLimit: 2, iterations: 20)
            #expect(solution.unassigned == [1])
            #expect(solution.routes.allSatisfy { $0.isEmpty })
        }
    }
}
