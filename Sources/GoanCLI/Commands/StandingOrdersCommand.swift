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
import Mobility

extension GoanCommand {
    /// `goan standing-orders add | list | show | pause | resume | end | book`.
    struct StandingOrders: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "standing-orders",
            abstract: "Weekly recurring trips (vaste ritten): Wmo rides, day care, school transport; booked before each day is dispatched.",
            subcommands: [Add.self, List.self, Show.self, Pause.self, Resume.self, End.self, BookDay.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a standing order for a traveller of the scenario.")

            @Option(help: "The traveller (id or name).") var traveller: String
            @Option(help: "wmo (the traveller pays, km budget), day-care or school (the municipality pays).") var kind: StandingOrder.Kind = .wmo
            @Option(help: "Where the trip starts: home, a place of the scenario, a stop or place name, or lat,lon.") var from: String
            @Option(help: "Where the trip goes: as --from.") var to: String
            @Option(help: "The weekdays, e.g. mon,thu (mon…sun).") var days: String
            @Option(help: "Arrive by this time (HH:MM), e.g. when day care or school starts.") var arrive: String?
            @Option(help: "Leave at this time (HH:MM) instead of --arrive.") var depart: String?
            @Option(help: "The way back leaves from this time (HH:MM): a taxi's pickup window opens then.") var returnAt: String?
            @Option(help: "The first day, YYYY-MM-DD.") var starting: String
            @Option(help: "The last day, YYYY-MM-DD (default: until ended).") var until: String?
            @Flag(help: "Run on public holidays too (default: skip them).") var onPublicHolidays = false
            @Flag(inversion: .prefixedNo, help: "Skip the school holidays of the calendar's region (default: for school orders only).")
            var skipSchoolHolidays: Bool?
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func run() throws {
                let (desk, now) = try store.openDesk(timetable)
                guard let who = desk.supply.traveller(traveller) else { throw CLIError("--traveller: no traveller '\(traveller)' in the scenario") }
                let weekdays = try StandingOrderText.weekdays(days)
                func minutes(_ text: String?, _ option: String) throws -> Int? {
                    guard let text else { return nil }
                    guard let seconds = ClockTime.seconds(text), seconds < 86_400, text.contains(":") else {
                        throw CLIError("\(option) '\(text)' is not a time (expected HH:MM)")
                    }
                    return Int(seconds) / 60
                }
                let origin = try PlaceArgument.resolve(from, traveller: who, supply: desk.supply, timetable: desk.timetable, option: "--from")
                let destination = try PlaceArgument.resolve(to, traveller: who, supply: desk.supply, timetable: desk.timetable, option: "--to")
                let order = StandingOrder(
                    travellerId: who.id, kind: kind, from: .init(name: origin.name, lat: origin.coordinate.latitude, lon: origin.coordinate.longitude),
                    to: .init(name: destination.name, lat: destination.coordinate.latitude, lon: destination.coordinate.longitude), weekdays: weekdays,
                    arriveBy: try minutes(arrive, "--arrive"), departAt: try minutes(depart, "--depart"), returnAt: try minutes(returnAt, "--return-at"),
                    validFrom: starting, validThrough: until, skipPublicHolidays: !onPublicHolidays, skipSchoolHolidays: skipSchoolHolidays, createdAt: now)
                if let problem = order.problem {
                    let option = ["arriveBy": "--arrive", "departAt": "--depart", "returnAt": "--return-at", "validFrom": "--starting", "validThrough": "--until", "weekdays": "--days"]
                    throw CLIError("\(option[problem.field] ?? problem.field): \(problem.message)")
                }
                let saved = try deskCall { try desk.addStandingOrder(order) }
                print(StandingOrderText.text(saved, on: starting))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List standing orders with their state on a day.")
            @Option(help: "Only this traveller's orders.") var traveller: TravellerID?
            @Option(help: "The day whose state is shown, YYYY-MM-DD (default: today).") var on: String?
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func run() throws {
                let (desk, now) = try store.openDesk(timetable)
                let day = try StandingOrderText.day(on, now: now, timezone: desk.timezone, option: "--on")
                let orders = try desk.store.standingOrders(traveller: traveller)
                if orders.isEmpty { return print("No standing orders\(traveller.map { " of \($0)" } ?? "").") }
                print("id\tstate\ttraveller\tkind\tdays\ttimes\troute\tvalid")
                for order in orders { print(StandingOrderText.line(order, on: day)) }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show a standing order and what it does on the days ahead.")
            @Argument(help: "The standing order's id.") var id: StandingOrderID
            @Option(help: "The first day shown, YYYY-MM-DD (default: today).") var from: String?
            @Option(help: "How many days are shown.") var days: Int = 14
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func validate() throws { if !(1 ... 366).contains(days) { throw ValidationError("--days must be within 1…366") } }

            func run() throws {
                let (desk, now) = try store.openDesk(timetable)
                let first = try StandingOrderText.day(from, now: now, timezone: desk.timezone, option: "--from")
                let order = try deskCall { try desk.standingOrder(id) }
                var lines = [StandingOrderText.text(order, on: first), "  the days from \(first):"]
                for offset in 0 ..< days {
                    let date = ServiceDate(first)!.adding(days: offset)
                    switch order.runs(on: date, calendar: desk.supply.calendar) {
                    case .success: lines.append("    \(date) \(StandingOrderText.dayName(date))  runs")
                    case .failure(.notThatWeekday): continue
                    case .failure(let reason): lines.append("    \(date) \(StandingOrderText.dayName(date))  skipped: \(reason)")
                    }
                }
                print(lines.joined(separator: "\n"))
            }
        }

        struct Pause: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Pause a standing order; trips already booked in the pause are cancelled.")
            @Argument(help: "The standing order's id.") var id: StandingOrderID
            @Option(help: "The first day of the pause, YYYY-MM-DD.") var from: String
            @Option(help: "The last day of the pause (default: until resumed).") var through: String?
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func run() throws {
                let (desk, now) = try store.openDesk(timetable)
                let (order, cancelled) = try deskCall { try desk.pauseStandingOrder(id, from: from, through: through, now: now) }
                print(StandingOrderText.text(order, on: from, cancelled: cancelled))
            }
        }

        struct Resume: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Resume a paused standing order from a day on.")
            @Argument(help: "The standing order's id.") var id: StandingOrderID
            @Option(help: "The first day it runs again, YYYY-MM-DD.") var on: String
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func run() throws {
                let (desk, _) = try store.openDesk(timetable)
                print(StandingOrderText.text(try deskCall { try desk.resumeStandingOrder(id, on: on) }, on: on))
            }
        }

