//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS
import Mobility
import RideDispatch

/// A stop of a vehicle's route: a ride's pickup or its drop-off.
public struct RouteVisit: Sendable, Hashable {
    public var ride: BookedRide
    public var pickup: Bool

    public init(ride: BookedRide, pickup: Bool) {
        self.ride = ride
        self.pickup = pickup
    }
}

extension DayDispatcher {
    /// The Regiotaxi insertion check at booking time: the cheapest feasible way to add `ride` to
    /// one of the day's vehicle routes (`routes`: shift name → visits in order) so that every
    /// ride of that route keeps its window, its ride-time promise, its seat and wheelchair place.
    /// Returns the shift's name and its new route, or `nil` when no vehicle on duty can take it.
    ///
    /// Each vehicle is checked on an instance of its own route only, with only the travel times
    /// an insertion reads (between neighbours of the route and from and to the new ride's stops),
    /// so the check grows with the rides of a vehicle, not with the square of the day's rides; a
    /// test checks that it chooses exactly what the whole day's instance chooses. Ties go to
    /// the first shift in fleet order.
    public func insert(_ ride: BookedRide, date: ServiceDate, routes: [String: [RouteVisit]]) -> (vehicle: String, route: [RouteVisit])? {
        let window = Double(rules.services.first { $0.kind == .regiotaxi }?.pickupWindowMinutes ?? 15)
        var best: (delta: Double, vehicle: String, route: [RouteVisit])?
        for shift in shifts(on: date, includingVolunteers: false) {
            // A shift that ends before the window opens or starts after it closes cannot take it.
            if shift.vehicle.end < Double(ride.pickup) - window || shift.vehicle.start > Double(ride.pickup) + window { continue }
            let visits = routes[shift.vehicle.name] ?? []
            var rides: [BookedRide] = []
            var index: [String: Int] = [:]
            for visit in visits where visit.pickup {
                index[visit.ride.id] = rides.count + 1
                rides.append(visit.ride)
            }
            rides.append(ride)
            let n = rides.count
            var (instance, points) = day(of: rides, date: date, includingVolunteers: false, shifts: [shift])
            let route = visits.compactMap { visit in index[visit.ride.id].map { visit.pickup ? $0 : $0 + n } }
            guard route.count == visits.count else { continue }  // a drop-off without its pickup: not a route
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
            if best == nil || solution.cost < best!.delta {
                let newRoute = solution.routes[0].map { node in RouteVisit(ride: rides[(node <= n ? node : node - n) - 1], pickup: node <= n) }
                best = (solution.cost, shift.vehicle.name, newRoute)
            }
        }
        return best.map { ($0.vehicle, $0.route) }
    }

    /// The day's Regiotaxi routes as they were booked, with the time of every stop (earliest
    /// feasible schedule) and the kilometres from depot to depot: the day without a search, for
    /// days too large for the whole-day instance. Each route is evaluated on its own.
    public func schedule(of routes: [String: [RouteVisit]], date: ServiceDate) -> [VehicleDay] {
        var days: [VehicleDay] = []
        for shift in shifts(on: date, includingVolunteers: false) {
            guard let visits = routes[shift.vehicle.name], !visits.isEmpty else { continue }
            var rides: [BookedRide] = []
            var index: [String: Int] = [:]
            for visit in visits where visit.pickup {
                index[visit.ride.id] = rides.count + 1
                rides.append(visit.ride)
            }
            let n = rides.count
            let route = visits.compactMap { visit in index[visit.ride.id].map { visit.pickup ? $0 : $0 + n } }
            guard route.count == visits.count else { continue }
            var (instance, points) = day(of: rides, date: date, includingVolunteers: false, shifts: [shift])
            let count = points.count, depot = instance.fleet[0].depot
            let path = [depot] + route + [depot]
            for (a, b) in zip(path, path.dropFirst()) where a != b {
                instance.travel[a * count + b] = Double(road.drive(from: points[a], to: points[b]).seconds) / 60
            }
            guard let timing = RouteEvaluator(instance: instance).evaluate(route, vehicle: 0) else { continue }
            var metres = 0.0
            for (a, b) in zip(path, path.dropFirst()) { metres += road.drive(from: points[a], to: points[b]).metres }
            let stops = visits.enumerated().map { k, visit in
                VehicleDay.Stop(
                    time: timing.begins[k], place: visit.pickup ? visit.ride.fromName : visit.ride.toName, ride: visit.ride.id,
                    traveller: visit.ride.traveller, pickup: visit.pickup)
            }
            days.append(VehicleDay(vehicle: shift.vehicle.name, kind: "regiotaxi", stops: stops, kilometres: metres / 1000))
        }
        return days
    }
}
