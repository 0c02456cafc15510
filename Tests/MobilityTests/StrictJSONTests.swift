//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import Testing

/// The strict JSON reader of the Domain module: syntax errors by line and column, unknown
/// fields with the known ones, whole numbers, and where a field stands.
@Suite struct StrictJSONTests {
    struct Shift: Codable, Equatable {
        var start: String
        var end: String
        var note: String?
    }

    struct Vehicle: Codable, Equatable {
        var id: String
        var seats: Int
        var mileage: UInt64
        var shifts: [Shift]
        var depot: [String: Double]?
    }

    static let good = """
        {
          "id": "RT-01",
          "seats": 8,
          "mileage": 12000,
          "shifts": [
            { "start": "06:00", "end": "14:00" },
            { "start": "14:00", "end": "22:00", "note": "late" }
          ],
          "depot": { "lat": 52.36, "lon": 6.64 }
        }
        """

    func problem(_ text: String) throws -> JSONProblem {
        try #require(throws: JSONProblem.self) { _ = try JSONDocument(parsing: Array(text.utf8)).decode(Vehicle.self) }
    }

    /// `text` with `old` replaced once (the edit a person makes to a good file).
    func edited(_ old: String, _ new: String) -> String {
        guard let range = Self.good.range(of: old) else { return Self.good }
        return Self.good.replacingCharacters(in: range, with: new)
    }

    /// 1-based line and column of the first `needle` in `text` (what a person sees in an editor).
    func position(of needle: String, in text: String) throws -> JSONLocation {
        let range = try #require(text.range(of: needle))
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        return JSONLocation(line: line, column: column)
    }

    @Test func theGoodDocumentDecodes() throws {
        let vehicle = try JSONDocument(parsing: Array(Self.good.utf8)).decode(Vehicle.self)
        #expect(vehicle.shifts.count == 2)
        #expect(vehicle.shifts[1].note == "late")
        #expect(vehicle.depot?["lon"] == 6.64)
    }

    @Test(arguments: [
        ("\"seats\": 8,", "\"seats\": 8", "\"mileage\"", "',' or '}'"),
        ("{ \"start\": \"06:00\"", "{ \"start\": \"06:00\" \"x\"", "\"x\"", "',' or '}'"),
        ("\"end\": \"14:00\" }", "\"end\": \"14:00\" }}", "}},", "',' or ']'"),
        ("12000", "012000", "12000", "no leading zero"),
        ("\"RT-01\"", "'RT-01'", "'RT-01'", "a value"),
        ("\"late\"", "\"la\\qte\"", "qte", "an escape"),
    ])
    func syntaxErrorsGiveLineAndColumn(_ old: String, _ new: String, _ at: String, _ expects: String) throws {
        let text = edited(old, new)
        let problem = try problem(text)
        #expect(problem.field.isEmpty)
        #expect(problem.expected.hasPrefix("not valid JSON"), "\(problem)")
        #expect(problem.expected.contains(expects), "\(problem)")
        // The error points at the first character that cannot be read.
        var where_ = try position(of: at, in: text)
        if at == "}}," { where_.column += 1 }  // the second brace
        #expect(problem.location == where_, "\(problem)")
    }

    @Test func anUnfinishedDocumentPointsAtItsEnd() throws {
        let problem = try problem("{\n  \"id\": \"RT-01\",\n  \"seats\": ")
        #expect(problem.location == JSONLocation(line: 3, column: 12))
        #expect(problem.expected.contains("the end of the file"), "\(problem)")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // The dash takes three bytes: counting bytes would say column 30.
        let problem = try problem("{ \"id\": \"Hengelo–Enschede\" x }")
        #expect(problem.location == JSONLocation(line: 1, column: 28))
    }

    /// A minified file is one long line: the column still counts from the line's start.
    @Test func columnsOnOneLongLine() throws {
        let text = "[" + Array(repeating: "12.5", count: 50_000).joined(separator: ",") + ",]"
        let problem = try #require(throws: JSONProblem.self) { _ = try JSONDocument(parsing: Array(text.utf8)) }
        #expect(problem.location == JSONLocation(line: 1, column: text.count))
        #expect(problem.expected.contains("found ']'"), "\(problem)")
    }

