//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import Foundation
public import GTFS

/// Whether the Regiotaxi fleet can still take a ride.
///
/// Planning without the day's bookings (`goan plan --traveller`, the planner alone) uses this
/// conservative capacity check per area and hour; the booking desk decides with the
/// dispatcher's insertion check against the day's booked routes instead. The check: a vehicle based near the pickup (depot within
/// `maximumDepotDistanceKm`) with the needed places must be on duty for the whole ride, and the
/// rides already booked in that area and hour must leave room (`ridesPerVehicleHour` each).
public struct FleetCapacityCheck: Sendable {
    public var vehicles: [Vehicle] {
        didSet { shiftTimes = Self.shiftTimes(of: vehicles); equipment = vehicles.map(\.carries) }
    }
    /// What each vehicle carries, read once.
    private var equipment: [VehicleEquipment]
    /// Each vehicle's shifts with their times read once (seconds; `nil` for an unreadable
    /// time): a check runs for every feeder of every plan, over the whole fleet.
    private var shiftTimes: [[(days: [String], start: Int32?, end: Int32?)]]
    /// Pickup times (service-day seconds) of rides already booked that day.
    public var bookedPickups: [Int32]
    /// Rides one vehicle can do in an hour (shared rides of about 20–30 minutes).
    public var ridesPerVehicleHour: Int = 2
    /// Kilometres (straight line) from a vehicle's depot to the pickup for it to count.
    public var maximumDepotDistanceKm: Double = 25

    public init(vehicles: [Vehicle], bookedPickups: [Int32] = []) {
        self.vehicles = vehicles
        self.bookedPickups = bookedPickups
        shiftTimes = Self.shiftTimes(of: vehicles)
        equipment = vehicles.map(\.carries)
    }

    private static func shiftTimes(of vehicles: [Vehicle]) -> [[(days: [String], start: Int32?, end: Int32?)]] {
        vehicles.map { $0.shifts.map { ($0.days, ClockTime.seconds($0.start), ClockTime.seconds($0.end)) } }
    }

    /// How the check decides, for the output ("say which in the output").
    public static let method = "capacity check (vehicles on duty within 25 km, 2 rides per vehicle-hour); a booking is checked against the day's booked routes"

    /// `nil` when a vehicle can take the ride, else the reason. `at`: the pickup position
    /// (`nil`: every vehicle counts, wherever it is based).
    public func check(
        date: ServiceDate, pickup: Int32, rideSeconds: Int32, needs: RideNeeds, at position: Coordinate? = nil
    ) -> Reason? {
        let day = weekdayNames[date.weekday]
        let end = pickup + rideSeconds
        // Counted in one pass without copying vehicles: this runs for every feeder of every plan.
        // Distances by the equirectangular approximation (within 0.1 % of the great circle at 25 km).
        let metresPerDegree = 111_195.0
        let cosine = position.map { cos($0.latitude * .pi / 180) } ?? 1
        let limit = maximumDepotDistanceKm * 1000
        var onDuty = 0, fitting = 0
        for (index, (vehicle, shifts)) in zip(vehicles, shiftTimes).enumerated() {
            if let position {
                let dy = (vehicle.depot.lat - position.latitude) * metresPerDegree
                let dx = (vehicle.depot.lon - position.longitude) * metresPerDegree * cosine
                if dx * dx + dy * dy > limit * limit { continue }
            }
            let working = shifts.contains { shift in
                guard shift.days.contains(day), let start = shift.start, let stop = shift.end else { return false }
                return start <= pickup && end <= stop
            }
            guard working else { continue }
            onDuty += 1
            if equipment[index].fits(needs, seats: vehicle.seats) { fitting += 1 }
        }
        if onDuty == 0 {
            return Reason(.outsideServiceHours, "No Regiotaxi vehicle is on duty at that time.")
        }
        if fitting == 0 {
            return Reason(.noVehicleWithAid, needs.wheelchairPlace
                ? "No Regiotaxi vehicle with a wheelchair place is on duty at that time."
                : needs.seats > 1 || needs == RideNeeds(codes: [])
                ? "No Regiotaxi vehicle with \(needs.seats) free seats is on duty at that time."
                : "No Regiotaxi vehicle on duty at that time has what the traveller needs (\(needs.summary)).")
        }
        // Only vehicles that can take this traveller count towards the room left (conservative).
        let hour = pickup / 3600
        let booked = bookedPickups.filter { $0 / 3600 == hour }.count
        if booked >= fitting * ridesPerVehicleHour {
            return Reason(.noVehicleAvailable, "Every suitable Regiotaxi vehicle on duty is fully booked in that hour.")
        }
        return nil
    }
}

