//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension CSVTable {
    /// A byte range of one field; `escaped` when it holds doubled quotes.
    struct FieldRange {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// One physical record: its fields, the line it starts on, and a problem if it is malformed.
    struct SplitRow {
        var fields: [FieldRange]
        var line: Int
        var problem: String?
        var isBlank: Bool { fields.count == 1 && fields[0].start == fields[0].end && problem == nil }
    }

    /// Splits bytes into records. A hand-written state machine because it is the hot path of
    /// feed loading (60k-15M rows) and must report the line of every malformed record.
    struct Splitter {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func nextRow() -> SplitRow? {
            guard position < bytes.count else { return nil }
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
            let carriageReturn = UInt8(ascii: "\r")
            var fields: [FieldRange] = []
            fields.reserveCapacity(12)
            let startLine = line
            var problem: String?
            let count = bytes.count
            return bytes.withUnsafeBufferPointer { buffer -> SplitRow in
                var i = position
                fieldLoop: while true {
                    // Skip spaces before an opening quote ("a, "b"" is common in hand-made feeds).
                    var probe = i
                    while probe < count, buffer[probe] == UInt8(ascii: " ") { probe += 1 }
                    if probe < count, buffer[probe] == quote {
                        i = probe + 1
                        let start = i
                        var escaped = false
                        var closed = false
                        while i < count {
                            let byte = buffer[i]
                            if byte == quote {
                                if i + 1 < count, buffer[i + 1] == quote {
                                    escaped = true
                                    i += 2
                                    continue
                                }
                                closed = true
                                break
                            }
                            if byte == newline { line += 1 }
                            i += 1
                        }
                        if !closed {
                            problem = "unterminated quoted field (a '\"' opened on line \(startLine) is never closed)"
                            fields.append(FieldRange(start: start, end: i, escaped: escaped))
                            position = count
                            return SplitRow(fields: fields, line: startLine, problem: problem)
                        }
                        let end = i
                        i += 1  // closing quote
                        // Anything between the closing quote and the separator is kept out of the field.
                        var stray = false
                        while i < count, buffer[i] != comma, buffer[i] != newline, buffer[i] != carriageReturn {
                            if buffer[i] != UInt8(ascii: " ") { stray = true }
                            i += 1
                        }
                        if stray && problem == nil {
                            problem = "text after a closing quote in field \(fields.count + 1)"
                        }
                        fields.append(FieldRange(start: start, end: end, escaped: escaped))
                    } else {
                        let start = i
                        while i < count, buffer[i] != comma, buffer[i] != newline, buffer[i] != carriageReturn {
                            i += 1
                        }
                        fields.append(FieldRange(start: start, end: i, escaped: false))
                    }
                    if i >= count { break fieldLoop }
                    let separator = buffer[i]
                    if separator == comma {
                        i += 1
                        if i >= count {
                            fields.append(FieldRange(start: i, end: i, escaped: false))
                            break fieldLoop
                        }
                        continue fieldLoop
                    }
                    // End of record: CRLF, LF or a lone CR.
                    if separator == carriageReturn {
                        i += 1
                        if i < count, buffer[i] == newline { i += 1 }
                    } else {
                        i += 1
                    }
                    line += 1
                    break fieldLoop
                }
                position = i
                return SplitRow(fields: fields, line: startLine, problem: problem)
            }
        }
    }
}
