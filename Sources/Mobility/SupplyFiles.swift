//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// The supply and the people of a scenario folder (`Scenarios/twente/`): `fleet.json`,
/// `volunteers.json`, `places.json`, `travellers.json`. Formats: `Scenarios/README.md`.
public struct SupplyFiles: Sendable {
    public var vehicles: [Vehicle]
    public var volunteers: [Volunteer]
    public var places: [Place]
    public var travellers: [Traveller]
    /// Public and school holidays (`calendar.json`, optional: without it none are known).
    public var calendar: HolidayCalendar = .none

    struct Fleet: Codable { var vehicles: [Vehicle] }
    struct Volunteers: Codable { var volunteers: [Volunteer] }
    struct Places: Codable { var places: [Place] }
    struct Travellers: Codable { var travellers: [Traveller] }

    /// Reads the four files of `directory`, strictly: an unknown field (`"wmopass"` for
    /// `"wmoPass"`) is an error, not a traveller without a pass.
    ///
    /// - Throws: ``RulesError`` naming the file, the line and column, and the field when one is
    ///   missing, malformed or unknown.
    public static func load(directory: String) throws -> SupplyFiles {
        var documents: [String: JSONDocument] = [:]
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RulesError(file: path, field: nil, message: "cannot read the file")
            }
            let (value, document) = try RulesError.decode(T.self, from: data, file: path)
            documents[path] = document
            return value
        }
        var supply = SupplyFiles(
            vehicles: try read("fleet.json", as: Fleet.self).vehicles,
            volunteers: try read("volunteers.json", as: Volunteers.self).volunteers,
            places: try read("places.json", as: Places.self).places,
            travellers: try read("travellers.json", as: Travellers.self).travellers)
        var calendar = HolidayCalendar.none
        if FileManager.default.fileExists(atPath: directory + "/calendar.json") {
            calendar = try read("calendar.json", as: HolidayCalendar.self)
        }
        supply.calendar = calendar
        do {
            try supply.validate(directory: directory)
            try calendar.validate(file: directory + "/calendar.json")
        } catch let error as RulesError {
            guard let document = documents[error.file] else { throw error }
            try RulesError.locating(in: document) { throw error }
        }
        return supply
    }

    /// Checks what a decoder cannot: clock times, days, capacities, unique ids.
    func validate(directory: String) throws {
        for (i, vehicle) in vehicles.enumerated() {
            let file = directory + "/fleet.json"
            if vehicle.seats < 1 { throw RulesError(file: file, field: "vehicles[\(i)].seats", message: "a vehicle needs at least 1 seat") }
            if vehicle.wheelchairPlaces < 0 { throw RulesError(file: file, field: "vehicles[\(i)].wheelchairPlaces", message: "must not be negative") }
            for (name, value) in [("frontSeats", vehicle.frontSeats), ("scooterPlaces", vehicle.scooterPlaces), ("stowedAids", vehicle.stowedAids)] {
                if let value, value < 0 || value > 100 { throw RulesError(file: file, field: "vehicles[\(i)].\(name)", message: "must be within 0…100") }
            }
            for (j, shift) in vehicle.shifts.enumerated() {
                try Self.check(shift.start, shift.end, days: shift.days, file: file, field: "vehicles[\(i)].shifts[\(j)]")
            }
        }
        for (i, volunteer) in volunteers.enumerated() {
            let file = directory + "/volunteers.json"
            for (j, window) in volunteer.availability.enumerated() {
                try Self.check(window.start, window.end, days: [window.day], file: file, field: "volunteers[\(i)].availability[\(j)]")
            }
            if let stowed = volunteer.stowedAids, stowed < 0 || stowed > 10 {
                throw RulesError(file: file, field: "volunteers[\(i)].stowedAids", message: "must be within 0…10")
            }
            if volunteer.maxRidesPerDay < 0 || volunteer.maxRidesPerWeek < volunteer.maxRidesPerDay {
                throw RulesError(file: file, field: "volunteers[\(i)].maxRidesPerWeek", message: "must be at least maxRidesPerDay (and both ≥ 0)")
            }
        }
        var seen = Set<TravellerID>()
        for (i, traveller) in travellers.enumerated() where !seen.insert(traveller.id).inserted {
            throw RulesError(file: directory + "/travellers.json", field: "travellers[\(i)].id", message: "duplicate id '\(traveller.id)'")
        }
    }

    static func check(_ start: String, _ end: String, days: [String], file: String, field: String) throws {
        guard let s = ClockTime.seconds(start) else { throw RulesError(file: file, field: "\(field).start", message: "'\(start)' is not a time (expected HH:MM)") }
        guard let e = ClockTime.seconds(end) else { throw RulesError(file: file, field: "\(field).end", message: "'\(end)' is not a time (expected HH:MM)") }
        if e <= s { throw RulesError(file: file, field: "\(field).end", message: "\(end) is not after \(start)") }
        for day in days where !weekdayNames.contains(day) {
            throw RulesError(file: file, field: "\(field).days", message: "'\(day)' is not a day (expected mon … sun)")
        }
    }

    /// The traveller with `id` or a name containing it (case-insensitive).
    public func traveller(_ query: String) -> Traveller? {
        let lower = query.lowercased()
        return travellers.first { $0.id.rawValue.lowercased() == lower } ?? travellers.first { $0.name.lowercased().contains(lower) }
    }

    /// The place whose id is `query` or whose name contains it (case- and accent-insensitive).
    public func place(_ query: String) -> Place? {
        func fold(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let q = fold(query)
        return places.first { fold($0.id) == q } ?? places.first { fold($0.name) == q } ?? places.first { fold($0.name).contains(q) }
    }
}
