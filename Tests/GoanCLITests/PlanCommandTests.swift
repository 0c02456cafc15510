//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
@testable import GoanCLI
import Planner
import Testing

/// `goan plan` on the embedded Twente feed, run in-process.
@Suite struct PlanCommandTests {
    func plan(_ arguments: [String]) throws -> String {
        let command = try GoanCommand.parseAsRoot(["plan"] + arguments)
        let plan = try #require(command as? GoanCommand.Plan)
        return try plan.render()
    }

    @Test func westerhaarToTheHospitalOnAWeekdayMorning() throws {
        let text = try plan(["--from", "Westerhaar", "--to", "Almelo, Ziekenhuis ZGT", "--date", "2026-11-23", "--depart", "09:00"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Westerhaar (any stop) → Almelo, Ziekenhuis ZGT")
        #expect(lines[1] == "Monday 23 November 2026, leaving from 09:00")
        #expect(lines.contains { $0.hasPrefix("Option 1 ") })
        #expect(text.contains("bus 26 towards Ziekenhuis ZGT"))
        // "Option N   09:40 → 10:22   …": the last option's last line is its arrival at the destination.
        let lastOption = try #require(lines.last { $0.hasPrefix("Option ") }).split(separator: " ")
        let arrow = try #require(lastOption.firstIndex(of: "→"))
        let arrival = String(lastOption[arrow + 1])
        #expect(arrival > "09:00")
        #expect(lines.dropLast().last == "  \(arrival)  Almelo, Ziekenhuis ZGT")
        // Which model gave the walking times closes the answer.
        #expect(lines.last == "Walking times: straight-line estimate.")
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let text = try plan(["--from", "Westerhaar, Centrum", "--to", "Almelo, Ziekenhuis ZGT", "--date", "2026-11-23", "--depart", "09:00", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["date", "timezone", "from", "to", "query", "options", "notOffered", "roads"])
        #expect(object["roads"] as? String == "straight-line estimate")
        #expect(object["timezone"] as? String == "Europe/Amsterdam")
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(!options.isEmpty)
        let first = options[0]
        #expect((first["departureTime"] as? String)?.hasPrefix("2026-11-23T") == true)
        #expect((first["departureTime"] as? String)?.hasSuffix("+01:00") == true)
        let legs = try #require(first["legs"] as? [[String: Any]])
        let transit = legs.filter { $0["mode"] as? String == "transit" }
        #expect(transit.count == (first["transfers"] as? Int ?? -1) + 1)
        #expect(transit.allSatisfy { $0["route"] != nil && $0["tripId"] != nil && $0["serviceDate"] as? String == "2026-11-23" })
        #expect(transit.allSatisfy { ($0["from"] as? [String: Any])?["stopId"] != nil })
        #expect((object["notOffered"] as? [Any])?.isEmpty == true)
        // The one wire format: it reads back as the API's plan document.
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(text.utf8))
        #expect(document.options.count == options.count)
        #expect(document.from.stopIds?.isEmpty == false)
    }

    @Test func aTravellersJsonIsTheAPIsPlanDocument() throws {
        let text = try plan([
            "--traveller", "jansen", "--from", "home", "--to", "52.3497,6.6378", "--date", "2026-11-30", "--arrive", "10:00", "--booked-at",
            "2026-11-23 10:00", "--json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["from", "to", "date", "timezone", "traveller", "query", "options", "notOffered"]))
        #expect(object["traveller"] as? String == "jansen")
        // Her needs as CROW codes: a wheelchair (HR-01).
        #expect((object["query"] as? [String: Any])?["needs"] as? [String] == ["HR-01"])
        let options = try #require(object["options"] as? [[String: Any]])
        let taxi = try #require(options.first { ($0["legs"] as? [[String: Any]])?.contains { $0["mode"] as? String == "regiotaxi" } == true })
        #expect((taxi["price"] as? Double ?? 0) > 0)
        #expect((taxi["arrivalTime"] as? String ?? "z") <= "2026-11-30T10:00:00+01:00")
        let leg = try #require((taxi["legs"] as? [[String: Any]])?.first { $0["mode"] as? String == "regiotaxi" })
        #expect(leg["windowMinutes"] != nil && leg["bookingDeadline"] != nil && leg["paidTo"] != nil)
        #expect((leg["from"] as? [String: Any])?["lat"] as? Double != nil)
        // No snake_case left.
        #expect(!text.contains("_euros") && !text.contains("not_offered"))
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(text.utf8))
        #expect(document.options.count == options.count)
        #expect(document.options.allSatisfy { $0.id == nil })
    }

    @Test func arriveByNeverArrivesLate() throws {
        let text = try plan(["--from", "Vroomshoop", "--to", "Almelo, Ziekenhuis ZGT", "--date", "2026-11-23", "--arrive", "10:30", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let journeys = try #require(object["options"] as? [[String: Any]])
        #expect(!journeys.isEmpty)
        for journey in journeys {
            let arrival = try #require(journey["arrivalTime"] as? String)
            #expect(arrival <= "2026-11-23T10:30:00+01:00")
        }
    }

    /// The route short names of each journey's transit legs in `plan --json` output.
    func transitRoutes(_ json: String) throws -> [[String]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        return try options.map { option in
            let legs = try #require(option["legs"] as? [[String: Any]])
            return legs.filter { $0["mode"] as? String == "transit" }.compactMap { $0["route"] as? String }
        }
    }

    @Test func wheelchairAvoidsTheBuurtbus() throws {
        // Line 594 (an 8-seat minibus without a lift) is the only direct link Daarlerveen–Nijverdal.
        let arguments = ["--from", "Daarlerveen, Station", "--to", "Nijverdal", "--date", "2026-11-23", "--depart", "08:00", "--window", "240", "--json"]
        let normal = try transitRoutes(try plan(arguments))
        let accessible = try transitRoutes(try plan(arguments + ["--wheelchair"]))
        #expect(normal.contains(["594"]), "without --wheelchair the direct buurtbus is an option: \(normal)")
        #expect(!accessible.isEmpty, "a wheelchair user still gets a journey (by train)")
        #expect(accessible.allSatisfy { !$0.isEmpty && !$0.contains("594") }, "\(accessible)")
    }

    @Test func typoGetsSuggestions() throws {
        #expect {
            try plan(["--from", "Vromshoop", "--to", "Almelo", "--date", "2026-11-23", "--depart", "09:00"])
        } throws: { error in
            let text = "\(error)"
            return text.contains("no stop or place called 'Vromshoop'") && text.contains("Did you mean") && text.contains("Vroomshoop")
        }
    }

    @Test func accentsAndCaseDoNotMatter() throws {
        let text = try plan(["--from", "MARIENBERG station", "--to", "almelo, station", "--date", "2026-11-23", "--depart", "09:00"])
        #expect(text.hasPrefix("Mariënberg, Station → Almelo, Station"))
    }

    @Test func positionsWalkToTheNearestStops() throws {
        let text = try plan(["--from", "52.4600,6.5600", "--to", "Hardenberg, Station", "--date", "2026-11-23", "--depart", "07:30"])
        #expect(text.contains("walk"))
        #expect(text.contains("Vroomshoop"))
    }

    @Test(arguments: [
        ["--from", "A", "--to", "B", "--date", "2026-11-23"],
        ["--from", "A", "--to", "B", "--date", "2026-11-23", "--depart", "09:00", "--arrive", "10:00"],
        ["--from", "A", "--to", "B", "--date", "23-11-2026", "--depart", "09:00"],
        ["--from", "A", "--to", "B", "--date", "2026-11-23", "--depart", "09:00", "--max-transfers", "99"],
    ])
    func badArgumentsAreRejectedBeforeRunning(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try GoanCommand.parseAsRoot(["plan"] + arguments) }
    }

    @Test(arguments: [
        ["--traveller", "jansen", "--return-at", "11:30", "--return-after", "11:30"],
        ["--return-at", "11:30"],
        ["--traveller", "jansen", "--return-at", "11:30", "--book-return", "1"],
        ["--traveller", "jansen", "--book", "1", "--book-return", "1"],
        ["--traveller", "jansen", "--return-at", "11:30", "--book", "1", "--book-return", "0"],
    ])
    func returnTripArgumentsThatDoNotGoTogetherAreRejected(_ arguments: [String]) {
        let trip = ["--from", "home", "--to", "52.3497,6.6378", "--date", "2026-11-30", "--arrive", "10:00"]
        #expect(throws: (any Error).self) { try GoanCommand.parseAsRoot(["plan"] + trip + arguments) }
    }

    @Test func aWayBackBeforeTheWayThereIsRejected() throws {
        let trip = ["--traveller", "jansen", "--from", "home", "--to", "52.3497,6.6378", "--date", "2026-11-30", "--booked-at", "2026-11-23 10:00"]
        #expect(throws: (any Error).self) { try plan(trip + ["--arrive", "10:00", "--return-at", "09:30"]) }
        #expect(throws: (any Error).self) { try plan(trip + ["--depart", "10:00", "--return-after", "10:00"]) }
    }

    /// `--return-after`: the way back is planned from the hospital home, and a taxi's pickup
    /// window opens when the appointment ends.
    @Test func aReturnTripPlansTheWayBackAfterTheAppointment() throws {
        let trip = [
            "--traveller", "jansen", "--from", "home", "--to", "52.3497,6.6378", "--date", "2026-11-30", "--arrive", "10:00", "--booked-at",
            "2026-11-23 10:00", "--return-after", "11:30",
        ]
        let text = try plan(trip)
        #expect(text.hasPrefix("The way there: home (Westerhaar) → 52.3497,6.6378"))
        #expect(text.contains("\n\nThe way back: 52.3497,6.6378 → home (Westerhaar)\nMonday 30 November, after an appointment ending 11:30\n"))
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(try plan(trip + ["--json"]).utf8))
        let back = try #require(document.returnTrip)
        #expect(back.readyFrom && back.departureTime == "2026-11-30T11:30:00+01:00" && back.offers == nil)
        #expect(back.options.allSatisfy { $0.departureTime >= back.departureTime })
        let taxi = try #require(back.options.compactMap { $0.legs.count == 1 && $0.legs[0].mode == "regiotaxi" ? $0.legs[0] : nil }.first)
        let window = try #require(taxi.windowMinutes)
        // The window's first minute is the end of the appointment.
        let formatter = ISO8601DateFormatter()
        let pickup = try #require(formatter.date(from: taxi.departureTime)), end = try #require(formatter.date(from: back.departureTime))
        #expect(window > 0 && pickup.timeIntervalSince(end) == Double(window * 60))
        #expect(back.options.first?.legs.first?.from.name == "52.3497,6.6378")
    }

    @Test func aTimeThatIsNotATimeIsRejected() throws {
        #expect(throws: (any Error).self) {
            try plan(["--from", "Vroomshoop", "--to", "Almelo", "--date", "2026-11-23", "--depart", "9h"])
        }
    }

    @Test func summerTimeDayUsesTheSummerOffset() throws {
        // 2026-03-29: clocks go from 02:00 to 03:00. A 09:00 departure is 09:00 CEST (+02:00).
        let text = try plan(["--from", "Vroomshoop", "--to", "Almelo, Station", "--date", "2026-03-29", "--depart", "09:00", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let journeys = try #require(object["options"] as? [[String: Any]])
        let first = try #require(journeys.first?["departureTime"] as? String)
        #expect(first.hasSuffix("+02:00"))
        #expect(first >= "2026-03-29T09:00:00+02:00")
    }
}
