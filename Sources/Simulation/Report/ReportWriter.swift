//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// Writes the report of `goan simulate`: a self-contained HTML page with key figures, tables and
/// inline SVG charts, the key figures as JSON, and the requests and rides as CSV.
///
/// The HTML needs nothing but a browser (no scripts, fonts, stylesheets or images from
/// elsewhere; it works offline) and is well-formed XML below its `<!DOCTYPE html>` line. Its
/// charts are `<figure>` elements with the ids `chart-served-share`, `chart-mode-split`,
/// `chart-refusals`, `chart-ride-time` and `chart-timeline`.
public enum ReportWriter {
    /// The content of `kpis.json`.
    public struct KPIFile: Codable, Sendable, Hashable {
        public var scenario: String
        public var seed: UInt64
        public var kpis: KPIs
        public var calibration: [CalibrationCheck]

        public init(scenario: String, seed: UInt64, kpis: KPIs, calibration: [CalibrationCheck]) {
            self.scenario = scenario
            self.seed = seed
            self.kpis = kpis
            self.calibration = calibration
        }

        public init(_ result: SimulationResult) {
            self.init(scenario: result.scenario, seed: result.seed, kpis: result.kpis, calibration: result.calibration)
        }
    }

    /// The content of a comparison's `kpis.json`: both runs.
    public struct ComparisonFile: Codable, Sendable, Hashable {
        public var a: KPIFile
        public var b: KPIFile
    }

    /// A report file (or its directory) that could not be written.
    public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path of the file or directory.
        public var path: String
        /// What went wrong, in words.
        public var reason: String

        public var description: String { "could not write \(path): \(reason)" }
    }

    /// The file names written into the report directory.
    public static let htmlFile = "report.html"
    public static let kpisFile = "kpis.json"
    public static let requestsFile = "requests.csv"
    public static let ridesFile = "rides.csv"

    /// Writes `report.html`, `kpis.json`, `requests.csv` and `rides.csv` into `directory`
    /// (created with its parents when missing; existing files are replaced).
    /// - Throws: `WriteError` naming the file or directory that could not be written.
    public static func write(_ result: SimulationResult, to directory: String) throws {
        try makeDirectory(directory)
        try write(html(result), to: directory, file: htmlFile)
        try write(json(KPIFile(result), path: path(directory, kpisFile)), to: directory, file: kpisFile)
        try write(requestsCSV(result.requests), to: directory, file: requestsFile)
        try write(ridesCSV(result.rides), to: directory, file: ridesFile)
    }

    /// Writes `report.html` (A and B side by side) and `kpis.json` (`{"a": …, "b": …}`) into
    /// `directory` (created when missing).
    /// - Throws: `WriteError` naming the file or directory that could not be written.
    public static func writeComparison(_ a: SimulationResult, _ b: SimulationResult, to directory: String) throws {
        try makeDirectory(directory)
        try write(comparisonHTML(a, b), to: directory, file: htmlFile)
        try write(json(ComparisonFile(a: KPIFile(a), b: KPIFile(b)), path: path(directory, kpisFile)), to: directory, file: kpisFile)
    }

    /// The report page of one run.
    public static func html(_ result: SimulationResult) -> String { ReportHTML.page(result) }

    /// The page comparing run `a` with run `b`.
    public static func comparisonHTML(_ a: SimulationResult, _ b: SimulationResult) -> String { ReportComparison.page(a, b) }

    /// `requests.csv`: a header and one row per request (`desired_time` as `HH:MM`, price in
    /// euros with two decimals, minutes with one).
    public static func requestsCSV(_ requests: [RequestRecord]) -> String { ReportCSV.requests(requests) }

    /// `rides.csv`: a header and one row per ride (times as `HH:MM`, minutes with one decimal, km with two).
    public static func ridesCSV(_ rides: [RideRecord]) -> String { ReportCSV.rides(rides) }

    /// `kpis.json` of one run: pretty-printed with sorted keys.
    /// - Throws: `WriteError` for `kpis.json` when a figure cannot be encoded.
    public static func kpisJSON(_ result: SimulationResult) throws -> String {
        try json(KPIFile(result), path: kpisFile)
    }

    /// The encoder of `kpis.json`. Figures that are not numbers (a division by zero upstream)
    /// are written as the strings `"nan"`, `"inf"` and `"-inf"` rather than failing the report.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func json(_ value: some Encodable, path: String) throws -> String {
        do {
            return String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
        } catch {
            throw WriteError(path: path, reason: "the key figures could not be encoded as JSON (\(error))")
        }
    }

    static func path(_ directory: String, _ file: String) -> String {
        URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(file).path
    }

    static func makeDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WriteError(path: directory, reason: "it exists and is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: directory, reason: "the directory could not be created (\(error.localizedDescription))")
        }
    }

    static func write(_ text: String, to directory: String, file: String) throws {
        let target = path(directory, file)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw WriteError(path: target, reason: error.localizedDescription)
        }
    }
}
