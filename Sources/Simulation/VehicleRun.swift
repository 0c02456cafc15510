//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
import FleetDispatch
import Mobility

/// One vehicle's or volunteer's day as it is driven: where it is, when it sets off next, the
/// stops still ahead, and what it has driven so far (times in minutes after midnight).
struct VehicleRun {
    /// A pickup or drop-off on the route.
    struct Stop {
        var ride: RideID
        var leg: LegID
        var point: Coordinate
        /// Seats taken (pickup, > 0) or freed (drop-off, < 0).
        var seats: Int
        /// Wheelchair places taken (+1), freed (−1) or neither (0).
        var wheelchairs: Int
        /// Boarding or alighting, minutes.
        var service: Double
        /// The agreed pickup time of the ride.
        var agreed: Double
        /// Service begins no earlier than this (the plan's time; nobody is fetched earlier).
        var time: Double
        /// The longest ride time promised, minutes.
        var limit: Double
        /// The ride asks more of the vehicle than seats and a wheelchair place (a scooter place,
        /// equipment, the front seat, riding alone, last in and first out): the central leaves
        /// it, and a taxi that carries one, where the plan put them.
        var special = false

        var isPickup: Bool { seats > 0 }
    }

    let shift: ShiftID
    let kind: ServiceRules.Service.Kind
    let volunteer: Volunteer?
    let base: DayExecution.Base?
    let depot: Coordinate
    private(set) var stops: [Stop]
    /// The stop driven to next; `stops.count`: back to the depot.
    private(set) var next = 0
    /// When the vehicle sets off from `previous` (the depot before the first stop).
    private(set) var leave: Double
    /// When it left the depot.
    private(set) var start: Double
    private(set) var previous: Coordinate
    private(set) var onBoard = 0
    private(set) var wheelchairsOnBoard = 0
    /// When each ride on board began its pickup.
    private(set) var pickedUp: [RideID: Double] = [:]
    private(set) var km = 0.0
    private(set) var emptyKm = 0.0
    private(set) var passengerKm = 0.0
    /// Minutes a volunteer spends at home between rides (not counted as volunteer hours).
    private(set) var atHome = 0.0
    private(set) var segments: [Timeline.Segment] = []
    /// Back at the depot for the day.
    private(set) var finished = false
    /// The delays of this route's drives, drawn before the day is driven; more are drawn when
    /// the central adds stops.
    var delays: [Double] = []

    /// A route that sets off in time for its first stop, or a taxi without rides, at its depot
    /// from the shift's start (`stops` empty; it needs a `base`).
    init(
        shift: ShiftID, kind: ServiceRules.Service.Kind, volunteer: Volunteer?, base: DayExecution.Base?, depot: Coordinate, stops: [Stop],
        road: any RoadModel
    ) {
        self.shift = shift
        self.kind = kind
        self.volunteer = volunteer
        self.base = base
        self.depot = depot
        self.stops = stops
        if let first = stops.first {
            leave = first.time - Double(road.drive(from: depot, to: first.point).seconds) / 60
        } else {
            leave = base?.start ?? 0
        }
        start = leave
        previous = depot
    }

    /// A taxi still at its depot sets off no earlier than `time` (when the central calls it).
    mutating func wait(until time: Double) {
        if next == 0 { leave = max(leave, time) }
    }

