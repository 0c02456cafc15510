//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Building solutions: the first solution, and putting requests into routes at their
/// cheapest feasible place (the repair half of the search).
extension DARPSolver {
    /// Regret-3 insertion from empty routes, requests in order of their earliest pickup.
    mutating func construct() -> DARPSolution {
        var solution = DARPSolution(
            routes: Array(repeating: [], count: instance.routeCount),
            unassigned: (1 ... max(1, instance.requestCount)).filter { $0 <= instance.requestCount }, cost: 0)
        insert(&solution, regret: 3, noise: false)
        return solution
    }

    /// The earliest service start at each position of route `r` (0 = the depot, `r.count + 1` =
    /// back at the depot) and the latest start that keeps the rest of the route inside its
    /// time windows (ride times ignored): a new stop must not push a successor past it.
    public static func routeTimes(_ r: [Int], vehicle: Int, instance: DARPInstance) -> (earliest: [Double], latest: [Double]) {
        var earliest: [Double] = [], latest: [Double] = []
        fillTimes(of: r, vehicle: vehicle, instance: instance, earliest: &earliest, latest: &latest)
        return (earliest, latest)
    }

    static func fillTimes(of r: [Int], vehicle: Int, instance: DARPInstance, earliest: inout [Double], latest latestBegin: inout [Double]) {
        let m = r.count
        let nodes = instance.nodes
        let terms = instance.terms(vehicle)
        let depot = terms.depot
        earliest.removeAll(keepingCapacity: true)
        var time = terms.start
        earliest.append(time)
        var previous = depot
        for node in r {
            time = max(time + nodes[previous].service + instance.time(previous, node), nodes[node].earliest)
            earliest.append(time)
            previous = node
        }
        latestBegin.removeAll(keepingCapacity: true)
        latestBegin.append(contentsOf: repeatElement(0, count: m + 2))
        latestBegin[m + 1] = terms.end
        var next = depot
        for p in stride(from: m, through: 1, by: -1) {
            let here = r[p - 1]
            latestBegin[p] = min(nodes[here].latest, latestBegin[p + 1] - nodes[here].service - instance.time(here, next))
            next = here
        }
    }

