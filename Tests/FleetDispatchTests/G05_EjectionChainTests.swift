//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import FleetDispatch
import RideDispatch
import Testing

/// G05: a ride the overnight search left over is placed by moving another ride out of its way
/// (an ejection chain), or by giving its vehicle the route as booked back.
///
/// Three one-seat rides on a line (minutes = distance, no boarding time, depot at 0):
/// R1 picks up at 3 between 5 and 8 and goes to 5; R2 at 1 between 3 and 4, to 3; R3 at 1
/// between 1 and 2, to 21. R3 shares a vehicle with neither R1 nor R2 (it is on board until
/// 21), but R1 follows R2 (R2 ends at 3 at minute 5, where R1 starts). Vehicle 0 drives R1,
/// vehicle 1 drives R2, R3 is left over: no route takes it as it is.
@Suite struct G05_EjectionChainTests {
    static let instance: DARPInstance = {
        func node(_ x: Double, _ load: Int, _ earliest: Double, _ latest: Double) -> DARPInstance.Node {
            .init(x: x, y: 0, service: 0, load: load, earliest: earliest, latest: latest)
        }
        let nodes = [
            node(0, 0, 0, 100),
            node(3, 1, 5, 8), node(1, 1, 3, 4), node(1, 1, 1, 2),  // pickups R1, R2, R3
            node(5, -1, 0, 100), node(3, -1, 0, 100), node(21, -1, 0, 100),  // drop-offs
        ]
        return DARPInstance(name: "ejection", vehicles: 2, capacity: 1, maxRouteDuration: 100, maxRideTime: 100, nodes: nodes)
    }()

    static let leftOver = DARPSolution(routes: [[1, 4], [2, 5]], unassigned: [3], cost: 0)

    static func served(_ solution: DARPSolution) -> [Int] { solution.routes.joined().filter { $0 <= 3 }.sorted() }

    @Test func theLeftOverRideFitsNoRouteAsItIs() {
        var solver = DARPSolver(instance: Self.instance, seed: 1)
        var solution = Self.leftOver
        #expect(solver.reinsert(3, into: &solution, excluding: []) == nil)
    }

    @Test func aChainMovesTheRideInItsWayToAnotherRoute() {
        var solver = DARPSolver(instance: Self.instance, seed: 1)
        var solution = Self.leftOver
        var budget = 100
        #expect(DayDispatcher.placeByEjection(3, into: &solution, solver: &solver, depth: 1, avoiding: [], budget: &budget))
        #expect(solution.unassigned.isEmpty)
        #expect(Self.served(solution) == [1, 2, 3], "every ride once: \(solution.routes)")
        #expect(solution.routes[0] == [3, 6], "R3 takes R1's vehicle")
        #expect(Set(solution.routes[1]) == [1, 2, 4, 5], "R1 follows R2")
        let evaluator = RouteEvaluator(instance: Self.instance)
        for (vehicle, route) in solution.routes.enumerated() { #expect(evaluator.isFeasible(route, vehicle: vehicle), "\(route)") }
        #expect(budget < 100)
    }

    @Test func noChainWhenTheRouteItMustUseIsAvoidedOrTheBudgetIsSpent() {
        var solver = DARPSolver(instance: Self.instance, seed: 1)
        var solution = Self.leftOver
        var budget = 100
        #expect(!DayDispatcher.placeByEjection(3, into: &solution, solver: &solver, depth: 3, avoiding: [0], budget: &budget))
        var none = 0
        #expect(!DayDispatcher.placeByEjection(3, into: &solution, solver: &solver, depth: 3, avoiding: [], budget: &none))
        #expect(solution.routes == Self.leftOver.routes && solution.unassigned == [3], "a failed chain changes nothing")
    }

    @Test func theBookedRouteComesBackAndItsRidesLeaveTheRoutesTheyWereIn() {
        var solver = DARPSolver(instance: Self.instance, seed: 1)
        // As booked, vehicle 0 drove R3 and vehicle 1 R2 then R1.
        let booked = DARPSolution(routes: [[3, 6], [2, 5, 1, 4]], unassigned: [], cost: 0)
        var solution = Self.leftOver
        #expect(DayDispatcher.restoreBookedRoute(of: 3, booked: booked, into: &solution, solver: &solver))
        #expect(solution.routes[0] == [3, 6])
        #expect(Self.served(solution) == [1, 2, 3] && solution.unassigned.isEmpty, "\(solution)")
        // Nothing can take R1 when vehicle 1 is full all day: the restore fails and changes nothing.
        var blocked = DARPSolution(routes: [[1, 4], []], unassigned: [3, 2], cost: 0)
        let before = blocked
        let onlyR3 = DARPSolution(routes: [[3, 6], []], unassigned: [], cost: 0)
        var narrow = DARPSolver(instance: Self.withoutSecondVehicle, seed: 1)
        #expect(!DayDispatcher.restoreBookedRoute(of: 3, booked: onlyR3, into: &blocked, solver: &narrow))
        #expect(blocked.routes == before.routes && blocked.unassigned == before.unassigned)
    }

    /// The same rides with vehicle 1 gone by minute 0 (its route duration is 0).
    static var withoutSecondVehicle: DARPInstance {
        var instance = DARPInstance(
            name: "ejection, one vehicle", requests: 3, nodes: Self.instance.nodes + [Self.instance.nodes[0], Self.instance.nodes[0]],
            travel: [], fleet: [
                .init(name: "0", depot: 7, start: 0, end: 100, seats: 1, wheelchairPlaces: 0),
                .init(name: "1", depot: 8, start: 0, end: 0, seats: 1, wheelchairPlaces: 0),
            ], maxRide: [0, 100, 100, 100], kinds: [0, 0, 0, 0])
        instance.longestTravel = 100
        instance.travelTime = { @Sendable i, j in abs(Self.instance.nodes[i < 7 ? i : 0].x - Self.instance.nodes[j < 7 ? j : 0].x) }
        return instance
    }
}
