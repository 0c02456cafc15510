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

    /// Every Regiotaxi shift on duty on the weekday (0 = Monday) and every window of the given
    /// volunteers; depots are numbered as if there were no requests.
    static func all(weekday: Int, vehicles: [Vehicle], volunteers: [Volunteer]) -> [Shift] {
        let day = weekdayNames[weekday]
        var shifts: [Shift] = []
        for vehicle in vehicles {
            for shift in vehicle.shifts where shift.days.contains(day) {
                guard let start = ClockTime.seconds(shift.start), let end = ClockTime.seconds(shift.end) else { continue }
                let id = ShiftID(rawValue: "\(vehicle.id) \(shift.start)–\(shift.end)")
                shifts.append(Shift(
                    id: id,
                    vehicle: .init(
                        name: id.rawValue, depot: 1 + shifts.count, start: Double(start) / 60, end: Double(end) / 60, seats: vehicle.seats,
                        wheelchairPlaces: vehicle.wheelchairPlaces, kind: 1),
                    depot: vehicle.depot.coordinate, vehicleID: vehicle.id))
            }
        }
        for volunteer in volunteers {
            for window in volunteer.availability where window.day == day {
                guard let start = ClockTime.seconds(window.start), let end = ClockTime.seconds(window.end) else { continue }
                let id = ShiftID(rawValue: "\(volunteer.name) \(window.start)–\(window.end)")
                shifts.append(Shift(
                    id: id,
                    vehicle: .init(
                        name: id.rawValue, depot: 1 + shifts.count, start: Double(start) / 60, end: Double(end) / 60, seats: volunteer.seats,
                        wheelchairPlaces: volunteer.wheelchair ? 1 : 0, kind: 2, maxRequests: volunteer.maxRidesPerDay),
                    depot: volunteer.home.coordinate, volunteer: volunteer.id))
            }
        }
        return shifts
    }
}
