//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

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
    /// TOMP-API booking states.
    public enum State: Sendable, Hashable {
        case new
        /// Waiting for a volunteer's answer until `deadline` (Unix seconds).
        case pending(volunteer: String, deadline: Int64, remaining: [String])
        case confirmed(by: String)
        case rejected(reason: String)
        case expired(reason: String)
        case cancelled(fee: Double)
        case started
        case finished

        /// The TOMP-API name.
        public var name: String {
            switch self {
            case .new: "NEW"
            case .pending: "PENDING"
            case .confirmed: "CONFIRMED"
            case .rejected: "REJECTED"
            case .expired: "EXPIRED"
            case .cancelled: "CANCELLED"
            case .started: "STARTED"
            case .finished: "FINISHED"
            }
        }
    }

    /// What the caller must do after an event.
    public enum Action: Sendable, Hashable {
        /// Ask this volunteer; their answer is due by `deadline`.
        case offer(volunteer: String, deadline: Int64)
        /// Tell the traveller the ride is confirmed.
        case notifyConfirmed(by: String)
        case notifyRejected(reason: String)
        case notifyExpired(reason: String)
        /// Charge this cancellation fee (0: free) and give back the kilometres.
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

    /// An operator leg (Regiotaxi) accepted by the dispatcher's insertion check: confirmed at once.
    public mutating func requestOperator(operator name: String) -> Action {
        guard case .new = state else { return .ignore("already \(state.name)") }
        state = .confirmed(by: name)
        return .notifyConfirmed(by: name)
    }

    /// An operator leg the insertion check refused.
    public mutating func deny(reason: String) -> Action {
        switch state {
        case .new, .pending:
            state = .rejected(reason: reason)
            return .notifyRejected(reason: reason)
        default:
            return .ignore("cannot deny a \(state.name) booking")
        }
    }

    /// A volunteer leg: offer it to the candidates in order, the first one now.
    public mutating func requestVolunteer(candidates: [String], now: Int64) -> Action {
        guard case .new = state else { return .ignore("already \(state.name)") }
        return offerNext(candidates, now: now, reason: "no volunteer is available")
    }

    private mutating func offerNext(_ candidates: [String], now: Int64, reason: String) -> Action {
        guard let first = candidates.first else {
            state = .rejected(reason: reason)
            return .notifyRejected(reason: reason)
        }
        // The answer is due by the response time, and never after the pickup.
        let deadline = min(now + responseTime, pickup)
        state = .pending(volunteer: first, deadline: deadline, remaining: Array(candidates.dropFirst()))
        return .offer(volunteer: first, deadline: deadline)
    }

    /// A volunteer answered.
    public mutating func volunteerAnswered(_ volunteer: String, accepted: Bool, now: Int64) -> Action {
        guard case .pending(let asked, let deadline, let remaining) = state else {
            return .ignore("no answer expected in state \(state.name)")
        }
        guard asked == volunteer else { return .ignore("\(volunteer) was not asked") }
        guard now <= deadline else { return timeoutFired(now: now) }
        if accepted {
            state = .confirmed(by: volunteer)
            return .notifyConfirmed(by: volunteer)
        }
        return offerNext(remaining, now: now, reason: "every volunteer asked declined")
    }

    /// The clock passed the response deadline.
    public mutating func timeoutFired(now: Int64) -> Action {
        guard case .pending(let volunteer, let deadline, let remaining) = state, now >= deadline else {
            return .ignore("no deadline passed")
        }
        // Time left before the pickup: ask the next one; else the booking expires.
        if now < pickup, !remaining.isEmpty {
            return offerNext(remaining, now: now, reason: "no volunteer answered in time")
        }
        let reason = "\(volunteer) did not answer by the deadline and no other volunteer could be asked in time"
        state = .expired(reason: reason)
        return .notifyExpired(reason: reason)
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
            return .ignore("cannot cancel a \(state.name) booking")
        }
    }

    public mutating func start() -> Action {
        guard case .confirmed = state else { return .ignore("cannot start a \(state.name) booking") }
        state = .started
        return .ignore("started")
    }

    public mutating func finish() -> Action {
        guard case .started = state else { return .ignore("cannot finish a \(state.name) booking") }
        state = .finished
        return .ignore("finished")
    }
}
