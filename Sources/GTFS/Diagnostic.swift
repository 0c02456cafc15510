//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A problem found in a feed, located by file, line and column.
///
/// Errors stop a feed from loading; warnings describe something that was repaired or ignored
/// (the feed still loads). The description reads `stop_times.txt:42: error: arrival_time: …`, or
/// `locations.geojson:7:5: error: features[0].id: …` with the position in a JSON file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// File name inside the feed, e.g. `stops.txt`.
    public var file: String
    /// 1-based line number in the file; `nil` for problems of the whole file.
    public var line: Int?
    /// The column (field) name; `nil` for problems of a whole row or file. In a JSON file
    /// (locations.geojson, service-rules.json) the field's path, `features[2].geometry`.
    public var column: String?
    /// 1-based character position in the line, for JSON files (in CSV files ``column`` says it).
    public var position: Int?
    /// What is wrong, in a sentence for people.
    public var message: String

    public init(severity: Severity, file: String, line: Int?, column: String?, message: String, position: Int? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.position = position
    }

    public static func error(file: String, line: Int?, column: String?, _ message: String, position: Int? = nil) -> Self {
        Diagnostic(severity: .error, file: file, line: line, column: column, message: message, position: position)
    }

    public static func warning(file: String, line: Int?, column: String?, _ message: String) -> Self {
        Diagnostic(severity: .warning, file: file, line: line, column: column, message: message)
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" + (position.map { ":\($0)" } ?? "") }
        let columnPart = column.map { "\($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(columnPart)\(message)"
    }
}

/// The feed could not be loaded; ``diagnostics`` lists every error (and the warnings) found.
public struct FeedLoadError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var diagnostics: [Diagnostic]

    public init(source: String, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let errors = self.errors
        let shown = errors.prefix(20).map { "  \($0)" }.joined(separator: "\n")
        let more = errors.count > 20 ? "\n  … and \(errors.count - 20) more errors" : ""
        return "the feed \(source) has \(errors.count) error\(errors.count == 1 ? "" : "s"):\n\(shown)\(more)"
    }
}
