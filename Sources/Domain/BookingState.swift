//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The TOMP-API state of a booking and of each of its legs. The raw values are the wire and
/// storage names, and the names in messages and logs.
public enum BookingState: String, Sendable, Hashable, Codable, CaseIterable, WireName {
    case new = "NEW"
    /// Waiting for a volunteer's answer (AutoMaatje), with a response deadline.
    case pending = "PENDING"
    case rejected = "REJECTED"
    case released = "RELEASED"
    case expired = "EXPIRED"
    case conditionalConfirmed = "CONDITIONAL_CONFIRMED"
    case confirmed = "CONFIRMED"
    case cancelled = "CANCELLED"
    case started = "STARTED"
    case finished = "FINISHED"

    /// Whether the booking still holds a place (a vehicle's seat, a volunteer's ride, km).
    public var isLive: Bool { self == .new || self == .pending || self == .confirmed }

    /// Whether the booking ended without a ride.
    public var isRefused: Bool { self == .rejected || self == .expired }
}
