//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The closure of a feasible route's time constraints, which decides in constant time whether
/// a request can be inserted at two given gaps: exactly what ``RouteEvaluator`` answers for the
/// new route, without evaluating it (the idea of Gschwind & Drexl 2019, "Adaptive large
/// neighborhood search with a constant-time feasibility test for the dial-a-ride problem",
/// Transportation Science 53: precompute per route, then test each insertion in O(1)).
///
/// A route's service starts `x` form a system of difference constraints (see
/// ``RouteEvaluator``): travel `x(p+1) ≥ x(p) + service + drive`, windows `e ≤ x ≤ l` (as
/// bounds against a clock variable `z` = 0), ride-time limits `x(pickup) ≥ x(drop-off) − L −
/// service`, the duration `x(leave) ≥ x(return) − D`. Its closure `Δ(a, b)` is the longest
/// path from a to b in their graph: the tightest lower bound on `x(b) − x(a)` the constraints
/// imply together (`Δ(z, b)` is b's earliest begin, `−Δ(b, z)` its latest). The route has a
/// schedule iff the graph has no positive cycle.
///
/// Inserting a request adds two variables, P and D, each with at most two arcs to and from the
/// route (its neighbours and the clock) and the ride arc D → P. Any cycle of the new graph
/// either stays in the old one (not positive: the route was feasible) or passes P or D; its
/// parts between them are at most the closure's entries. So with the four longest paths
/// between P and D through the old graph, `M(P,P)`, `M(D,D)`, `M(P,D)`, `M(D,P)` (each the best
/// of at most four closure entries plus the new arcs), the new route is feasible iff
/// `M(P,P) ≤ 0`, `M(D,D) ≤ 0` and `M(P,D) + M(D,P) ≤ 0`. The new graph lacks the arc between
/// the two stops a new stop goes between; keeping it changes nothing as long as the detour
/// is not shorter than the direct drive (the triangle inequality): when it is,
/// ``admits(_:pickupGap:dropGap:)`` answers `nil` and the caller evaluates the route.
///
/// Positions: 0 leaving the depot, 1…m the stops, m + 1 back at the depot; the clock is
/// position m + 2. Capacity, the vehicle kind and the number of requests are not part of it
/// (the insertion checks them on its own).
///
/// A class (its rows fill in place when first read): one per route and solver, not shared
/// between threads.
///
/// - Complexity: O(k·r) per row when first read, for k = m + 3 positions and r ≤ k + 1 rounds
///   of raising (a round without a broken ride limit or duration is the last); a test, O(1)
///   once the rows it reads (the clock's and those of the stops after its two gaps) are there.
public final class RouteClosure {
    /// Positions, m + 3.
    public let size: Int
    /// `Δ(a, b)` at `a * size + b`; `-infinity` when nothing bounds `x(b) − x(a)` from below.
    /// Row a is filled when first read (`known`): a test reads the rows of at most the two
    /// stops after its gaps and the clock's, and most tests of a route stop at the first
    /// feasible candidate, so computing every row at once cost more than it saved (the
    /// benchmark's routes took 1.3–2× longer than evaluating each new route).
    private let bound: UnsafeMutablePointer<Double>
    private let known: UnsafeMutablePointer<Bool>
    /// The node at each position (the vehicle's depot at 0 and m + 1).
    private let stop: [Int]
    /// Arc weights: position p → p + 1 (service and drive), the clock → p (earliest begin),
    /// p → the clock (minus the latest begin), and the backward arcs (drop-off → pickup,
    /// minus ride limit and service; return → departure, minus the duration).
    private let chain: [Double]
    private let earliest: [Double]
    private let latest: [Double]
    private let back: [(from: Int, to: Int, weight: Double)]
    private let instance: DARPInstance

    /// Raises smaller than this are rounding, not constraints (as the evaluator's 1e-9).
    public static let tolerance = 1e-9

    /// The closure of `route` driven by `vehicle`; `nil` when the route has no schedule.
    public init?(_ route: [Int], vehicle: Int, instance: DARPInstance) {
        let terms = instance.terms(vehicle)
        let nodes = instance.nodes, n = instance.requestCount
        let m = route.count, q = m + 1, k = m + 3
        size = k
        self.instance = instance
        let stop = [terms.depot] + route + [terms.depot]
        self.stop = stop
        var chain = [Double](repeating: 0, count: q)
        var earliest = [Double](repeating: terms.start, count: q + 1)
        var latest = [Double](repeating: .infinity, count: q + 1)
        latest[q] = terms.end
        for p in 0 ..< q {
            let service = p == 0 ? 0 : nodes[stop[p]].service
            chain[p] = service + instance.time(stop[p], stop[p + 1])
        }
        for p in stride(from: 1, through: m, by: 1) {
            earliest[p] = nodes[stop[p]].earliest
            latest[p] = nodes[stop[p]].latest
        }
        var back: [(from: Int, to: Int, weight: Double)] = [(q, 0, -terms.duration)]
        for (p, node) in route.enumerated() where node > n {
            guard let pickup = route[..<p].lastIndex(of: node - n) else { return nil }
            back.append((p + 1, pickup + 1, -(instance.maxRide(node - n) + nodes[node - n].service)))
        }
        self.chain = chain
        self.earliest = earliest
        self.latest = latest
        self.back = back
        bound = .allocate(capacity: k * k)
        known = .allocate(capacity: k)
        known.initialize(repeating: false, count: k)
        // The clock reaches every position, so a positive cycle anywhere shows in its row.
        // (A class whose stored properties are all set runs `deinit` when it fails.)
        guard fill(row: k - 1) else { return nil }
    }

    deinit {
        bound.deallocate()
        known.deallocate()
    }

