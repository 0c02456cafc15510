//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
/// A Regiotaxi vehicle (`fleet.json`).
public struct Vehicle: Codable, Sendable, Hashable {
    public var id: VehicleID
    public var depot: NamedPosition
    /// Seats for passengers (the driver not counted).
    public var seats: Int
    public var wheelchairPlaces: Int
    public var shifts: [Shift]
    // What the vehicle carries beyond seats and wheelchair places (CROW codes that need it);
    // absent: the defaults of ``carries``.
    /// `bus` (a wheelchair bus or van) or `car` (a passenger car); default `bus`.
    public var kind: VehicleKind?
    /// Passenger seats beside the driver; default 1.
    public var frontSeats: Int?
    /// Places for a mobility scooter whose rider sits in a seat; default 0.
    public var scooterPlaces: Int?
    /// Room for folded wheelchairs and rollators while their owners sit; default 1.
    public var stowedAids: Int?
    /// Default: when the vehicle has wheelchair places.
    public var lift: Bool?
    public var lowFloor: Bool?
    /// Default: yes (assistance dogs).
    public var dogsAllowed: Bool?
    public var boosterSeat: Bool?
    public var childSeat: Bool?
    public var transferWheelchair: Bool?
    /// The target groups whose rides the vehicle drives (a separate fleet for day care and
    /// school transport); absent: every group.
    public var targetGroups: [TargetGroup]?

    /// A vehicle with the defaults of ``carries`` for what is not given.
    public init(id: VehicleID, depot: NamedPosition, seats: Int, wheelchairPlaces: Int, shifts: [Shift]) {
        self.id = id
        self.depot = depot
        self.seats = seats
        self.wheelchairPlaces = wheelchairPlaces
        self.shifts = shifts
    }

    /// When the vehicle is on the road: on the given weekdays, from `start` to `end`
    /// (service-day times, "HH:MM", `end` may pass 24:00).
    public struct Shift: Codable, Sendable, Hashable {
        /// `mon` … `sun`.
        public var days: [String]
        public var start: String
        public var end: String

        public init(days: [String], start: String, end: String) {
            self.days = days
            self.start = start
            self.end = end
        }
    }
}

/// An AutoMaatje volunteer driver (`volunteers.json`).
public struct Volunteer: Codable, Sendable, Hashable {
    public var id: VolunteerID
    public var name: String
    public var home: NamedPosition
    public var availability: [Availability]
    public var maxRidesPerDay: Int
    public var maxRidesPerWeek: Int
    public var seats: Int
    /// Whether the car takes a wheelchair (rare: false unless stated).
    public var wheelchair: Bool
    /// Share of offered rides the volunteer accepts (0…1), for simulations.
    public var acceptanceRate: Double?
    /// Whether a dog may ride along (default: no).
    public var dogsAllowed: Bool?
    /// A car with a low entry (default: no).
    public var lowFloor: Bool?
    /// Folded wheelchairs or rollators the boot takes (default 1).
    public var stowedAids: Int?

    /// A weekly window: on `day` (`mon` … `sun`) from `start` to `end` ("HH:MM").
    public struct Availability: Codable, Sendable, Hashable {
        public var day: String
        public var start: String
        public var end: String
    }
}

/// The day names used in the supply files, Monday first (index = ``GTFS/ServiceDate/weekday``).
public let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
