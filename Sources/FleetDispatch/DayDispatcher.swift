//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS
public import Mobility
public import RideDispatch

/// Assigns a day's booked rides: Regiotaxi rides to the fleet's vehicles on duty, AutoMaatje rides
/// to volunteers inside their availability and ride limits — one dial-a-ride problem, solved by
/// the `RideDispatch` solver with the shared road model (times in minutes).
public struct DayDispatcher: Sendable {
    public let rules: ServiceRules
    public let vehicles: [Vehicle]
    public let volunteers: [Volunteer]
    public let road: any RoadModel

    /// Whether a volunteer accepts a ride the plan gives them: asked once per ride and volunteer,
    /// in the order the plan offers them. `goan dispatch` draws it from the volunteer's
    /// acceptance rate; the simulator answers with its own model; a real desk asks the volunteer.
    public typealias VolunteerAnswer = (_ ride: BookedRide, _ volunteer: Volunteer) -> Bool

    /// The shifts of each weekday (index 0 = Monday), without and with the volunteers' windows:
    /// built once, read by every insertion check.
    let shiftsByWeekday: [[Shift]]
    let shiftsWithVolunteersByWeekday: [[Shift]]
    /// Minutes at a stop, as the Regiotaxi's rules set them.
    public let boardingMinutes: BoardingMinutes

    public init(rules: ServiceRules, vehicles: [Vehicle], volunteers: [Volunteer], road: any RoadModel) {
        self.rules = rules
        self.vehicles = vehicles
        self.volunteers = volunteers
        self.road = road
        shiftsByWeekday = (0 ..< 7).map { Shift.all(weekday: $0, vehicles: vehicles, volunteers: []) }
        shiftsWithVolunteersByWeekday = (0 ..< 7).map { Shift.all(weekday: $0, vehicles: vehicles, volunteers: volunteers) }
        boardingMinutes = rules.services.first { $0.kind == .regiotaxi }?.boardingMinutes ?? .standard
    }

    /// The agreed pickup ± this many minutes (the Regiotaxi rule; 15 by the national norm).
    var pickupWindow: Double { Double(rules.services.first { $0.kind == .regiotaxi }?.pickupWindowMinutes ?? 15) }

    /// The day as a dial-a-ride instance (times in minutes after midnight): request k is
    /// `rides[k - 1]`; the fleet is every vehicle shift on duty that day and, when
    /// `includingVolunteers`, every volunteer availability window. Also returns the position of
    /// every node (depot 0, pickups, drop-offs, fleet depots).
    ///
    /// A day of more than `matrixLimit` nodes gets its travel times on demand (see
    /// ``DARPInstance/travelTime``): computed each time from the straight-line estimate, once
    /// and remembered from the street network.
    public func instance(for rides: [BookedRide], date: ServiceDate, includingVolunteers: Bool = true) -> (DARPInstance, [Coordinate]) {
        var day = self.day(of: rides, date: date, includingVolunteers: includingVolunteers, matrix: false)
        let points = day.points, count = points.count
        let road = self.road
        let minutes: @Sendable (Int, Int) -> Double = { i, j in
            i == j ? 0 : Double(road.drive(from: points[i], to: points[j]).seconds) / 60
        }
        guard count <= matrixLimit else {
            if road is StraightLineRoadModel {
                // Cheaper to compute again than to look up among the millions of pairs a
                // region's search asks for.
                day.instance.travelTime = minutes
            } else {
                let memo = TravelTimeMemo(minutes: minutes)
                day.instance.travelTime = { i, j in memo.time(i, j) }
            }
            // Through node 0 and back: an upper bound of any drive between two nodes.
            var longest = 0.0
            for k in 1 ..< count { longest = max(longest, minutes(0, k) + minutes(k, 0)) }
            day.instance.longestTravel = 2 * longest
            return (day.instance, points)
        }
        day.instance.travel = [Double](repeating: 0, count: count * count)
        for i in 0 ..< count {
            for j in 0 ..< count where i != j { day.instance.travel[i * count + j] = minutes(i, j) }
        }
        return (day.instance, points)
    }

    /// Days with more nodes (pickups, drop-offs, depots) than this get travel times on demand
    /// instead of a matrix: 1,200 nodes are 11 MB of matrix, a region's 6,400 would be 330 MB.
    public var matrixLimit = 1200

