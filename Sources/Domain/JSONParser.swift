//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A recursive-descent JSON parser (RFC 8259) that keeps the line and column of every value,
/// and reports the first syntax error with its line and column.
struct JSONParser {
    let bytes: [UInt8]
    var offset = 0
    /// 1-based line of `offset`, and the offset at which that line starts.
    var line = 1
    var lineStart = 0
    var nextObjectID = 0
    /// The column of `columnOffset` on the current line: parsing only moves forward, so each
    /// location continues from the last one instead of rescanning the line (a minified
    /// GeoJSON file is one long line).
    var columnOffset = 0
    var column = 1
    /// Deeper nesting is refused rather than risking the stack.
    static let maxDepth = 512

    init(_ bytes: [UInt8]) {
        // A UTF-8 byte-order mark is not JSON, but editors write it.
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    mutating func parseDocument() throws -> JSONNode {
        skipWhitespace()
        guard offset < bytes.count else {
            throw JSONProblem(location: nil, field: "", expected: "not valid JSON: the file is empty")
        }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count { throw syntax("the end of the document after the value") }
        return node
    }

    /// The location of `offset`; the column counts characters (UTF-8 continuation bytes are
    /// not counted).
    mutating func location() -> JSONLocation {
        if columnOffset < lineStart || columnOffset > offset {
            columnOffset = lineStart
            column = 1
        }
        while columnOffset < offset {
            if bytes[columnOffset] & 0xC0 != 0x80 { column += 1 }
            columnOffset += 1
        }
        return JSONLocation(line: line, column: column)
    }

    mutating func syntax(_ expected: String) -> JSONProblem {
        JSONProblem(location: location(), field: "", expected: "not valid JSON: expected \(expected), found \(foundHere)")
    }

    var foundHere: String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte < 0x20 { return "a control character" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "'\(Character(Unicode.Scalar(byte)))'"
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    mutating func parseValue(depth: Int) throws -> JSONNode {
        guard depth < Self.maxDepth else { throw syntax("at most \(Self.maxDepth) nested lists and objects") }
        let start = location()
        guard offset < bytes.count else { throw syntax("a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return JSONNode(kind: .object(try parseObject(depth: depth)), location: start)
        case UInt8(ascii: "["): return JSONNode(kind: .array(try parseArray(depth: depth)), location: start)
        case UInt8(ascii: "\""): return JSONNode(kind: .string(try parseString()), location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return JSONNode(kind: .number(try parseNumber()), location: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(kind: .bool(true), location: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(kind: .bool(false), location: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(kind: .null, location: start)
        default: throw syntax("a value (an object, a list, text in double quotes, a number, true, false or null)")
        }
    }

    mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { throw syntax("'\(word)'") }
            offset += 1
        }
    }

    mutating func parseObject(depth: Int) throws -> JSONObject {
        var object = JSONObject(id: nextObjectID, members: [], index: [:])
        nextObjectID += 1
        if opensEmpty(closedBy: "}") { return object }
        while true {
            skipWhitespace()
            let keyLocation = location()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw syntax("a field name in double quotes") }
            let key = try parseString()
            if object.index[key] != nil {
                throw JSONProblem(location: keyLocation, field: key, expected: "each field once; '\(key)' appears twice in this object")
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw syntax("':' after the field name") }
            offset += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            object.index[key] = object.members.count
            object.members.append((key, value, keyLocation))
            if try closes(with: "}") { return object }
        }
    }

    mutating func parseArray(depth: Int) throws -> [JSONNode] {
        var items: [JSONNode] = []
        if opensEmpty(closedBy: "]") { return items }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            if try closes(with: "]") { return items }
        }
    }

    /// Reads the `{` or `[` that opens an object or array; `true` when `close` follows at once
    /// (an empty one, read to its end).
    mutating func opensEmpty(closedBy close: Unicode.Scalar) -> Bool {
        offset += 1
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: close) else { return false }
        offset += 1
        return true
    }

    /// After a member of an object or an item of an array: reads the `,` before the next one
    /// (`false`) or the `}` or `]` that closes the object or array (`true`).
    mutating func closes(with close: Unicode.Scalar) throws -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw syntax("',' or '\(close)'") }
        if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            return false
        }
        guard bytes[offset] == UInt8(ascii: close) else { throw syntax("',' or '\(close)'") }
        offset += 1
        return true
    }

    mutating func parseString() throws -> String {
        offset += 1  // "
        var utf8: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw syntax("'\"' to close the text") }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                // Invalid UTF-8 would be replaced by U+FFFD: refuse it instead.
                let text = String(decoding: utf8, as: UTF8.self)
                guard text.utf8.elementsEqual(utf8) else { throw syntax("text in UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { throw syntax("an escape after '\\'") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800 ..< 0xDC00).contains(scalar) {
                        // A surrogate pair: the low half must follow as another \u escape.
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw syntax("the second half of a surrogate pair (\\uDC00…\\uDFFF)")
                        }
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00 ..< 0xE000).contains(low) else { throw syntax("the second half of a surrogate pair (\\uDC00…\\uDFFF)") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw syntax("a Unicode scalar, not a lone surrogate") }
                    utf8.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    offset -= 1
                    throw syntax("an escape \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX")
                }
            default:
                guard byte >= 0x20 else { throw syntax("'\"' to close the text (a line break inside text is written \\n)") }
                utf8.append(byte)
                offset += 1
            }
        }
    }

    mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            guard offset < bytes.count, let digit = Self.hexDigit(bytes[offset]) else { throw syntax("four hexadecimal digits after \\u") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    mutating func parseNumber() throws -> String {
        let start = offset
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard isDigit(offset) else { throw syntax("a digit") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if isDigit(offset) { throw syntax("no leading zero in a number") }
        } else {
            while isDigit(offset) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard isDigit(offset) else { throw syntax("a digit after the decimal point") }
            while isDigit(offset) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard isDigit(offset) else { throw syntax("a digit in the exponent") }
            while isDigit(offset) { offset += 1 }
        }
        return String(decoding: bytes[start ..< offset], as: UTF8.self)
    }
}
