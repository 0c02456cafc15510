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
import Planner
import Transit

extension GoanCommand.Plan {
    /// Plans with every mode for a traveller profile of the scenario.
    func renderMultimodal(travellerName: String) throws -> String {
        let serviceDate = ServiceDate(date)!
        let region = try timetable.loadRegion(scenario: scenarioFolder.scenario)
        let (tt, supply) = (region.timetable, region.supply)
        guard var traveller = supply.traveller(travellerName) else {
            let known = supply.travellers.map(\.id.rawValue).joined(separator: ", ")
            throw CLIError("--traveller: no traveller '\(travellerName)' in the scenario (known: \(known))")
        }
        // Flags override the profile.
        if wheelchair && !traveller.needsWheelchairPlace { traveller.needs.append(.wheelchairStandard) }
        if let maxWalk { traveller.maxWalkMetres = maxWalk }
        let origin = try resolve(from, traveller: traveller, supply: supply, timetable: tt, option: "--from")
        let destination = try resolve(to, traveller: traveller, supply: supply, timetable: tt, option: "--to")
        let zone = tt.feed.timezone
        let clockText = depart ?? arrive!
        guard let seconds = WallClock.serviceDaySeconds(clockText, on: serviceDate, timezone: zone) else {
            throw ValidationError("'\(clockText)' is not a time (expected HH:MM)")
        }
        let bookedAtUnix = bookedAt.flatMap { BookingClock.parse($0, timezone: zone) } ?? Int64(Date().timeIntervalSince1970)
        var request = PlanRequest(
            traveller: traveller, origin: origin.coordinate, originName: origin.name, destination: destination.coordinate,
            destinationName: destination.name, date: serviceDate, time: depart != nil ? .departAt(seconds) : .arriveBy(seconds),
            bookedAt: bookedAtUnix)
        request.window = Int32(window * 60)
        request.maxTransfers = maxTransfers
        let along = try tripCompanions()
        if let along { request.travelWith(along) }
        let back = try wayBack(request, timezone: zone)
        if offers || book != nil {
            return try planAndBook(request, back: back, region: region, now: bookedAtUnix)
        }
        var planner = region.planner()
        let plan = planner.plan(request)
        let output = ItineraryOutput(plan: plan, request: request, timezone: zone)
        guard let back else { return json ? try output.json() : output.text() }
        let backPlan = planner.plan(back)
        if json { return try Self.json(PlanDocument(there: plan, request: request, back: backPlan, backRequest: back, timezone: zone)) }
        return Self.wayThereAndBack(output.text(), ItineraryOutput(plan: backPlan, request: back, timezone: zone, aboutTheTraveller: false).text())
    }

    /// The request for the way back (`--return-at`, `--return-after`), or `nil` for a one-way trip.
    func wayBack(_ request: PlanRequest, timezone: String) throws -> PlanRequest? {
        guard let text = returnAt ?? returnAfter else { return nil }
        let option = returnAt != nil ? "--return-at" : "--return-after"
        guard let seconds = WallClock.serviceDaySeconds(text, on: request.date, timezone: timezone) else {
            throw ValidationError("\(option) '\(text)' is not a time (expected HH:MM)")
        }
        if case .departAt(let leaving) = request.time, seconds <= leaving {
            throw ValidationError("\(option) \(text) is not after --depart \(depart ?? "")")
        }
        if case .arriveBy(let arriving) = request.time, seconds < arriving {
            throw ValidationError("\(option) \(text) is before --arrive \(arrive ?? "")")
        }
        return request.wayBack(departing: seconds, afterAppointment: returnAfter != nil)
    }

    /// A return trip's answer as text: the way there, then the way back.
    static func wayThereAndBack(_ there: String, _ back: String) -> String {
        "The way there: " + there + "\n\nThe way back: " + back
    }

