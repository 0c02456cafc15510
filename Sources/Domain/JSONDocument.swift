//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A parsed JSON text that remembers where every value stands, so a reader can say
/// `fleet.json:12:7: vehicles[2].seats: …` for a syntax error, a wrong type, an unknown field
/// and a value its own checks refuse.
///
/// Decoding is strict: an object field the type does not know is an error (a misspelt optional
/// field would otherwise be ignored silently), as are a fraction or a negative number where the
/// type holds a whole number or an unsigned one, a duplicate field and a number too large for
/// its type.
public struct JSONDocument: Sendable {
    let root: JSONNode

    /// Parses `bytes` (UTF-8).
    ///
    /// - Throws: ``JSONProblem`` with the line and column of the first syntax error.
    public init(parsing bytes: some Collection<UInt8>) throws {
        var parser = JSONParser(Array(bytes))
        root = try parser.parseDocument()
    }

    /// Decodes the whole document as `T`.
    ///
    /// - Throws: ``JSONProblem`` naming the field (a path such as `travellers[3].wmoPass`), its
    ///   location and what was expected there.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let ledger = KeyLedger()
        let decoder = NodeDecoder(node: root, codingPath: [], ledger: ledger)
        let value: T
        do {
            value = try decoder.decodeValue(T.self)
        } catch {
            // A misspelt required field shows up as a missing one: name the misspelling first.
            if let unknown = ledger.firstUnknownField(completeOnly: true) { throw unknown }
            if let missing = error as? KeyLedger.MissingField { throw ledger.unknownField(besideMissing: missing) }
            if let error = error as? DecodingError { throw problem(error) }
            throw error
        }
        if let unknown = ledger.firstUnknownField(completeOnly: false) { throw unknown }
        return value
    }

    /// Where the value at `field` (a path such as `vehicles[2].shifts[0].end`) starts; the
    /// nearest enclosing value when the path goes further than the document.
    public func location(of field: String) -> JSONLocation? {
        var node = root
        for step in Self.steps(field) {
            switch (step, node.kind) {
            case (.key(let key), .object(let object)):
                guard let member = object.member(key) else { return node.location }
                node = member.value
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else { return node.location }
                node = items[index]
            default:
                return node.location
            }
        }
        return node.location
    }

    /// A ``JSONProblem`` at `field`, located in this document.
    public func problem(at field: String, expected: String) -> JSONProblem {
        JSONProblem(location: location(of: field), field: field, expected: expected)
    }

    enum Step {
        case key(String)
        case index(Int)
    }

    static func steps(_ field: String) -> [Step] {
        var steps: [Step] = []
        for part in field.split(separator: ".", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "[", omittingEmptySubsequences: false)
            if !pieces[0].isEmpty { steps.append(.key(String(pieces[0]))) }
            for piece in pieces.dropFirst() {
                guard let index = Int(piece.dropLast()) else { continue }
                steps.append(.index(index))
            }
        }
        return steps
    }

    /// A `DecodingError` thrown by a type's own `init(from:)` (an enum's raw value), located.
    func problem(_ error: DecodingError) -> JSONProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return problem(at: FieldPath.text(context.codingPath + [key]), expected: "a value (the field is required)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return problem(at: FieldPath.text(context.codingPath), expected: context.debugDescription)
        @unknown default:
            return JSONProblem(location: nil, field: "", expected: "\(error)")
        }
    }
}

/// A parsed value and where it starts.
struct JSONNode: Sendable {
    indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The number as written (validated against the JSON grammar), so whole-number types
        /// can refuse a fraction instead of rounding it.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object(JSONObject)
    }

    var kind: Kind
    var location: JSONLocation

    /// The value as a person would recognise it in an error message.
    var found: String {
        switch kind {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let text): text
        case .string(let text): "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// An object's fields in the order written; `id` tells objects apart in the ``KeyLedger``.
struct JSONObject: Sendable {
    var id: Int
    var members: [(key: String, value: JSONNode, location: JSONLocation)]
    var index: [String: Int]

    func member(_ key: String) -> (key: String, value: JSONNode, location: JSONLocation)? {
        index[key].map { members[$0] }
    }
}
