//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import RideDispatch

extension DayDispatcher {
    /// The overnight re-optimisation with every pickup planned from `before` minutes before to
    /// `after` minutes after its agreed time where the day allows; the rides that fit nowhere
    /// in it keep their whole pickup window (the promise). Returns the solution and the solver
    /// of the instance whose windows it keeps, or `nil` when it would leave a ride unserved
    /// that the routes as booked served (the caller then re-optimises within the whole windows).
    ///
    /// First the rides the routes as booked serve outside the planning window are taken out
    /// and the search puts them back within it; a ride it cannot place there gets its whole
    /// window, and a shorter search makes room for it. When even then a ride the routes as
    /// booked served is left over (it was placed in routes planned around everybody else's
    /// narrow windows), the search starts again from the routes as booked, with the planning
    /// window only for the rides they already serve within it: the booked schedule keeps every
    /// such window, so that start serves every ride and the search never serves fewer.
    ///
    /// A narrower window only removes schedules, so every promise of the booking still holds.
    func solveWithinPlanningWindow(
        before: Double, after: Double, instance: DARPInstance, start: DARPSolution, timeLimit: Double, iterations: Int, seed: UInt64
    ) -> (solution: DARPSolution, solver: DARPSolver)? {
        let n = instance.requestCount
        let servedBefore = Set(start.routes.joined())
        let tight = Self.narrowed(instance, before: before, after: after, except: [])
        // The routes as booked, less the rides they serve outside the planning window (by the
        // booked schedule); a route still infeasible then is left to the insertion as a whole.
        let booked = RouteEvaluator(instance: instance), narrow = RouteEvaluator(instance: tight)
        var first = start
        var outside = Set<Int>()
        for (vehicle, route) in start.routes.enumerated() where !route.isEmpty && !narrow.isFeasible(route, vehicle: vehicle) {
            var kept = route
            if let schedule = booked.evaluate(route, vehicle: vehicle) {
                let late = Set(zip(route, schedule.begins).filter { node, begin in
                    node <= n && (begin < tight.nodes[node].earliest - 1e-9 || begin > tight.nodes[node].latest + 1e-9)
                }.map(\.0))
                outside.formUnion(late)
                kept = route.filter { !late.contains($0 > n ? $0 - n : $0) }
            } else {
                outside.formUnion(route.filter { $0 <= n })
            }
            if !narrow.isFeasible(kept, vehicle: vehicle) { kept = [] }
            first.unassigned += route.filter { $0 <= n && !kept.contains($0) }
            first.routes[vehicle] = kept
        }
        var solver = DARPSolver(instance: tight, seed: seed)
        var solution = solver.solve(timeLimit: timeLimit, iterations: iterations, start: first)
        if !solution.unassigned.isEmpty {
            // The rides that fit nowhere within the planning window get their whole window, and
            // a fifth of the search makes room for them: inserting them into the routes as they
            // are often leaves one over, and starting again from the routes as booked (below)
            // plans hundreds of rides later in their windows.
            solver = DARPSolver(instance: Self.narrowed(instance, before: before, after: after, except: Set(solution.unassigned)), seed: seed)
            let share = Self.makingRoomShare
            solution = solver.solve(
                timeLimit: timeLimit / Double(share), iterations: iterations == .max ? .max : iterations / share, start: solution)
        }
        if solution.unassigned.contains(where: servedBefore.contains) {
            solver = DARPSolver(instance: Self.narrowed(instance, before: before, after: after, except: outside), seed: seed)
            solution = solver.solve(timeLimit: timeLimit, iterations: iterations, start: start)
        }
        guard !solution.unassigned.contains(where: servedBefore.contains) else { return nil }
        return (solution, solver)
    }

    /// The search that makes room for the rides that fit nowhere within the planning window
    /// has 1/n of the night's iterations and time.
    static let makingRoomShare = 5

    /// `instance` with each pickup's window cut to its target − `before` … target + `after`
    /// minutes (within the window it had), except the requests in `kept`.
    static func narrowed(_ instance: DARPInstance, before: Double, after: Double, except kept: Set<Int>) -> DARPInstance {
        var narrow = instance
        for request in 1 ..< instance.requestCount + 1 where !kept.contains(request) {
            guard let target = narrow.nodes[request].target else { continue }
            narrow.nodes[request].earliest = max(narrow.nodes[request].earliest, target - before)
            narrow.nodes[request].latest = min(narrow.nodes[request].latest, target + after)
        }
        return narrow
    }
}
