//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import FleetDispatch
import GTFS
import Mobility
import Planner

/// Drives a dispatched day: every vehicle and volunteer follows its schedule from its depot (or
/// home) and back. A drive between two stops is late with the scenario's probability by an
/// exponential delay; lateness carries on to the next stops unless the schedule had waiting
/// time to absorb it (nobody is picked up before the planned time). Boarding takes 2 minutes,
/// 5 with a wheelchair. A Regiotaxi with nobody on board that is early at a pickup waits for
/// the agreed time when the rest of its route still keeps its promises. A volunteer with nobody on board drives home between two rides when
/// the gap allows it (the time at home is not counted as volunteer hours).
struct DayExecution {
    /// The actual times of one ride, minutes after midnight.
    struct Ride {
        var vehicle: String
        /// Who drove, for an AutoMaatje ride.
        var volunteer: VolunteerID?
        var service: TravelMode
        var pickup: Double
        var dropoff: Double
    }

    var rides: [LegID: Ride] = [:]
    var timelines: [Timeline] = []
    /// Regiotaxi: km, km without a passenger, passenger-km, hours on the road (depot to depot).
    var taxiKm = 0.0
    var taxiEmptyKm = 0.0
    var taxiPassengerKm = 0.0
    var taxiHours = 0.0
    /// Volunteers: km and hours (home to home), and who drove.
    var volunteerKm = 0.0
    var volunteerHours = 0.0
    var volunteersActive = Set<String>()

    /// `rides`: the day's booked rides by leg id; `bases`: each shift's or volunteer window's
    /// depot (home) and times by name.
    init(
        days: [VehicleDay], rides booked: [RideID: BookedRide], bases: [ShiftID: (depot: Coordinate, start: Double, end: Double)],
        volunteers: [Volunteer], date: String, road: any RoadModel, window: Double, delayProbability: Double, delayMean: Double,
        random: inout SeededGenerator
    ) {
        for day in days where !day.stops.isEmpty {
            let volunteer = day.kind == .volunteer ? volunteers.first { $0.id == day.volunteer } : nil
            let base = bases[day.shift]
            guard let depot = base?.depot ?? volunteer?.home.coordinate else { continue }
            var points: [Coordinate] = [], seats: [Int] = [], service: [Double] = [], ids: [LegID] = [], agreed: [Double] = []
            for stop in day.stops {
                guard let ride = booked[stop.ride], let id = ride.leg else { continue }
                agreed.append(Double(ride.pickup))
                points.append(stop.pickup ? ride.from : ride.to)
                seats.append(stop.pickup ? ride.seats : -ride.seats)
                service.append(ride.serviceMinutes)
                ids.append(id)
            }
            guard points.count == day.stops.count else { continue }
            // Planned minutes from each stop to the next (the last: back to the depot).
            let onward = (0 ..< points.count).map { k in Double(road.drive(from: points[k], to: k + 1 < points.count ? points[k + 1] : depot).seconds) / 60 }
            /// Whether the planned rest of the route still keeps every pickup window and the
            /// shift's end when stop `k` begins at `begin` (ride times cannot grow: nobody is on
            /// board, and a later stop moves at most as much as the one before it).
            func keepsPromises(from k: Int, begin: Double) -> Bool {
                var time = begin
                for j in k + 1 ..< points.count {
                    time = max(day.stops[j].time, time + service[j - 1] + onward[j - 1])
                    if seats[j] > 0, time > agreed[j] + window + 1e-9 { return false }
                }
                return base.map { time + service[points.count - 1] + onward[points.count - 1] <= $0.end + 1e-9 } ?? true
            }
            var segments: [Timeline.Segment] = []
            let first = road.drive(from: depot, to: points[0])
            var leave = day.stops[0].time - Double(first.seconds) / 60
            let start = leave
            var onBoard = 0, km = 0.0, emptyKm = 0.0, passengerKm = 0.0
            // Minutes a volunteer spends at home between rides (not counted as volunteer hours).
            var atHome = 0.0
            var previous = depot
            for k in 0 ... points.count {
                let here = k < points.count ? points[k] : depot
                let drive = road.drive(from: previous, to: here)
                let late = Draw.chance(delayProbability, using: &random) ? Draw.exponential(delayMean, using: &random) : 0
                var arrival = leave + Double(drive.seconds) / 60 + late
                let drove = arrival > leave
                if drove { segments.append(.init(start: leave, end: arrival, activity: "drive", onBoard: onBoard)) }
                km += drive.metres / 1000
                if onBoard == 0 { emptyKm += drive.metres / 1000 }
                passengerKm += Double(onBoard) * drive.metres / 1000
                guard k < points.count else {
                    leave = arrival
                    break
                }
                // A volunteer with nobody on board goes home between rides when there is time.
                if volunteer != nil, onBoard == 0, k > 0 {
                    let home = road.drive(from: previous, to: depot), out = road.drive(from: depot, to: here)
                    let setOff = day.stops[k].time - Double(out.seconds) / 60
                    if leave + Double(home.seconds) / 60 < setOff {
                        if drove { segments.removeLast() }  // the direct drive just added is replaced by home and back
                        km -= drive.metres / 1000
                        emptyKm -= drive.metres / 1000
                        segments.append(.init(start: leave, end: leave + Double(home.seconds) / 60, activity: "drive", onBoard: 0))
                        segments.append(.init(start: setOff, end: day.stops[k].time, activity: "drive", onBoard: 0))
                        km += (home.metres + out.metres) / 1000
                        emptyKm += (home.metres + out.metres) / 1000
                        atHome += setOff - (leave + Double(home.seconds) / 60)
                        arrival = day.stops[k].time  // back out just in time: the stop follows as usual
                    }
                }
                var begin = max(arrival, day.stops[k].time)
                // An empty Regiotaxi early at a pickup waits for the agreed time when the rest
                // of its route allows (the schedule is the earliest feasible one: without this,
                // people are fetched up to a window's length before the time they asked for).
                if volunteer == nil, onBoard == 0, seats[k] > 0, begin < agreed[k] {
                    var wait = agreed[k] - begin
                    while wait > 0.5, !keepsPromises(from: k, begin: begin + wait) { wait /= 2 }
                    if wait > 0.5 { begin += wait }
                }
                if begin > arrival { segments.append(.init(start: arrival, end: begin, activity: "wait", onBoard: onBoard)) }
                segments.append(.init(start: begin, end: begin + service[k], activity: "stop", onBoard: onBoard))
                if seats[k] > 0 {
                    rides[ids[k], default: Ride(vehicle: day.shift.rawValue, volunteer: volunteer?.id, service: day.kind == .volunteer ? .automaatje : .regiotaxi, pickup: begin, dropoff: begin)].pickup = begin
                } else {
                    rides[ids[k]]?.dropoff = begin
                }
                onBoard += seats[k]
                leave = begin + service[k]
                previous = here
            }
            let hours = (leave - start - atHome) / 60
            if day.kind == .volunteer {
                volunteerKm += km
                volunteerHours += hours
                volunteersActive.insert(volunteer?.id.rawValue ?? day.shift.rawValue)
            } else {
                taxiKm += km
                taxiEmptyKm += emptyKm
                taxiPassengerKm += passengerKm
                taxiHours += hours
            }
            timelines.append(Timeline(
                day: date, vehicle: day.shift.rawValue, kind: day.kind.rawValue, shiftStart: base?.start ?? start, shiftEnd: base?.end ?? leave, segments: segments))
        }
    }
}
