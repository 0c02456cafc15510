//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import Mobility
import TestSupport
import Testing

/// The CROW codes: all 68 of the published list, and one table of what goan does with each.
@Suite struct CROWCodeTests {
    /// The table of `Scenarios/README.md`, as the catalogue renders it.
    static func table() -> [String] {
        ["| code | name | acts in | what goan does |", "|---|---|---|---|"]
            + CROWCode.allCases.map { code in
                let effect = code.effect
                // A name with a bar ("PT - advice | mobilityadvice") would split the cell.
                let name = code.name.replacingOccurrences(of: "|", with: "\\|")
                return "| \(code.rawValue) | \(name) | \(effect.stage.rawValue) | \(effect.words) |"
            }
    }

    @Test func theCatalogueHasTheWholeListInItsOrder() {
        #expect(CROWCode.allCases.count == 68)
        let counts = Dictionary(grouping: CROWCode.allCases, by: \.category).mapValues(\.count)
        #expect(counts == [.passengerAids: 12, .vehicleAids: 5, .transport: 12, .supervision: 4, .extraPassenger: 3, .characteristics: 5,
                           .independentTravel: 24, .travelRights: 3])
        #expect(CROWCode.allCases.sorted() == CROWCode.allCases)
    }

    /// The names and codes are those of the published list (the English of the TOMP working group).
    @Test(.enabled(if: SharedData.has("crow/CROW-traveler_characteristics_en.json"), "needs ../shared/data/crow"))
    func theCatalogueIsThePublishedList() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedData.path("crow/CROW-traveler_characteristics_en.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let codes = try #require(object["codes"] as? [[String: Any]])
        let published = codes.map { ($0["code"] as? String ?? "", ($0["name"] as? String ?? "").replacingOccurrences(of: "  ", with: " ")) }
        #expect(published.map(\.0) == CROWCode.allCases.map(\.rawValue))
        #expect(published.map(\.1) == CROWCode.allCases.map(\.name))
    }

    /// Every code has one row in the README's table, saying where it acts and what it does.
    @Test func theReadmeTableIsTheCatalogue() throws {
        let readme = try String(contentsOf: SharedData.repository.appendingPathComponent("Scenarios/README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: Self.table()[0]) else {
            Issue.record("Scenarios/README.md has no CROW table; it should read:\n\(Self.table().joined(separator: "\n"))")
            return
        }
        let rows = Array(lines[start...].prefix { $0.hasPrefix("|") })
        #expect(rows == Self.table(), "the table should read:\n\(Self.table().joined(separator: "\n"))")
        #expect(rows.count == 68 + 2)
    }

    /// Codes acting in dispatch change the ride's needs; information codes change nothing.
    @Test(arguments: CROWCode.allCases)
    func aCodeThatActsInDispatchChangesTheRidesNeeds(_ code: CROWCode) {
        let plain = RideNeeds(codes: [])
        let needs = RideNeeds(codes: [code])
        if code.effect.stage == .dispatch {
            #expect(needs != plain, "\(code) is said to act in dispatch")
        } else {
            #expect(needs == plain, "\(code) (\(code.effect.stage)) changes the ride's needs")
        }
    }
}
