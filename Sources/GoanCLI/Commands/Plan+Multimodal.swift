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
        if offers || book != nil {
            return try planAndBook(request, region: region, now: bookedAtUnix)
        }
        var planner = region.planner()
        let plan = planner.plan(request)
        let output = ItineraryOutput(plan: plan, request: request, timezone: zone)
        return json ? try output.json() : output.text()
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
    /// `--book N`, option N is booked and committed.
    func planAndBook(_ request: PlanRequest, region: Region, now: Int64) throws -> String {
        let store = try StoreArguments.openStore(StoreArguments.databasePath(database))
        let desk = try BookingDesk(store: store, region: region)
        let tt = region.timetable
        var request = request
        // The store's budget is the live one.
        request.traveller = try deskCall { try desk.traveller(request.traveller.id) }
        if let along = try tripCompanions() { request.travelWith(along) }
        let (plan, offers) = try desk.offers(request, now: now)
        let output = ItineraryOutput(plan: plan, request: request, timezone: tt.feed.timezone)
        var text = json ? try output.json() : output.text()
        if let book {
            guard book <= offers.count else { throw CLIError("--book \(book): the answer has \(offers.count) option\(offers.count == 1 ? "" : "s")") }
            let offer = offers[book - 1].id
            let details = try deskCall { try desk.bookAndCommit(offerId: offer, idempotencyKey: "cli/\(offer)", allowOverlap: allowOverlap, now: now) }
            text += "\n\n" + BookingOutput(details: details, timezone: tt.feed.timezone).text()
        } else {
            let until = BookingOutput.time(offers.map(\.validUntil).min() ?? now, timezone: tt.feed.timezone)
            text += "\n\nOffers (book with `goan book ID`, valid until \(until)):"
            for (index, offer) in offers.enumerated() { text += "\n  \(index + 1). \(offer.id)  \(offer.legs.map(\.mode).filter { $0 != .walk }.map(\.rawValue).joined(separator: "+"))" }
        }
        return text
    }



    /// `home`, a place of the scenario, a stop or place name of the feed, or `lat,lon`.
    func resolve(_ text: String, traveller: Traveller, supply: SupplyFiles, timetable tt: Timetable, option: String) throws -> (name: String, coordinate: Coordinate) {
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
