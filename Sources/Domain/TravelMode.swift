//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// How a leg of a trip is travelled. The raw values are the wire and storage names.
public enum TravelMode: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case walk
    case transit
    /// The Wmo door-to-door taxi, shared and dispatched by the operator.
    case regiotaxi
    /// A volunteer drives the traveller in their own car.
    case automaatje

    /// Whether a leg of this mode is booked with a service (a vehicle or a volunteer).
    public var isOnDemand: Bool { self == .regiotaxi || self == .automaatje }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