/// Finds an AutoMaatje volunteer for a ride: available for the whole drive (from home, the
/// ride, back home), within range, with a suitable car and rides left that day.
public struct VolunteerMatcher: Sendable {
    public var volunteers: [Volunteer]
    public var road: any RoadModel
    /// Metres (straight line) from the volunteer's home to the pickup at most.
    public var maximumApproachMetres: Double = 15_000
    /// Rides each volunteer already has that day, and that week.
    public var ridesToday: [VolunteerID: Int] = [:]
    public var ridesThisWeek: [VolunteerID: Int] = [:]
    /// How far (metres, straight line) a volunteer's home may be from the pickup before a
    /// volunteer with one ride more this week is asked first: asking strictly the nearest
    /// gives the volunteer who lives in the middle of the village every ride, and volunteers
    /// who are never asked drop out. 0 asks strictly by distance.
    public var fairnessMetresPerRide: Double = 5_000

    public init(volunteers: [Volunteer], road: any RoadModel) {
        self.volunteers = volunteers
        self.road = road
    }

    /// A match: the volunteer and the kilometres driven (home → pickup → destination → home),
    /// on which the per-km fee is charged.
    public struct Match: Sendable {
        public var volunteer: Volunteer
        public var drivenKm: Double
    }

    /// The nearest volunteer who can do the ride, or the reason none can.
    public func match(
        date: ServiceDate, pickup: Int32, origin: Coordinate, destination: Coordinate, needs: RideNeeds
    ) -> Result<Match, Reason> {
        let best = candidates(date: date, pickup: pickup, origin: origin, destination: destination, needs: needs).first
        if let best { return .success(best) }
        return .failure(Reason(
            .noVolunteerAvailable,
            needs.wheelchairPlace
                ? "No AutoMaatje volunteer with a wheelchair-accessible car is available then and nearby."
                : "No AutoMaatje volunteer is available then and nearby (volunteers set their own hours)."))
    }

    /// Every volunteer who can do the ride in the order a coordinator asks them: nearest
    /// first, where each ride a volunteer already has this week counts as
    /// `fairnessMetresPerRide` farther away (so the week's rides are spread over the volunteers
    /// who can take them; ties by id).
    public func candidates(
        date: ServiceDate, pickup: Int32, origin: Coordinate, destination: Coordinate, needs: RideNeeds
    ) -> [Match] {
        let day = weekdayNames[date.weekday]
        let ride = road.drive(from: origin, to: destination)
        var found: [(approach: Double, match: Match)] = []
        for volunteer in volunteers {
            if !volunteer.carries.fits(needs, seats: volunteer.seats) { continue }
            if (ridesToday[volunteer.id] ?? 0) >= volunteer.maxRidesPerDay { continue }
            if (ridesThisWeek[volunteer.id] ?? 0) >= volunteer.maxRidesPerWeek { continue }
            let home = volunteer.home.coordinate
            let approachStraight = home.distance(to: origin)
            if approachStraight > maximumApproachMetres { continue }
            let approach = road.drive(from: home, to: origin)
            let back = road.drive(from: destination, to: home)
            let leaves = pickup - approach.seconds
            let returns = pickup + ride.seconds + back.seconds
            let available = volunteer.availability.contains { window in
                guard window.day == day, let start = ClockTime.seconds(window.start), let end = ClockTime.seconds(window.end) else {
                    return false
                }
                return start <= leaves && returns <= end
            }
            guard available else { continue }
            let turn = approachStraight + fairnessMetresPerRide * Double(ridesThisWeek[volunteer.id] ?? 0)
            found.append((turn, Match(volunteer: volunteer, drivenKm: approach.kilometres + ride.kilometres + back.kilometres)))
        }
        return found.sorted { ($0.approach, $0.match.volunteer.id) < ($1.approach, $1.match.volunteer.id) }.map(\.match)
    }
}