    /// Route cost per minute a passenger rides (see ``DARPInstance/rideTimeWeight``): 0 weighs
    /// the vehicles' driving only.
    public var rideTimeWeight = 0.0

    /// Minutes around the agreed pickup time within which the overnight re-optimisation plans
    /// each pickup where the day allows (`nil`: the whole pickup window). Narrower than the
    /// promise (±15), it keeps room for delays on the road and fetches nobody long before the
    /// agreed time; a ride that fits nowhere in it keeps its whole window.
    public var planningWindow: Double?
    /// Minutes before the agreed pickup time the planning window opens, when other than
    /// `planningWindow` (`nil`: the same). Delays make pickups later, never earlier, so a
    /// window that leaves more room after the agreed time than before it keeps fewer
    /// travellers waiting past their window (see `Scenarios/README.md`).
    public var planningWindowBefore: Double?

    /// The longest ride time promised for `ride` (minutes): the Regiotaxi's rule on the direct
    /// drive, or the direct drive and 10 minutes with a volunteer (who drives directly).
    public func rideTimeLimit(of ride: BookedRide) -> Double {
        rideTimeLimit(of: ride, taxi: rules.services.first { $0.kind == .regiotaxi })
    }

    private func rideTimeLimit(of ride: BookedRide, taxi: ServiceRules.Service?) -> Double {
        let direct = Double(road.drive(from: ride.from, to: ride.to).seconds) / 60
        let limit = ride.service == .regiotaxi
            ? (taxi?.rideTime.map { direct * $0.factor + $0.extraMinutes } ?? direct * 1.5 + 15)
            : direct + 10
        guard ride.service == .regiotaxi && ride.needs.shortRide else { return limit }
        // AV-11: the tighter of the two.
        let rule = taxi?.shortRideTime ?? .shortTravelDefault
        return min(limit, direct * rule.factor + rule.extraMinutes)
    }

    /// The nodes, fleet and promises of a day, without travel times (a matrix of zeros, or none
    /// when `matrix` is false), and the position of every node. The fleet is `shifts` (depots
    /// renumbered), or every shift on duty.
    func day(
        of rides: [BookedRide], date: ServiceDate, includingVolunteers: Bool, shifts given: [Shift]? = nil, matrix: Bool = true
    ) -> (instance: DARPInstance, points: [Coordinate]) {
        let n = rides.count
        var nodes: [DARPInstance.Node] = [DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 30 * 60)]
        var points: [Coordinate] = [Coordinate(latitude: 52.4, longitude: 6.6)]
        var maxRide: [Double] = [0], kinds: [Int] = [0]
        let taxi = rules.services.first { $0.kind == .regiotaxi }
        let window = pickupWindow
        var pickups: [DARPInstance.Node] = [], drops: [DARPInstance.Node] = []
        var places: [SIMD8<Int16>] = [], equipment: [UInt32] = [0], consecutive: [Bool] = [false], groups: [SIMD8<Int16>] = []
        // Pupils ride only with pupils unless the rules let them share (and AV-10 keeps anyone
        // to their own group).
        let pupilsShare = taxi?.pupilsRideWithOthers ?? false
        let boarding = boardingMinutes
        for ride in rides {
            let needs = ride.needs
            let t = Double(ride.pickup), chair = needs.wheelchairPlace ? 1 : 0
            pickups.append(.init(
                x: 0, y: 0, service: ride.serviceMinutes(boarding), load: needs.seats, wheelchair: chair, earliest: t - window, latest: t + window, target: t))
            drops.append(.init(x: 0, y: 0, service: ride.serviceMinutes(boarding), load: -needs.seats, wheelchair: -chair, earliest: 0, latest: 30 * 60))
            maxRide.append(rideTimeLimit(of: ride, taxi: taxi))
            kinds.append(ride.service == .regiotaxi ? 1 : 2)
            places.append(VehicleLanes.load(of: needs))
            equipment.append(needs.equipment.rawValue)
            consecutive.append(needs.lastInFirstOut)
            var group = SIMD8<Int16>(repeating: 0)
            group[ride.group.index] = 1
            if needs.ownGroupOnly || (ride.group == .school && !pupilsShare) { group[4 + ride.group.index] = 1 }
            groups.append(group)
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
        // Separate fleets: a vehicle drives only the rides of the groups it serves.
        let every = RideNeeds.Equipment.everyGroup.rawValue
        if fleet.contains(where: { $0.equipment & every != every }) {
            for (k, ride) in rides.enumerated() { equipment[k + 1] |= RideNeeds.Equipment.serves(ride.group).rawValue }
        }
        for vehicle in fleet {
            nodes.append(.init(x: 0, y: 0, service: 0, load: 0, earliest: vehicle.start, latest: vehicle.end))
        }
        let count = nodes.count
        var instance = DARPInstance(
            name: "day \(date)", requests: n, nodes: nodes, travel: matrix ? [Double](repeating: 0, count: count * count) : [], fleet: fleet,
            maxRide: maxRide, kinds: kinds)
        instance.rideTimeWeight = rideTimeWeight
        if places.contains(where: { $0 != VehicleLanes.plain }) {
            instance.placeLoad = [.zero] + places + places.map { .zero &- $0 } + fleet.map { _ in .zero }
        }
        if equipment.contains(where: { $0 != 0 }) { instance.requestEquipment = equipment }
        if consecutive.contains(true) { instance.requestConsecutive = consecutive }
        // Only when some ride keeps to its group: otherwise everyone may share (and the
        // benchmark-shaped instance stays as it was).
        if groups.contains(where: { $0[4] + $0[5] + $0[6] + $0[7] > 0 }) {
            instance.groupLoad = [.zero] + groups + groups.map { .zero &- $0 } + fleet.map { _ in .zero }
        }
        return (instance, points)
    }