    static func json(_ document: PlanDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// The companions of `--companion`, or `nil` for the profile's.
    func tripCompanions() throws -> [Companion]? {
        guard !companions.isEmpty else { return nil }
        return try companions.map { text in
            guard let companion = Companion(text) else {
                throw ValidationError("--companion: '\(text)' is not social or medical, with an age 0…120 if given (social:40)")
            }
            return companion
        }
    }

    /// Plans through the booking desk: the options become offers in the database; with
    /// `--book N`, option N is booked and committed. With a way back, every pair of a way
    /// there and a way back is an offer, and `--book N --book-return M` books one pair.
    func planAndBook(_ request: PlanRequest, back: PlanRequest?, region: Region, now: Int64) throws -> String {
        let store = try StoreArguments.openStore(StoreArguments.databasePath(database))
        let desk = try BookingDesk(store: store, region: region)
        let zone = region.timetable.feed.timezone
        var request = request
        // The store's budget is the live one.
        request.traveller = try deskCall { try desk.traveller(request.traveller.id) }
        if let along = try tripCompanions() { request.travelWith(along) }
        var text: String
        let offers: [Offer], labels: [String]
        var chosen: Offer?
        if var back {
            back.traveller = request.traveller
            let answer = try desk.offers(request, back: back, now: now)
            if json {
                text = try Self.json(PlanDocument(
                    there: answer.there, request: request, back: answer.back, backRequest: back, timezone: zone,
                    pairs: answer.pairs.map { ($0.offer.id, $0.offer.validUntil, $0.there, $0.back, $0.offer.price) }))
            } else {
                text = Self.wayThereAndBack(
                    ItineraryOutput(plan: answer.there, request: request, timezone: zone).text(),
                    ItineraryOutput(plan: answer.back, request: back, timezone: zone, aboutTheTraveller: false).text())
            }
            offers = answer.pairs.map(\.offer)
            labels = answer.pairs.map { "there \($0.there + 1), back \($0.back + 1)  \(RideRules.euros($0.offer.price))" }
            if let book {
                let wayBack = bookReturn ?? 1
                guard let pair = answer.pairs.first(where: { $0.there == book - 1 && $0.back == wayBack - 1 }) else {
                    throw CLIError(
                        "--book \(book) --book-return \(wayBack): no such pair (the way there has \(answer.there.itineraries.count) option(s), "
                            + "the way back \(answer.back.itineraries.count); a way back must leave after the way there arrives)")
                }
                chosen = pair.offer
            }
        } else {
            let (plan, single) = try desk.offers(request, now: now)
            let output = ItineraryOutput(plan: plan, request: request, timezone: zone)
            text = json ? try output.json() : output.text()
            offers = single
            labels = single.map { $0.legs.map(\.mode).filter { $0 != .walk }.map(\.rawValue).joined(separator: "+") }
            if let book {
                guard book <= single.count else { throw CLIError("--book \(book): the answer has \(single.count) option\(single.count == 1 ? "" : "s")") }
                chosen = single[book - 1]
            }
        }
        if let chosen {
            let details = try deskCall { try desk.bookAndCommit(offerId: chosen.id, idempotencyKey: "cli/\(chosen.id)", allowOverlap: allowOverlap, now: now) }
            text += "\n\n" + BookingOutput(details: details, timezone: zone).text()
        } else if !json || back == nil {
            let until = BookingOutput.time(offers.map(\.validUntil).min() ?? now, timezone: zone)
            text += "\n\nOffers (book with `goan book ID`, valid until \(until)):"
            for (index, offer) in offers.enumerated() { text += "\n  \(index + 1). \(offer.id)  \(labels[index])" }
        }
        return text
    }

    /// `home`, a place of the scenario, a stop or place name of the feed, or `lat,lon`.
    func resolve(_ text: String, traveller: Traveller, supply: SupplyFiles, timetable tt: Timetable, option: String) throws -> (name: String, coordinate: Coordinate) {
        try PlaceArgument.resolve(text, traveller: traveller, supply: supply, timetable: tt, option: option)
    }
}

/// Where a trip of a traveller starts or ends, as typed on the command line.
enum PlaceArgument {
    /// `home`, a place of the scenario, a stop or place name of the feed, or `lat,lon`.
    static func resolve(_ text: String, traveller: Traveller, supply: SupplyFiles, timetable tt: Timetable, option: String) throws -> (name: String, coordinate: Coordinate) {
        if text.lowercased() == "home" { return ("home (\(traveller.home.name))", traveller.home.coordinate) }
        if let coordinate = Coordinate(parsing: text) { return (text, coordinate) }
        if let place = supply.place(text) { return (place.name, place.coordinate) }
        do {
            let match = try StopFinder(timetable: tt).find(text, maxWalk: 1000)
            guard let first = match.stops.first else { throw CLIError("\(option): '\(text)' has no stops") }
            return (match.label, tt.feed.stops[first.stop.int].coordinate)
        } catch let error as StopFinder.FindError {
            throw CLIError("\(option): \(error) (or use a place of the scenario: \(supply.places.prefix(6).map(\.name).joined(separator: ", ")), …)")
        }
    }
}

/// The moment a booking is made, typed as "YYYY-MM-DD HH:MM" in the feed's time zone.
enum BookingClock {
    static func parse(_ text: String, timezone: String = "Europe/Amsterdam") -> Int64? {
        let parts = text.split { $0 == " " || $0 == "T" }  // "2026-11-23 08:00" or "2026-11-23T08:00"
        guard parts.count == 2, let date = ServiceDate(String(parts[0])), let seconds = ClockTime.seconds(String(parts[1])),
            seconds < 86_400
        else { return nil }
        return ServiceDayClock.unix(wallClock: Int(seconds), on: date, timezone: timezone)
    }
}

/// Finds the scenario folder: the one given, else `Scenarios/twente` beside the feed's
/// repository, else below the current directory.
enum DefaultScenario {
    static func path(explicit: String?, feedPath: String) throws -> String {
        if let explicit { return explicit }
        let candidates = [
            URL(fileURLWithPath: feedPath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/twente").path,
            FileManager.default.currentDirectoryPath + "/Scenarios/twente",
        ]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/travellers.json") {
            return candidate
        }
        throw CLIError("no scenario folder found (looked in \(candidates.joined(separator: ", "))); pass --scenario DIR")
    }
}
