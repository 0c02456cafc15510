//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The protobuf wire types (the low 3 bits of a field key).
enum WireType: UInt8 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}

/// A forward cursor over one protobuf message, `buffer[position..<end]`.
///
/// Every read is bounds-checked against `end` (never against the whole buffer, so a field can
/// never run into the next message) and throws a ``DecodeError`` whose offset is relative to
/// the start of `buffer`. Nothing allocates: fields are returned as ranges of `buffer`.
/// Invariant: `0 <= position <= end <= buffer.count`.
struct ProtobufReader {
    let buffer: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    let end: Int

    /// A reader over `buffer[range]`; `range` must lie inside the buffer (callers pass ranges
    /// this type returned, or the whole buffer).
    init(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count)
        self.buffer = buffer
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { position >= end }

    /// One base-128 varint (at most 10 bytes; bits beyond the 64th are dropped, as protobuf does).
    @inline(__always)
    mutating func readVarint() throws(DecodeError) -> UInt64 {
        var p = position
        guard p < end else { throw DecodeError(offset: p, problem: "varint runs past the end of its message") }
        let first = buffer[p]
        if first < 0x80 {
            position = p &+ 1
            return UInt64(first)
        }
        let start = p
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard p < end else { throw DecodeError(offset: start, problem: "varint runs past the end of its message") }
            let byte = buffer[p]
            p &+= 1
            result |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 { break }
            shift &+= 7
            if shift > 63 { throw DecodeError(offset: start, problem: "varint is longer than 10 bytes") }
        }
        position = p
        return result
    }

    /// The next field's number and wire type, or `nil` at the end of the message.
    mutating func readKey() throws(DecodeError) -> (field: UInt64, wireType: WireType)? {
        guard position < end else { return nil }
        let at = position
        let key = try readVarint()
        let field = key >> 3
        guard field != 0 else { throw DecodeError(offset: at, problem: "field number 0 is not valid protobuf") }
        guard let wireType = WireType(rawValue: UInt8(truncatingIfNeeded: key & 7)) else {
            throw DecodeError(offset: at, problem: "field \(field) has unknown wire type \(key & 7)")
        }
        return (field, wireType)
    }

    /// The bytes of a length-delimited field (its length already checked against the message).
    mutating func readLengthDelimited() throws(DecodeError) -> Range<Int> {
        let at = position
        let length = try readVarint()
        let available = end &- position
        guard let count = Int(exactly: length), count <= available else {
            throw DecodeError(offset: at, problem: "length-delimited field of \(length) bytes runs past the end of its message (\(available) bytes left)")
        }
        let start = position
        position = start &+ count
        return start..<(start &+ count)
    }

    /// A varint field that must fit an `int32` (protobuf writes negative int32 as 10 bytes).
    mutating func readInt32(_ name: String) throws(DecodeError) -> Int32 {
        let at = position
        let value = Int64(bitPattern: try readVarint())
        guard let result = Int32(exactly: value) else {
            throw DecodeError(offset: at, problem: "\(name) \(value) does not fit in 32 bits")
        }
        return result
    }

    /// Skips a field's value, protobuf's rule for fields a reader does not know.
    mutating func skip(_ wireType: WireType, field: UInt64) throws(DecodeError) {
        switch wireType {
        case .varint:
            _ = try readVarint()
        case .lengthDelimited:
            _ = try readLengthDelimited()
        case .fixed64, .fixed32:
            let size = wireType == .fixed64 ? 8 : 4
            guard end &- position >= size else {
                throw DecodeError(offset: position, problem: "\(size)-byte field \(field) runs past the end of its message")
            }
            position &+= size
        case .startGroup, .endGroup:
            // Groups were deprecated before the PBF format existed; no writer emits them.
            throw DecodeError(offset: position, problem: "field \(field) uses the deprecated group wire type \(wireType.rawValue)")
        }
    }

    /// The bytes of the length-delimited field `name` (for errors), whose key gave `wireType`.
    mutating func readLengthDelimited(_ wireType: WireType, _ name: String) throws(DecodeError) -> Range<Int> {
        try expect(.lengthDelimited, wireType, name)
        return try readLengthDelimited()
    }

    /// The varint field `name` (for errors), whose key gave `wireType`.
    @inline(__always)
    mutating func readVarint(_ wireType: WireType, _ name: String) throws(DecodeError) -> UInt64 {
        try expect(.varint, wireType, name)
        return try readVarint()
    }

    /// The `int32` field `name` (for errors), whose key gave `wireType`.
    mutating func readInt32(_ wireType: WireType, _ name: String) throws(DecodeError) -> Int32 {
        try expect(.varint, wireType, name)
        return try readInt32(name)
    }

    /// Throws unless the field has the wire type the schema gives it.
    @inline(__always)
    func expect(_ wireType: WireType, _ actual: WireType, _ name: String) throws(DecodeError) {
        guard wireType == actual else {
            throw DecodeError(offset: position, problem: "\(name) has wire type \(actual.rawValue), expected \(wireType.rawValue)")
        }
    }
}

/// The varints of a packed repeated field, decoded one at a time without allocating.
struct PackedVarints {
    private var reader: ProtobufReader

    init(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        reader = ProtobufReader(buffer, range)
    }

    /// Where the next value starts (for error messages).
    var position: Int { reader.position }
    var isAtEnd: Bool { reader.isAtEnd }

    @inline(__always)
    mutating func next() throws(DecodeError) -> UInt64? {
        reader.isAtEnd ? nil : try reader.readVarint()
    }

    /// Counts the values without decoding them: one per byte without the continuation bit.
    /// Throws when the last varint is cut off. (An over-long varint is caught when decoding.)
    static func count(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(DecodeError) -> Int {
        var count = 0
        for i in range where buffer[i] < 0x80 { count &+= 1 }
        if let last = range.last, buffer[last] >= 0x80 {
            throw DecodeError(offset: last, problem: "varint runs past the end of its message")
        }
        return count
    }
}

/// Protobuf's zigzag encoding of signed integers (`sint64`).
@inline(__always)
func zigzagDecode(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
}
