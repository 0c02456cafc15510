//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
public import Foundation
import GTFS
import Mobility

/// A scenario file that cannot be used: the file, the place in it, the field (a path such as
/// `population.ages[1].share`) and what was expected there.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var field: String
    public var expected: String
    /// 1-based line and column of the field in the file, when known.
    public var line: Int?
    public var column: Int?

    /// `file:line:column: field: expected`, as compilers write.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return field.isEmpty ? "\(location): \(expected)" : "\(location): \(field): \(expected)"
    }
}

extension ScenarioError {
    init(_ problem: JSONProblem, file: String) {
        self.init(file: file, field: problem.field, expected: problem.expected, line: problem.location?.line, column: problem.location?.column)
    }
}

extension Scenario {
    /// Reads `path` (a `.json` file; `Scenarios/NAME` finds `Scenarios/NAME.json`) and checks it.
    public static func load(_ path: String) throws -> Scenario {
        var file = path
        if !FileManager.default.fileExists(atPath: file), FileManager.default.fileExists(atPath: file + ".json") { file += ".json" }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ScenarioError(file: path, field: "", expected: "a readable scenario file (JSON); none found")
        }
        return try parse(data, file: file)
    }

    /// Parses and checks a scenario strictly (``JSONDocument``: unknown fields, fractions in
    /// whole-number fields and syntax errors are refused); errors name the line and column, the
    /// field and what was expected.
    public static func parse(_ data: Data, file: String) throws -> Scenario {
        let document: JSONDocument
        let scenario: Scenario
        do {
            document = try JSONDocument(parsing: data)
            scenario = try document.decode(Scenario.self)
        } catch var problem as JSONProblem {
            if let range = wholeNumberRange(problem) { problem.expected = range }
            throw ScenarioError(problem, file: file)
        }
        do {
            try scenario.validate(file: file)
        } catch var error as ScenarioError {
            if let location = document.location(of: error.field), !error.field.isEmpty {
                error.line = location.line
                error.column = location.column
            }
            throw error
        }
        return scenario
    }

    /// The whole-number fields and the ranges ``validate(file:)`` holds them to, by path with
    /// list positions left out: a fraction there is refused in the words of the range.
    static let wholeNumberRanges: [String: String] = [
        "days": "a whole number of days between 1 and 400",
        "population.travellers": "a whole number of travellers between 1 and 200000",
        "population.ages[].from": "a whole number of years between 0 and 120",
        "population.ages[].to": "a whole number of years between 0 and 120",
        "demand.purposes[].stayMinutes": "a whole number of minutes between 0 and 720",
        "phases[].fromDay": "a whole-number day index ≥ 0 (0 = start)",
        "rules.regiotaxiPickupWindowMinutes": "a whole number of minutes between 0 and 120",
        "rules.regiotaxiLeadTimeMinutes": "a whole number of minutes between 0 and 10080",
        "rules.automaatjeLeadWorkingDays": "a whole number of working days between 0 and 20",
        "rules.automaatjeResponseDeadlineHours": "a whole number of hours between 1 and 240",
        "dispatch.iterations": "a whole number between 0 and 1000000",
        "dispatch.maxRidesToImprove": "a whole number of rides ≥ 0",
    ]

    /// The range of a whole-number field whose value was a number but not a whole one.
    static func wholeNumberRange(_ problem: JSONProblem) -> String? {
        guard problem.expected.hasPrefix("a whole number"), let found = problem.expected.components(separatedBy: ", found ").last,
            Double(found) != nil
        else { return nil }
        let pattern = problem.field.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        return wholeNumberRanges[pattern].map { "\($0), found \(found)" }
    }

    /// Checks what the decoder cannot: ranges, shares, dates, times, known names.
    func validate(file: String) throws {
        func fail(_ field: String, _ expected: String) -> ScenarioError { ScenarioError(file: file, field: field, expected: expected) }
        func share(_ value: Double, _ field: String) throws {
            guard value.isFinite, (0 ... 1).contains(value) else { throw fail(field, "a share between 0 and 1, found \(value)") }
        }
        func sumsToOne(_ shares: [Double], _ field: String) throws {
            let total = shares.reduce(0, +)
            guard abs(total - 1) <= 0.011 else { throw fail(field, "shares that add up to 1, found \(total)") }
        }
        if name.isEmpty { throw fail("name", "a non-empty name") }
        guard ServiceDate(start) != nil else { throw fail("start", "a date YYYY-MM-DD, found '\(start)'") }
        guard (1 ... 400).contains(days) else { throw fail("days", "a number of days between 1 and 400, found \(days)") }
        if supply.base.isEmpty || supply.base.contains("..") { throw fail("supply.base", "the name of a folder under Scenarios/, found '\(supply.base)'") }
        if let scale = supply.fleetScale, !(scale.isFinite && (0 ... 100).contains(scale)) { throw fail("supply.fleetScale", "a factor between 0 and 100, found \(scale)") }
        if let scale = supply.volunteerScale, !(scale.isFinite && (0 ... 100).contains(scale)) {
            throw fail("supply.volunteerScale", "a factor between 0 and 100, found \(scale)")
        }
        if let rate = supply.acceptanceRate { try share(rate, "supply.acceptanceRate") }
        for (i, depot) in (supply.depots ?? []).enumerated() {
            guard (50 ... 54).contains(depot.lat), (3 ... 8).contains(depot.lon) else {
                throw fail("supply.depots[\(i)]", "a position in the Netherlands (lat 50…54, lon 3…8), found \(depot.lat), \(depot.lon)")
            }
        }
        let p = population
        guard (1 ... 200_000).contains(p.travellers) else { throw fail("population.travellers", "between 1 and 200000 travellers, found \(p.travellers)") }
        if p.ages.isEmpty { throw fail("population.ages", "at least one age band") }
        for (i, band) in p.ages.enumerated() {
            guard (0 ... 120).contains(band.from), band.from <= band.to, band.to <= 120 else {
                throw fail("population.ages[\(i)]", "ages with 0 ≤ from ≤ to ≤ 120, found \(band.from)–\(band.to)")
            }
            try share(band.share, "population.ages[\(i)].share")
        }
        try sumsToOne(p.ages.map(\.share), "population.ages")
        try share(p.livingAlone, "population.livingAlone")
        try share(p.wmoPass, "population.wmoPass")
        try share(p.automaatjeMember, "population.automaatjeMember")
        try share(p.aids.wheelchair, "population.aids.wheelchair")
        try share(p.aids.mobilityScooter, "population.aids.mobilityScooter")
        try share(p.aids.walker, "population.aids.walker")
        try share(p.aids.doorToDoorHelp, "population.aids.doorToDoorHelp")
        if let companion = p.companion { try share(companion, "population.companion") }
        if let preferences = p.preferences {
            try share(preferences.comfort, "population.preferences.comfort")
            try share(preferences.price, "population.preferences.price")
            try share(preferences.speed, "population.preferences.speed")
            if preferences.comfort + preferences.price + preferences.speed > 1.001 { throw fail("population.preferences", "shares adding up to at most 1") }
        }
        if let budget = p.kmBudget, !(budget.isFinite && budget >= 0) { throw fail("population.kmBudget", "kilometres ≥ 0, found \(budget)") }
        if p.homes.isEmpty { throw fail("population.homes", "at least one home area") }
        for (i, home) in p.homes.enumerated() {
            guard (50 ... 54).contains(home.lat), (3 ... 8).contains(home.lon) else {
                throw fail("population.homes[\(i)]", "a position in the Netherlands (lat 50…54, lon 3…8), found \(home.lat), \(home.lon)")
            }
            guard home.radiusMetres.isFinite, (0 ... 20_000).contains(home.radiusMetres) else {
                throw fail("population.homes[\(i)].radiusMetres", "metres between 0 and 20000, found \(home.radiusMetres)")
            }
            guard home.weight.isFinite, home.weight > 0 else { throw fail("population.homes[\(i)].weight", "a weight > 0, found \(home.weight)") }
        }
        let d = demand
        guard d.tripsPerTravellerPerWeek.isFinite, (0 ... 50).contains(d.tripsPerTravellerPerWeek) else {
            throw fail("demand.tripsPerTravellerPerWeek", "trips between 0 and 50, found \(d.tripsPerTravellerPerWeek)")
        }
        for (key, weight) in d.weekdays {
            guard weekdayNames.contains(key) else { throw fail("demand.weekdays.\(key)", "a day mon, tue, wed, thu, fri, sat or sun") }
            guard weight.isFinite, weight >= 0 else { throw fail("demand.weekdays.\(key)", "a weight ≥ 0, found \(weight)") }
        }
        if d.purposes.isEmpty { throw fail("demand.purposes", "at least one purpose") }
        if let fixed = fixedRides { try validate(fixed, fail: fail) }
        let kinds: Set<String> = ["hospital", "gp", "pharmacy", "dayCentre", "villageCentre", "townCentre", "family"]
        for (i, place) in (places ?? []).enumerated() {
            if !kinds.contains(place.kind) || place.kind == "family" {
                throw fail("places[\(i)].kind", "one of \(kinds.subtracting(["family"]).sorted().joined(separator: ", ")), found '\(place.kind)'")
            }
            guard (50 ... 54).contains(place.lat), (3 ... 8).contains(place.lon) else {
                throw fail("places[\(i)]", "a position in the Netherlands (lat 50…54, lon 3…8), found \(place.lat), \(place.lon)")
            }
        }
        for (i, purpose) in d.purposes.enumerated() {
            let field = "demand.purposes[\(i)]"
            try share(purpose.share, field + ".share")
            try share(purpose.returnShare, field + ".returnShare")
            if purpose.destinations.isEmpty { throw fail(field + ".destinations", "at least one destination kind") }
            for (j, kind) in purpose.destinations.enumerated() where !kinds.contains(kind) {
                throw fail(field + ".destinations[\(j)]", "one of \(kinds.sorted().joined(separator: ", ")), found '\(kind)'")
            }
            guard (0 ... 720).contains(purpose.stayMinutes) else { throw fail(field + ".stayMinutes", "minutes between 0 and 720, found \(purpose.stayMinutes)") }
            try checkBands(purpose.arrivals, field + ".arrivals", fail)
        }
        try sumsToOne(d.purposes.map(\.share), "demand.purposes")
        var named = Set<String>()
        for (i, purpose) in d.purposes.enumerated() where !named.insert(purpose.name).inserted {
            throw fail("demand.purposes[\(i)].name", "a name not used by another purpose, found '\(purpose.name)' twice")
        }
        if d.leadTimes.isEmpty { throw fail("demand.leadTimes", "at least one lead-time band") }
        for (i, lead) in d.leadTimes.enumerated() {
            guard lead.fromHours >= 0.5, lead.fromHours <= lead.toHours, lead.toHours <= 24 * 60 else {
                throw fail("demand.leadTimes[\(i)]", "hours with 0.5 ≤ fromHours ≤ toHours ≤ 1440, found \(lead.fromHours)–\(lead.toHours)")
            }
            try share(lead.share, "demand.leadTimes[\(i)].share")
        }
        try sumsToOne(d.leadTimes.map(\.share), "demand.leadTimes")
        for (i, phase) in (phases ?? []).enumerated() {
            let field = "phases[\(i)]"
            guard (0 ..< days).contains(phase.fromDay) else { throw fail(field + ".fromDay", "a day index 0…\(days - 1), found \(phase.fromDay)") }
            if i > 0, phase.fromDay <= phases![i - 1].fromDay { throw fail(field + ".fromDay", "a day after the previous phase's (\(phases![i - 1].fromDay))") }
            if let factor = phase.demandFactor, !(factor.isFinite && (0 ... 100).contains(factor)) {
                throw fail(field + ".demandFactor", "a factor between 0 and 100, found \(factor)")
            }
            if let users = phase.users, !["all", "passHolders", "passHoldersAndMembers"].contains(users) {
                throw fail(field + ".users", "all, passHolders or passHoldersAndMembers, found '\(users)'")
            }
            let known = Set(d.purposes.map(\.name)).union((phase.extraPurposes ?? [:]).keys)
            for (j, purpose) in (phase.purposes ?? []).enumerated() where !known.contains(purpose) {
                throw fail(field + ".purposes[\(j)]", "a purpose of demand.purposes or extraPurposes, found '\(purpose)'")
            }
            for (purpose, value) in phase.extraPurposes ?? [:] {
                try share(value, field + ".extraPurposes.\(purpose)")
                if !d.purposes.contains(where: { $0.name == purpose }) {
                    throw fail(field + ".extraPurposes.\(purpose)", "a purpose described in demand.purposes (with share 0 if it only appears in a phase)")
                }
            }
        }
        if let execution {
            if let value = execution.delayProbability { try share(value, "execution.delayProbability") }
            if let value = execution.delayMeanMinutes, !(value.isFinite && (0 ... 120).contains(value)) {
                throw fail("execution.delayMeanMinutes", "minutes between 0 and 120, found \(value)")
            }
            if let value = execution.volunteerAnswerMeanHours, !(value.isFinite && (0.01 ... 240).contains(value)) {
                throw fail("execution.volunteerAnswerMeanHours", "hours between 0.01 and 240, found \(value)")
            }
        }
        if let window = rules?.regiotaxiPickupWindowMinutes, !(0 ... 120).contains(window) {
            throw fail("rules.regiotaxiPickupWindowMinutes", "minutes between 0 and 120, found \(window)")
        }
        if let lead = rules?.regiotaxiLeadTimeMinutes, !(0 ... 10_080).contains(lead) {
            throw fail("rules.regiotaxiLeadTimeMinutes", "minutes between 0 and 10080, found \(lead)")
        }
        if let days = rules?.automaatjeLeadWorkingDays, !(0 ... 20).contains(days) {
            throw fail("rules.automaatjeLeadWorkingDays", "working days between 0 and 20, found \(days)")
        }
        if let hours = rules?.automaatjeResponseDeadlineHours, !(1 ... 240).contains(hours) {
            throw fail("rules.automaatjeResponseDeadlineHours", "hours between 1 and 240, found \(hours)")
        }
        if let costs {
            let values: [(String, Double?)] = [
                ("regiotaxiPerVehicleHour", costs.regiotaxiPerVehicleHour), ("automaatjeCoordinationPerRide", costs.automaatjeCoordinationPerRide),
                ("taxiGramsPerKm", costs.taxiGramsPerKm), ("carGramsPerKm", costs.carGramsPerKm), ("transitGramsPerPassengerKm", costs.transitGramsPerPassengerKm),
            ]
            for (name, value) in values {
                if let value, !(value.isFinite && value >= 0) { throw fail("costs.\(name)", "a number ≥ 0, found \(value)") }
            }
        }
        if let limit = dispatch?.maxRidesToImprove, limit < 0 { throw fail("dispatch.maxRidesToImprove", "a number of rides ≥ 0, found \(limit)") }
        if let iterations = dispatch?.iterations, !(0 ... 1_000_000).contains(iterations) {
            throw fail("dispatch.iterations", "between 0 and 1000000, found \(iterations)")
        }
        if let weight = dispatch?.rideTimeWeight, !(weight.isFinite && (0 ... 100).contains(weight)) {
            throw fail("dispatch.rideTimeWeight", "a number between 0 and 100, found \(weight)")
        }
        if let minutes = dispatch?.planningWindowMinutes, !(minutes.isFinite && (1 ... 60).contains(minutes)) {
            throw fail("dispatch.planningWindowMinutes", "minutes between 1 and 60, found \(minutes)")
        }
        if let minutes = dispatch?.planningWindowBeforeMinutes {
            guard minutes.isFinite && (1 ... 60).contains(minutes) else {
                throw fail("dispatch.planningWindowBeforeMinutes", "minutes between 1 and 60, found \(minutes)")
            }
            guard dispatch?.planningWindowMinutes != nil else {
                throw fail("dispatch.planningWindowBeforeMinutes", "given only with dispatch.planningWindowMinutes (the room after the agreed time)")
            }
        }
        let figures: Set<String> = [
            "automaatjeRides", "automaatjeRiders", "automaatjeRidersLivingAlone", "requests", "regiotaxiRidesPerDay", "regiotaxiRidesPerWeekday",
        ]
        for (i, target) in (calibration ?? []).enumerated() {
            if !figures.contains(target.figure) { throw fail("calibration[\(i)].figure", "one of \(figures.sorted().joined(separator: ", ")), found '\(target.figure)'") }
            try share(target.tolerance, "calibration[\(i)].tolerance")
        }
    }

    func checkBands(_ bands: [TimeBand], _ field: String, _ fail: (String, String) -> ScenarioError) throws {
        if bands.isEmpty { throw fail(field, "at least one time band") }
        for (i, band) in bands.enumerated() {
            guard let from = ClockTime.seconds(band.from), let to = ClockTime.seconds(band.to), from < to, to <= 25 * 3600 else {
                throw fail("\(field)[\(i)]", "times \"HH:MM\" with from < to ≤ 25:00, found '\(band.from)'–'\(band.to)'")
            }
            guard band.share.isFinite, (0 ... 1).contains(band.share) else { throw fail("\(field)[\(i)].share", "a share between 0 and 1, found \(band.share)") }
        }
        let total = bands.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 0.011 else { throw fail(field, "shares that add up to 1, found \(total)") }
    }
}

