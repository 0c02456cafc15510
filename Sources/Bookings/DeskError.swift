//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Why the booking desk did not do what was asked. Refusals of the domain (no vehicle, budget
/// used up) are not errors: they are booking states with a reason. These are requests that
/// cannot apply: an unknown booking, an event in the wrong state, an answer from the wrong
/// volunteer.
public enum DeskError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `what` names the thing (`booking 12`, `offer 'ab12'`).
    case notFound(String)
    /// `code` is machine-readable (e.g. `NOT_PENDING`), `message` says why in words.
    case conflict(code: String, message: String)
    /// The idempotency key was used before for another request (another offer, or other
    /// options); `message` names the booking it made.
    case idempotencyKeyReused(message: String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) does not exist"
        case .conflict(_, let message): message
        case .idempotencyKeyReused(let message): message
        }
    }
}
