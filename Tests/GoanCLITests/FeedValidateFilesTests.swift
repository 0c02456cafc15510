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
import Testing

/// `goan feed validate` on the Twente feed with one file broken: service-rules.json and the
/// GTFS-Flex files are checked too, and their errors are listed like the GTFS ones
/// (`file:line[:position]: error: field: message`).
@Suite struct FeedValidateFilesTests {
    static let twente = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Timetables/twente").standardized

    /// A broken copy: in `file`, the first `old` becomes `new`.
    struct Break: Sendable, CustomTestStringConvertible {
        var label: String
        var file: String
        var old: String
        var new: String
        /// The error line the report must contain; `LINE` and `POSITION` stand for where `at`
        /// (default `new`) stands in the edited file.
        var expected: String
        var at: String?

        var testDescription: String { label }
    }

    static let breaks: [Break] = [
        Break(
            label: "misspelt field in service-rules.json", file: "service-rules.json", old: "\"yearlyKmBudget\": 2000", new: "\"yearlyKmBuget\": 2000",
            expected: "service-rules.json:LINE:POSITION: error: services[0].yearlyKmBuget: one of the known fields (boardingMinutes, booking, companions, distance, eligibility, fare, guaranteed, id, kind, municipalities, name, pickupWindowMinutes, pupilsRideWithOthers, rideTime, routeId, serves, serviceHours, shortRideTime, yearlyKmBudget); 'yearlyKmBuget' is not one"),
        Break(
            label: "a short-ride limit looser than the direct drive", file: "service-rules.json", old: "\"guaranteed\": true,",
            new: "\"guaranteed\": true, \"shortRideTime\": { \"factor\": 0.5, \"extraMinutes\": 5 },",
            expected: "service-rules.json:LINE:POSITION: error: services[0].shortRideTime: factor must be within 1…10 and extraMinutes not negative",
            at: "{ \"factor\": 0.5"),
        Break(
            label: "zone not in locations.geojson", file: "service-rules.json", old: "\"zone\": \"zone-almelo\"", new: "\"zone\": \"zone-amelo\"",
            expected: "service-rules.json:LINE:POSITION: error: services[0].municipalities[1].zone: 'zone-amelo' is not a location_id of locations.geojson",
            at: "\"zone-amelo\""),
        Break(
            label: "route not in routes.txt", file: "service-rules.json", old: "\"routeId\": \"regiotaxi-twente\"", new: "\"routeId\": \"regiotaxi-overijssel\"",
            expected: "service-rules.json:LINE:POSITION: error: services[0].routeId: route 'regiotaxi-overijssel' is not in routes.txt",
            at: "\"regiotaxi-overijssel\""),
        Break(
            label: "syntax error in service-rules.json", file: "service-rules.json", old: "\"currency\": \"EUR\",", new: "\"currency\": \"EUR\"",
            expected: "service-rules.json:LINE:POSITION: error: not valid JSON: expected ',' or '}', found '\"'", at: "\"services\""),
        Break(
            label: "syntax error in locations.geojson", file: "locations.geojson", old: "\"type\": \"FeatureCollection\",", new: "\"type\": \"FeatureCollection\";",
            expected: "locations.geojson:LINE:POSITION: error: not valid JSON: expected ',' or '}', found ';'", at: ";"),
        Break(
            label: "zone without id", file: "locations.geojson", old: "\"id\": \"zone-twenterand\", ", new: "",
            expected: "locations.geojson:LINE:POSITION: error: features[0]: required value is missing (a location_id)", at: "{\"type\": \"Feature\""),
        Break(
            label: "unknown booking type", file: "booking_rules.txt", old: "automaatje-2-working-days,2,", new: "automaatje-2-working-days,7,",
            expected: "booking_rules.txt:2: error: booking_type: '7' is not a valid value (expected 0–2)"),
        Break(
            label: "flexible call in an unknown zone", file: "stop_times.txt", old: ",zone-almelo,08:00:00", new: ",zone-amelo,08:00:00",
            expected: "stop_times.txt:LINE: error: location_id: unknown location_id 'zone-amelo' (not in locations.geojson)"),
    ]

    @Test(arguments: breaks) func aBrokenFileIsListed(_ broken: Break) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goan-feed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.twente, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(broken.file)
        let original = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(original.range(of: broken.old), "\(broken.file) must contain \(broken.old)")
        let text = original.replacingCharacters(in: range, with: broken.new)
        try text.write(to: file, atomically: true, encoding: .utf8)

        let at = try #require(text.range(of: broken.at ?? broken.new))
        let before = text[..<at.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let position = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        let expected = broken.expected.replacingOccurrences(of: "LINE", with: "\(line)").replacingOccurrences(of: "POSITION", with: "\(position)")

        let command = try GoanCommand.parseAsRoot(["feed", "validate", folder.path])
        let (report, valid) = try #require(command as? GoanCommand.FeedCommand.Validate).report()
        #expect(!valid)
        #expect(report.split(separator: "\n").contains { $0 == expected }, "expected \(expected) in:\n\(report)")
        // Rules that do not fit a sound feed do not stop the feed from loading.
        #expect(report.hasSuffix(broken.file == "service-rules.json" ? "its service-rules.json cannot be used" : "the feed cannot be loaded"), "\(report)")
    }
}
