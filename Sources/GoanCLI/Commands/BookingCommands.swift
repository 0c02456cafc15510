//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Bookings
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
        @OptionGroup var timetable: TimetableArguments

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
        var traveller: String?

        @Option(help: "Only bookings for this travel date, YYYY-MM-DD.")
        var date: String?

        @OptionGroup var store: StoreArguments
        @OptionGroup var timetable: TimetableArguments

        func validate() throws {
            if let date, ServiceDate(date) == nil { throw ValidationError("--date '\(date)' is not a date (expected YYYY-MM-DD)") }
        }

        func run() throws {
            let (desk, _) = try store.openDesk(timetable)
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
        var id: Int64

        @OptionGroup var store: StoreArguments
        @OptionGroup var timetable: TimetableArguments

        func run() throws {
            let (desk, _) = try store.openDesk(timetable)
            let details = try deskCall { try desk.booking(id) }
            print(BookingOutput(details: details, timezone: desk.timezone).text())
        }
    }

    /// `goan cancel ID`.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a booking: free until the service's limit before pickup (Regiotaxi 60 min), a fee after.")

        @Argument(help: "The booking id.")
        var id: Int64

        @OptionGroup var store: StoreArguments
        @OptionGroup var timetable: TimetableArguments

        func run() throws {
            let (desk, now) = try store.openDesk(timetable)
            let details = try deskCall { try desk.cancel(id, now: now) }
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
            @OptionGroup var timetable: TimetableArguments

            func run() throws {
                let (desk, _) = try store.openDesk(timetable)
                let legs = try desk.store.pendingVolunteerLegs()
                if legs.isEmpty { return print("No ride is waiting for a volunteer.") }
                print("leg\tbooking\tasked\tanswer due\tpickup\tride")
                for leg in legs {
                    let due = BookingOutput.time(leg.responseDeadline ?? 0, timezone: desk.timezone)
                    let pickup = BookingOutput.time(leg.departureAt, timezone: desk.timezone)
                    print("\(leg.id ?? 0)\t\(leg.bookingId)\t\(leg.askedVolunteer)\t\(due)\t\(pickup)\t\(leg.fromName) → \(leg.toName)")
                }
            }
        }

        struct Accept: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A volunteer accepts the ride offered to them.")
            @Argument(help: "The leg id (from `goan volunteer requests`).") var leg: Int64
            @Option(help: "The volunteer's id.") var volunteer: String
            @OptionGroup var store: StoreArguments
            @OptionGroup var timetable: TimetableArguments

            func run() throws { try GoanCommand.Volunteer.answer(leg: leg, volunteer: volunteer, accepted: true, store: store, timetable: timetable) }
        }

        struct Decline: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A volunteer declines: the ride is offered to the next volunteer.")
            @Argument(help: "The leg id (from `goan volunteer requests`).") var leg: Int64
            @Option(help: "The volunteer's id.") var volunteer: String
            @OptionGroup var store: StoreArguments
            @OptionGroup var timetable: TimetableArguments

            func run() throws { try GoanCommand.Volunteer.answer(leg: leg, volunteer: volunteer, accepted: false, store: store, timetable: timetable) }
        }

        static func answer(leg: Int64, volunteer: String, accepted: Bool, store: StoreArguments, timetable: TimetableArguments) throws {
            let (desk, now) = try store.openDesk(timetable)
            let details = try deskCall { try desk.answer(leg: leg, volunteer: volunteer, accepted: accepted, now: now) }
            print(BookingOutput(details: details, timezone: desk.timezone).text())
        }
    }
}
