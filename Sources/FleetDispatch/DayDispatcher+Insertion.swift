//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS
import Mobility
import RideDispatch

extension DayDispatcher {
    /// The Regiotaxi insertion check at booking time: the cheapest feasible way to add `ride` to
    /// one of the day's vehicle routes (`routes`: shift → visits in order) so that every
    /// ride of that route keeps its window, its ride-time promise, its seat and wheelchair place.
    /// Returns the shift, its new route and that route's times, or `nil` when no vehicle
    /// on duty can take it.
    ///
    /// Each vehicle is checked on an instance of its own route only, with only the travel times
    /// an insertion reads (between neighbours of the route and from and to the new ride's stops),
    /// so the check grows with the rides of a vehicle, not with the square of the day's rides.
    /// With the routes' `times`, a vehicle is skipped when no position of its route lets it
    /// reach the pickup within the window and still keep the next stop's latest start — the
    /// same test the insertion itself makes first, so the choice is unchanged (a test checks
    /// that it chooses exactly what the whole day's instance chooses). Ties go to the first
    /// shift in fleet order.
    public func insert(
        _ ride: BookedRide, date: ServiceDate, routes: [ShiftID: [RouteVisit]], times: [ShiftID: RouteTimes] = [:]
    ) -> (shift: ShiftID, route: [RouteVisit], times: RouteTimes)? {
        let window = pickupWindow
        var best: (delta: Double, shift: ShiftID, route: [RouteVisit], times: RouteTimes)?
        // Each vehicle that can be at the pickup in time, with a lower bound of its extra
        // driving; the cheapest bounds are tried first, and the search stops once no bound can
        // beat the best insertion found (ties keep the first shift in fleet order).
        var candidates: [(bound: Double, order: Int, shift: Shift, visits: [RouteVisit])] = []
        for (order, shift) in shifts(on: date, includingVolunteers: false).enumerated() {
            // A shift that ends before the window opens or starts after it closes cannot take it.
            if shift.vehicle.end < Double(ride.pickup) - window || shift.vehicle.start > Double(ride.pickup) + window { continue }
            let visits = routes[shift.id] ?? []
            var bound = 0.0
            if let known = times[shift.id], known.earliest.count == visits.count + 1, known.latest.count == visits.count + 2 {
                guard let detour = reach(ride, window: window, visits: visits, times: known, depot: shift.depot) else { continue }
                bound = detour
            }
            candidates.append((bound, order, shift, visits))
        }
        candidates.sort { ($0.bound, $0.order) < ($1.bound, $1.order) }
        var bestOrder = Int.max
        for (bound, order, shift, visits) in candidates {
            if let best, bound > best.delta + 1e-9 { break }
            guard let (rides, route) = Self.nodes(of: visits, adding: ride) else { continue }
            let n = rides.count
            var (instance, points) = day(of: rides, date: date, includingVolunteers: false, shifts: [shift])
            let count = points.count, depot = instance.fleet[0].depot
            instance.travel = [Double](repeating: .infinity, count: count * count)
            for i in 0 ..< count { instance.travel[i * count + i] = 0 }
            func fill(_ i: Int, _ j: Int) {
                if i != j { instance.travel[i * count + j] = Double(road.drive(from: points[i], to: points[j]).seconds) / 60 }
            }
            let path = [depot] + route + [depot]
            for (a, b) in zip(path, path.dropFirst()) { fill(a, b) }
            for new in [n, 2 * n] {
                for other in [depot] + route + [n, 2 * n] {
                    fill(new, other)
                    fill(other, new)
                }
            }
            var solution = DARPSolution(routes: [route], unassigned: [n], cost: 0)
            var solver = DARPSolver(instance: instance, seed: 0)
            guard solver.reinsert(n, into: &solution, excluding: []) != nil else { continue }
            if best == nil || solution.cost < best!.delta - 1e-9 || (abs(solution.cost - best!.delta) <= 1e-9 && order < bestOrder) {
                bestOrder = order
                let newRoute = solution.routes[0].map { node in RouteVisit(ride: rides[(node <= n ? node : node - n) - 1], pickup: node <= n) }
                let (earliest, latest) = DARPSolver.routeTimes(solution.routes[0], vehicle: 0, instance: instance)
                best = (solution.cost, shift.id, newRoute, RouteTimes(earliest: earliest, latest: latest))
            }
        }
        return best.map { ($0.shift, $0.route, $0.times) }
    }

    /// A route's rides (pickup order, then `adding` last) and its visits as node indices of an
    /// instance of those rides (pickup k, drop-off k + n); `nil` when a drop-off has no pickup.
    ///
    /// A drop-off finds its pickup by a search back along the route: a route holds a few dozen
    /// visits, and comparing ids costs less there than hashing them (this runs for every
    /// vehicle a booking tries).
    static func nodes(of visits: [RouteVisit], adding new: BookedRide? = nil) -> (rides: [BookedRide], route: [Int])? {
        var rides: [BookedRide] = []
        rides.reserveCapacity(visits.count / 2 + 1)
        // Per visit: the pickup's number among the pickups (1-based), 0 for a drop-off.
        var pickupNumber = [Int](repeating: 0, count: visits.count)
        for (k, visit) in visits.enumerated() where visit.pickup {
            rides.append(visit.ride)
            pickupNumber[k] = rides.count
        }
        if let new { rides.append(new) }
        let n = rides.count
        var route: [Int] = []
        route.reserveCapacity(visits.count)
        for (k, visit) in visits.enumerated() {
            if visit.pickup {
                route.append(pickupNumber[k])
                continue
            }
            guard let j = visits.indices.last(where: { visits[$0].pickup && visits[$0].ride.id == visit.ride.id }) else { return nil }
            route.append(pickupNumber[j] + n)
        }
        return (rides, route)
    }

