//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// Reads the files of a feed into a ``Feed``, collecting diagnostics instead of stopping at
/// the first problem, so one run of `goan feed validate` shows them all.
struct FeedLoader {
    let files: FeedFiles
    let source: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Errors recorded per file; past ``maxErrorsPerFile`` only a count is kept.
    private var errorsPerFile: [String: Int] = [:]
    /// stop_times.txt line of each row of ``Feed/stopTimes`` (for diagnostics after sorting).
    var stopTimeLines: [Int32] = []
    /// Trips with GTFS-Flex calls (they may have no timed calls at all).
    var flexTrips = Set<Int32>()
    static let maxErrorsPerFile = 50

    init(files: FeedFiles, source: String) {
        self.files = files
        self.source = source
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ table: CSVTable, row: Int?, column: String?, _ message: String) {
        error(file: table.file, line: row.map { Int(table.rowLine[$0]) }, column: column, message)
    }

    mutating func error(file: String, line: Int?, column: String?, _ message: String, position: Int? = nil) {
        let count = errorsPerFile[file, default: 0] + 1
        errorsPerFile[file] = count
        if count <= Self.maxErrorsPerFile {
            diagnostics.append(.error(file: file, line: line, column: column, message, position: position))
        } else if count == Self.maxErrorsPerFile + 1 {
            diagnostics.append(
                .error(file: file, line: nil, column: nil, "more errors in this file are not listed"))
        }
    }

    mutating func warning(_ table: CSVTable, row: Int?, column: String?, _ message: String) {
        diagnostics.append(
            .warning(file: table.file, line: row.map { Int(table.rowLine[$0]) }, column: column, message))
    }

    mutating func warning(file: String, line: Int?, column: String?, _ message: String) {
        diagnostics.append(.warning(file: file, line: line, column: column, message))
    }

    // MARK: - Files and columns

    /// Reads and splits a file; `nil` when it is absent.
    mutating func table(_ name: String) -> CSVTable? {
        guard files.contains(name), let bytes = files.read(name) else { return nil }
        let table = CSVTable(file: name, bytes: bytes)
        diagnostics.append(contentsOf: table.diagnostics)
        return table
    }

    /// Reads a file the feed must have, recording an error when it is missing.
    mutating func requiredTable(_ name: String) -> CSVTable? {
        guard let table = table(name) else {
            error(file: name, line: nil, column: nil, "required file is missing from the feed")
            return nil
        }
        return table
    }

    /// The index of a required column, recording an error naming it when absent.
    mutating func requiredColumn(_ table: CSVTable, _ name: String) -> Int? {
        guard let index = table.column(name) else {
            if !table.header.isEmpty {
                error(file: table.file, line: 1, column: name, "required column is missing from the header")
            }
            return nil
        }
        return index
    }

    // MARK: - Field parsing

    /// A required, non-empty text field (an id); records an error when empty.
    mutating func requiredText(_ table: CSVTable, row: Int, column: Int, name: String) -> String? {
        let text = table.string(row: row, column: column)
        if text.isEmpty {
            error(table, row: row, column: name, "required value is empty")
            return nil
        }
        return text
    }

    /// A required id (`name`, e.g. `stop_id`) that no earlier row has; `firstLine` gives the line
    /// of the row that has it already. `nil` (an error) when it is empty or taken.
    mutating func uniqueID(_ table: CSVTable, row: Int, column: Int, name: String, firstLine: (String) -> Int32?) -> String? {
        guard let id = requiredText(table, row: row, column: column, name: name) else { return nil }
        if let first = firstLine(id) {
            error(table, row: row, column: name, "duplicate \(name) '\(id)' (first on line \(first))")
            return nil
        }
        return id
    }