        struct End: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "End a standing order after its last day; trips already booked after it are cancelled.")
            @Argument(help: "The standing order's id.") var id: StandingOrderID
            @Option(help: "The last day it runs, YYYY-MM-DD.") var lastDay: String
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func run() throws {
                let (desk, now) = try store.openDesk(timetable)
                let (order, cancelled) = try deskCall { try desk.endStandingOrder(id, lastDay: lastDay, now: now) }
                print(StandingOrderText.text(order, on: lastDay, cancelled: cancelled))
            }
        }

        struct BookDay: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "book", abstract: "Book the day's trips of every standing order (goan dispatch --date does this first).")
            @Option(help: "The travel date, YYYY-MM-DD.") var date: String
            @OptionGroup var store: StoreArguments
            @OptionGroup(visibility: .hidden) var timetable: TimetableArguments

            func validate() throws { if ServiceDate(date) == nil { throw ValidationError("--date '\(date)' is not a date (expected YYYY-MM-DD)") } }

            func run() throws {
                let (desk, now) = try store.openDesk(timetable)
                let trips = try deskCall { try desk.bookStandingOrders(on: ServiceDate(date)!, now: now) }
                print(StandingOrderText.report(trips, date: date, timezone: desk.timezone).joined(separator: "\n"))
            }
        }
    }
}

/// Standing orders as the CLI reads and prints them.
enum StandingOrderText {
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `mon,thu` → [0, 3]; `mon-fri` → [0, 1, 2, 3, 4]; full names (`monday`) too.
    static func weekdays(_ text: String) throws -> [Int] {
        let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        func day(_ word: Substring) throws -> Int {
            let name = word.trimmingCharacters(in: .whitespaces)
            guard let day = dayNames.firstIndex(of: name) ?? full.firstIndex(of: name) else {
                throw CLIError("--days: '\(name)' is not a weekday (mon, tue, wed, thu, fri, sat, sun; a range as mon-fri)")
            }
            return day
        }
        var days: [Int] = []
        for item in text.lowercased().split(separator: ",") {
            let ends = item.split(separator: "-")
            switch ends.count {
            case 1: days.append(try day(ends[0]))
            case 2:
                let (first, last) = (try day(ends[0]), try day(ends[1]))
                guard first <= last else { throw CLIError("--days: '\(item)' runs backwards (write mon-fri, not fri-mon)") }
                days += Array(first ... last)
            default: throw CLIError("--days: '\(item)' is not a weekday or a range of them")
            }
        }
        if days.isEmpty { throw CLIError("--days: give at least one weekday (mon, tue, wed, thu, fri, sat, sun)") }
        return days
    }

