//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Decodes `Decodable` values from a ``JSONNode`` tree, throwing ``JSONProblem``s that carry the
/// field path and the location, and recording in a ``KeyLedger`` which fields each object's
/// type knows.
struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    let ledger: KeyLedger
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var field: String { FieldPath.text(codingPath) }

    func problem(_ expected: String) -> JSONProblem {
        JSONProblem(location: node.location, field: field, expected: expected)
    }

    /// "expected X, found Y" for a value of the wrong kind.
    func mismatch(_ expected: String) -> JSONProblem {
        if case .null = node.kind { return problem("\(expected), not null") }
        return problem("\(expected), found \(node.found)")
    }

    /// Decodes `T` here; objects whose decoding finished are marked complete in the ledger.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        let value: T
        do {
            value = try T(from: self)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.count == codingPath.count {
            // An enumeration refused the value: name the values it takes, when it can list them.
            if let vocabulary = T.self as? any Vocabulary.Type { throw mismatch(vocabulary.expectedValues) }
            guard let cases = T.self as? any CaseIterable.Type else { throw problem(context.debugDescription) }
            throw mismatch("one of \(Self.names(of: cases).joined(separator: ", "))")
        }
        if case .object(let object) = node.kind { ledger.complete(object.id) }
        return value
    }

    /// The raw values (or names) of an enumeration's cases.
    static func names<C: CaseIterable>(of type: C.Type) -> [String] {
        C.allCases.map { value in (value as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(value)" }
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = node.kind else { throw mismatch("an object") }
        ledger.open(object, at: field, accepts: { Key(stringValue: $0) != nil })
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(object: object, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node.kind else { throw mismatch("a list") }
        return UnkeyedNodeContainer(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Single values

    func decodeNil() -> Bool {
        if case .null = node.kind { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let value) = node.kind else { throw mismatch("true or false") }
        return value
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let value) = node.kind else { throw mismatch("text") }
        return value
    }

    func decode(_ type: Double.Type) throws -> Double { try floatingPoint(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { try floatingPoint(Float.self) }
    func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(T.self) }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let text) = node.kind else { throw mismatch("a number") }
        guard let value = T(text), value.isFinite else { throw problem("a number of a usable size, found \(text)") }
        return value
    }

    /// A whole number of `T`'s range: a fraction, a negative number for an unsigned type or a
    /// number out of range names the field instead of being rounded or wrapped.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let expected = Self.wholeNumber(T.self)
        guard case .number(let text) = node.kind else { throw mismatch(expected) }
        if let value = T(text) { return value }
        // "3.0" and "3e2" are whole numbers written otherwise.
        if let double = Double(text), double == double.rounded(), abs(double) < 9e15, let value = T(exactly: double) { return value }
        throw problem("\(expected), found \(text)")
    }

    /// How a whole-number type's values are described in errors.
    static func wholeNumber<T: FixedWidthInteger>(_ type: T.Type) -> String {
        if !T.isSigned { return T.bitWidth >= 64 ? "a whole number ≥ 0" : "a whole number between 0 and \(T.max)" }
        return T.bitWidth >= 64 ? "a whole number" : "a whole number between \(T.min) and \(T.max)"
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool {
        decoder.ledger.request(key.stringValue, in: object.id)
        return object.member(key.stringValue) != nil
    }

    func child(_ key: Key) throws -> NodeDecoder {
        decoder.ledger.request(key.stringValue, in: object.id)
        guard let member = object.member(key.stringValue) else {
            throw KeyLedger.MissingField(
                objectID: object.id,
                problem: JSONProblem(
                    location: decoder.node.location, field: FieldPath.text(codingPath + [key]), expected: "a value (the field is required)"))
        }
        return NodeDecoder(node: member.value, codingPath: codingPath + [key], ledger: decoder.ledger)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(Bool.self) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(String.self) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(Double.self) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(Float.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(T.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [JSONNode]
    let decoder: NodeDecoder
    var currentIndex = 0

    init(items: [JSONNode], decoder: NodeDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw JSONProblem(location: decoder.node.location, field: decoder.field, expected: "a list with more than \(items.count) items")
        }
        defer { currentIndex += 1 }
        return NodeDecoder(node: items[currentIndex], codingPath: codingPath + [ListIndex(currentIndex)], ledger: decoder.ledger)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex].kind else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}
