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
    /// window, and a shorter search makes room for it. A ride the routes as booked served that
    /// is still left over (it was placed in routes planned around everybody else's narrow
    /// windows) is placed by an ejection chain: it takes the place of a ride that moves to
    /// another route (up to three moves), or, when no chain exists, its vehicle gets its route
    /// as booked back and the rides it had instead move elsewhere; the routes changed so keep
    /// only the whole windows. Only when that fails too, the search starts again from the
    /// routes as booked, with the planning window only for the rides they already serve within
    /// it: the booked schedule keeps every such window, so that start serves every ride and the
    /// search never serves fewer. (That restart planned hundreds of rides late in their
    /// windows: on the region week it made 1 night in 3 end with 120–240 rides after the
    /// window, against about 80.)
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
        var wide = Set<Int>()  // the rides that keep their whole window
        if !solution.unassigned.isEmpty {
            // The rides that fit nowhere within the planning window get their whole window, and
            // a fifth of the search makes room for them: inserting them into the routes as they
            // are often leaves one over, and starting again from the routes as booked (below)
            // plans hundreds of rides later in their windows.
            wide = Set(solution.unassigned)
            solver = DARPSolver(instance: Self.narrowed(instance, before: before, after: after, except: wide), seed: seed)
            let share = Self.makingRoomShare
            solution = solver.solve(
                timeLimit: timeLimit / Double(share), iterations: iterations == .max ? .max : iterations / share, start: solution)
        }
        if solution.unassigned.contains(where: servedBefore.contains) {
            var whole = DARPSolver(instance: instance, seed: seed)
            var ejected = solution
            for ride in ejected.unassigned where servedBefore.contains(ride) {
                var placed = false
                for depth in 1 ... Self.ejectionDepth where !placed {
                    var budget = Self.ejectionBudget
                    placed = Self.placeByEjection(ride, into: &ejected, solver: &whole, depth: depth, avoiding: [], budget: &budget)
                }
                if !placed { _ = Self.restoreBookedRoute(of: ride, booked: start, into: &ejected, solver: &whole) }
            }
            if !ejected.unassigned.contains(where: servedBefore.contains) {
                // Only the routes the chains changed leave the planning window.
                let changed = ejected.routes.indices.filter { ejected.routes[$0] != solution.routes[$0] }
                for vehicle in changed { wide.formUnion(ejected.routes[vehicle].filter { $0 <= n }) }
                let kept = DARPSolver(instance: Self.narrowed(instance, before: before, after: after, except: wide), seed: seed)
                let evaluator = RouteEvaluator(instance: kept.instance)
                // A route a ride was taken out of is checked too: drive times need not keep the
                // triangle inequality.
                if changed.allSatisfy({ evaluator.isFeasible(ejected.routes[$0], vehicle: $0) }) {
                    ejected.cost = evaluator.cost(of: ejected)
                    return (ejected, kept)
                }
            }
        }
        if solution.unassigned.contains(where: servedBefore.contains) {
            solver = DARPSolver(instance: Self.narrowed(instance, before: before, after: after, except: outside), seed: seed)
            solution = solver.solve(timeLimit: timeLimit, iterations: iterations, start: start)
        }
        guard !solution.unassigned.contains(where: servedBefore.contains) else { return nil }
        return (solution, solver)
    }

    /// Puts `ride` into a route by taking another ride out of that route and putting that one
    /// into another route, or, `depth` > 1, by the same chain again (routes in `avoiding`
    /// are not touched); `false` when no chain places it. `solver`'s instance decides the
    /// windows.
    static func placeByEjection(_ ride: Int, into solution: inout DARPSolution, solver: inout DARPSolver, depth: Int, avoiding: Set<Int>, budget: inout Int) -> Bool {
        let n = solver.instance.requestCount
        for (vehicle, route) in solution.routes.enumerated() where !route.isEmpty && !avoiding.contains(vehicle) {
            let others = Set(solution.routes.indices).subtracting([vehicle])
            for out in route where out <= n {
                guard budget > 0 else { return false }
                budget -= 1
                var trial = solution
                trial.routes[vehicle] = route.filter { $0 != out && $0 != out + n }
                trial.unassigned.append(out)
                guard solver.reinsert(ride, into: &trial, excluding: others) != nil else { continue }
                if solver.reinsert(out, into: &trial, excluding: avoiding.union([vehicle])) != nil
                    || depth > 1 && placeByEjection(out, into: &trial, solver: &solver, depth: depth - 1, avoiding: avoiding.union([vehicle]), budget: &budget)
                {
                    solution = trial
                    return true
                }
            }
        }
        return false
    }

    /// Gives the vehicle that served `ride` in `booked` that route again, taking its rides out
    /// of the routes they are in now, and puts the rides it had instead elsewhere (directly or
    /// by an ejection chain); `false`, with `solution` unchanged, when one of them fits nowhere.
    static func restoreBookedRoute(of ride: Int, booked: DARPSolution, into solution: inout DARPSolution, solver: inout DARPSolver) -> Bool {
        let n = solver.instance.requestCount
        guard let vehicle = booked.routes.firstIndex(where: { $0.contains(ride) }) else { return false }
        let route = booked.routes[vehicle]
        let rides = Set(route.filter { $0 <= n })
        var trial = solution
        for u in trial.routes.indices where u != vehicle { trial.routes[u].removeAll { rides.contains($0 > n ? $0 - n : $0) } }
        let displaced = trial.routes[vehicle].filter { $0 <= n && !rides.contains($0) }
        trial.routes[vehicle] = route
        trial.unassigned.removeAll { rides.contains($0) }
        trial.unassigned += displaced
        for other in displaced {
            if solver.reinsert(other, into: &trial, excluding: [vehicle]) != nil { continue }
            var budget = ejectionBudget
            guard placeByEjection(other, into: &trial, solver: &solver, depth: 2, avoiding: [vehicle], budget: &budget) else { return false }
        }
        solution = trial
        return true
    }

    /// The search that makes room for the rides that fit nowhere within the planning window
    /// has 1/n of the night's iterations and time.
    static let makingRoomShare = 5

    /// The longest ejection chain tried for a ride left over (rides moved one after the other),
    /// and the (ride, route) pairs a chain may try: measured on the region week, the chains that
    /// placed a ride tried at most about 4,000 pairs, 0.05 s.
    static let ejectionDepth = 3
    static let ejectionBudget = 300_000

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
