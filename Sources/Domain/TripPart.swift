//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Which way of a booked trip a leg belongs to: a return trip holds the way there and the way
/// back in one booking (planned, booked and cancelled together, or one way alone). The raw
/// values are the wire and storage names.
public enum TripPart: String, Sendable, Hashable, Codable, CaseIterable {
    /// The way there (every leg of a one-way trip).
    case outward
    /// The way back, after the appointment.
    case back = "return"
}
