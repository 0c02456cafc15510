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

/// What a request asks of a vehicle beyond seats and wheelchair places: places in further lanes
/// (scooter places, front seats, riding alone), equipment (a lift, a low floor, …) and a drop-off
/// right after the pickup (last in, first out). The route evaluation and the insertion honour
/// them exactly: checked against `FleetChecker`, written apart from both, on seeded random days.
@Suite struct VehicleNeedsTests {
    /// Lanes of the random days: scooter places, a front seat in a car, a front seat in a bus,
    /// and sharing (everyone takes 1 of 100, somebody who rides alone all 100).
    static let alone: Int16 = 100

    static func randomDay(seed: UInt64, requests n: Int = 14, vehicles: Int = 3) -> DARPInstance {
        var rng = SeededGenerator(seed: seed)
        var nodes = [DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 600)]
        var pickups: [DARPInstance.Node] = [], drops: [DARPInstance.Node] = []
        var places: [SIMD8<Int16>] = [], equipment: [UInt32] = [0], consecutive: [Bool] = [false], groups: [SIMD8<Int16>] = []
        // Target groups from a generator of their own (the other draws stay as they were).
        var groupDraws = SeededGenerator(seed: seed &+ 0x6A0)
        for r in 0 ..< n {
            var group = SIMD8<Int16>(repeating: 0)
            let g = Int.random(in: 0 ..< 3, using: &groupDraws)
            group[g] = 1
            if Double.random(in: 0 ..< 1, using: &groupDraws) < 0.5 || (4 ..< 6).contains(r) { group[4 + g] = 1 }
            groups.append(group)
            let px = Double.random(in: -10 ... 10, using: &rng), py = Double.random(in: -10 ... 10, using: &rng)
            let dx = Double.random(in: -10 ... 10, using: &rng), dy = Double.random(in: -10 ... 10, using: &rng)
            let start = Double.random(in: 20 ... 160, using: &rng)
            let chair = Double.random(in: 0 ..< 1, using: &rng) < 0.15 ? 1 : 0
            pickups.append(.init(x: px, y: py, service: 2, load: 1, wheelchair: chair, earliest: start, latest: start + 30))
            drops.append(.init(x: dx, y: dy, service: 2, load: -1, wheelchair: -chair, earliest: 0, latest: 600))
            var lanes = SIMD8<Int16>(repeating: 0)
            if Double.random(in: 0 ..< 1, using: &rng) < 0.2 { lanes[0] = 1 }
            let front = Double.random(in: 0 ..< 1, using: &rng)
            if front < 0.15 { lanes[1] = 1 } else if front < 0.3 { lanes[1] = 1; lanes[2] = 1 }
            lanes[3] = Double.random(in: 0 ..< 1, using: &rng) < 0.1 ? alone : 1
            places.append(lanes)
            // The first requests have a need for sure, so that every day has some.
            let needsEquipment = Double.random(in: 0 ..< 1, using: &rng) < 0.25 || (2 ..< 4).contains(r)
            equipment.append(needsEquipment ? 1 << UInt32.random(in: 0 ..< 3, using: &rng) : 0)
            consecutive.append(Double.random(in: 0 ..< 1, using: &rng) < 0.15 || r < 2)
        }
        nodes += pickups + drops
        var fleet: [DARPInstance.Vehicle] = []
        for v in 0 ..< vehicles {
            nodes.append(.init(x: Double(v * 4 - 4), y: 0, service: 0, load: 0, earliest: 0, latest: 300))
            var vehicle = DARPInstance.Vehicle(
                name: "v\(v)", depot: nodes.count - 1, start: 0, end: 300, seats: Int.random(in: 2 ... 4, using: &rng),
                wheelchairPlaces: Int.random(in: 0 ... 1, using: &rng))
            let bus = Bool.random(using: &rng)
            vehicle.places = SIMD8(repeating: .max)
            vehicle.places[0] = Int16.random(in: 0 ... 1, using: &rng)
            vehicle.places[1] = bus ? .max : 1
            vehicle.places[2] = bus ? 1 : .max
            vehicle.places[3] = alone
            vehicle.equipment = UInt32.random(in: 0 ..< 8, using: &rng)
            fleet.append(vehicle)
        }
        var travel = [Double](repeating: 0, count: nodes.count * nodes.count)
        for a in nodes.indices {
            for b in nodes.indices {
                let dx = nodes[a].x - nodes[b].x, dy = nodes[a].y - nodes[b].y
                travel[a * nodes.count + b] = (dx * dx + dy * dy).squareRoot()
            }
        }
        var instance = DARPInstance(
            name: "needs-\(seed)", requests: n, nodes: nodes, travel: travel, fleet: fleet, maxRide: [0] + (0 ..< n).map { _ in 45 }, kinds: [])
        instance.placeLoad = [.zero] + places + places.map { 0 &- $0 } + fleet.map { _ in .zero }
        instance.requestEquipment = equipment
        instance.requestConsecutive = consecutive
        instance.groupLoad = [.zero] + groups + groups.map { 0 &- $0 } + fleet.map { _ in .zero }
        return instance
    }

    static func randomRoute(_ instance: DARPInstance, using rng: inout SeededGenerator) -> [Int] {
        let n = instance.requestCount
        let chosen = Array((1 ... n).shuffled(using: &rng).prefix(Int.random(in: 2 ... 5, using: &rng)))
        var route: [Int] = []
        for request in chosen {
            let i = Int.random(in: 0 ... route.count, using: &rng)
            route.insert(request, at: i)
            // Half the time right after its pickup, so that consecutive requests pass sometimes.
            let j = Bool.random(using: &rng) ? i + 1 : Int.random(in: i + 1 ... route.count, using: &rng)
            route.insert(request + n, at: j)
        }
        return route
    }

    @Test(arguments: 0 ..< 8 as Range<UInt64>)
    func theEvaluationAnswersAsTheChecker(seed: UInt64) {
        let instance = Self.randomDay(seed: seed)
        let evaluator = RouteEvaluator(instance: instance)
        var rng = SeededGenerator(seed: 70 + seed)
        var feasible = 0
        var refusedFor: [FleetChecker.Breach: Int] = [:]
        for _ in 0 ..< 1500 {
            let route = Self.randomRoute(instance, using: &rng)
            let vehicle = Int.random(in: 0 ..< instance.routeCount, using: &rng)
            let breaches = FleetChecker.breaches(route, vehicle: vehicle, instance)
            #expect(evaluator.isFeasible(route, vehicle: vehicle) == breaches.isEmpty, "seed \(seed) vehicle \(vehicle) route \(route): \(breaches)")
            if breaches.isEmpty { feasible += 1 }
            if breaches.count == 1 { refusedFor[breaches.first!, default: 0] += 1 }
        }
        #expect(feasible >= 10, "seed \(seed): \(feasible) feasible routes")
        // Each need alone refuses some route: the comparison covers all of them.
        for breach in [FleetChecker.Breach.lane, .equipment, .consecutive, .group] {
            #expect(refusedFor[breach, default: 0] > 0, "seed \(seed): no route refused for \(breach) alone (\(refusedFor))")
        }
    }

    /// Taking a request out of a solved route and putting it back in any route: the insertion
    /// finds a place exactly when one exists (by trying every pair of positions with the
    /// checker), and the route it returns passes the checker.
    @Test(arguments: 0 ..< 6 as Range<UInt64>)
    func theInsertionFindsAPlaceExactlyWhenOneExists(seed: UInt64) {
        let instance = Self.randomDay(seed: 40 + seed)
        var solver = DARPSolver(instance: instance, seed: seed)
        let solution = solver.solve(timeLimit: 10, iterations: 200)
        let n = instance.requestCount
        var found = 0, none = 0
        for (v, route) in solution.routes.enumerated() {
            for request in route where request <= n {
                let rest = route.filter { $0 != request && $0 != request + n }
                for target in 0 ..< instance.routeCount {
                    let into = target == v ? rest : solution.routes[target]
                    var exists = false
                    for i in 0 ... into.count where !exists {
                        for j in i ... into.count where !exists {
                            var candidate = into
                            candidate.insert(request + n, at: j)
                            candidate.insert(request, at: i)
                            exists = FleetChecker.breaches(candidate, vehicle: target, instance).isEmpty
                        }
                    }
                    let inserted = solver.bestInsertion(of: request, into: into, vehicle: target, noise: false)
                    #expect((inserted != nil) == exists, "seed \(seed): request \(request) into vehicle \(target) \(into)")
                    if let (_, newRoute) = inserted {
                        #expect(FleetChecker.breaches(newRoute, vehicle: target, instance).isEmpty, "seed \(seed): \(newRoute)")
                        found += 1
                    } else {
                        none += 1
                    }
                }
            }
        }
        #expect(found > 0 && none > 0, "seed \(seed): found \(found), none \(none)")
    }

    /// The search's routes keep every need, and requests with each need are served.
    @Test(arguments: 0 ..< 6 as Range<UInt64>)
    func solvedDaysKeepEveryNeed(seed: UInt64) {
        let instance = Self.randomDay(seed: 90 + seed, requests: 18)
        var solver = DARPSolver(instance: instance, seed: seed)
        let solution = solver.solve(timeLimit: 10, iterations: 300)
        for (v, route) in solution.routes.enumerated() {
            #expect(FleetChecker.breaches(route, vehicle: v, instance).isEmpty, "seed \(seed) vehicle \(v): \(route)")
        }
        let served = solution.routes.flatMap { $0 }.filter { $0 <= instance.requestCount }
        #expect(served.contains { instance.requestConsecutive[$0] }, "seed \(seed): no consecutive request served")
        #expect(served.contains { instance.requestEquipment[$0] != 0 }, "seed \(seed): no request needing equipment served")
        #expect(served.count + solution.unassigned.count == instance.requestCount)
    }
}

