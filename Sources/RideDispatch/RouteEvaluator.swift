//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Decides whether a vehicle can drive a sequence of stops, and when, with the eight-step
/// procedure of Cordeau & Laporte (2003, "A tabu search heuristic for the static multi-vehicle
/// dial-a-ride problem", Transportation Research B 37): service starts at max(arrival, earliest);
/// departures are delayed by the forward time slack so that ride times and the route duration
/// shrink without breaking any time window.
///
/// A schedule it accepts satisfies every constraint (it is built and then checked). The eight
/// steps may reject a few orders that have a schedule; so feasibility questions (the search's)
/// get an exact answer from the least schedule instead (`leastSchedule` in
/// ``evaluate(_:vehicle:keepSchedule:)``), and a schedule asked for comes from the eight steps,
/// or from the least schedule where they find none.
///
/// A class holding scratch arrays: one per solver, not shared between threads.
public final class RouteEvaluator {
    public let instance: DARPInstance
    // Scratch memory for positions 0 (start depot) … q (end depot); raw pointers because the
    // evaluation runs millions of times and array accesses in a class pay for exclusivity checks.
    let nodes: UnsafeMutablePointer<Int>
    let arrival: UnsafeMutablePointer<Double>
    let begin: UnsafeMutablePointer<Double>
    let wait: UnsafeMutablePointer<Double>
    let depart: UnsafeMutablePointer<Double>
    /// Position of each node in the current route (for ride times); -1 when absent.
    let position: UnsafeMutablePointer<Int>
    /// The path's length at each pickup, by node (for the cost of the passengers' time).
    let pathAtPickup: UnsafeMutablePointer<Double>
    /// Lower bounds on the service start by position that ride-time limits and the route
    /// duration impose (the exact test).
    let floor: UnsafeMutablePointer<Double>

    public init(instance: DARPInstance) {
        self.instance = instance
        let capacity = instance.nodeCount + 2
        nodes = .allocate(capacity: capacity)
        arrival = .allocate(capacity: capacity)
        begin = .allocate(capacity: capacity)
        wait = .allocate(capacity: capacity)
        depart = .allocate(capacity: capacity)
        floor = .allocate(capacity: capacity)
        position = .allocate(capacity: instance.nodeCount)
        position.initialize(repeating: -1, count: instance.nodeCount)
        pathAtPickup = .allocate(capacity: instance.nodeCount)
        pathAtPickup.initialize(repeating: 0, count: instance.nodeCount)
        nodes.initialize(repeating: 0, count: capacity)
        for buffer in [arrival, begin, wait, depart, floor] { buffer.initialize(repeating: 0, count: capacity) }
    }

    deinit {
        nodes.deallocate()
        arrival.deallocate()
        begin.deallocate()
        wait.deallocate()
        depart.deallocate()
        floor.deallocate()
        position.deallocate()
        pathAtPickup.deallocate()
    }

    /// The result of an evaluation.
    public struct Schedule: Sendable {
        /// Total travel time (= cost) including the depot legs.
        public var cost: Double
        /// Service start at each stop, in route order (depots excluded).
        public var begins: [Double]
        /// When the vehicle leaves the depot and comes back.
        public var start: Double
        public var end: Double
    }

    /// The cost of every route of `solution` (route i driven by vehicle i), summed.
    public func cost(of solution: DARPSolution) -> Double {
        solution.routes.enumerated().reduce(0) { $0 + cost($1.element, vehicle: $1.offset) }
    }

    /// Travel cost of a route, feasible or not (depot to depot), plus the instance's
    /// `rideTimeWeight` × the passengers' minutes on board along the path (waiting aside).
    public func cost(_ route: [Int], vehicle: Int = 0) -> Double {
        guard !route.isEmpty else { return 0 }
        let depot = instance.terms(vehicle).depot
        var total = instance.time(depot, route[0]) + instance.time(route[route.count - 1], depot)
        for (a, b) in zip(route, route.dropFirst()) { total += instance.time(a, b) }
        guard instance.rideTimeWeight > 0 else { return total }
        // The path's length up to each stop, remembered at each pickup (by node) until its drop-off.
        let n = instance.requestCount, nodes = instance.nodes, start = pathAtPickup
        var path = 0.0, onBoard = 0.0
        for (k, node) in route.enumerated() {
            if k > 0 { path += nodes[route[k - 1]].service + instance.time(route[k - 1], node) }
            if node <= n {
                start[node] = path + nodes[node].service
            } else {
                onBoard += path - start[node - n]
            }
        }
        return total + instance.rideTimeWeight * onBoard
    }

    /// Whether `route` (stops without the depots) is feasible; with the schedule when asked.
    public func isFeasible(_ route: [Int], vehicle: Int = 0) -> Bool { evaluate(route, vehicle: vehicle, keepSchedule: false) != nil }

