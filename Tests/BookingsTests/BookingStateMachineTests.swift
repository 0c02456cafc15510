//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import Testing

/// The booking lifecycle, driven with explicit times (the injected clock).
@Suite struct BookingStateMachineTests {
    /// Pickup Monday 10:00; "now" is counted in seconds before it.
    static let pickup: Int64 = 1_795_000_000
    static func before(hours: Int64) -> Int64 { pickup - hours * 3600 }

    @Test func aRegiotaxiLegIsConfirmedAtOnce() {
        var machine = BookingStateMachine(pickup: Self.pickup)
        #expect(machine.requestOperator(shift: "RT-01 06:00–14:00") == .confirm(by: .shift("RT-01 06:00–14:00")))
        #expect(machine.state.bookingState == .confirmed)
    }

    @Test func aVolunteerLegWaitsForAnAnswerThenConfirms() {
        var machine = BookingStateMachine(pickup: Self.pickup)
        let now = Self.before(hours: 72)
        #expect(machine.requestVolunteer(candidates: ["V01", "V05"], now: now) == .offer(volunteer: "V01", deadline: now + 86_400, remaining: ["V05"]))
        #expect(machine.state.bookingState == .pending)
        #expect(machine.volunteerAnswered("V01", accepted: true, now: now + 600) == .confirm(by: .volunteer("V01")))
        #expect(machine.state == .confirmed(by: .volunteer("V01")))
    }

    @Test func aDeclineIsReofferedToTheNextVolunteer() {
        var machine = BookingStateMachine(pickup: Self.pickup)
        let now = Self.before(hours: 72)
        _ = machine.requestVolunteer(candidates: ["V01", "V05"], now: now)
        #expect(machine.volunteerAnswered("V01", accepted: false, now: now + 60) == .offer(volunteer: "V05", deadline: now + 60 + 86_400, remaining: []))
        #expect(machine.volunteerAnswered("V05", accepted: false, now: now + 120) == .reject(Reason(.noVolunteerAvailable, "every volunteer asked declined")))
        #expect(machine.state.bookingState == .rejected)
    }

    @Test func noAnswerByTheDeadlineAsksTheNextOrExpires() {
        var machine = BookingStateMachine(pickup: Self.pickup)
        let now = Self.before(hours: 72)
        _ = machine.requestVolunteer(candidates: ["V01", "V05"], now: now)
        // Too early: nothing happens.
        #expect(machine.timeoutFired(now: now + 3600) == .ignore("no deadline passed"))
        // After 24 h: V05 is asked; their deadline is capped at the pickup.
        let next = now + 86_400
        #expect(machine.timeoutFired(now: next) == .offer(volunteer: "V05", deadline: min(next + 86_400, Self.pickup), remaining: []))
        // V05 is silent until the pickup: expired, with the reason.
        guard case .expire(let reason) = machine.timeoutFired(now: Self.pickup) else {
            Issue.record("expected expiry, got \(machine.state)")
            return
        }
        #expect(reason.code == .noVolunteerAvailable && reason.message.contains("V05 did not answer"))
        #expect(machine.state.bookingState == .expired)
    }

    @Test func aLateOrWrongAnswerChangesNothing() {
        var machine = BookingStateMachine(pickup: Self.pickup)
        let now = Self.before(hours: 72)
        _ = machine.requestVolunteer(candidates: ["V01"], now: now)
        #expect(machine.volunteerAnswered("V09", accepted: true, now: now + 60) == .ignore("V09 was not asked"))
        #expect(machine.state.bookingState == .pending)
        // An acceptance after the deadline counts as silence.
        guard case .expire = machine.volunteerAnswered("V01", accepted: true, now: now + 90_000) else {
            Issue.record("a late acceptance must not confirm")
            return
        }
    }

    @Test func cancellationIsFreeUntilAnHourBeforeThePickup() {
        var early = BookingStateMachine(pickup: Self.pickup)
        _ = early.requestOperator(shift: "RT-01 06:00–14:00")
        #expect(early.cancel(now: Self.before(hours: 1)) == .settleCancellation(fee: 0, restoreBudget: true))
        var late = BookingStateMachine(pickup: Self.pickup)
        _ = late.requestOperator(shift: "RT-01 06:00–14:00")
        #expect(late.cancel(now: Self.before(hours: 1) + 1) == .settleCancellation(fee: 5, restoreBudget: false))
        #expect(late.state == .cancelled(fee: 5))
    }

    @Test func theRideRunsFromConfirmedToFinishedOnly() {
        var machine = BookingStateMachine(pickup: Self.pickup)
        #expect(machine.start() == .ignore("cannot start a NEW booking"))
        _ = machine.requestOperator(shift: "RT-01 06:00–14:00")
        _ = machine.start()
        #expect(machine.state.bookingState == .started)
        #expect(machine.cancel(now: Self.pickup) == .ignore("cannot cancel a STARTED booking"))
        _ = machine.finish()
        #expect(machine.state.bookingState == .finished)
        #expect(machine.deny(Reason(.denied, "x")) == .ignore("cannot deny a FINISHED booking"))
    }
}