/// An independent check of one route of a day's fleet: the vehicle's seats, wheelchair places
/// and lanes counted over who is on board at each stop, target groups that must not mix, its
/// equipment, consecutive drop-offs,
/// and the schedule as a system of difference constraints (Bellman–Ford over the vehicle's
/// depot and shift, each request's own ride-time limit).
enum FleetChecker {
    enum Breach: Hashable { case order, seats, lane, equipment, consecutive, group, time }

    static func breaches(_ route: [Int], vehicle v: Int, _ instance: DARPInstance) -> Set<Breach> {
        let n = instance.requestCount
        let vehicle = instance.fleet[v]
        var found = Set<Breach>()
        var position: [Int: Int] = [:]
        for (p, node) in route.enumerated() { position[node] = p }
        for node in route where node <= n {
            guard let d = position[node + n], d > position[node]! else { found.insert(.order); continue }
            if !instance.requestConsecutive.isEmpty && instance.requestConsecutive[node] && d != position[node]! + 1 { found.insert(.consecutive) }
            if !instance.requestEquipment.isEmpty && instance.requestEquipment[node] & ~vehicle.equipment != 0 { found.insert(.equipment) }
        }
        for node in route where node > n && position[node - n] == nil { found.insert(.order) }
        if !found.isEmpty { return found }
        // Who is on board after each stop.
        for p in route.indices {
            let onBoard = route.filter { $0 <= n && position[$0]! <= p && position[$0 + n]! > p }
            if onBoard.map({ instance.nodes[$0].load }).reduce(0, +) > vehicle.seats
                || onBoard.map({ instance.nodes[$0].wheelchair }).reduce(0, +) > vehicle.wheelchairPlaces
            {
                found.insert(.seats)
            }
            if !instance.placeLoad.isEmpty {
                for lane in 0 ..< 8 where onBoard.map({ Int(instance.placeLoad[$0][lane]) }).reduce(0, +) > Int(vehicle.places[lane]) {
                    found.insert(.lane)
                }
            }
            // A request that keeps to its own group on board with one of another group.
            if !instance.groupLoad.isEmpty {
                func group(_ r: Int) -> Int { (0 ..< 4).first { instance.groupLoad[r][$0] > 0 }! }
                for keeper in onBoard where instance.groupLoad[keeper][4 + group(keeper)] > 0 {
                    if onBoard.contains(where: { group($0) != group(keeper) }) { found.insert(.group) }
                }
            }
        }
        if !schedulable(route, vehicle: vehicle, instance) { found.insert(.time) }
        return found
    }

