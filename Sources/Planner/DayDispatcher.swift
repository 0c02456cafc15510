//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
public import GTFS
public import Mobility
public import RideDispatch

/// A booked door-to-door ride of one day (a row of `Scenarios/twente/rides-DATE.csv`).
public struct BookedRide: Sendable, Hashable {
    public var id: String
    public var traveller: String
    /// `regiotaxi` or `automaatje`.
    public var service: String
    public var fromName: String
    public var from: Coordinate
    public var toName: String
    public var to: Coordinate
    /// Agreed pickup, minutes after midnight.
    public var pickup: Int
    public var seats: Int
    public var wheelchair: Bool
    /// Who the booking was confirmed with, if it was: the Regiotaxi vehicle (shift) name, where
    /// the dispatcher starts from (it may move the ride to another vehicle), or the id of the
    /// AutoMaatje volunteer who accepted (fixed: the volunteer said yes to this ride).
    public var assignee: String = ""
    /// The id of the volunteer whose answer is still awaited (an AutoMaatje ride not yet confirmed).
    public var awaitingVolunteer: String = ""

    public init(
        id: String, traveller: String, service: String, fromName: String, from: Coordinate, toName: String, to: Coordinate, pickup: Int,
        seats: Int, wheelchair: Bool, assignee: String = "", awaitingVolunteer: String = ""
    ) {
        self.assignee = assignee
        self.awaitingVolunteer = awaitingVolunteer
        self.id = id
        self.traveller = traveller
        self.service = service
        self.fromName = fromName
        self.from = from
        self.toName = toName
        self.to = to
        self.pickup = pickup
        self.seats = seats
        self.wheelchair = wheelchair
    }

    /// Reads a rides file; errors name the line and the column.
    public static func load(_ path: String) throws -> [BookedRide] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesError(file: path, field: nil, message: "cannot read the file")
        }
        let table = CSVTable(file: URL(fileURLWithPath: path).lastPathComponent, bytes: [UInt8](data))
        if let problem = table.diagnostics.first(where: { $0.severity == .error }) {
            throw RulesError(file: path, field: nil, message: problem.description)
        }
        let columns = ["ride_id", "traveller_id", "service", "from_name", "from_lat", "from_lon", "to_name", "to_lat", "to_lon", "pickup", "seats", "wheelchair"]
        var index: [String: Int] = [:]
        for name in columns {
            guard let column = table.column(name) else { throw RulesError(file: path, field: name, message: "required column is missing") }
            index[name] = column
        }
        var rides: [BookedRide] = []
        for row in 0 ..< table.rowCount {
            let line = Int(table.rowLine[row])
            func text(_ name: String) -> String { table.string(row: row, column: index[name]) }
            func number(_ name: String) throws -> Double {
                guard let value = Double(text(name)) else {
                    throw RulesError(file: path, field: "line \(line): \(name)", message: "'\(text(name))' is not a number")
                }
                return value
            }
            let service = text("service")
            guard service == "regiotaxi" || service == "automaatje" else {
                throw RulesError(file: path, field: "line \(line): service", message: "'\(service)' is not regiotaxi or automaatje")
            }
            guard let pickup = ClockTime.seconds(text("pickup")) else {
                throw RulesError(file: path, field: "line \(line): pickup", message: "'\(text("pickup"))' is not a time (expected HH:MM)")
            }
            guard let seats = Int(text("seats")), (1 ... 8).contains(seats) else {
                throw RulesError(file: path, field: "line \(line): seats", message: "'\(text("seats"))' is not 1…8")
            }
            rides.append(BookedRide(
                id: text("ride_id"), traveller: text("traveller_id"), service: service, fromName: text("from_name"),
                from: Coordinate(latitude: try number("from_lat"), longitude: try number("from_lon")), toName: text("to_name"),
                to: Coordinate(latitude: try number("to_lat"), longitude: try number("to_lon")), pickup: Int(pickup / 60),
                seats: seats, wheelchair: text("wheelchair") == "1"))
        }
        return rides
    }
}

