//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// Solves a DARP: regret insertion builds a first solution, then an adaptive large
/// neighbourhood search (Ropke & Pisinger 2006; for the DARP Ropke, Cordeau & Laporte 2007)
/// removes and re-inserts requests — random, worst and related (Shaw) removal; greedy and
/// regret-2/3 insertion with noise — accepting worse solutions by simulated annealing.
///
/// Anytime: the best solution so far is returned when the time or the iterations run out.
/// For a given seed and iteration limit the result is the same on every run.
public struct DARPSolver {
    public let instance: DARPInstance
    let evaluator: RouteEvaluator
    var random: SeededGenerator

    /// Cost added per unserved request, so the search always prefers serving it.
    let unservedPenalty: Double
    /// Scratch for the insertion search (no allocation per candidate).
    var earliest: [Double] = []
    var latestBegin: [Double] = []
    var candidates: [(Double, Int, Int)] = []
    var buffer: [Int] = []
    /// The times and bounds of each route as last computed, by route index: an insertion pass
    /// asks for the same unchanged routes once per pending request.
    var boundsOfRoute: [(route: [Int], earliest: [Double], latest: [Double], room: RouteRoom, closure: RouteClosure?, closureBuilt: Bool)?] = []

    public init(instance: DARPInstance, seed: UInt64) {
        self.instance = instance
        self.evaluator = RouteEvaluator(instance: instance)
        self.random = SeededGenerator(seed: seed)
        var longest = instance.longestTravel ?? 0
        // Unknown travel times (+∞, an insertion-only instance) do not count.
        if instance.longestTravel == nil {
            for time in instance.travel where time.isFinite { longest = max(longest, time) }
        }
        // Above the most that serving one request can cost: its detours (at most 4 of the
        // longest drives) and, with a ride-time weight, its ride and everybody's detour on board.
        let ridePart = instance.rideTimeWeight * (instance.maxRideTime + Double(instance.capacity + 1) * (4 * longest + 20))
        unservedPenalty = 4 * longest + 1000 + ridePart
    }

    /// Counters of one solve, for benchmarks.
    public struct Statistics: Sendable {
        public var iterations = 0
        public var improvements = 0
        /// Insertions tested for feasibility (by the route's closure, or by evaluating the route).
        public var evaluations = 0
        /// Route closures built (``RouteClosure``), and the tests that evaluated the route instead.
        public var closures = 0
        public var routeEvaluations = 0
    }

    public private(set) var statistics = Statistics()
    /// Whether insertions are tested by the route's closure (constant time) rather than by
    /// evaluating each new route; both answer alike (the tests compare them).
    var testsInsertionsByClosure = true