    static func dayName(_ date: ServiceDate) -> String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday] }

    /// The day given, else today in the feed's time zone.
    static func day(_ text: String?, now: Int64, timezone: String, option: String) throws -> String {
        guard let text else { return ServiceDayClock.localDate(unix: now, timezone: timezone).0.description }
        guard ServiceDate(text) != nil, text.count == 10 else { throw CLIError("\(option) '\(text)' is not a date (expected YYYY-MM-DD)") }
        return text
    }

    static func clock(_ minutes: Int) -> String { ClockTime.text(minutes: minutes) }

    static func times(_ order: StandingOrder) -> String {
        var text = order.arriveBy.map { "there by \(clock($0))" } ?? "leaves \(clock(order.departAt ?? 0))"
        if let back = order.returnAt { text += ", back from \(clock(back))" }
        return text
    }

    static func kind(_ kind: StandingOrder.Kind) -> String {
        switch kind {
        case .wmo: "Wmo Regiotaxi"
        case .dayCare: "day care"
        case .school: "school transport"
        }
    }

    static func line(_ order: StandingOrder, on day: String) -> String {
        "\(order.id ?? 0)\t\(order.state(on: day))\t\(order.travellerId)\t\(order.kind.rawValue)\t\(order.weekdayNames)\t\(times(order))\t"
            + "\(order.from.name) → \(order.to.name)\t\(order.validFrom)–\(order.validThrough ?? "")"
    }

    /// The order, and the bookings a change of it cancelled.
    static func text(_ order: StandingOrder, on day: String, cancelled: [BookingDetails]) -> String {
        ([text(order, on: day)] + cancelled.map { details in
            "  cancelled booking \(details.id) of \(details.booking.date)\(details.booking.fee > 0 ? " (fee \(RideRules.euros(details.booking.fee)))" : "")"
        }).joined(separator: "\n")
    }

    static func text(_ order: StandingOrder, on day: String) -> String {
        var skips: [String] = []
        if order.skipPublicHolidays { skips.append("public holidays") }
        if order.skipSchoolHolidays { skips.append("school holidays") }
        var lines = [
            "Standing order \(order.id ?? 0): \(order.state(on: day)) on \(day)  (traveller \(order.travellerId), \(kind(order.kind)))",
            "  \(order.from.name) → \(order.to.name), \(order.weekdayNames): \(times(order))",
            "  valid from \(order.validFrom) \(order.validThrough.map { "through \($0)" } ?? "until ended")"
                + (skips.isEmpty ? "" : "; skips \(skips.joined(separator: " and "))"),
        ]
        if !order.pauses.isEmpty {
            lines.append("  paused " + order.pauses.map { "\($0.from)–\($0.through ?? "")" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// What `bookStandingOrders` did, one line per order that runs or was refused.
    static func report(_ trips: [StandingOrderTrip], date: String, timezone: String) -> [String] {
        var booked = 0, skipped = 0, refused = 0
        var lines: [String] = []
        for trip in trips {
            let head = "  order \(trip.order.id ?? 0) (\(trip.order.travellerId), \(trip.order.kind.rawValue)): "
            switch trip.outcome {
            case .booked(let details):
                if details.booking.state.isLive { booked += 1 } else { refused += 1 }
                let ways = details.legs.filter(\.isOnDemand).map { "\(BookingOutput.time($0.departureAt, timezone: timezone).suffix(5)) \($0.fromName) → \($0.toName)" }
                lines.append(head + "booking \(details.id) \(details.booking.state.rawValue)"
                    + (details.booking.reasonText.isEmpty ? "" : " (\(details.booking.reasonText))") + "; " + ways.joined(separator: "; "))
            case .skipped(.notThatWeekday), .skipped(.notYetValid), .skipped(.ended):
                continue
            case .skipped(let reason):
                skipped += 1
                lines.append(head + "skipped: \(reason)")
            case .notOffered(let reason):
                refused += 1
                lines.append(head + "not booked: \(reason.code.rawValue): \(reason.message)")
            }
        }
        return ["Standing orders on \(date): \(booked) booked, \(refused) refused, \(skipped) skipped"] + lines
    }
}
