//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Bookings
import Domain
import Foundation
import GTFS

extension GoanCommand {
    /// `goan book OFFER_ID`: books a saved offer (see `goan plan --traveller T --offers`).
    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book a saved offer: its Regiotaxi legs are confirmed or refused at once, AutoMaatje legs wait for a volunteer.",
            discussion: "Offers come from `goan plan --traveller T … --offers` (or `--book N` plans and books in one go).")

        @Argument(help: "The offer id.")
        var offer: String

        @Option(help: "A key that makes a retried booking return the same booking (default: one per offer).")
        var idempotencyKey: String?

        @Flag(help: "Keep the trip although the traveller has another booked at an overlapping time.")
        var allowOverlap = false

        @OptionGroup var store: StoreArguments
        @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

        func run() throws {
            let (desk, now) = try store.openDesk(timetable)
            let details = try deskCall { try desk.bookAndCommit(offerId: offer, idempotencyKey: idempotencyKey ?? "cli/\(offer)", allowOverlap: allowOverlap, now: now) }
            print(BookingOutput(details: details, timezone: desk.timezone).text())
        }
    }

    /// `goan bookings`: the stored bookings.
    struct Bookings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List bookings, by pickup time.")

        @Option(help: "Only this traveller's bookings.")
        var traveller: TravellerID?

        @Option(help: "Only bookings for this travel date, YYYY-MM-DD.")
        var date: String?

        @OptionGroup var store: StoreArguments
        @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

        func validate() throws {
            if let date, ServiceDate(date) == nil { throw ValidationError("--date '\(date)' is not a date (expected YYYY-MM-DD)") }
        }

        func run() throws {
            let desk = try openDeskSayingWhatTheClockChanged(store, timetable)
            let list = try desk.store.bookings(traveller: traveller, date: date)
            if list.isEmpty {
                print("No bookings\(traveller.map { " of \($0)" } ?? "")\(date.map { " on \($0)" } ?? "").")
                return
            }
            print("id\tstate\ttraveller\twhen\tmodes\troute")
            for details in list { print(BookingOutput(details: details, timezone: desk.timezone).line()) }
        }
    }

    /// `goan booking ID`: one booking with its legs.
    struct BookingShow: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "booking", abstract: "Show a booking with its legs.")

        @Argument(help: "The booking id.")
        var id: BookingID

        @OptionGroup var store: StoreArguments
        @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

        func run() throws {
            let desk = try openDeskSayingWhatTheClockChanged(store, timetable)
            let details = try deskCall { try desk.booking(id) }
            print(BookingOutput(details: details, timezone: desk.timezone).text())
        }
    }

    /// `goan cancel ID`.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a booking: free until the service's limit before pickup (Regiotaxi 60 min), a fee after.")

        @Argument(help: "The booking id.")
        var id: BookingID

        @Option(help: "Of a return trip, cancel only the way there (outward) or only the way back (return).")
        var part: TripPart?

        @OptionGroup var store: StoreArguments
        @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

        func run() throws {
            let (desk, now) = try store.openDesk(timetable)
            let details = try deskCall { try desk.cancel(id, part: part, now: now) }
            print(BookingOutput(details: details, timezone: desk.timezone).text())
        }
    }

    /// `goan volunteer requests | accept LEG | decline LEG`.
    struct Volunteer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "AutoMaatje coordination: rides waiting for a volunteer, and the volunteers' answers.",
            subcommands: [Requests.self, Accept.self, Decline.self])

        struct Requests: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Rides waiting for a volunteer's answer, by deadline.")
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func run() throws {
                let desk = try openDeskSayingWhatTheClockChanged(store, timetable)
                let legs = try desk.store.pendingVolunteerLegs()
                if legs.isEmpty { return print("No ride is waiting for a volunteer.") }
                print("leg\tbooking\tasked\tanswer due\tpickup\tride")
                for leg in legs {
                    let due = BookingOutput.time(leg.responseDeadline ?? 0, timezone: desk.timezone)
                    let pickup = BookingOutput.time(leg.departureAt, timezone: desk.timezone)
                    print("\(leg.id ?? 0)\t\(leg.bookingId)\t\(leg.askedVolunteer?.rawValue ?? "")\t\(due)\t\(pickup)\t\(leg.fromName) → \(leg.toName)")
                }
            }
        }

        /// What `accept` and `decline` read: the ride (leg) and who answers.
        struct VolunteerAnswer: ParsableArguments {
            @Argument(help: "The leg id (from `goan volunteer requests`).") var leg: LegID
            @Option(help: "The volunteer's id.") var volunteer: VolunteerID
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func send(accepted: Bool) throws {
                let (desk, now) = try store.openDesk(timetable)
                let details = try deskCall { try desk.answer(leg: leg, volunteer: volunteer, accepted: accepted, now: now) }
                print(BookingOutput(details: details, timezone: desk.timezone).text())
            }
        }

        struct Accept: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A volunteer accepts the ride offered to them.")
            @OptionGroup var answer: VolunteerAnswer
            func run() throws { try answer.send(accepted: true) }
        }

        struct Decline: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A volunteer declines: the ride is offered to the next volunteer.")
            @OptionGroup var answer: VolunteerAnswer
            func run() throws { try answer.send(accepted: false) }
        }
    }
}