    /// Solves within `timeLimit` seconds and at most `iterations` search iterations.
    ///
    /// `start`, when given, is the search's first solution (e.g. the routes the bookings were
    /// confirmed into); its unassigned requests are inserted first. The result never serves
    /// fewer requests than that: an unserved request costs more than any saving from dropping it.
    public mutating func solve(timeLimit: Double, iterations: Int = .max, start: DARPSolution? = nil) -> DARPSolution {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(timeLimit * 1000))
        var current: DARPSolution
        if var start {
            start.cost = start.routes.enumerated().reduce(0) { $0 + evaluator.cost($1.element, vehicle: $1.offset) }
            insert(&start, regret: 3, noise: false)
            current = start
        } else {
            current = construct()
        }
        var best = current
        // A 5 % worse solution is accepted half of the time at first (Ropke & Pisinger's w =
        // 0.05), almost never at the end; the temperature falls with the share of the budget
        // (time or iterations) used. Measured against 1 % (seed 1, 10 s): pr01–pr10 +2.17 % →
        // +1.70 %, set a +0.48 % → +0.38 %; 0.3 % and 10 % were worse.
        let initialTemperature = 0.05 * max(current.cost, 1) / 0.693
        var temperature = initialTemperature
        let startTime = clock.now
        var weights = [Double](repeating: 1, count: 6)  // destroy (3) and repair (3) operators
        var scores = [Double](repeating: 0, count: 6)
        var uses = [Double](repeating: 0, count: 6)
        var iteration = 0
        var lastImprovement = 0
        let stagnation = 2000
        while iteration < iterations && clock.now < deadline {
            iteration += 1
            let destroy = pick(weights, 0 ..< 3), repair = pick(weights, 3 ..< 6)
            uses[destroy] += 1
            uses[repair] += 1
            let served = instance.requestCount - current.unassigned.count
            // Remove 5–25 % of the requests (at most 20): small moves, many iterations.
            let most = max(2, min(20, instance.requestCount / 4))
            let count = max(1, min(served, Int.random(in: min(most, max(2, instance.requestCount / 20)) ... most, using: &random)))
            var candidate = current
            switch destroy {
            case 0: removeRandom(&candidate, count)
            case 1: removeWorst(&candidate, count)
            default: removeRelated(&candidate, count)
            }
            insert(&candidate, regret: repair - 3 + 1, noise: Double.random(in: 0 ..< 1, using: &random) < 0.3)
            let score: Double
            if objective(candidate) < objective(best) - 1e-9 {
                best = candidate
                current = candidate
                score = 33
                statistics.improvements += 1
                lastImprovement = iteration
            } else if objective(candidate) < objective(current) - 1e-9 {
                current = candidate
                score = 9
            } else if Double.random(in: 0 ..< 1, using: &random) < exp(-(objective(candidate) - objective(current)) / max(temperature, 1e-9)) {
                current = candidate
                score = 13
            } else {
                score = 0
            }
            scores[destroy] += score
            scores[repair] += score
            // Long without a new best: continue from the best (intensify).
            if iteration - lastImprovement > stagnation {
                current = best
                lastImprovement = iteration
            }
            let elapsed = clock.now - startTime
            let timeShare = (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / max(timeLimit, 1e-3)
            let iterationShare = iterations == .max ? 0 : Double(iteration) / Double(max(iterations, 1))
            temperature = initialTemperature * pow(0.002, min(1, max(timeShare, iterationShare)))
            if iteration % 100 == 0 {
                for k in weights.indices where uses[k] > 0 {
                    weights[k] = 0.8 * weights[k] + 0.2 * scores[k] / uses[k]
                    weights[k] = max(weights[k], 0.05)
                    scores[k] = 0
                    uses[k] = 0
                }
            }
        }
        statistics.iterations = iteration
        return best
    }

    func objective(_ solution: DARPSolution) -> Double { solution.cost + Double(solution.unassigned.count) * unservedPenalty }

    mutating func pick(_ weights: [Double], _ range: Range<Int>) -> Int {
        let total = range.reduce(0.0) { $0 + weights[$1] }
        var x = Double.random(in: 0 ..< total, using: &random)
        for k in range {
            x -= weights[k]
            if x < 0 { return k }
        }
        return range.upperBound - 1
    }