    /// `nil` when no position of the route lets the vehicle begin the pickup within its window
    /// and still reach the next stop by its latest start (the insertion's own first test); else
    /// the smallest detour to the pickup over the positions that pass, a lower bound of the
    /// insertion's extra driving (the drop-off can only add to it: drive times never beat the
    /// direct drive).
    func reach(_ ride: BookedRide, window: Double, visits: [RouteVisit], times: RouteTimes, depot: Coordinate) -> Double? {
        let opens = Double(ride.pickup) - window, closes = Double(ride.pickup) + window
        let boarding = ride.serviceMinutes(boardingMinutes)
        func place(_ k: Int) -> Coordinate {
            guard k >= 0, k < visits.count else { return depot }
            return visits[k].pickup ? visits[k].ride.from : visits[k].ride.to
        }
        func minutes(_ a: Coordinate, _ b: Coordinate) -> Double { Double(road.drive(from: a, to: b).seconds) / 60 }
        var bound: Double?
        for i in 0 ... visits.count {
            if times.earliest[i] > closes + 1e-9 { break }  // later positions start later still
            if times.latest[i + 1] < opens { continue }
            let service = i == 0 ? 0 : visits[i - 1].ride.serviceMinutes(boardingMinutes)
            let toPickup = minutes(place(i - 1), ride.from)
            let arrival = times.earliest[i] + service + toPickup
            if arrival > closes + 1e-9 { continue }
            let onward = minutes(ride.from, place(i))
            if max(arrival, opens) + boarding + onward <= times.latest[i + 1] + 1e-9 {
                let detour = toPickup + onward - (i == 0 && visits.isEmpty ? 0 : minutes(place(i - 1), place(i)))
                bound = min(bound ?? .infinity, max(0, detour))
            }
        }
        return bound
    }

    /// A vehicle's route on an instance of its own, with the travel times along it (depot to
    /// depot; the others stay 0), its node indices and its length in metres.
    func routeInstance(_ visits: [RouteVisit], shift: Shift, date: ServiceDate) -> (instance: DARPInstance, route: [Int], metres: Double)? {
        guard let (rides, route) = Self.nodes(of: visits) else { return nil }
        var (instance, points) = day(of: rides, date: date, includingVolunteers: false, shifts: [shift])
        let count = points.count, depot = instance.fleet[0].depot
        let path = [depot] + route + [depot]
        var metres = 0.0
        for (a, b) in zip(path, path.dropFirst()) {
            let drive = road.drive(from: points[a], to: points[b])
            if a != b { instance.travel[a * count + b] = Double(drive.seconds) / 60 }
            metres += drive.metres
        }
        return (instance, route, metres)
    }

    /// The times of each route (see `RouteTimes`), each on its own small instance.
    public func times(of routes: [ShiftID: [RouteVisit]], date: ServiceDate) -> [ShiftID: RouteTimes] {
        var result: [ShiftID: RouteTimes] = [:]
        for shift in shifts(on: date, includingVolunteers: false) {
            guard let (instance, route, _) = routeInstance(routes[shift.id] ?? [], shift: shift, date: date) else { continue }
            let (earliest, latest) = DARPSolver.routeTimes(route, vehicle: 0, instance: instance)
            result[shift.id] = RouteTimes(earliest: earliest, latest: latest)
        }
        return result
    }

    /// The day's Regiotaxi routes as they were booked, with the time of every stop (earliest
    /// feasible schedule) and the kilometres from depot to depot: the day without a search, for
    /// days too large for the whole-day instance. Each route is evaluated on its own.
    public func schedule(of routes: [ShiftID: [RouteVisit]], date: ServiceDate) -> [VehicleDay] {
        var days: [VehicleDay] = []
        for shift in shifts(on: date, includingVolunteers: false) {
            guard let visits = routes[shift.id], !visits.isEmpty else { continue }
            guard let (instance, route, metres) = routeInstance(visits, shift: shift, date: date),
                let timing = RouteEvaluator(instance: instance).evaluate(route, vehicle: 0)
            else { continue }
            let stops = visits.enumerated().map { k, visit in
                VehicleDay.Stop(
                    time: timing.begins[k], place: visit.pickup ? visit.ride.fromName : visit.ride.toName, ride: visit.ride.id,
                    traveller: visit.ride.traveller, pickup: visit.pickup)
            }
            days.append(VehicleDay(shift: shift.id, kind: .regiotaxi, vehicle: shift.vehicleID, stops: stops, kilometres: metres / 1000))
        }
        return days
    }
}