    /// Drives to the next stop (or home) with `late` minutes of delay and serves it.
    mutating func driveOn(late: Double, window: Double, road: any RoadModel, rides: inout [LegID: DayExecution.Ride]) {
        let k = next
        if k == 0 { start = leave }
        let here = k < stops.count ? stops[k].point : depot
        let drive = road.drive(from: previous, to: here)
        var arrival = leave + Double(drive.seconds) / 60 + late
        let drove = arrival > leave
        if drove { segments.append(.init(start: leave, end: arrival, activity: "drive", onBoard: onBoard)) }
        km += drive.metres / 1000
        if onBoard == 0 { emptyKm += drive.metres / 1000 }
        passengerKm += Double(onBoard) * drive.metres / 1000
        guard k < stops.count else {
            leave = arrival
            finished = true
            return
        }
        let stop = stops[k]
        // A volunteer with nobody on board goes home between rides when there is time.
        if volunteer != nil, onBoard == 0, k > 0 {
            let home = road.drive(from: previous, to: depot), out = road.drive(from: depot, to: here)
            let setOff = stop.time - Double(out.seconds) / 60
            if leave + Double(home.seconds) / 60 < setOff {
                if drove { segments.removeLast() }  // the direct drive just added is replaced by home and back
                km -= drive.metres / 1000
                emptyKm -= drive.metres / 1000
                segments.append(.init(start: leave, end: leave + Double(home.seconds) / 60, activity: "drive", onBoard: 0))
                segments.append(.init(start: setOff, end: stop.time, activity: "drive", onBoard: 0))
                km += (home.metres + out.metres) / 1000
                emptyKm += (home.metres + out.metres) / 1000
                atHome += setOff - (leave + Double(home.seconds) / 60)
                arrival = stop.time  // back out just in time: the stop follows as usual
            }
        }
        var begin = max(arrival, stop.time)
        // An empty Regiotaxi early at a pickup waits for the agreed time when the rest of its
        // route allows (the schedule is the earliest feasible one: without this, people are
        // fetched up to a window's length before the time they asked for). It waits only as
        // long as no later pickup moves past its planned time: the slack the plan left before
        // the window closes is there for delays on the road, not for waiting.
        if volunteer == nil, onBoard == 0, stop.isPickup, begin < stop.agreed {
            var wait = stop.agreed - begin
            while wait > 0.5, !keepsPromises(from: k, begin: begin + wait, window: window, road: road) { wait /= 2 }
            if wait > 0.5 { begin += wait }
        }
        if begin > arrival { segments.append(.init(start: arrival, end: begin, activity: "wait", onBoard: onBoard)) }
        segments.append(.init(start: begin, end: begin + stop.service, activity: "stop", onBoard: onBoard))
        if stop.isPickup {
            rides[stop.leg, default: DayExecution.Ride(
                vehicle: shift.rawValue, volunteer: volunteer?.id, service: kind == .volunteer ? .automaatje : .regiotaxi,
                pickup: begin, dropoff: begin)].pickup = begin
            pickedUp[stop.ride] = begin
        } else {
            rides[stop.leg]?.dropoff = begin
            pickedUp[stop.ride] = nil
        }
        onBoard += stop.seats
        wheelchairsOnBoard += stop.wheelchairs
        leave = begin + stop.service
        previous = here
        next += 1
    }

    /// Whether the planned rest of the route still picks everybody up by their planned time
    /// (and within their window) and keeps the shift's end when stop `k` begins at `begin`
    /// (ride times cannot grow: nobody is on board, and a later stop moves at most as much as
    /// the one before it).
    private func keepsPromises(from k: Int, begin: Double, window: Double, road: any RoadModel) -> Bool {
        var time = begin
        for j in k + 1 ..< stops.count {
            time = max(stops[j].time, time + stops[j - 1].service + Double(road.drive(from: stops[j - 1].point, to: stops[j].point).seconds) / 60)
            if stops[j].isPickup, time > min(stops[j].agreed + window, stops[j].time) + 1e-9 { return false }
        }
        let last = stops[stops.count - 1]
        return base.map { time + last.service + Double(road.drive(from: last.point, to: depot).seconds) / 60 <= $0.end + 1e-9 } ?? true
    }

    /// Takes the pickup and drop-off of `ride` off the stops ahead.
    mutating func remove(ride: RideID) {
        guard let p = stops[next...].firstIndex(where: { $0.ride == ride && $0.isPickup }),
              let d = stops[(p + 1)...].firstIndex(where: { $0.ride == ride }) else { return }
        stops.remove(at: d)
        stops.remove(at: p)
    }

    /// Replaces the stops ahead (the central's new route; the stops behind stay).
    mutating func replaceStopsAhead(with route: [Stop]) {
        precondition(route.count >= next, "the stops behind stay")
        stops = route
    }
}
