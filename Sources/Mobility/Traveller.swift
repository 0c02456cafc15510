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
    /// What the traveller needs on a trip, in the CROW vocabulary (HR-01 a wheelchair, HR-07 a
    /// rollator, AB-02 help from door to door, …): the codes on the pass and any the traveller
    /// adds for this profile.
    public var needs: [CROWCode]
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
        /// The CROW codes recorded on the pass (the municipality's indication).
        public var needs: [CROWCode]

        public init(number: String, kmBudgetLeft: Double, needs: [CROWCode]) {
            self.number = number
            self.kmBudgetLeft = kmBudgetLeft
            self.needs = needs
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
        needs: [CROWCode], companions: Int = 0, maxWalkMetres: Double = 500
    ) {
        self.id = id
        self.name = name
        self.age = age
        self.home = home
        self.wmoPass = wmoPass
        self.automaatjeMember = automaatjeMember
        self.needs = needs
        self.companions = companions
        self.maxWalkMetres = maxWalkMetres
    }

    /// Whether the traveller rides in a wheelchair or mobility-scooter place (and walks with the
    /// wheelchair profile): a wheelchair the traveller stays seated in, or a scooter.
    public var needsWheelchairPlace: Bool { needs.contains { CROWCode.ridesInAWheelchairPlace.contains($0) } }
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