/// Opens the desk for a reading command and prints, before anything else, what the clock did
/// to the data on opening: `StoreArguments.openDesk` applies the volunteer answer deadlines that
/// passed by now (`--now`, else the system clock), and a command that only reads must not
/// change bookings unseen. One line per booking, e.g.
/// `booking 7 expired: no volunteer answered by 2026-11-20 09:00 (asked: V01)`.
/// `toStandardError`: for a command whose standard output is a document (JSON, CSV).
func openDeskSayingWhatTheClockChanged(_ store: StoreArguments, _ timetable: TimetableArguments, toStandardError: Bool = false) throws -> BookingDesk {
    let waiting = try StoreArguments.openStore(store.databasePath).pendingVolunteerLegs()
    let (desk, _) = try store.openDesk(timetable)
    for line in try clockNotes(before: waiting, after: desk.store, timezone: desk.timezone) {
        if toStandardError { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
    }
    return desk
}

/// What changed in the legs that were waiting for a volunteer (`before`) now that `after` has
/// applied the deadlines: a trip that expired, or a ride offered to the next volunteer.
func clockNotes(before waiting: [BookedLeg], after store: any BookingStore, timezone: String) throws -> [String] {
    var notes: [String] = []
    for (bookingId, legs) in Dictionary(grouping: waiting, by: \.bookingId).sorted(by: { $0.key < $1.key }) {
        guard let now = try store.booking(id: bookingId) else { continue }
        if now.booking.state.isRefused {
            let due = legs.compactMap(\.responseDeadline).min().map { BookingOutput.time($0, timezone: timezone) } ?? "its deadline"
            let asked = legs.compactMap(\.askedVolunteer).map(\.rawValue).joined(separator: ", ")
            notes.append("booking \(bookingId) \(now.booking.state.rawValue.lowercased()): no volunteer answered by \(due) (asked: \(asked))")
            continue
        }
        for old in legs {
            guard let new = now.legs.first(where: { $0.id == old.id }), new.askedVolunteer != old.askedVolunteer || new.state != old.state else { continue }
            let due = BookingOutput.time(old.responseDeadline ?? 0, timezone: timezone)
            if new.state == .pending {
                let nextDue = BookingOutput.time(new.responseDeadline ?? 0, timezone: timezone)
                notes.append("booking \(bookingId): \(old.askedVolunteer?.rawValue ?? "the volunteer") did not answer by \(due); the ride is now offered to \(new.askedVolunteer?.rawValue ?? "nobody") (answer due \(nextDue))")
            } else {
                notes.append("booking \(bookingId): leg \(old.id ?? 0) is now \(new.state.rawValue) (\(old.askedVolunteer?.rawValue ?? "the volunteer") did not answer by \(due))")
            }
        }
    }
    return notes
}
