//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension CSVTable {
    /// Splits bytes into records and fields. A hand-written state machine because it is the hot
    /// path of feed loading (60 thousand to 15 million rows) and must report the line of every
    /// malformed record.
    struct Splitter {
        var line = 1

        mutating func split(_ buffer: UnsafeBufferPointer<UInt8>, into table: inout CSVTable) {
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
            let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
            let count = buffer.count
            var i = 0
            while i < count {
                let recordLine = line
                table.beginRecord(line: recordLine)
                var reportedStray = false
                record: while true {
                    // Spaces before an opening quote are allowed ( "a", "b" is common in hand-made feeds).
                    var probe = i
                    while probe < count, buffer[probe] == space { probe += 1 }
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
                            table.splitProblem(
                                line: recordLine,
                                "unterminated quoted field (a '\"' opened on line \(recordLine) is never closed)")
                            table.appendField(start: start, end: count, escaped: escaped)
                            return
                        }
                        table.appendField(start: start, end: i, escaped: escaped)
                        i += 1  // the closing quote
                        var stray = false
                        while i < count, buffer[i] != comma, buffer[i] != newline, buffer[i] != carriageReturn {
                            if buffer[i] != space { stray = true }
                            i += 1
                        }
                        if stray && !reportedStray {
                            reportedStray = true
                            table.splitProblem(line: recordLine, "text after a closing quote")
                        }
                    } else {
                        let start = i
                        while i < count {
                            let byte = buffer[i]
                            if byte == comma || byte == newline || byte == carriageReturn { break }
                            i += 1
                        }
                        table.appendField(start: start, end: i, escaped: false)
                    }
                    if i >= count { break record }
                    let separator = buffer[i]
                    if separator == comma {
                        i += 1
                        if i >= count {
                            table.appendField(start: i, end: i, escaped: false)
                            break record
                        }
                        continue record
                    }
                    // End of record: CRLF, LF or a lone CR.
                    i += 1
                    if separator == carriageReturn, i < count, buffer[i] == newline { i += 1 }
                    line += 1
                    break record
                }
                table.dropBlankRecord()
            }
        }
    }
}