    @Test func anUnknownFieldListsTheKnownOnes() throws {
        let text = edited("\"note\": \"late\"", "\"notes\": \"late\"")
        let problem = try problem(text)
        #expect(problem.field == "shifts[1].notes")
        #expect(problem.expected == "one of the known fields (end, note, start); 'notes' is not one")
        #expect(problem.location == (try position(of: "\"notes\"", in: text)))
    }

    @Test func aMisspeltRequiredFieldIsNamedAsTheMisspelling() throws {
        let text = edited("\"seats\": 8", "\"seat\": 8")
        let problem = try problem(text)
        #expect(problem.field == "seat")
        #expect(problem.expected.contains("'seat' is not one"), "\(problem)")
        #expect(problem.expected.contains("'seats' is missing"), "\(problem)")
        #expect(problem.location == (try position(of: "\"seat\"", in: text)))
    }

    @Test func anUnknownFieldIsFoundBeforeALaterTypeError() throws {
        let text = edited("\"end\": \"14:00\" }", "\"end\": \"14:00\", \"pause\": 30 }").replacingOccurrences(of: "\"22:00\"", with: "22")
        let problem = try problem(text)
        #expect(problem.field == "shifts[0].pause", "\(problem)")
    }

    @Test func aDuplicateFieldIsRefused() throws {
        let text = edited("\"seats\": 8,", "\"seats\": 8, \"seats\": 9,")
        let problem = try problem(text)
        #expect(problem.field == "seats")
        #expect(problem.expected.contains("twice"), "\(problem)")
        #expect(problem.location == JSONLocation(line: 3, column: 15))
    }

    @Test(arguments: [
        ("\"seats\": 8", "\"seats\": 2.5", "seats", "a whole number, found 2.5"),
        ("\"mileage\": 12000", "\"mileage\": -3", "mileage", "a whole number ≥ 0, found -3"),
        ("\"mileage\": 12000", "\"mileage\": 1e30", "mileage", "a whole number ≥ 0, found 1e30"),
        ("\"seats\": 8", "\"seats\": \"8\"", "seats", "a whole number, found \"8\""),
        ("\"seats\": 8", "\"seats\": null", "seats", "a whole number, not null"),
        ("\"start\": \"06:00\"", "\"start\": 6", "shifts[0].start", "text, found 6"),
        ("\"lat\": 52.36", "\"lat\": \"north\"", "depot.lat", "a number, found \"north\""),
        ("\"shifts\": [", "\"shifts\": {\"a\": [", "shifts", "a list, found an object"),
    ])
    func wrongValuesNameTheFieldAndTheExpectation(_ old: String, _ new: String, _ field: String, _ expected: String) throws {
        var text = edited(old, new)
        if old == "\"shifts\": [" { text = text.replacingOccurrences(of: "\n  ],", with: "\n  ]},") }
        let problem = try problem(text)
        #expect(problem.field == field)
        #expect(problem.expected == expected)
        #expect(problem.location?.line == (try position(of: new, in: text)).line)
    }

    @Test func wholeNumbersWrittenAsDecimalsAreAccepted() throws {
        let vehicle = try JSONDocument(parsing: Array(edited("\"seats\": 8", "\"seats\": 8.0").utf8)).decode(Vehicle.self)
        #expect(vehicle.seats == 8)
    }

    @Test func locationFindsAFieldByItsPath() throws {
        let document = try JSONDocument(parsing: Array(Self.good.utf8))
        #expect(document.location(of: "shifts[1].note") == (try position(of: "\"late\"", in: Self.good)))
        #expect(document.location(of: "depot.lon") == (try position(of: "6.64", in: Self.good)))
        // A path past the document: the nearest value that exists.
        #expect(document.location(of: "shifts[7].end") == (try position(of: "[\n", in: Self.good)))
        #expect(document.problem(at: "seats", expected: "x").description == "3:12: seats: x")
    }

    @Test func anEmptyFileIsNotJSON() throws {
        let problem = try problem("  \n ")
        #expect(problem.location == nil)
        #expect(problem.expected.contains("empty"))
    }
}