    /// Whether a ride needs more than its people's seats: a place or equipment, riding alone, or
    /// a seat for a dog, an escort or left empty.
    static func asksForMore(_ ride: BookedRide) -> Bool {
        let needs = ride.needs
        return needs.asksForAPlaceOrEquipment || needs.alone || needs.seats > ride.seats
    }

    /// Every Regiotaxi shift on duty on `date` and, when `includingVolunteers`, every volunteer
    /// availability window; depots are numbered as if there were no requests.
    public func shifts(on date: ServiceDate, includingVolunteers: Bool) -> [Shift] {
        includingVolunteers ? shiftsWithVolunteersByWeekday[date.weekday] : shiftsByWeekday[date.weekday]
    }

    /// Assigns the day. Rides already booked keep what the booking promised: an AutoMaatje ride
    /// a volunteer accepted stays with that volunteer (and one still awaiting an answer is listed
    /// as such, not given to someone else); Regiotaxi rides start in the vehicle they were
    /// confirmed into and the search may only improve on that, never drop one. AutoMaatje rides
    /// not yet offered (a rides file) are offered to the volunteers the plan gives them, who
    /// answer through `answer`; a declined ride is re-offered to the next best volunteer.
    ///
    /// `booked`, when given, are the Regiotaxi routes as the bookings built them (shift → visits
    /// in order): the search starts from exactly those routes, as an operator re-plans the next
    /// day overnight, so its result is never worse than the day as booked.
    public func dispatch(
        _ rides: [BookedRide], date: ServiceDate, timeLimit: Double, iterations: Int = .max, seed: UInt64,
        booked: [ShiftID: [RouteVisit]]? = nil, answer: VolunteerAnswer
    ) -> DaySchedule {
        let fixed = rides.filter { $0.service == .automaatje && $0.acceptedBy != nil }
        let awaiting = rides.filter { $0.service == .automaatje && $0.acceptedBy == nil && $0.awaiting != nil }
        let open = rides.filter { !($0.service == .automaatje && ($0.acceptedBy != nil || $0.awaiting != nil)) }
        var schedule = dispatchOpen(open, date: date, timeLimit: timeLimit, iterations: iterations, seed: seed, booked: booked, answer: answer)
        let accepted = acceptedDays(fixed, date: date)
        schedule.days += accepted
        schedule.kilometres += accepted.reduce(0) { $0 + $1.kilometres }
        for ride in awaiting {
            let name = volunteers.first { $0.id == ride.awaiting }?.name ?? ride.awaiting?.rawValue ?? ""
            schedule.unassigned.append((ride, "waiting for \(name) to answer"))
        }
        return schedule
    }

