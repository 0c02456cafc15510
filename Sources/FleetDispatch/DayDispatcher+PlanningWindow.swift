//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import RideDispatch

extension DayDispatcher {
    /// The overnight re-optimisation with every pickup planned within `window` minutes of its
    /// agreed time where the day allows; the rides that fit nowhere in it keep their whole
    /// pickup window (the promise). Returns the solution and the solver of the instance whose
    /// windows it keeps, or `nil` when it would leave a ride unserved that the routes as booked
    /// served (the caller then re-optimises within the whole windows).
    ///
    /// A narrower window only removes schedules, so every promise of the booking still holds.
    func solveWithinPlanningWindow(
        _ window: Double, instance: DARPInstance, start: DARPSolution, timeLimit: Double, iterations: Int, seed: UInt64
    ) -> (solution: DARPSolution, solver: DARPSolver)? {
        let n = instance.requestCount
        let tight = Self.narrowed(instance, to: window, except: [])
        // The routes as booked, less the rides they serve outside the planning window (by the
        // booked schedule); a route still infeasible then is left to the insertion as a whole.
        let booked = RouteEvaluator(instance: instance), narrow = RouteEvaluator(instance: tight)
        var first = start
        for (vehicle, route) in start.routes.enumerated() where !route.isEmpty && !narrow.isFeasible(route, vehicle: vehicle) {
            var kept = route
            if let schedule = booked.evaluate(route, vehicle: vehicle) {
                let outside = Set(zip(route, schedule.begins).filter { node, begin in
                    node <= n && (begin < tight.nodes[node].earliest - 1e-9 || begin > tight.nodes[node].latest + 1e-9)
                }.map(\.0))
                kept = route.filter { !outside.contains($0 > n ? $0 - n : $0) }
            }
            if !narrow.isFeasible(kept, vehicle: vehicle) { kept = [] }
            first.unassigned += route.filter { $0 <= n && !kept.contains($0) }
            first.routes[vehicle] = kept
        }
        var solver = DARPSolver(instance: tight, seed: seed)
        var solution = solver.solve(timeLimit: timeLimit, iterations: iterations, start: first)
        if !solution.unassigned.isEmpty {
            // The rides that fit nowhere within the planning window get their whole window.
            solver = DARPSolver(instance: Self.narrowed(instance, to: window, except: Set(solution.unassigned)), seed: seed)
            solution = solver.solve(timeLimit: timeLimit, iterations: 0, start: solution)
        }
        let servedBefore = Set(start.routes.joined())
        guard !solution.unassigned.contains(where: servedBefore.contains) else { return nil }
        return (solution, solver)
    }

    /// `instance` with each pickup's window cut to its target ± `window` minutes (within the
    /// window it had), except the requests in `kept`.
    static func narrowed(_ instance: DARPInstance, to window: Double, except kept: Set<Int>) -> DARPInstance {
        var narrow = instance
        for request in 1 ..< instance.requestCount + 1 where !kept.contains(request) {
            guard let target = narrow.nodes[request].target else { continue }
            narrow.nodes[request].earliest = max(narrow.nodes[request].earliest, target - window)
            narrow.nodes[request].latest = min(narrow.nodes[request].latest, target + window)
        }
        return narrow
    }
}
