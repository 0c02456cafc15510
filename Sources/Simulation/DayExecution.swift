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
import HeapModule
import Mobility
import Planner

/// Drives a dispatched day: every vehicle and volunteer follows its schedule from its depot (or
/// home) and back. A drive between two stops is late with the scenario's probability by an
/// exponential delay; lateness carries on to the next stops unless the schedule had waiting
/// time to absorb it (nobody is picked up before the planned time). Boarding takes the
/// service's boarding minutes (2, 5 in a wheelchair or with a scooter, more with help from the
/// door). A Regiotaxi with nobody on board that is early at a pickup waits for the agreed time
/// when the rest of its route still keeps its promises and no later pickup moves past its
/// planned time. A volunteer with nobody on board drives home between two
/// rides when the gap allows it (the time at home is not counted as volunteer hours).
///
/// The vehicles move in the order of time, so that the central sees the whole fleet as it is:
/// when a Regiotaxi is about to set off and its route, at the planned drive times from where it
/// is, would pick somebody up after the window, the central moves that ride to another
/// Regiotaxi that can still fetch them within the window (see ``Central``).
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

    /// Where a shift starts and ends, when, and what its vehicle carries.
    struct Base {
        var depot: Coordinate
        var start: Double
        var end: Double
        var seats: Int
        var wheelchairPlaces: Int
        /// A Regiotaxi's shift (not a volunteer's window).
        var taxi: Bool
        /// Whether the vehicle drives Wmo rides (not one of a separate fleet for day care and
        /// school): only then may the central move a late Wmo ride to it.
        var drivesWmo = true
    }

    /// Whether a ride asks more than its people's seats and a wheelchair place (see
    /// `VehicleRun.Stop.special`): a seat for a dog or left empty, or an escort, counts too, as
    /// the stops count only the people booked.
    static func isSpecial(_ ride: BookedRide) -> Bool {
        let needs = ride.needs
        var plain = RideNeeds(codes: [], companions: ride.seats - 1)
        plain.wheelchairPlace = needs.wheelchairPlace
        plain.support = needs.support
        plain.shortRide = needs.shortRide
        // Day care and school rides keep to their vehicles (target groups, separate fleets).
        return needs != plain || ride.group != .wmo
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
    /// Rides the central moved to another Regiotaxi during the day.
    var reassigned = 0

    /// `rides`: the day's booked rides by ride id; `bases`: each shift's or volunteer window's
    /// depot (home), times and places by shift; `rideTimeLimit`: the longest ride time promised
    /// (minutes); `central`: whether late rides are moved during the day.
    init(
        days: [VehicleDay], rides booked: [RideID: BookedRide], bases: [ShiftID: Base], volunteers: [Volunteer], date: String,
        road: any RoadModel, boarding: BoardingMinutes, window: Double, rideTimeLimit: (BookedRide) -> Double, delayProbability: Double, delayMean: Double,
        central reacts: Bool, random: inout SeededGenerator
    ) {
        var runs: [VehicleRun] = []
        for day in days where !day.stops.isEmpty {
            let volunteer = day.kind == .volunteer ? volunteers.first { $0.id == day.volunteer } : nil
            let base = bases[day.shift]
            guard let depot = base?.depot ?? volunteer?.home.coordinate else { continue }
            var stops: [VehicleRun.Stop] = []
            for stop in day.stops {
                guard let ride = booked[stop.ride], let id = ride.leg else { continue }
                stops.append(.init(
                    ride: stop.ride, leg: id, point: stop.pickup ? ride.from : ride.to, seats: stop.pickup ? ride.seats : -ride.seats,
                    wheelchairs: ride.wheelchair ? (stop.pickup ? 1 : -1) : 0, service: ride.serviceMinutes(boarding), agreed: Double(ride.pickup),
                    time: stop.time, limit: rideTimeLimit(ride), special: Self.isSpecial(ride)))
            }
            guard stops.count == day.stops.count else { continue }
            runs.append(VehicleRun(shift: day.shift, kind: day.kind, volunteer: volunteer, base: base, depot: depot, stops: stops, road: road))
        }
        // Taxis without rides wait at their depots, for the central to call.
        if reacts {
            let busy = Set(runs.map(\.shift))
            for (shift, base) in bases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where base.taxi && !busy.contains(shift) {
                runs.append(VehicleRun(shift: shift, kind: .regiotaxi, volunteer: nil, base: base, depot: base.depot, stops: [], road: road))
            }
        }
        func delay(_ random: inout SeededGenerator) -> Double {
            Draw.chance(delayProbability, using: &random) ? Draw.exponential(delayMean, using: &random) : 0
        }
        // Each route's delays are drawn in the order of the routes, one a drive (home included),
        // so that a day the central leaves alone is driven as if each route ran on its own.
        for i in runs.indices where !runs[i].stops.isEmpty { runs[i].delays = (0 ... runs[i].stops.count).map { _ in delay(&random) } }
        // Drives the central adds draw from a stream of their own, so that the next days'
        // delays are the same with the central and without it.
        var copy = random
        var added = SeededGenerator(seed: copy.next())
        var central = Central(window: window, road: road)
        var queued = runs.map { !$0.stops.isEmpty }
        var queue = Heap(runs.indices.filter { queued[$0] }.map { Departure(time: runs[$0].leave, run: $0) })
        while let index = queue.popMin()?.run {
            let now = runs[index].leave
            if reacts, runs[index].volunteer == nil, runs[index].next < runs[index].stops.count {
                for i in runs.indices where !queued[i] { runs[i].wait(until: now) }
                for target in central.moveLateRides(of: index, in: &runs, at: now) {
                    reassigned += 1
                    if !queued[target] {
                        queued[target] = true
                        queue.insert(Departure(time: runs[target].leave, run: target))
                    }
                }
            }
            if runs[index].next == 0, runs[index].stops.isEmpty {  // every ride was moved before it set off
                queued[index] = false
                continue
            }
            let k = runs[index].next
            let late = k < runs[index].delays.count ? runs[index].delays[k] : delay(&added)
            runs[index].driveOn(late: late, window: window, road: road, rides: &rides)
            if !runs[index].finished { queue.insert(Departure(time: runs[index].leave, run: index)) }
        }
        for run in runs where run.next > 0 {  // a route the central emptied before it set off is not driven
            let hours = (run.leave - run.start - run.atHome) / 60
            if run.kind == .volunteer {
                volunteerKm += run.km
                volunteerHours += hours
                volunteersActive.insert(run.volunteer?.id.rawValue ?? run.shift.rawValue)
            } else {
                taxiKm += run.km
                taxiEmptyKm += run.emptyKm
                taxiPassengerKm += run.passengerKm
                taxiHours += hours
            }
            timelines.append(Timeline(
                day: date, vehicle: run.shift.rawValue, kind: run.kind.rawValue, shiftStart: run.base?.start ?? run.start,
                shiftEnd: run.base?.end ?? run.leave, segments: run.segments))
        }
    }
}

/// When a run sets off next; the earlier first, ties to the run earlier in the day's list so
/// that the day is driven the same way every time.
private struct Departure: Comparable {
    var time: Double
    var run: Int

    static func < (a: Departure, b: Departure) -> Bool { (a.time, a.run) < (b.time, b.run) }
}