    // MARK: - Construction and insertion

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
        let weight = instance.rideTimeWeight
        func node(_ p: Int) -> Int { p < 0 || p >= m ? depot : r[p] }
        candidates.removeAll(keepingCapacity: true)
        for i in 0 ... m {
            // Later positions begin later still: none can reach the pickup in time.
            if earliest[i] > nodes[pickup].latest { break }
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
            for j in i ... m {
                if j > i {
                    mostSeats = max(mostSeats, room.seats[j])
                    mostChairs = max(mostChairs, room.chairs[j])
                }
                // Capacity: exact, and before any drive time is asked for. The seats only grow
                // with j, so no later drop-off position can help either.
                if mostSeats + seats > terms.seats || mostChairs + chairs > terms.chairs { break }
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

    // MARK: - Removal

    mutating func remove(_ request: Int, from solution: inout DARPSolution) {
        let drop = instance.dropOff(of: request)
        for index in solution.routes.indices where solution.routes[index].contains(request) {
            let old = solution.routes[index]
            var route = old
            route.removeAll { $0 == request || $0 == drop }
            solution.cost += evaluator.cost(route, vehicle: index) - evaluator.cost(old, vehicle: index)
            solution.routes[index] = route
            solution.unassigned.append(request)
            return
        }
    }

    func servedRequests(_ solution: DARPSolution) -> [Int] {
        solution.routes.flatMap { $0.filter { $0 <= instance.requestCount } }
    }

    mutating func removeRandom(_ solution: inout DARPSolution, _ count: Int) {
        var served = servedRequests(solution)
        served.shuffle(using: &random)
        for request in served.prefix(count) { remove(request, from: &solution) }
    }

    /// Removes the requests that save most when taken out (randomised, p = 3).
    ///
    /// The savings are ranked once; after each removal only the changed route's requests are
    /// ranked again (the others save what they saved), so a day of thousands of requests costs
    /// one pass over the routes, not one per removal. Ties keep route order, then stop order.
    mutating func removeWorst(_ solution: inout DARPSolution, _ count: Int) {
        /// (saving, route, position in route, request), best first.
        typealias Saving = (saving: Double, route: Int, position: Int, request: Int)
        func precedes(_ a: Saving, _ b: Saving) -> Bool {
            a.saving != b.saving ? a.saving > b.saving : (a.route, a.position) < (b.route, b.position)
        }
        func savings(of vehicle: Int, _ route: [Int]) -> [Saving] {
            let full = evaluator.cost(route, vehicle: vehicle)
            var result: [Saving] = []
            for (position, request) in route.enumerated() where request <= instance.requestCount {
                var without = route
                let drop = instance.dropOff(of: request)
                without.removeAll { $0 == request || $0 == drop }
                result.append((full - evaluator.cost(without, vehicle: vehicle), vehicle, position, request))
            }
            return result
        }
        var ranked: [Saving] = []
        for (vehicle, route) in solution.routes.enumerated() { ranked += savings(of: vehicle, route) }
        ranked.sort(by: precedes)
        for _ in 0 ..< count {
            guard !ranked.isEmpty else { return }
            let y = Double.random(in: 0 ..< 1, using: &random)
            let chosen = ranked[min(ranked.count - 1, Int(y * y * y * Double(ranked.count)))]
            remove(chosen.request, from: &solution)
            ranked.removeAll { $0.route == chosen.route }
            for saving in savings(of: chosen.route, solution.routes[chosen.route]) {
                var low = 0, high = ranked.count
                while low < high {
                    let middle = (low + high) / 2
                    if precedes(ranked[middle], saving) { low = middle + 1 } else { high = middle }
                }
                ranked.insert(saving, at: low)
            }
        }
    }

    /// Removes requests related to a random one: close pickups, close drop-offs, close times
    /// (Shaw 1998, as in Ropke & Pisinger 2006).
    mutating func removeRelated(_ solution: inout DARPSolution, _ count: Int) {
        let served = servedRequests(solution)
        guard let seed = served.randomElement(using: &random) else { return }
        func relatedness(_ a: Int, _ b: Int) -> Double {
            let da = instance.dropOff(of: a), db = instance.dropOff(of: b)
            return instance.time(a, b) + instance.time(da, db)
                + 0.5 * (abs(instance.nodes[a].earliest - instance.nodes[b].earliest) + abs(instance.nodes[da].latest - instance.nodes[db].latest))
        }
        var ranked = served.filter { $0 != seed }.map { (relatedness(seed, $0), $0) }
        ranked.sort { $0.0 < $1.0 }
        remove(seed, from: &solution)
        var removed = 1
        var pool = ranked.map(\.1)
        while removed < count && !pool.isEmpty {
            let y = Double.random(in: 0 ..< 1, using: &random)
            let index = min(pool.count - 1, Int(y * y * y * y * y * y * Double(pool.count)))
            remove(pool.remove(at: index), from: &solution)
            removed += 1
        }
    }
}

extension DARPSolver {
    /// Takes request `pickup` out of its route (when it is in one).
    public mutating func withdraw(_ pickup: Int, from solution: inout DARPSolution) {
        remove(pickup, from: &solution)
        solution.unassigned.removeAll { $0 == pickup }
    }

    /// Puts request `pickup` into the cheapest route it fits, skipping the routes in
    /// `excluded` (a volunteer who declined it). Returns the route, or `nil` when none fits.
    public mutating func reinsert(_ pickup: Int, into solution: inout DARPSolution, excluding excluded: Set<Int>) -> Int? {
        var best: (Double, Int, [Int])?
        for (index, route) in solution.routes.enumerated() where !excluded.contains(index) {
            if let (delta, newRoute) = bestInsertion(of: pickup, into: route, vehicle: index, noise: false),
                best == nil || delta < best!.0
            {
                best = (delta, index, newRoute)
            }
        }
        guard let (_, index, newRoute) = best else {
            if !solution.unassigned.contains(pickup) { solution.unassigned.append(pickup) }
            return nil
        }
        solution.cost += evaluator.cost(newRoute, vehicle: index) - evaluator.cost(solution.routes[index], vehicle: index)
        solution.routes[index] = newRoute
        solution.unassigned.removeAll { $0 == pickup }
        return index
    }
}
