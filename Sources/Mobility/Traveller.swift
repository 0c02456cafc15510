//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS

/// A place with a name and a position (a home, a depot, a destination).
public struct NamedPosition: Codable, Sendable, Hashable {
    public var name: String
    public var lat: Double
    public var lon: Double

    public init(name: String, lat: Double, lon: Double) {
        self.name = name
        self.lat = lat
        self.lon = lon
    }

    public var coordinate: Coordinate { Coordinate(latitude: lat, longitude: lon) }
}

/// Mobility aids a traveller uses; they decide which vehicles can carry them.
public enum Aid: String, Codable, Sendable, Hashable, CaseIterable {
    /// Needs a wheelchair place (CROW HR-01).
    case wheelchair
    /// Needs room for a mobility scooter (HR-09).
    case mobilityScooter
    /// A rollator; fits in any car.
    case walker
    /// Help from door to door (AB-02).
    case doorToDoorHelp
}

/// Someone who travels: the profile the planner applies the service rules to.
public struct Traveller: Codable, Sendable, Hashable {
    public var id: TravellerID
    public var name: String
    /// Years.
    public var age: Int
    public var home: NamedPosition
    public var livesAlone: Bool?
    /// A Wmo/Regiotaxi pass, or `nil`.
    public var wmoPass: WmoPass?
    public var automaatjeMember: Bool
    public var aids: [Aid]
    /// Companions travelling along (0 or more).
    public var companions: Int
    /// `medical` (a medically necessary companion rides free) or `social` (pays the fare).
    public var companionKind: String?
    /// Metres the traveller is willing to walk to or from a stop.
    public var maxWalkMetres: Double
    public var preferences: Preferences?

    public struct WmoPass: Codable, Sendable, Hashable {
        public var number: String
        /// Kilometres left of this year's budget.
        public var kmBudgetLeft: Double
        /// Aids recorded on the pass.
        public var aids: [Aid]

        public init(number: String, kmBudgetLeft: Double, aids: [Aid]) {
            self.number = number
            self.kmBudgetLeft = kmBudgetLeft
            self.aids = aids
        }
    }

    public struct Preferences: Codable, Sendable, Hashable {
        /// `comfort`, `price` or `speed`.
        public var prefer: String?
        public var avoidTransfers: Bool?

        public init(prefer: String?, avoidTransfers: Bool?) {
            self.prefer = prefer
            self.avoidTransfers = avoidTransfers
        }
    }

    public init(
        id: TravellerID, name: String, age: Int, home: NamedPosition, wmoPass: WmoPass?, automaatjeMember: Bool,
        aids: [Aid], companions: Int = 0, maxWalkMetres: Double = 500
    ) {
        self.id = id
        self.name = name
        self.age = age
        self.home = home
        self.wmoPass = wmoPass
        self.automaatjeMember = automaatjeMember
        self.aids = aids
        self.companions = companions
        self.maxWalkMetres = maxWalkMetres
    }

    public var needsWheelchairPlace: Bool { aids.contains(.wheelchair) || aids.contains(.mobilityScooter) }
}

/// A destination travellers go to (`places.json`).
public struct Place: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// `hospital`, `gp`, `pharmacy`, `dayCentre`, `villageCentre`, …
    public var kind: String
    public var lat: Double
    public var lon: Double
    /// The nearest stop of the Twente GTFS feed.
    public var nearestStopId: String?

    public var coordinate: Coordinate { Coordinate(latitude: lat, longitude: lon) }
}