    /// The cheapest feasible way to put request `pickup` into route `r`: (extra cost, new route).
    ///
    /// Candidate positions are ordered by extra distance and evaluated until the first feasible
    /// one. Positions are skipped without evaluation when even the earliest schedule of the
    /// current route reaches the new stop too late (inserting only delays what follows).
    mutating func bestInsertion(of pickup: Int, into r: [Int], vehicle: Int = 0, noise: Bool) -> (Double, [Int])? {
        let drop = instance.dropOff(of: pickup)
        let m = r.count
        let nodes = instance.nodes
        let terms = instance.terms(vehicle)
        let depot = terms.depot
        if terms.kind != 0, !instance.requestKind.isEmpty, instance.requestKind[pickup] != 0, instance.requestKind[pickup] != terms.kind { return nil }
        if !instance.equipped(vehicle, for: pickup) { return nil }
        if (m + 2) / 2 > terms.maxRequests { return nil }
        let maxRide = instance.maxRide(pickup)
        if boundsOfRoute.count <= vehicle { boundsOfRoute += Array(repeating: nil, count: vehicle + 1 - boundsOfRoute.count) }
        let room: RouteRoom
        var closure: RouteClosure?, closureBuilt = false
        if let known = boundsOfRoute[vehicle], known.route == r {
            earliest = known.earliest
            latestBegin = known.latest
            room = known.room
            closure = known.closure
            closureBuilt = known.closureBuilt
        } else {
            Self.fillTimes(of: r, vehicle: vehicle, instance: instance, earliest: &earliest, latest: &latestBegin)
            room = RouteRoom(r, instance: instance)
            boundsOfRoute[vehicle] = (r, earliest, latestBegin, room, nil, false)
        }
        let seats = nodes[pickup].load, chairs = nodes[pickup].wheelchair
        let lanes = !room.places.isEmpty, need = lanes ? instance.placeLoad[pickup] : .zero, lanesRoom = instance.places(vehicle)
        let consecutive = instance.isConsecutive(pickup), sealed = room.sealed
        let groups = !room.groups.isEmpty, rider = groups ? instance.groupLoad[pickup] : .zero
        let weight = instance.rideTimeWeight
        func node(_ p: Int) -> Int { p < 0 || p >= m ? depot : r[p] }
        candidates.removeAll(keepingCapacity: true)
        for i in 0 ... m {
            // Later positions begin later still: none can reach the pickup in time.
            if earliest[i] > nodes[pickup].latest { break }
            if !sealed.isEmpty && sealed[i] { continue }
            // The stop after the pickup must begin by its latest start: when even a pickup at
            // the window's opening would push it past that, no drive time can help (this is the
            // test below, made before any drive time is asked for).
            if nodes[pickup].earliest + nodes[pickup].service > latestBegin[i + 1] + 1e-9 { continue }
            let a = node(i - 1), b = node(i)
            let pickupArrival = earliest[i] + (i == 0 ? 0 : nodes[a].service) + instance.time(a, pickup)
            if pickupArrival > nodes[pickup].latest { continue }
            let pickupBegin = max(pickupArrival, nodes[pickup].earliest)
            // The stop after the pickup (when the drop-off does not come right after it).
            let pushedB = pickupBegin + nodes[pickup].service + instance.time(pickup, b)
            let pickupPushesTooFar = pushedB > latestBegin[i + 1] + 1e-9
            let pickupDelta = instance.time(a, pickup) + instance.time(pickup, b) - instance.time(a, b)
            // Driving (and serving) from the pickup to the stop before the drop-off: a lower
            // bound of the ride time whatever the waiting.
            var onBoard = nodes[pickup].service + instance.time(pickup, b)
            // The pickup lengthens the path of everyone on board at gap i by this much, waiting
            // aside (see `RouteRoom`).
            let pickupDetour = pickupDelta + nodes[pickup].service
            // The most seats and wheelchair places taken between the pickup and the drop-off.
            var mostSeats = room.seats[i], mostChairs = room.chairs[i]
            var mostPlaces = lanes ? room.places[i] : .zero
            var mostGroups = groups ? room.groups[i] : .zero
            for j in i ... m {
                if j > i {
                    // Picked up last, dropped off first: nothing between its two stops.
                    if consecutive { break }
                    mostSeats = max(mostSeats, room.seats[j])
                    mostChairs = max(mostChairs, room.chairs[j])
                    if lanes { mostPlaces = pointwiseMax(mostPlaces, room.places[j]) }
                    if groups { mostGroups = pointwiseMax(mostGroups, room.groups[j]) }
                }
                // Capacity: exact, and before any drive time is asked for. The seats only grow
                // with j, so no later drop-off position can help either.
                if mostSeats + seats > terms.seats || mostChairs + chairs > terms.chairs { break }
                if lanes && any(mostPlaces &+ need .> lanesRoom) { break }
                if groups && DARPInstance.groupsClash(adding: rider, toAtMost: mostGroups) { break }
                let delta: Double
                if i == j {
                    let dropArrival = pickupBegin + nodes[pickup].service + instance.time(pickup, drop)
                    if dropArrival > nodes[drop].latest { break }
                    let dropBegin = max(dropArrival, nodes[drop].earliest)
                    if dropBegin + nodes[drop].service + instance.time(drop, b) > latestBegin[i + 1] + 1e-9 { continue }
                    delta = instance.time(a, pickup) + instance.time(pickup, drop) + instance.time(drop, b) - instance.time(a, b)
                    if delta + nodes[pickup].service + nodes[drop].service > room.rideSlack[i] + 1e-6 { continue }
                    if weight > 0 {
                        // Its own ride, and everyone on board through gap i rides the detour longer.
                        let riding = instance.time(pickup, drop) + Double(room.riders[i]) * (delta + nodes[pickup].service + nodes[drop].service)
                        candidates.append((delta + weight * riding, i, j))
                        continue
                    }
                } else {
                    if pickupPushesTooFar { break }
                    if pickupDetour > room.rideSlack[i] + 1e-6 { break }
                    let c = node(j - 1), e = node(j)
                    let dropArrival = earliest[j] + nodes[c].service + instance.time(c, drop)
                    if dropArrival > nodes[drop].latest { break }
                    if j > i + 1 { onBoard += nodes[node(j - 2)].service + instance.time(node(j - 2), c) }
                    if onBoard - nodes[pickup].service + nodes[c].service + instance.time(c, drop) > maxRide + 1e-9 { break }
                    if !sealed.isEmpty && sealed[j] { continue }
                    let dropBegin = max(dropArrival, nodes[drop].earliest)
                    if dropBegin + nodes[drop].service + instance.time(drop, e) > latestBegin[j + 1] + 1e-9 { continue }
                    let dropDelta = instance.time(c, drop) + instance.time(drop, e) - instance.time(c, e)
                    if dropDelta + nodes[drop].service > room.rideSlack[j] + 1e-6 { continue }
                    delta = pickupDelta + dropDelta
                    if weight > 0 {
                        let own = onBoard - nodes[pickup].service + nodes[c].service + instance.time(c, drop)
                        let riding = own + Double(room.riders[i]) * pickupDetour + Double(room.riders[j]) * (dropDelta + nodes[drop].service)
                        candidates.append((delta + weight * riding, i, j))
                        continue
                    }
                }
                candidates.append((delta, i, j))
            }
        }
        candidates.sort { $0.0 < $1.0 }
        for (delta, i, j) in candidates {
            statistics.evaluations += 1
            // The route's closure answers in constant time once built (built at the first
            // candidate that needs an answer, kept while the route is unchanged).
            if testsInsertionsByClosure && !closureBuilt {
                closure = RouteClosure(r, vehicle: vehicle, instance: instance)
                closureBuilt = true
                boundsOfRoute[vehicle]!.closure = closure
                boundsOfRoute[vehicle]!.closureBuilt = true
                statistics.closures += 1
            }
            var feasible = closure?.admits(pickup, pickupGap: i, dropGap: j)
            if feasible == false { continue }
            buffer.removeAll(keepingCapacity: true)
            for p in 0 ... m {
                if p == i { buffer.append(pickup) }
                if p == j { buffer.append(drop) }
                if p < m { buffer.append(r[p]) }
            }
            if feasible == nil {
                statistics.routeEvaluations += 1
                feasible = evaluator.isFeasible(buffer, vehicle: vehicle)
            }
            if feasible == true {
                let cost = noise ? delta * Double.random(in: 0.8 ... 1.2, using: &random) : delta
                return (cost, buffer)
            }
        }
        return nil
    }

