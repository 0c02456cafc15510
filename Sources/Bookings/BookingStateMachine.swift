//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain

/// The lifecycle of one booking leg, after TOMP-API: a pure state machine that returns the
/// actions its caller performs (write to the store, notify, ask the next volunteer), as
/// SwiftNIO's and Hummingbird's state machines do. Time comes in as an argument: the caller
/// owns the clock.
///
/// ```
/// NEW ─request─▶ PENDING ─accept─▶ CONFIRMED ─start─▶ STARTED ─finish─▶ FINISHED
///                   │  └─decline─▶ PENDING (next volunteer) / REJECTED (none left)
///                   ├─timeout──▶ EXPIRED           CONFIRMED ─cancel─▶ CANCELLED
///                   └─deny─────▶ REJECTED
/// NEW ─request (operator accepts at once)─▶ CONFIRMED
/// ```
public struct BookingStateMachine: Sendable, Hashable {
    /// TOMP-API booking states, with what each one holds.
    public enum State: Sendable, Hashable {
        case new
        /// Waiting for a volunteer's answer until `deadline` (Unix seconds); `remaining` are asked
        /// next, in order.
        case pending(volunteer: VolunteerID, deadline: Int64, remaining: [VolunteerID])
        case confirmed(by: Assignee)
        case rejected(Reason)
        case expired(Reason)
        case cancelled(fee: Double)
        case started
        case finished

        /// The TOMP-API state.
        public var bookingState: BookingState {
            switch self {
            case .new: .new
            case .pending: .pending
            case .confirmed: .confirmed
            case .rejected: .rejected
            case .expired: .expired
            case .cancelled: .cancelled
            case .started: .started
            case .finished: .finished
            }
        }
    }

    /// What the caller must do after an event; the caller applies it to the stored leg.
    public enum Action: Sendable, Hashable {
        /// Ask this volunteer; their answer is due by `deadline`; `remaining` are asked next.
        case offer(volunteer: VolunteerID, deadline: Int64, remaining: [VolunteerID])
        /// The leg is confirmed with this vehicle's shift or volunteer: tell the traveller.
        case confirm(by: Assignee)
        /// The leg cannot be booked: the trip ends REJECTED with the reason.
        case reject(Reason)
        /// Nobody answered in time: the trip ends EXPIRED with the reason.
        case expire(Reason)
        /// Charge this cancellation fee (0: free) and, if `restoreBudget`, give back the kilometres.
        case settleCancellation(fee: Double, restoreBudget: Bool)
        /// The event does not apply in this state (e.g. a late answer): nothing to do.
        case ignore(String)
    }

    public private(set) var state: State = .new
    /// Seconds a volunteer has to answer.
    public let responseTime: Int64
    /// Pickup time (Unix seconds): cancellations are free until `freeCancellationSeconds` before.
    public let pickup: Int64
    public let freeCancellationSeconds: Int64
    public let cancellationFee: Double

    public init(pickup: Int64, responseTime: Int64 = 24 * 3600, freeCancellationSeconds: Int64 = 3600, cancellationFee: Double = 5) {
        self.pickup = pickup
        self.responseTime = responseTime
        self.freeCancellationSeconds = freeCancellationSeconds
        self.cancellationFee = cancellationFee
    }

    /// A machine resumed in a stored state (the store keeps the state, not the machine).
    public init(resuming state: State, pickup: Int64, responseTime: Int64 = 24 * 3600, freeCancellationSeconds: Int64 = 3600, cancellationFee: Double = 5) {
        self.init(pickup: pickup, responseTime: responseTime, freeCancellationSeconds: freeCancellationSeconds, cancellationFee: cancellationFee)
        self.state = state
    }

    /// An operator leg (Regiotaxi) the dispatcher's insertion check fitted into `shift`: confirmed at once.
    public mutating func requestOperator(shift: ShiftID) -> Action {
        guard case .new = state else { return .ignore("already \(state.bookingState.rawValue)") }
        state = .confirmed(by: .shift(shift))
        return .confirm(by: .shift(shift))
    }

    /// The service refused the leg (no vehicle, lead time, budget) or a coordinator denied it.
    public mutating func deny(_ reason: Reason) -> Action {
        switch state {
        case .new, .pending:
            state = .rejected(reason)
            return .reject(reason)
        default:
            return .ignore("cannot deny a \(state.bookingState.rawValue) booking")
        }
    }

    /// A volunteer leg: offer it to the candidates in order, the first one now.
    public mutating func requestVolunteer(candidates: [VolunteerID], now: Int64) -> Action {
        guard case .new = state else { return .ignore("already \(state.bookingState.rawValue)") }
        return offerNext(candidates, now: now, reason: Reason(.noVolunteerAvailable, "no AutoMaatje volunteer is free for the whole drive then"))
    }

    private mutating func offerNext(_ candidates: [VolunteerID], now: Int64, reason: Reason) -> Action {
        guard let first = candidates.first else {
            state = .rejected(reason)
            return .reject(reason)
        }
        // The answer is due by the response time, and never after the pickup.
        let deadline = min(now + responseTime, pickup)
        let remaining = Array(candidates.dropFirst())
        state = .pending(volunteer: first, deadline: deadline, remaining: remaining)
        return .offer(volunteer: first, deadline: deadline, remaining: remaining)
    }

    /// A volunteer answered.
    public mutating func volunteerAnswered(_ volunteer: VolunteerID, accepted: Bool, now: Int64) -> Action {
        guard case .pending(let asked, let deadline, let remaining) = state else {
            return .ignore("no answer expected in state \(state.bookingState.rawValue)")
        }
        guard asked == volunteer else { return .ignore("\(volunteer) was not asked") }
        guard now <= deadline else { return timeoutFired(now: now) }
        if accepted {
            state = .confirmed(by: .volunteer(volunteer))
            return .confirm(by: .volunteer(volunteer))
        }
        return offerNext(remaining, now: now, reason: Reason(.noVolunteerAvailable, "every volunteer asked declined"))
    }

    /// The clock passed the response deadline.
    public mutating func timeoutFired(now: Int64) -> Action {
        guard case .pending(let volunteer, let deadline, let remaining) = state, now >= deadline else {
            return .ignore("no deadline passed")
        }
        // Time left before the pickup: ask the next one; else the booking expires.
        if now < pickup, !remaining.isEmpty {
            return offerNext(remaining, now: now, reason: Reason(.noVolunteerAvailable, "no volunteer answered in time"))
        }
        let reason = Reason(.noVolunteerAvailable, "\(volunteer) did not answer by the deadline and no other volunteer could be asked in time")
        state = .expired(reason)
        return .expire(reason)
    }

    /// The traveller cancels: free until the free-cancellation limit before pickup, a fee after.
    public mutating func cancel(now: Int64) -> Action {
        switch state {
        case .confirmed, .pending, .new:
            let free = now <= pickup - freeCancellationSeconds
            let fee = free ? 0 : cancellationFee
            let wasConfirmed = if case .confirmed = state { true } else { false }
            state = .cancelled(fee: fee)
            return .settleCancellation(fee: wasConfirmed ? fee : 0, restoreBudget: free || !wasConfirmed)
        default:
            return .ignore("cannot cancel a \(state.bookingState.rawValue) booking")
        }
    }

    public mutating func start() -> Action {
        guard case .confirmed = state else { return .ignore("cannot start a \(state.bookingState.rawValue) booking") }
        state = .started
        return .ignore("started")
    }

    public mutating func finish() -> Action {
        guard case .started = state else { return .ignore("cannot finish a \(state.bookingState.rawValue) booking") }
        state = .finished
        return .ignore("finished")
    }
}