    /// Evaluates `route`; `nil` when infeasible.
    ///
    /// - Complexity: without the schedule, O(m) for m stops a round of the exact test (at most
    ///   m + 2 rounds; a round without a broken ride limit or duration is the last); with it,
    ///   O(m²) (the forward time slacks).
    public func evaluate(_ route: [Int], vehicle: Int = 0, keepSchedule: Bool = true) -> Schedule? {
        evaluate(route, vehicle: vehicle, keepSchedule: keepSchedule, eightStepsOnly: false)
    }

    /// Whether the eight steps alone find a schedule (for comparing them with the exact test).
    public func acceptedByEightSteps(_ route: [Int], vehicle: Int = 0) -> Bool {
        evaluate(route, vehicle: vehicle, keepSchedule: false, eightStepsOnly: true) != nil
    }

    private func evaluate(_ route: [Int], vehicle: Int, keepSchedule: Bool, eightStepsOnly: Bool) -> Schedule? {
        let inst = instance
        let v = inst.terms(vehicle)
        let q = route.count + 1
        let nodes = self.nodes, arrival = self.arrival, begin = self.begin, wait = self.wait, depart = self.depart
        let position = self.position
        if route.isEmpty { return Schedule(cost: 0, begins: [], start: v.start, end: v.start) }
        if route.count / 2 > v.maxRequests { return nil }
        // Capacity and pairing (each drop-off after its pickup), in one pass.
        var load = 0, chairs = 0
        for (p, node) in route.enumerated() { position[node] = p + 1 }
        defer { for node in route { position[node] = -1 } }
        let n = inst.requestCount
        let lanes = !inst.placeLoad.isEmpty, room = inst.places(vehicle), groups = !inst.groupLoad.isEmpty
        var taken = SIMD8<Int16>(repeating: 0), onBoard = SIMD8<Int16>(repeating: 0)
        for (p, node) in route.enumerated() {
            load += inst.nodes[node].load
            chairs += inst.nodes[node].wheelchair
            if load > v.seats || chairs > v.chairs { return nil }
            if lanes {
                taken &+= inst.placeLoad[node]
                if any(taken .> room) { return nil }
            }
            if groups {
                onBoard &+= inst.groupLoad[node]
                if node <= n, DARPInstance.groupsClash(onBoard) { return nil }
            }
            if node <= n {
                if v.kind != 0, !inst.requestKind.isEmpty, inst.requestKind[node] != 0, inst.requestKind[node] != v.kind { return nil }
                if !inst.equipped(vehicle, for: node) { return nil }
                if inst.isConsecutive(node), p + 1 >= route.count || route[p + 1] != node + n { return nil }
            }
            if node > n {
                let pickup = node - n
                if position[pickup] < 0 || position[pickup] > position[node] { return nil }
            } else if position[node + n] < 0 {
                return nil
            }
        }
        nodes[0] = v.depot
        for (p, node) in route.enumerated() { nodes[p + 1] = node }
        nodes[q] = v.depot
        let depotLatest = v.end
        func latest(_ p: Int) -> Double { p == q ? depotLatest : inst.nodes[nodes[p]].latest }
        func earliest(_ p: Int) -> Double { p == q ? v.start : inst.nodes[nodes[p]].earliest }
        func service(_ p: Int) -> Double { (p == 0 || p == q) ? 0 : inst.nodes[nodes[p]].service }

        /// Steps 2 and 5: forward pass from position `from` (its begin already set).
        func forward(from: Int) -> Bool {
            depart[from] = begin[from] + service(from)
            var p = from + 1
            while p <= q {
                arrival[p] = depart[p - 1] + inst.time(nodes[p - 1], nodes[p])
                begin[p] = max(arrival[p], earliest(p))
                wait[p] = begin[p] - arrival[p]
                if begin[p] > latest(p) + 1e-9 { return false }
                depart[p] = begin[p] + service(p)
                p += 1
            }
            return true
        }

        /// Ride time of the request whose drop-off is at position `p` (0 when p is no drop-off).
        func ride(_ p: Int) -> Double {
            let node = nodes[p]
            guard p > 0, p < q, node > n else { return 0 }
            return begin[p] - depart[position[node - n]]
        }

        /// The forward time slack at position i (Cordeau & Laporte 2003, eq. (1)).
        func slack(_ i: Int) -> Double {
            var best = Double.infinity
            var waits = 0.0
            for j in i ... q {
                if j > i { waits += wait[j] }
                var room = latest(j) - begin[j]
                let node = nodes[j]
                if j > 0, j < q, node > n, position[node - n] < i {
                    room = min(room, inst.maxRide(node - n) - ride(j))
                }
                if j == q {
                    room = min(room, v.duration - (begin[q] - depart[0]))
                }
                best = min(best, waits + max(0, room))
            }
            return best
        }

        func rideTooLong(_ p: Int) -> Bool {
            let node = nodes[p]
            return node > n && ride(p) > inst.maxRide(node - n) + 1e-9
        }

        /// The exact test: the earliest schedule that keeps every constraint, or `false` when
        /// none does. Travel, ride-time limits and the route duration are all lower bounds of
        /// the form "begin here ≥ begin there + a constant" (a ride limit L of a pickup at P
        /// and drop-off at D: begin(P) ≥ begin(D) − service(P) − L; the duration: the depot's
        /// departure ≥ the return − duration); only the latest times are upper bounds. So the
        /// least solution of the lower bounds, found by raising begins until none is broken
        /// (Bellman–Ford on the longest paths of the difference constraints), is feasible iff
        /// any schedule is. A round raises every broken bound and pushes the raise forward;
        /// without a positive cycle the least solution is reached within q + 1 rounds, so a
        /// round q + 2 that still raises proves there is none.
        ///
        /// - Complexity: O(m) a round, at most m + 2 rounds.
        func leastSchedule() -> Bool {
            for p in 0 ... q { floor[p] = -.infinity }
            var lowest = 0
            for _ in 0 ... q + 1 {
                // Forward from the lowest raised position, every begin at its largest lower bound.
                if lowest == 0 {
                    begin[0] = max(v.start, floor[0])
                    arrival[0] = begin[0]
                    wait[0] = 0
                    depart[0] = begin[0]
                    lowest = 1
                }
                for p in lowest ... q {
                    arrival[p] = depart[p - 1] + inst.time(nodes[p - 1], nodes[p])
                    begin[p] = max(arrival[p], earliest(p), floor[p])
                    if begin[p] > latest(p) + 1e-9 { return false }
                    wait[p] = begin[p] - arrival[p]
                    depart[p] = begin[p] + service(p)
                }
                // Raise every pickup whose ride would be too long, and the departure when the
                // route takes too long.
                lowest = q + 1
                for p in 1 ..< q where nodes[p] > n {
                    let pickup = position[nodes[p] - n]
                    let need = begin[p] - service(pickup) - inst.maxRide(nodes[p] - n)
                    if begin[pickup] < need - 1e-9 {
                        floor[pickup] = need
                        lowest = min(lowest, pickup)
                    }
                }
                if begin[q] - begin[0] > v.duration + 1e-9 {
                    floor[0] = begin[q] - v.duration
                    lowest = 0
                }
                if lowest > q { return true }
            }
            return false
        }

        /// Cordeau & Laporte's eight steps: `false` when they find no schedule (rarely, one
        /// exists all the same: then the least schedule is taken).
        func eightSteps() -> Bool {
            // Steps 1–2: leave the depot as early as possible.
            begin[0] = v.start
            arrival[0] = begin[0]
            wait[0] = 0
            guard forward(from: 0) else { return false }
            // Steps 3–5: delay the departure from the depot by the slack (no waiting for nothing).
            var totalWait = 0.0
            for p in 1 ..< q { totalWait += wait[p] }
            begin[0] = v.start + min(slack(0), totalWait)
            guard forward(from: 0) else { return false }
            // Steps 6–7: at every pickup, delay the service to shorten the ride times that follow.
            if (1 ..< q).contains(where: rideTooLong) {
                for j in 1 ..< q where nodes[j] <= n {
                    var after = 0.0
                    for p in (j + 1) ..< q { after += wait[p] }
                    let delay = min(slack(j), after)
                    if delay > 0 {
                        wait[j] += delay
                        begin[j] = arrival[j] + wait[j]
                        guard forward(from: j) else { return false }
                    }
                }
            }
            // Step 8: every constraint.
            for p in 1 ... q where begin[p] > latest(p) + 1e-9 { return false }
            for p in 1 ..< q where rideTooLong(p) { return false }
            return begin[q] - depart[0] <= v.duration + 1e-9
        }
        if !keepSchedule {
            guard eightStepsOnly ? eightSteps() : leastSchedule() else { return nil }
            return Schedule(cost: 0, begins: [], start: depart[0], end: begin[q])
        }
        guard eightSteps() || leastSchedule() else { return nil }
        // Beyond the eight steps: a feasible schedule begins each pickup as early as it can,
        // which fetches a traveller up to a window's length before the agreed time. Delay each
        // pickup towards its target by at most its forward time slack (which keeps every later
        // window, every ride time already on board and the route duration), in route order.
        // (The slack guarantees it; the schedule before the pass is kept should a rounding
        // error say otherwise.)
        let total = cost(route, vehicle: vehicle)
        let earliestSchedule = Schedule(cost: total, begins: (1 ..< q).map { begin[$0] }, start: depart[0], end: begin[q])
        var moved = false
        for j in 1 ..< q where nodes[j] <= n {
            guard let target = inst.nodes[nodes[j]].target, begin[j] < target - 1e-9 else { continue }
            let delay = min(target - begin[j], slack(j))
            if delay > 1e-9 {
                wait[j] += delay
                begin[j] = arrival[j] + wait[j]
                moved = true
                guard forward(from: j) else { return earliestSchedule }
            }
        }
        guard moved else { return earliestSchedule }
        for p in 1 ... q where begin[p] > latest(p) + 1e-9 { return earliestSchedule }
        for p in 1 ..< q where rideTooLong(p) { return earliestSchedule }
        if begin[q] - depart[0] > v.duration + 1e-9 { return earliestSchedule }
        return Schedule(cost: total, begins: (1 ..< q).map { begin[$0] }, start: depart[0], end: begin[q])
    }
}