    /// Inserts the unassigned requests: each time the one with the largest regret (the cost of
    /// its k-th best route minus its best), or the cheapest for k = 1. The best insertion of
    /// every request into every route is cached; only the route that changed is searched again.
    mutating func insert(_ solution: inout DARPSolution, regret k: Int, noise: Bool) {
        let routeCount = solution.routes.count
        var pending = solution.unassigned
        // cache[request index][route] = best insertion, or nil when none is feasible.
        var cache: [[(Double, [Int])?]] = []
        cache.reserveCapacity(pending.count)
        // Empty routes of a homogeneous fleet are all alike: only the first is searched.
        let alike = instance.fleet.isEmpty
        func firstEmpty(_ routes: [[Int]]) -> Int? { alike ? routes.firstIndex { $0.isEmpty } : nil }
        for request in pending {
            var row: [(Double, [Int])?] = Array(repeating: nil, count: routeCount)
            let empty = firstEmpty(solution.routes)
            for r in 0 ..< routeCount where !alike || !solution.routes[r].isEmpty || r == empty {
                row[r] = bestInsertion(of: request, into: solution.routes[r], vehicle: r, noise: noise)
            }
            cache.append(row)
        }
        while !pending.isEmpty {
            var chosen: (index: Int, route: Int, priority: Double)?
            for (index, row) in cache.enumerated() {
                var best: (Double, Int)?
                var costs: [Double] = []
                for (r, option) in row.enumerated() {
                    guard let option else { continue }
                    costs.append(option.0)
                    if best == nil || option.0 < best!.0 { best = (option.0, r) }
                }
                guard let best else { continue }
                var priority = -best.0
                if k > 1 {
                    costs.sort()
                    priority = costs.count >= k ? costs[k - 1] - best.0 : Double(k - costs.count) * unservedPenalty - best.0
                }
                if chosen == nil || priority > chosen!.priority + 1e-9 { chosen = (index, best.1, priority) }
            }
            guard let chosen, let option = cache[chosen.index][chosen.route] else { break }
            let request = pending[chosen.index]
            solution.cost += evaluator.cost(option.1, vehicle: chosen.route) - evaluator.cost(solution.routes[chosen.route], vehicle: chosen.route)
            let wasEmpty = solution.routes[chosen.route].isEmpty
            solution.routes[chosen.route] = option.1
            solution.unassigned.removeAll { $0 == request }
            pending.remove(at: chosen.index)
            cache.remove(at: chosen.index)
            // Only the changed route (and, when an empty route was used, the next empty one) changes.
            let empty = wasEmpty ? firstEmpty(solution.routes) : nil
            for index in cache.indices {
                cache[index][chosen.route] = bestInsertion(of: pending[index], into: solution.routes[chosen.route], vehicle: chosen.route, noise: noise)
                if let empty {
                    cache[index][empty] = bestInsertion(of: pending[index], into: [], vehicle: empty, noise: noise)
                }
            }
        }
    }
}