    /// x0 leaves the depot, x1…xm begin service, x(m+1) returns; x_v − x_u ≤ w as an arc u → v.
    static func schedulable(_ route: [Int], vehicle: DARPInstance.Vehicle, _ instance: DARPInstance) -> Bool {
        let n = instance.requestCount, m = route.count
        let stops = [vehicle.depot] + route + [vehicle.depot]
        func service(_ p: Int) -> Double { p == 0 || p == m + 1 ? 0 : instance.nodes[stops[p]].service }
        let source = m + 2
        var arcs: [(Int, Int, Double)] = []
        for p in 0 ... m + 1 {
            let lo = p == 0 || p == m + 1 ? vehicle.start : instance.nodes[stops[p]].earliest
            let hi = p == 0 || p == m + 1 ? vehicle.end : instance.nodes[stops[p]].latest
            arcs.append((source, p, hi))
            arcs.append((p, source, -lo))
            if p > 0 { arcs.append((p, p - 1, -(service(p - 1) + instance.time(stops[p - 1], stops[p])))) }
        }
        for p in 1 ... max(1, m) where p <= m && stops[p] <= n {
            let d = stops.firstIndex(of: stops[p] + n)!
            arcs.append((p, d, instance.maxRide(stops[p]) + service(p)))
        }
        arcs.append((0, m + 1, min(instance.maxRouteDuration, vehicle.end - vehicle.start)))
        return ExactChecker.hasNoNegativeCycle(arcs, nodes: m + 3)
    }
}