    /// Fills row `source`: the longest paths from it, by raising bounds as the evaluator's
    /// least schedule does (sweeps forward from the lowest raised position). `false` when a
    /// positive cycle is reachable (the route has no schedule).
    private func fill(row source: Int) -> Bool {
        let k = size, q = k - 2, z = k - 1
        let row = bound + source * k
        row.initialize(repeating: -.infinity, count: k)
        row[source] = 0
        known[source] = true
        let tolerance = Self.tolerance
        var lowest = source == z ? 0 : source
        var rounds = 0
        return chain.withUnsafeBufferPointer { chain in
            earliest.withUnsafeBufferPointer { earliest in
                latest.withUnsafeBufferPointer { latest in
                    while lowest <= q {
                        rounds += 1
                        // Without a positive cycle a longest path has fewer than k arcs: a
                        // round that still raises after that proves a cycle.
                        if rounds > k + 1 { return false }
                        // The positions before `lowest` are unchanged since the last round,
                        // so their arcs to the clock are already in its bound.
                        let clock = row[z]
                        var toClock = clock
                        if lowest == 0 {
                            row[0] = max(row[0], clock + earliest[0])
                            toClock = max(toClock, row[0] - latest[0])
                        }
                        for p in max(lowest, 1) ... q {
                            let reach = max(row[p - 1] + chain[p - 1], clock + earliest[p])
                            if reach > row[p] { row[p] = reach }
                            toClock = max(toClock, row[p] - latest[p])
                        }
                        lowest = q + 1
                        if toClock > row[z] + tolerance {
                            row[z] = toClock
                            lowest = 0
                        }
                        for arc in back {
                            let reach = row[arc.from] + arc.weight
                            if reach > row[arc.to] + tolerance {
                                row[arc.to] = reach
                                lowest = min(lowest, arc.to)
                            }
                        }
                    }
                    // A positive cycle through the source shows as a bound above 0 to itself.
                    return row[source] <= tolerance
                }
            }
        }
    }

    /// `Δ(a, b)`, filling row a first when needed (the route is feasible: every row fills).
    @inline(__always) private func delta(_ a: Int, _ b: Int) -> Double {
        if !known[a] { _ = fill(row: a) }
        return bound[a * size + b]
    }

    /// Whether the route with `pickup` put into gap `pickupGap` and its drop-off into gap
    /// `dropGap` (gap g lies before stop g of the route, gap m before the return; with equal
    /// gaps the drop-off right after the pickup) keeps every time constraint; `nil` when a
    /// detour is shorter than the drive it replaces, so that the closure cannot tell.
    public func admits(_ pickup: Int, pickupGap i: Int, dropGap j: Int) -> Bool? {
        let drop = instance.dropOff(of: pickup)
        let z = size - 1
        let a = i, b = i + 1  // the positions the pickup goes between
        let sP = instance.nodes[pickup].service, sD = instance.nodes[drop].service
        func service(_ p: Int) -> Double { p == 0 || p == size - 2 ? 0 : instance.nodes[stop[p]].service }
        let tolerance = Self.tolerance
        let ePick = instance.nodes[pickup].earliest, lPick = instance.nodes[pickup].latest
        let eDrop = instance.nodes[drop].earliest, lDrop = instance.nodes[drop].latest
        let aToP = service(a) + instance.time(stop[a], pickup)
        // The longest paths through the old graph between the new stops' arcs.
        func through(_ out: (Int, Double), _ into: (Int, Double)) -> Double { out.1 + delta(out.0, into.0) + into.1 }
        let mPP, mDD, mPD, mDP: Double
        if i == j {
            let pToD = sP + instance.time(pickup, drop), dToB = sD + instance.time(drop, stop[b])
            if aToP + pToD + dToB < chain[a] - tolerance { return nil }
            // P: in from a and the clock, out to D and the clock; D: in from P and the clock, out to b and the clock.
            mPP = max(through((z, -lPick), (a, aToP)), through((z, -lPick), (z, ePick)))
            mDD = max(through((b, dToB), (z, eDrop)), through((z, -lDrop), (z, eDrop)))
            mPD = max(pToD, through((z, -lPick), (z, eDrop)))
            mDP = max(
                -(instance.maxRide(pickup) + sP),
                through((b, dToB), (a, aToP)), through((b, dToB), (z, ePick)),
                through((z, -lDrop), (a, aToP)), through((z, -lDrop), (z, ePick)))
        } else {
            let c = j, e = j + 1  // the positions the drop-off goes between
            let pToB = sP + instance.time(pickup, stop[b])
            let cToD = service(c) + instance.time(stop[c], drop), dToE = sD + instance.time(drop, stop[e])
            if aToP + pToB < chain[a] - tolerance || cToD + dToE < chain[c] - tolerance { return nil }
            // P: in from a and the clock, out to b and the clock; D: in from c and the clock, out to e and the clock.
            func best(_ o1: (Int, Double), _ o2: (Int, Double), _ i1: (Int, Double), _ i2: (Int, Double)) -> Double {
                max(through(o1, i1), through(o1, i2), through(o2, i1), through(o2, i2))
            }
            let pOut1 = (b, pToB), pOut2 = (z, -lPick), pIn1 = (a, aToP), pIn2 = (z, ePick)
            let dOut1 = (e, dToE), dOut2 = (z, -lDrop), dIn1 = (c, cToD), dIn2 = (z, eDrop)
            mPP = best(pOut1, pOut2, pIn1, pIn2)
            mDD = best(dOut1, dOut2, dIn1, dIn2)
            mPD = best(pOut1, pOut2, dIn1, dIn2)
            mDP = max(-(instance.maxRide(pickup) + sP), best(dOut1, dOut2, pIn1, pIn2))
        }
        return mPP <= tolerance && mDD <= tolerance && mPD + mDP <= tolerance
    }
}