    /// The days of volunteers with the rides they accepted, in time order: from home to each
    /// pickup, straight to the destination, and home again.
    public func acceptedDays(_ rides: [BookedRide], date: ServiceDate) -> [VehicleDay] {
        let day = weekdayNames[date.weekday]
        let byVolunteer = Dictionary(grouping: rides.filter { $0.acceptedBy != nil }, by: { $0.acceptedBy! })
        return byVolunteer.sorted { $0.key < $1.key }.map { id, rides in
            let volunteer = volunteers.first { $0.id == id }
            var stops: [VehicleDay.Stop] = []
            var metres = 0.0
            for ride in rides.sorted(by: { ($0.pickup, $0.id) < ($1.pickup, $1.id) }) {
                let drive = road.drive(from: ride.from, to: ride.to)
                stops.append(.init(time: Double(ride.pickup), place: ride.fromName, ride: ride.id, traveller: ride.traveller, pickup: true))
                stops.append(.init(
                    time: Double(ride.pickup) + ride.serviceMinutes(boardingMinutes) + Double(drive.seconds) / 60, place: ride.toName, ride: ride.id,
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
            let name = (volunteer?.name ?? id.rawValue) + (window.map { " \($0.start)–\($0.end)" } ?? "")
            return VehicleDay(shift: ShiftID(rawValue: name), kind: .volunteer, vehicle: nil, volunteer: id, stops: stops, kilometres: metres / 1000)
        }
    }

    /// Solves the rides not fixed by an answer (see `dispatch`).
    func dispatchOpen(
        _ rides: [BookedRide], date: ServiceDate, timeLimit: Double, iterations: Int, seed: UInt64, booked: [ShiftID: [RouteVisit]]?,
        answer: VolunteerAnswer
    ) -> DaySchedule {
        let n = rides.count
        let shifts = shifts(on: date, includingVolunteers: true)
        let (instance, points) = self.instance(for: rides, date: date)
        let fleet = instance.fleet
        var solver = DARPSolver(instance: instance, seed: seed)
        var solution: DARPSolution
        if fleet.isEmpty {
            solution = DARPSolution(routes: [], unassigned: Array(1 ..< n + 1), cost: 0)
        } else if let booked {
            // The routes as booked, stop for stop; a ride in none of them is inserted first.
            var request: [RideID: Int] = [:]
            for (k, ride) in rides.enumerated() { request[ride.id] = k + 1 }
            var start = DARPSolution(routes: Array(repeating: [], count: fleet.count), unassigned: [], cost: 0)
            var placed = Set<Int>()
            for (index, shift) in shifts.enumerated() {
                let visits = (booked[shift.id] ?? []).filter { request[$0.ride.id] != nil }
                let route = visits.map { request[$0.ride.id]! + ($0.pickup ? 0 : n) }
                // A route whose visits do not pair up (a damaged day) is left to the insertion.
                guard Set(route).count == route.count, route.allSatisfy({ $0 > n ? route.contains($0 - n) : route.contains($0 + n) }) else { continue }
                start.routes[index] = route
                placed.formUnion(route.filter { $0 <= n })
            }
            start.unassigned = (1 ... max(1, n)).filter { $0 <= n && !placed.contains($0) }
            if let planningWindow, planningWindow < pickupWindow || (planningWindowBefore ?? planningWindow) < pickupWindow,
                let within = solveWithinPlanningWindow(
                    before: planningWindowBefore ?? planningWindow, after: planningWindow, instance: instance, start: start,
                    timeLimit: timeLimit, iterations: iterations, seed: seed)
            {
                // From here on the solver of the planning window's instance (its windows are
                // the ones the routes keep).
                (solution, solver) = within
            } else {
                solution = solver.solve(timeLimit: timeLimit, iterations: iterations, start: start)
            }
        } else if rides.contains(where: { $0.confirmedShift != nil }) {
            // Start from the vehicles the bookings were confirmed into, in pickup order.
            var start = DARPSolution(routes: Array(repeating: [], count: fleet.count), unassigned: [], cost: 0)
            let order = rides.indices.sorted { (rides[$0].pickup, $0) < (rides[$1].pickup, $1) }
            for k in order {
                let vehicle = rides[k].confirmedShift.flatMap { confirmed in shifts.firstIndex { $0.id == confirmed } }
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
        // Offer each AutoMaatje ride to the volunteer the plan gives it, and re-offer a declined
        // ride to the next best one.
        var declinedBy: [Int: [Int]] = [:]
        let volunteerOf = shifts.map { shift in shift.volunteer.flatMap { id in volunteers.first { $0.id == id } } }
        let volunteerRoutes = Set(fleet.indices.filter { fleet[$0].kind == 2 })
        var settled = Set<Int>()
        var pending = volunteerRoutes.sorted().flatMap { route in solution.routes[route].filter { $0 <= n } }
        while let request = pending.first {
            pending.removeFirst()
            guard !settled.contains(request),
                let route = solution.routes.firstIndex(where: { $0.contains(request) })
            else { continue }
            if let volunteer = volunteerOf[route], !answer(rides[request - 1], volunteer) {
                declinedBy[request, default: []].append(route)
                solver.withdraw(request, from: &solution)
                let excluded = Set(fleet.indices).subtracting(volunteerRoutes).union(declinedBy[request]!)
                if solver.reinsert(request, into: &solution, excluding: excluded) != nil {
                    pending.append(request)
                    continue
                }
            }
            settled.insert(request)
        }
        let evaluator = RouteEvaluator(instance: solver.instance)
        var days: [VehicleDay] = []
        var kilometres = 0.0
        for (index, route) in solution.routes.enumerated() where !route.isEmpty {
            guard let schedule = evaluator.evaluate(route, vehicle: index) else { continue }
            var stops: [VehicleDay.Stop] = []
            for (k, node) in route.enumerated() {
                let pickup = node <= n
                let ride = rides[(pickup ? node : node - n) - 1]
                stops.append(.init(
                    time: schedule.begins[k], place: pickup ? ride.fromName : ride.toName, ride: ride.id, traveller: ride.traveller, pickup: pickup))
            }
            var metres = 0.0
            let path = [fleet[index].depot] + route + [fleet[index].depot]
            for (a, b) in zip(path, path.dropFirst()) { metres += road.drive(from: points[a], to: points[b]).metres }
            kilometres += metres / 1000
            days.append(VehicleDay(
                shift: shifts[index].id, kind: fleet[index].kind == 1 ? .regiotaxi : .volunteer, vehicle: shifts[index].vehicleID,
                volunteer: shifts[index].volunteer, stops: stops,
                kilometres: metres / 1000))
        }
        let unassigned = solution.unassigned.sorted().map { request -> (BookedRide, String) in
            let ride = rides[request - 1]
            let anyFits = (0 ..< fleet.count).contains { v in evaluator.isFeasible([request, instance.dropOff(of: request)], vehicle: v) }
            let reason: String
            if let decliners = declinedBy[request], !decliners.isEmpty {
                reason = "declined by \(decliners.map { shifts[$0].id.rawValue }.joined(separator: ", ")); no other volunteer can take it"
            } else if fleet.isEmpty {
                reason = "no vehicle or volunteer is on duty that day"
            } else if anyFits {
                reason = "no vehicle has room next to the other rides at that time"
            } else if ride.service == .automaatje {
                reason = ride.wheelchair ? "no volunteer with a wheelchair-accessible car is available then"
                    : Self.asksForMore(ride) ? "no volunteer's car has what the ride needs (\(ride.needs.summary)) then"
                    : "no volunteer is available for the whole drive then"
            } else {
                reason = ride.wheelchair ? "no vehicle with a wheelchair place is on duty then"
                    : Self.asksForMore(ride) ? "no vehicle on duty has what the ride needs (\(ride.needs.summary))"
                    : "no vehicle on duty can do this ride within its promises"
            }
            return (ride, reason)
        }
        var declines: [RideID: [ShiftID]] = [:]
        for (request, routes) in declinedBy { declines[rides[request - 1].id] = routes.map { shifts[$0].id } }
        return DaySchedule(days: days, unassigned: unassigned, kilometres: kilometres, declines: declines)
    }
}