/// One vehicle's or volunteer's day: its stops in order.
public struct VehicleDay: Sendable {
    public struct Stop: Sendable {
        /// Minutes after midnight when the service starts.
        public var time: Double
        public var place: String
        public var ride: String
        public var traveller: String
        public var pickup: Bool
    }

    public var vehicle: String
    /// `regiotaxi` or `volunteer`.
    public var kind: String
    public var stops: [Stop]
    /// Kilometres by road, depot to depot.
    public var kilometres: Double
}

/// The schedule of a day: routes, and the rides no vehicle could take, each with its reason.
public struct DaySchedule: Sendable {
    public var days: [VehicleDay]
    public var unassigned: [(ride: BookedRide, reason: String)]
    public var kilometres: Double
    /// Ride id → the volunteers who declined it (and it was re-offered).
    public var declines: [String: [String]] = [:]
}

/// Assigns a day's booked rides: Regiotaxi rides to the fleet's vehicles on duty, AutoMaatje rides
/// to volunteers inside their availability and ride limits — one dial-a-ride problem, solved by
/// the `RideDispatch` solver with the shared road model (times in minutes).
public struct DayDispatcher: Sendable {
    public let rules: ServiceRules
    public let vehicles: [Vehicle]
    public let volunteers: [Volunteer]
    public let road: any RoadModel

    /// The shifts of each weekday (index 0 = Monday), without and with the volunteers' windows:
    /// built once, read by every insertion check.
    let shiftsByWeekday: [[Shift]]
    let shiftsWithVolunteersByWeekday: [[Shift]]

    public init(rules: ServiceRules, vehicles: [Vehicle], volunteers: [Volunteer], road: any RoadModel) {
        self.rules = rules
        self.vehicles = vehicles
        self.volunteers = volunteers
        self.road = road
        shiftsByWeekday = (0 ..< 7).map { Self.shifts(weekday: $0, vehicles: vehicles, volunteers: []) }
        shiftsWithVolunteersByWeekday = (0 ..< 7).map { Self.shifts(weekday: $0, vehicles: vehicles, volunteers: volunteers) }
    }

    /// The day as a dial-a-ride instance (times in minutes after midnight): request k is
    /// `rides[k - 1]`; the fleet is every vehicle shift on duty that day and, when
    /// `includingVolunteers`, every volunteer availability window. Also returns the position of
    /// every node (depot 0, pickups, drop-offs, fleet depots).
    public func instance(for rides: [BookedRide], date: ServiceDate, includingVolunteers: Bool = true) -> (DARPInstance, [Coordinate]) {
        var day = self.day(of: rides, date: date, includingVolunteers: includingVolunteers)
        let points = day.points, count = points.count
        for i in 0 ..< count {
            for j in 0 ..< count where i != j {
                day.instance.travel[i * count + j] = Double(road.drive(from: points[i], to: points[j]).seconds) / 60
            }
        }
        return (day.instance, points)
    }

