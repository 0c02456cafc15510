//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A typed identity: the text or number that names one thing of one kind (a traveller, a
/// volunteer, a booking…), so that a volunteer's id can never be passed where a traveller's is
/// expected. Encoded as its raw value (JSON, SQLite, CSV), so files and the API are unchanged.
public protocol Identifier: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible
where RawValue: Comparable & Codable & Sendable & Hashable & CustomStringConvertible {
    init(rawValue: RawValue)
}

extension Identifier {
    public var description: String { rawValue.description }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(RawValue.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An identifier written as text in the data files (`"t-0042"`, `"v-7"`), of the kind of thing
/// `Kind` stands for (see ``IdentifiedKind``).
public struct TextID<Kind>: Identifier, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public init(_ text: some StringProtocol) { self.init(rawValue: String(text)) }
}

/// An identifier the store numbers, of the kind of thing `Kind` stands for.
public struct NumberID<Kind>: Identifier, ExpressibleByIntegerLiteral {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(integerLiteral value: Int64) { self.rawValue = value }
}

/// The kinds of things with a typed identifier: types only, never values, that keep the
/// identifiers of one kind apart from those of another.
public enum IdentifiedKind {
    public enum Traveller {}
    public enum Volunteer {}
    public enum Vehicle {}
    public enum Shift {}
    public enum Ride {}
    public enum Booking {}
    public enum Leg {}
    public enum StandingOrder {}
}

/// A traveller (a pass holder or AutoMaatje participant), as in `travellers.json`.
public typealias TravellerID = TextID<IdentifiedKind.Traveller>

/// An AutoMaatje volunteer driver, as in `volunteers.json`.
public typealias VolunteerID = TextID<IdentifiedKind.Volunteer>

/// A Regiotaxi vehicle, as in `fleet.json`.
public typealias VehicleID = TextID<IdentifiedKind.Vehicle>

/// One working period of a vehicle or a volunteer on a day: `"rt-03 07:00–15:00"`, the key of
/// a vehicle's route in the store and in a day's schedule.
public typealias ShiftID = TextID<IdentifiedKind.Shift>

/// A door-to-door ride the dispatcher plans: a row of a rides file, or a booked on-demand leg.
public typealias RideID = TextID<IdentifiedKind.Ride>

/// A booking (a trip of one traveller), numbered by the store.
public typealias BookingID = NumberID<IdentifiedKind.Booking>

/// A leg of a booking, numbered by the store.
public typealias LegID = NumberID<IdentifiedKind.Leg>

/// A standing order (a weekly recurring trip), numbered by the store.
public typealias StandingOrderID = NumberID<IdentifiedKind.StandingOrder>
