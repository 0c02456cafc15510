//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// What one decoding learnt about each object: the fields its type asked for (the known
/// fields: a synthesised `init(from:)` asks for every property, present or not) and the fields
/// written that no coding key accepts (the unknown ones).
///
/// Used by one ``JSONDocument/decode(_:)`` call on one thread, hence a class without locks.
final class KeyLedger {
    struct Entry {
        var field: String
        var requested: Set<String> = []
        var unknown: [(key: String, location: JSONLocation)] = []
        /// The type's `init(from:)` returned, so `requested` is every field it knows.
        var complete = false
    }

    /// A required field is absent; the object is kept to look for a misspelling of it.
    struct MissingField: Error {
        var objectID: Int
        var problem: JSONProblem
    }

    private var entries: [Int: Entry] = [:]

    func open(_ object: JSONObject, at field: String, accepts: (String) -> Bool) {
        if var entry = entries[object.id] {
            // Opened again with other keys: a field is unknown only when no container accepts it.
            entry.unknown.removeAll { accepts($0.key) }
            entries[object.id] = entry
            return
        }
        var entry = Entry(field: field)
        entry.unknown = object.members.filter { !accepts($0.key) }.map { ($0.key, $0.location) }
        entries[object.id] = entry
    }

    func request(_ key: String, in objectID: Int) {
        entries[objectID]?.requested.insert(key)
    }

    func complete(_ objectID: Int) {
        entries[objectID]?.complete = true
    }

    /// The first unknown field in document order, with the fields its object knows; only in
    /// objects decoded to the end when `completeOnly` (elsewhere the known list may be short).
    func firstUnknownField(completeOnly: Bool) -> JSONProblem? {
        let candidates = entries.values.filter { !$0.unknown.isEmpty && (!completeOnly || $0.complete) }
        guard let entry = candidates.min(by: { Self.precedes($0.unknown[0].location, $1.unknown[0].location) }) else { return nil }
        let (key, location) = entry.unknown[0]
        let known = entry.requested.sorted().joined(separator: ", ")
        return JSONProblem(
            location: location, field: entry.field.isEmpty ? key : "\(entry.field).\(key)",
            expected: "one of the known fields (\(known)); '\(key)' is not one")
    }

    /// For a missing required field: an unknown field of the same object, most likely its
    /// misspelling.
    func unknownField(besideMissing missing: MissingField) -> JSONProblem {
        guard let entry = entries[missing.objectID], let (key, location) = entry.unknown.first else { return missing.problem }
        let name = missing.problem.field.split(separator: ".").last.map(String.init) ?? missing.problem.field
        return JSONProblem(
            location: location, field: entry.field.isEmpty ? key : "\(entry.field).\(key)",
            expected: "a known field; '\(key)' is not one, and the required field '\(name)' is missing")
    }

    static func precedes(_ a: JSONLocation, _ b: JSONLocation) -> Bool { (a.line, a.column) < (b.line, b.column) }
}
