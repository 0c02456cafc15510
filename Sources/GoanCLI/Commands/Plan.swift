//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import GTFS
import Mobility
import Transit

extension GoanCommand {
    /// `goan plan`: journeys by public transport between two stops, places or coordinates.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan a journey by public transport, and with --traveller by Regiotaxi and AutoMaatje too.",
            discussion: """
                --from and --to take a stop id, a stop or place name (case and accents do not matter, \
                e.g. "marienberg station" or "Vroomshoop"), or a position "lat,lon" (you walk to \
                the nearest stops). Times are wall-clock times in the feed's time zone.
                """)

        @OptionGroup var timetable: TimetableArguments

        @Option(help: "Where the journey starts: stop id, stop or place name, or lat,lon.")
        var from: String

        @Option(help: "Where the journey ends: stop id, stop or place name, or lat,lon.")
        var to: String

        @Option(help: "Travel date, YYYY-MM-DD.")
        var date: String

        @Option(help: "Leave at or after this time (HH:MM).")
        var depart: String?

        @Option(help: "Arrive at or before this time (HH:MM).")
        var arrive: String?

        @Option(help: "With --traveller: plan the way back too, leaving at or after this time (HH:MM); booked as one return trip.")
        var returnAt: String?

        @Option(help: "With --traveller: plan the way back after an appointment ending at this time (HH:MM): a taxi's pickup window opens then.")
        var returnAfter: String?

        @Option(help: "Minutes after --depart (or before --arrive) to look for more departures.")
        var window: Int = 60

        @Flag(help: "Only wheelchair-accessible trips and stops.")
        var wheelchair = false

        @Option(help: "At most this many transfers.")
        var maxTransfers: Int = 6

        @Option(help: "Metres you are willing to walk to or from a stop (default 1000, or the traveller's profile).")
        var maxWalk: Double?

        @Option(help: "A traveller profile from the scenario (id or name, e.g. jansen): plans with Regiotaxi and AutoMaatje too.")
        var traveller: String?

        @Option(
            name: .customLong("companion"),
            help: "With --traveller: someone travelling along, social or medical, with an age if known (social:40). Repeat for more; replaces the profile's companions.")
        var companions: [String] = []

        @OptionGroup var scenarioFolder: ScenarioArguments

        @Option(help: "When the booking would be made, \"YYYY-MM-DD HH:MM\" (default: now).")
        var bookedAt: String?

        @Flag(help: "Print JSON (format documented in the README).")
        var json = false

        @Flag(help: "With --traveller: keep the options as bookable offers and print their ids (for `goan book ID`).")
        var offers = false

        @Option(help: "With --traveller: book option N of the answer at once (1 = the first listed).")
        var book: Int?

        @Option(help: "With --book and a way back: book option M of the way back with option N of the way there (default 1).")
        var bookReturn: Int?

        @Flag(help: "With --book: keep the trip although the traveller has another booked at an overlapping time.")
        var allowOverlap = false

        @Option(help: "The bookings database for --offers and --book (default $GOAN_DATABASE, else goan.sqlite).")
        var database: String?

        func validate() throws {
            if (depart == nil) == (arrive == nil) {
                throw ValidationError("give exactly one of --depart HH:MM or --arrive HH:MM")
            }
            if ServiceDate(date) == nil { throw ValidationError("--date '\(date)' is not a date (expected YYYY-MM-DD)") }
            if !(0 ... Raptor.maxSupportedTransfers).contains(maxTransfers) {
                throw ValidationError("--max-transfers must be within 0…\(Raptor.maxSupportedTransfers)")
            }
            if !(0 ... 24 * 60).contains(window) { throw ValidationError("--window must be within 0…1440 minutes") }
            if let maxWalk, !(0 ... 5000).contains(maxWalk) { throw ValidationError("--max-walk must be within 0…5000 metres") }
            if (offers || book != nil) && traveller == nil { throw ValidationError("--offers and --book need --traveller") }
            if let book, book < 1 { throw ValidationError("--book counts options from 1") }
            if returnAt != nil && returnAfter != nil { throw ValidationError("give --return-at or --return-after, not both") }
            if (returnAt != nil || returnAfter != nil) && traveller == nil { throw ValidationError("--return-at and --return-after need --traveller") }
            if let bookReturn {
                if book == nil || (returnAt == nil && returnAfter == nil) { throw ValidationError("--book-return goes with --book and --return-at or --return-after") }
                if bookReturn < 1 { throw ValidationError("--book-return counts options from 1") }
            }
            if allowOverlap && book == nil { throw ValidationError("--allow-overlap goes with --book") }
            if !companions.isEmpty && traveller == nil { throw ValidationError("--companion needs --traveller") }
            if let bookedAt, BookingClock.parse(bookedAt) == nil {
                throw ValidationError("--booked-at '\(bookedAt)' is not a moment (expected \"YYYY-MM-DD HH:MM\")")
            }
        }

        func run() throws {
            print(try render())
        }

        /// The answer as it is printed (text or JSON).
        func render() throws -> String {
            if let traveller { return try renderMultimodal(travellerName: traveller) }
            let serviceDate = ServiceDate(date)!
            let road = try timetable.roadModel()
            let (tt, _) = try timetable.loadTimetable(road: road)
            let maxWalk = self.maxWalk ?? 1000
            let finder = StopFinder(timetable: tt)
            let origin: StopFinder.Match, destination: StopFinder.Match
            do {
                origin = try walked(finder.find(from, maxWalk: maxWalk), on: road, timetable: tt, option: "--from")
            } catch let error as StopFinder.FindError {
                throw CLIError("--from: \(error)")
            }
            do {
                destination = try walked(finder.find(to, maxWalk: maxWalk), on: road, timetable: tt, option: "--to")
            } catch let error as StopFinder.FindError {
                throw CLIError("--to: \(error)")
            }
            let zone = tt.feed.timezone
            let clockText = depart ?? arrive!
            guard let seconds = WallClock.serviceDaySeconds(clockText, on: serviceDate, timezone: zone) else {
                throw ValidationError("'\(clockText)' is not a time (expected HH:MM)")
            }
            var request = JourneyRequest(
                origins: origin.stops, destinations: destination.stops, date: serviceDate,
                time: depart != nil ? .departAt(seconds) : .arriveBy(seconds), window: Int32(window * 60),
                maxTransfers: maxTransfers, wheelchairOnly: wheelchair)
            request.reconstructLegs = true
            var raptor = Raptor(timetable: tt)
            var result = raptor.route(request)
            // Nothing in the window: look further (the rest of the next service day).
            if result.journeys.isEmpty && window > 0 {
                request.window = 0
                result = raptor.route(request)
            }
            let plan = PlanOutput(
                timetable: tt, date: serviceDate, origin: origin, destination: destination, request: request,
                journeys: Array(PlanOutput.reasonable(result.journeys).prefix(8)), roadModel: road.description)
            return json ? try plan.json() : plan.text()
        }

        /// For a `lat,lon` end on a street network: the walks to its stops along the streets
        /// (on the wheelchair profile with --wheelchair); stops the network cannot reach on
        /// foot are dropped. The straight-line estimate keeps the finder's times.
        func walked(_ match: StopFinder.Match, on road: any RoadModel, timetable: Timetable, option: String) throws -> StopFinder.Match {
            guard let point = match.coordinate, road is NetworkRoadModel else { return match }
            let stops = timetable.feed.stops
            let walks = road.walks(from: point, to: match.stops.map { stops[$0.stop.int].coordinate }, as: wheelchair ? .wheelchair : .foot)
            var result = match
            result.stops = zip(match.stops, walks).compactMap { offset, walk in
                walk.map { StopOffset(stop: offset.stop, duration: $0.seconds) }
            }
            guard !result.stops.isEmpty else {
                throw CLIError("\(option): no stop near \(point) can be reached on foot on the \(road)")
            }
            return result
        }
    }
}

/// Conversions between wall-clock input and service-day seconds.
enum WallClock {
    /// Service-day seconds of wall-clock `HH:MM[:SS]` on `date` in `timezone` (exact on DST days).
    static func serviceDaySeconds(_ text: String, on date: ServiceDate, timezone: String) -> Int32? {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]),
            (0 ... 23).contains(h), (0 ... 59).contains(m)
        else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) : 0
        guard let s, (0 ... 59).contains(s) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        guard let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: h, minute: m, second: s))
        else { return nil }
        return Int32(Int64(instant.timeIntervalSince1970) - ServiceDayClock.noonMinus12h(date, timezone: timezone))
    }
}
