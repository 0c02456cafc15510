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
public import RideDispatch

/// A vehicle of a day's fleet: a Regiotaxi vehicle's shift or a volunteer's availability
/// window, as the solver's vehicle (times in minutes after midnight) with where it starts.
public struct Shift: Sendable {
    public var id: ShiftID
    public var vehicle: DARPInstance.Vehicle
    public var depot: Coordinate
    /// The Regiotaxi vehicle of the shift (`nil` for a volunteer's window).
    public var vehicleID: VehicleID?
    /// The volunteer whose window this is (`nil` for a Regiotaxi shift).
    public var volunteer: VolunteerID?

    /// When the shift starts and ends, minutes after midnight.
    public var start: Double { vehicle.start }
    public var end: Double { vehicle.end }
    /// Seats and wheelchair places of the vehicle (a volunteer's car: its seats).
    public var seats: Int { vehicle.seats }
    public var wheelchairPlaces: Int { vehicle.wheelchairPlaces }
    /// Whether the shift's vehicle drives rides of `group` (a separate fleet drives only its own).
    public func drives(_ group: TargetGroup) -> Bool { vehicle.equipment & RideNeeds.Equipment.serves(group).rawValue != 0 }

    /// Every Regiotaxi shift on duty on the weekday (0 = Monday) and every window of the given
    /// volunteers; depots are numbered as if there were no requests.
    static func all(weekday: Int, vehicles: [Vehicle], volunteers: [Volunteer]) -> [Shift] {
        let day = weekdayNames[weekday]
        var shifts: [Shift] = []
        /// A working period `start`–`end` ("HH:MM", service-day times) named after `owner`.
        func add(
            _ owner: String, _ start: String, _ end: String, seats: Int, carries: VehicleEquipment, kind: Int, maxRequests: Int = .max,
            depot: Coordinate, vehicleID: VehicleID? = nil, volunteer: VolunteerID? = nil
        ) {
            guard let from = ClockTime.seconds(start), let to = ClockTime.seconds(end) else { return }
            let id = ShiftID(rawValue: "\(owner) \(start)–\(end)")
            var vehicle = DARPInstance.Vehicle(
                name: id.rawValue, depot: 1 + shifts.count, start: Double(from) / 60, end: Double(to) / 60, seats: seats,
                wheelchairPlaces: carries.wheelchairPlaces, kind: kind, maxRequests: maxRequests)
            vehicle.places = VehicleLanes.places(of: carries)
            vehicle.equipment = carries.equipment.rawValue
            shifts.append(Shift(id: id, vehicle: vehicle, depot: depot, vehicleID: vehicleID, volunteer: volunteer))
        }
        for vehicle in vehicles {
            for shift in vehicle.shifts where shift.days.contains(day) {
                add(
                    vehicle.id.rawValue, shift.start, shift.end, seats: vehicle.seats, carries: vehicle.carries, kind: 1,
                    depot: vehicle.depot.coordinate, vehicleID: vehicle.id)
            }
        }
        for volunteer in volunteers {
            for window in volunteer.availability where window.day == day {
                add(
                    volunteer.name, window.start, window.end, seats: volunteer.seats, carries: volunteer.carries, kind: 2,
                    maxRequests: volunteer.maxRidesPerDay, depot: volunteer.home.coordinate, volunteer: volunteer.id)
            }
        }
        return shifts
    }
}
