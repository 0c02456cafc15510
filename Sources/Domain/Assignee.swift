//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Who drives an on-demand leg once it is confirmed: a Regiotaxi vehicle's shift or an
/// AutoMaatje volunteer. Stored as the shift's or volunteer's id; the leg's mode says which.
public enum Assignee: Sendable, Hashable, Codable, CustomStringConvertible {
    case shift(ShiftID)
    case volunteer(VolunteerID)

    /// The stored text (the id).
    public var description: String {
        switch self {
        case .shift(let id): id.rawValue
        case .volunteer(let id): id.rawValue
        }
    }

    /// The assignee of a leg of `mode` stored as `text` (`nil` for an empty text or a mode no
    /// service drives).
    public init?(stored text: String, mode: TravelMode) {
        guard !text.isEmpty else { return nil }
        switch mode {
        case .regiotaxi: self = .shift(ShiftID(rawValue: text))
        case .automaatje: self = .volunteer(VolunteerID(rawValue: text))
        case .walk, .transit: return nil
        }
    }

    public var volunteer: VolunteerID? {
        if case .volunteer(let id) = self { id } else { nil }
    }

    public var shift: ShiftID? {
        if case .shift(let id) = self { id } else { nil }
    }
}