    /// The nodes, fleet and promises of a day, without travel times (all 0), and the position of
    /// every node. The fleet is `shifts` (depots renumbered), or every shift on duty.
    func day(of rides: [BookedRide], date: ServiceDate, includingVolunteers: Bool, shifts given: [Shift]? = nil) -> (instance: DARPInstance, points: [Coordinate]) {
        let n = rides.count
        var nodes: [DARPInstance.Node] = [DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 30 * 60)]
        var points: [Coordinate] = [Coordinate(latitude: 52.4, longitude: 6.6)]
        var maxRide: [Double] = [0], kinds: [Int] = [0]
        let taxi = rules.services.first { $0.kind == .regiotaxi }
        let window = Double(taxi?.pickupWindowMinutes ?? 15)
        var pickups: [DARPInstance.Node] = [], drops: [DARPInstance.Node] = []
        for ride in rides {
            let direct = Double(road.drive(from: ride.from, to: ride.to).seconds) / 60
            let service: Double = ride.wheelchair ? 5 : 2
            let t = Double(ride.pickup)
            pickups.append(.init(x: 0, y: 0, service: service, load: ride.seats, wheelchair: ride.wheelchair ? 1 : 0, earliest: t - window, latest: t + window))
            drops.append(.init(x: 0, y: 0, service: service, load: -ride.seats, wheelchair: ride.wheelchair ? -1 : 0, earliest: 0, latest: 30 * 60))
            let promise = ride.service == "regiotaxi"
                ? (taxi?.rideTime.map { direct * $0.factor + $0.extraMinutes } ?? direct * 1.5 + 15)
                : direct + 10  // a volunteer drives directly
            maxRide.append(promise)
            kinds.append(ride.service == "regiotaxi" ? 1 : 2)
        }
        nodes += pickups + drops
        points += rides.map(\.from) + rides.map(\.to)
        var fleet: [DARPInstance.Vehicle] = []
        for shift in given ?? shifts(on: date, includingVolunteers: includingVolunteers) {
            var vehicle = shift.vehicle
            vehicle.depot = nodes.count + fleet.count
            fleet.append(vehicle)
            points.append(shift.depot)
        }
        for vehicle in fleet {
            nodes.append(.init(x: 0, y: 0, service: 0, load: 0, earliest: vehicle.start, latest: vehicle.end))
        }
        let count = nodes.count
        let instance = DARPInstance(
            name: "day \(date)", requests: n, nodes: nodes, travel: [Double](repeating: 0, count: count * count), fleet: fleet,
            maxRide: maxRide, kinds: kinds)
        return (instance, points)
    }

    /// A vehicle of the day's fleet with where its depot is.
    public struct Shift: Sendable {
        public var vehicle: DARPInstance.Vehicle
        public var depot: Coordinate
    }

    /// Every Regiotaxi shift on duty on `date` and, when `includingVolunteers`, every volunteer
    /// availability window; depots are numbered as if there were no requests.
    public func shifts(on date: ServiceDate, includingVolunteers: Bool) -> [Shift] {
        includingVolunteers ? shiftsWithVolunteersByWeekday[date.weekday] : shiftsByWeekday[date.weekday]
    }

    static func shifts(weekday: Int, vehicles: [Vehicle], volunteers: [Volunteer]) -> [Shift] {
        let day = weekdayNames[weekday]
        var shifts: [Shift] = []
        for vehicle in vehicles {
            for shift in vehicle.shifts where shift.days.contains(day) {
                guard let start = ClockTime.seconds(shift.start), let end = ClockTime.seconds(shift.end) else { continue }
                shifts.append(Shift(
                    vehicle: .init(
                        name: "\(vehicle.id) \(shift.start)–\(shift.end)", depot: 1 + shifts.count, start: Double(start) / 60,
                        end: Double(end) / 60, seats: vehicle.seats, wheelchairPlaces: vehicle.wheelchairPlaces, kind: 1),
                    depot: vehicle.depot.coordinate))
            }
        }
        for volunteer in volunteers {
            for window in volunteer.availability where window.day == day {
                guard let start = ClockTime.seconds(window.start), let end = ClockTime.seconds(window.end) else { continue }
                shifts.append(Shift(
                    vehicle: .init(
                        name: "\(volunteer.name) \(window.start)–\(window.end)", depot: 1 + shifts.count,
                        start: Double(start) / 60, end: Double(end) / 60, seats: volunteer.seats,
                        wheelchairPlaces: volunteer.wheelchair ? 1 : 0, kind: 2, maxRequests: volunteer.maxRidesPerDay),
                    depot: volunteer.home.coordinate))
            }
        }
        return shifts
    }

    /// Assigns the day. Rides already booked keep what the booking promised: an AutoMaatje ride
    /// a volunteer accepted stays with that volunteer (and one still awaiting an answer is listed
    /// as such, not given to someone else); Regiotaxi rides start in the vehicle they were
    /// confirmed into and the search may only improve on that, never drop one. Rides without an
    /// assignee (a rides file) are assigned freely, with volunteers' answers simulated by their
    /// acceptance rate.
    public func dispatch(_ rides: [BookedRide], date: ServiceDate, timeLimit: Double, iterations: Int = .max, seed: UInt64) -> DaySchedule {
        let fixed = rides.filter { $0.service == "automaatje" && !$0.assignee.isEmpty }
        let awaiting = rides.filter { $0.service == "automaatje" && $0.assignee.isEmpty && !$0.awaitingVolunteer.isEmpty }
        let open = rides.filter { !($0.service == "automaatje" && (!$0.assignee.isEmpty || !$0.awaitingVolunteer.isEmpty)) }
        var schedule = dispatchOpen(open, date: date, timeLimit: timeLimit, iterations: iterations, seed: seed)
        let accepted = acceptedDays(fixed, date: date)
        schedule.days += accepted
        schedule.kilometres += accepted.reduce(0) { $0 + $1.kilometres }
        for ride in awaiting {
            let name = volunteers.first { $0.id == ride.awaitingVolunteer }?.name ?? ride.awaitingVolunteer
            schedule.unassigned.append((ride, "waiting for \(name) to answer"))
        }
        return schedule
    }

    /// The days of volunteers with the rides they accepted, in time order: from home to each
    /// pickup, straight to the destination, and home again.
    public func acceptedDays(_ rides: [BookedRide], date: ServiceDate) -> [VehicleDay] {
        let day = weekdayNames[date.weekday]
        return Dictionary(grouping: rides, by: \.assignee).sorted { $0.key < $1.key }.map { id, rides in
            let volunteer = volunteers.first { $0.id == id }
            var stops: [VehicleDay.Stop] = []
            var metres = 0.0
            for ride in rides.sorted(by: { ($0.pickup, $0.id) < ($1.pickup, $1.id) }) {
                let service: Double = ride.wheelchair ? 5 : 2
                let drive = road.drive(from: ride.from, to: ride.to)
                stops.append(.init(time: Double(ride.pickup), place: ride.fromName, ride: ride.id, traveller: ride.traveller, pickup: true))
                stops.append(.init(
                    time: Double(ride.pickup) + service + Double(drive.seconds) / 60, place: ride.toName, ride: ride.id,
                    traveller: ride.traveller, pickup: false))
                metres += drive.metres
                if let home = volunteer?.home.coordinate {
                    metres += road.drive(from: home, to: ride.from).metres + road.drive(from: ride.to, to: home).metres
                }
            }
            let window = volunteer?.availability.first { window in
                guard window.day == day, let start = ClockTime.seconds(window.start), let end = ClockTime.seconds(window.end) else { return false }
                return rides.allSatisfy { Double(start) / 60 <= Double($0.pickup) && Double($0.pickup) <= Double(end) / 60 }
            }
            let name = (volunteer?.name ?? id) + (window.map { " \($0.start)–\($0.end)" } ?? "")
            return VehicleDay(vehicle: name, kind: "volunteer", stops: stops, kilometres: metres / 1000)
        }
    }

    /// Solves the rides not fixed by an answer (see `dispatch`).
    func dispatchOpen(_ rides: [BookedRide], date: ServiceDate, timeLimit: Double, iterations: Int, seed: UInt64) -> DaySchedule {
        let n = rides.count
        let (instance, points) = self.instance(for: rides, date: date)
        let fleet = instance.fleet
        var solver = DARPSolver(instance: instance, seed: seed)
        var solution: DARPSolution
        if fleet.isEmpty {
            solution = DARPSolution(routes: [], unassigned: Array(1 ..< n + 1), cost: 0)
        } else if rides.contains(where: { !$0.assignee.isEmpty }) {
            // Start from the vehicles the bookings were confirmed into, in pickup order.
            var start = DARPSolution(routes: Array(repeating: [], count: fleet.count), unassigned: [], cost: 0)
            let order = rides.indices.sorted { (rides[$0].pickup, $0) < (rides[$1].pickup, $1) }
            for k in order {
                let vehicle = rides[k].assignee.isEmpty ? nil : fleet.firstIndex { $0.name == rides[k].assignee }
                if let vehicle {
                    _ = solver.reinsert(k + 1, into: &start, excluding: Set(fleet.indices).subtracting([vehicle]))
                } else {
                    start.unassigned.append(k + 1)
                }
            }
            solution = solver.solve(timeLimit: timeLimit, iterations: iterations, start: start)
        } else {
            solution = solver.solve(timeLimit: timeLimit, iterations: iterations)
        }
        // A volunteer may decline: offer each AutoMaatje ride to its volunteer (who accepts with
        // their acceptance rate, seeded), and re-offer a declined ride to the next best one.
        var declinedBy: [Int: [Int]] = [:]
        var random = SeededGenerator(seed: seed &+ 0x5EED)
        let acceptance = fleet.map { vehicle -> Double in
            guard vehicle.kind == 2 else { return 1 }
            return volunteers.first { vehicle.name.hasPrefix($0.name) }?.acceptanceRate ?? 1
        }
        let volunteerRoutes = Set(fleet.indices.filter { fleet[$0].kind == 2 })
        var settled = Set<Int>()
        var pending = volunteerRoutes.flatMap { route in solution.routes[route].filter { $0 <= n } }
        while let request = pending.first {
            pending.removeFirst()
            guard !settled.contains(request),
                let route = solution.routes.firstIndex(where: { $0.contains(request) })
            else { continue }
            if Double.random(in: 0 ..< 1, using: &random) < acceptance[route] {
                settled.insert(request)
                continue
            }
            declinedBy[request, default: []].append(route)
            solver.withdraw(request, from: &solution)
            let excluded = Set(fleet.indices).subtracting(volunteerRoutes).union(declinedBy[request]!)
            if solver.reinsert(request, into: &solution, excluding: excluded) != nil {
                pending.append(request)
            } else {
                settled.insert(request)
            }
        }
        let evaluator = RouteEvaluator(instance: instance)
        var days: [VehicleDay] = []
        var kilometres = 0.0
        for (index, route) in solution.routes.enumerated() where !route.isEmpty {
            guard let schedule = evaluator.evaluate(route, vehicle: index) else { continue }
            var stops: [VehicleDay.Stop] = []
            for (k, node) in route.enumerated() {
                let pickup = node <= n
                let ride = rides[(pickup ? node : node - n) - 1]
                stops.append(.init(
                    time: schedule.begins[k], place: pickup ? ride.fromName : ride.toName, ride: ride.id,
                    traveller: ride.traveller, pickup: pickup))
            }
            var metres = 0.0
            let path = [fleet[index].depot] + route + [fleet[index].depot]
            for (a, b) in zip(path, path.dropFirst()) { metres += road.drive(from: points[a], to: points[b]).metres }
            kilometres += metres / 1000
            days.append(VehicleDay(vehicle: fleet[index].name, kind: fleet[index].kind == 1 ? "regiotaxi" : "volunteer", stops: stops, kilometres: metres / 1000))
        }
        let unassigned = solution.unassigned.sorted().map { request -> (BookedRide, String) in
            let ride = rides[request - 1]
            let anyFits = (0 ..< fleet.count).contains { v in evaluator.isFeasible([request, instance.dropOff(of: request)], vehicle: v) }
            let reason: String
            if let decliners = declinedBy[request], !decliners.isEmpty {
                reason = "declined by \(decliners.map { fleet[$0].name }.joined(separator: ", ")); no other volunteer can take it"
            } else if fleet.isEmpty {
                reason = "no vehicle or volunteer is on duty that day"
            } else if anyFits {
                reason = "no vehicle has room next to the other rides at that time"
            } else if ride.service == "automaatje" {
                reason = ride.wheelchair ? "no volunteer with a wheelchair-accessible car is available then" : "no volunteer is available for the whole drive then"
            } else {
                reason = ride.wheelchair ? "no vehicle with a wheelchair place is on duty then" : "no vehicle on duty can do this ride within its promises"
            }
            return (ride, reason)
        }
        var declines: [String: [String]] = [:]
        for (request, routes) in declinedBy { declines[rides[request - 1].id] = routes.map { fleet[$0].name } }
        return DaySchedule(days: days, unassigned: unassigned, kilometres: kilometres, declines: declines)
    }
}
