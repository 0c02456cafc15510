//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A place in a JSON text: 1-based line and column (columns count characters, not bytes).
public struct JSONLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, as in compiler messages.
    public var description: String { "\(line):\(column)" }
}

/// Why a JSON document cannot be used: where, which field and what was expected there.
///
/// A neutral value: a data-file reader prefixes the file name (`fleet.json:12:7: …`), an HTTP
/// server turns it into a 400 problem naming the field.
public struct JSONProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the text; `nil` when the problem is not at one place (an empty document).
    public var location: JSONLocation?
    /// The field as a path, `travellers[3].wmoPass`; empty for the document as a whole.
    public var field: String
    /// What was expected, in words for people ("a whole number ≥ 0, found -2").
    public var expected: String

    public init(location: JSONLocation?, field: String, expected: String) {
        self.location = location
        self.field = field
        self.expected = expected
    }

    /// `line:column: field: expected`, leaving out the parts that are absent.
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if !field.isEmpty { parts.append(field) }
        parts.append(expected)
        return parts.joined(separator: ": ")
    }
}

/// Field paths as people write them: keys joined by dots, list positions in brackets.
enum FieldPath {
    static func text(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key is ListIndex {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}

/// The coding key of a list element.
struct ListIndex: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