    /// An optional enumeration value; `nil` when empty. Unknown values are errors.
    mutating func enumValue(
        _ table: CSVTable, row: Int, column: Int?, name: String, allowed: ClosedRange<Int>
    ) -> Int? {
        guard let column else { return nil }
        // Fast path without making a String: one or two digits, or empty (most rows).
        let quick: Int?? = table.withField(row: row, column: column) { field in
            if field.isEmpty { return .some(nil) }
            if field.count <= 2, field.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return .some(field.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
            }
            return nil
        }
        if let quick {
            guard let value = quick else { return nil }
            if allowed.contains(value) { return value }
        }
        return parsed(table, row: row, column: column, name: name, "is not a valid value (expected \(allowed.lowerBound)–\(allowed.upperBound))") {
            Int($0).flatMap { allowed.contains($0) ? $0 : nil }
        }
    }

    /// An optional integer; `nil` when empty; malformed values are errors.
    mutating func integer(_ table: CSVTable, row: Int, column: Int?, name: String) -> Int? {
        parsed(table, row: row, column: column, name: name, "is not a whole number") { text in
            if let value = Int(text) { return value }
            // Some producers write integers as "60.0".
            guard let double = Double(text), double == double.rounded(), abs(double) < 1e9 else { return nil }
            return Int(double)
        }
    }

    /// An optional decimal number; `nil` when empty; malformed values are errors.
    mutating func decimal(_ table: CSVTable, row: Int, column: Int?, name: String) -> Double? {
        parsed(table, row: row, column: column, name: name, "is not a number") { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }

    /// An optional field read by `parse`; `nil` when the column is absent or the field empty. A
    /// field `parse` rejects is an error: `'TEXT' ` and then `problem`.
    mutating func parsed<Value>(
        _ table: CSVTable, row: Int, column: Int?, name: String, _ problem: @autoclosure () -> String, _ parse: (String) -> Value?
    ) -> Value? {
        guard let column else { return nil }
        let text = table.string(row: row, column: column)
        if text.isEmpty { return nil }
        guard let value = parse(text) else {
            error(table, row: row, column: name, "'\(text)' \(problem())")
            return nil
        }
        return value
    }

    /// A GTFS date (YYYYMMDD); records an error when malformed.
    mutating func date(_ table: CSVTable, row: Int, column: Int?, name: String, required: Bool) -> ServiceDate? {
        guard let column else { return nil }
        let text = table.string(row: row, column: column)
        if text.isEmpty {
            if required { error(table, row: row, column: name, "required date is empty") }
            return nil
        }
        guard text.count == 8, let date = ServiceDate(text) else {
            error(table, row: row, column: name, "'\(text)' is not a valid date (expected YYYYMMDD)")
            return nil
        }
        return date
    }

    /// A GTFS time; `.some(nil)` when empty, `nil` (with an error) when malformed.
    mutating func time(_ table: CSVTable, row: Int, column: Int?, name: String) -> Int32?? {
        guard let column else { return .some(nil) }
        let parsed: Int32?? = table.withField(row: row, column: column) { field in
            if field.allSatisfy({ $0 == UInt8(ascii: " ") }) { return .some(nil) }
            guard let seconds = GTFSTime.parse(field) else { return nil }
            return .some(seconds)
        }
        if parsed == nil {
            error(table, row: row, column: name, "'\(table.string(row: row, column: column))' is not a valid time (expected HH:MM:SS)")
        }
        return parsed
    }

    // MARK: - The whole feed

    mutating func load() -> Feed? {
        var feed = Feed(source: source)
        feed.fileNames = files.names.sorted()
        loadAgencies(into: &feed)
        loadStops(into: &feed)
        loadRoutes(into: &feed)
        loadServices(into: &feed)
        loadTrips(into: &feed)
        loadBookingRules(into: &feed)
        loadLocationGroups(into: &feed)
        loadLocations(into: &feed)
        loadStopTimes(into: &feed)
        loadFrequencies(into: &feed)
        loadTransfers(into: &feed)
        loadFeedInfo(into: &feed)
        if !hasErrors {
            finishTrips(in: &feed)
        }
        feed.warnings = diagnostics.filter { $0.severity == .warning }
        return hasErrors ? nil : feed
    }
}