extension Scenario {
    /// Checks `fixedRides`: counts, times, shares and positions.
    func validate(_ fixed: FixedRides, fail: (String, String) -> ScenarioError) throws {
        func time(_ text: String, _ field: String) throws -> Int {
            guard let seconds = ClockTime.seconds(text), seconds < 86_400, text.count == 5 else { throw fail(field, "a time \"HH:MM\", found '\(text)'") }
            return Int(seconds)
        }
        func inNetherlands(_ lat: Double, _ lon: Double, _ field: String) throws {
            guard (50 ... 54).contains(lat), (3 ... 8).contains(lon) else {
                throw fail(field, "a position in the Netherlands (lat 50…54, lon 3…8), found \(lat), \(lon)")
            }
        }
        if let care = fixed.dayCare {
            guard (0 ... 10_000).contains(care.clients) else { throw fail("fixedRides.dayCare.clients", "between 0 and 10000, found \(care.clients)") }
            guard (1 ... 5).contains(care.daysPerWeek) else { throw fail("fixedRides.dayCare.daysPerWeek", "1 to 5 days, found \(care.daysPerWeek)") }
            if care.centres.isEmpty { throw fail("fixedRides.dayCare.centres", "at least one day centre (a place name of the base places.json)") }
            if try time(care.leaveAt, "fixedRides.dayCare.leaveAt") <= time(care.arriveBy, "fixedRides.dayCare.arriveBy") {
                throw fail("fixedRides.dayCare.leaveAt", "a time after arriveBy (\(care.arriveBy))")
            }
            for (field, share) in [("wheelchair", care.wheelchair), ("walker", care.walker)] where !(share.isFinite && (0 ... 1).contains(share)) {
                throw fail("fixedRides.dayCare.\(field)", "a share between 0 and 1, found \(share)")
            }
        }
        if let school = fixed.school {
            guard (0 ... 10_000).contains(school.pupils) else { throw fail("fixedRides.school.pupils", "between 0 and 10000, found \(school.pupils)") }
            if school.schools.isEmpty { throw fail("fixedRides.school.schools", "at least one school") }
            for (i, place) in school.schools.enumerated() {
                try inNetherlands(place.lat, place.lon, "fixedRides.school.schools[\(i)]")
                guard place.weight.isFinite, place.weight > 0 else { throw fail("fixedRides.school.schools[\(i)].weight", "a weight > 0, found \(place.weight)") }
            }
            if try time(school.leaveAt, "fixedRides.school.leaveAt") <= time(school.bell, "fixedRides.school.bell") {
                throw fail("fixedRides.school.leaveAt", "a time after the bell (\(school.bell))")
            }
            guard school.wheelchair.isFinite, (0 ... 1).contains(school.wheelchair) else {
                throw fail("fixedRides.school.wheelchair", "a share between 0 and 1, found \(school.wheelchair)")
            }
        }
        let v = fixed.vehicles
        guard (0 ... 1000).contains(v.count) else { throw fail("fixedRides.vehicles.count", "between 0 and 1000, found \(v.count)") }
        guard (1 ... 50).contains(v.seats) else { throw fail("fixedRides.vehicles.seats", "between 1 and 50, found \(v.seats)") }
        guard (0 ... 10).contains(v.wheelchairPlaces) else { throw fail("fixedRides.vehicles.wheelchairPlaces", "between 0 and 10, found \(v.wheelchairPlaces)") }
        if try time(v.end, "fixedRides.vehicles.end") <= time(v.start, "fixedRides.vehicles.start") {
            throw fail("fixedRides.vehicles.end", "a time after start (\(v.start))")
        }
        if v.count > 0 && v.depots.isEmpty { throw fail("fixedRides.vehicles.depots", "at least one depot") }
        for (i, depot) in v.depots.enumerated() { try inNetherlands(depot.lat, depot.lon, "fixedRides.vehicles.depots[\(i)]") }
    }
}
