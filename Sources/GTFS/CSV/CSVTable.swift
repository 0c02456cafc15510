//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// One GTFS CSV file, parsed once into field ranges over its bytes.
///
/// Follows RFC 4180 as GTFS requires: fields may be quoted, a quoted field may hold commas,
/// line breaks and doubled quotes (`""`). A UTF-8 byte-order mark is skipped, CRLF and LF line
/// ends are both accepted, blank lines are skipped, and header names are trimmed of spaces.
///
/// Fields are not copied: each is a byte range into ``bytes``, and a `String` is made only when
/// asked for, so numeric columns (times, sequences) are parsed straight from the bytes.
public struct CSVTable: Sendable {
    /// The file name used in diagnostics, e.g. `stop_times.txt`.
    public let file: String
    /// Column names from the first line, trimmed.
    public private(set) var header: [String] = []
    /// The file's bytes (without a byte-order mark).
    @usableFromInline let bytes: [UInt8]
    /// Field `f` spans `bytes[fieldStart[f] ..< fieldEnd[f]]`; quotes already stripped.
    @usableFromInline var fieldStart: [Int32] = []
    @usableFromInline var fieldEnd: [Int32] = []
    /// Fields that held a doubled quote, so `""` must be replaced when read.
    @usableFromInline var escapedFields: Set<Int32> = []
    /// Row `r` owns fields `rowStart[r] ..< rowStart[r + 1]`; the header is not a row.
    @usableFromInline var rowStart: [Int32] = []
    /// 1-based line number in the file where row `r` starts.
    public private(set) var rowLine: [Int32] = []
    /// Problems found while splitting the file (unterminated quotes, ragged rows).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Number of data rows (the header excluded).
    public var rowCount: Int { rowLine.count }

    /// Parses `bytes` as the CSV file `file`.
    ///
    /// - Complexity: O(n) in the number of bytes, one pass, no allocation per row.
    public init(file: String, bytes input: [UInt8]) {
        self.file = file
        var data = input
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            data.removeFirst(3)
        }
        self.bytes = data
        let estimate = data.count / 6
        fieldStart.reserveCapacity(estimate)
        fieldEnd.reserveCapacity(estimate)
        rowStart.reserveCapacity(estimate / 8)
        rowLine.reserveCapacity(estimate / 8)
        var splitter = Splitter()
        data.withUnsafeBufferPointer { splitter.split($0, into: &self) }
        let headerEnd = rowStart.count > 1 ? Int(rowStart[1]) : fieldStart.count
        var headerFields: [String] = []
        if !rowStart.isEmpty {
            for f in 0 ..< headerEnd {
                let text = String(decoding: data[Int(fieldStart[f]) ..< Int(fieldEnd[f])], as: UTF8.self)
                headerFields.append(text.trimmingSpaces())
            }
            // The header is record 0; data rows follow.
            rowStart.removeFirst()
            rowLine.removeFirst()
        }
        rowStart.append(Int32(fieldStart.count))
        self.header = headerFields
        if headerFields.isEmpty {
            diagnostics.append(.error(file: file, line: 1, column: nil, "the file is empty: a header line is required"))
        }
        checkRowWidths()
    }

    /// Records a problem found while splitting (called by the splitter).
    mutating func splitProblem(line: Int, _ message: String) {
        diagnostics.append(.error(file: file, line: line, column: nil, message))
    }

    /// Appends a field (called by the splitter).
    @inline(__always)
    mutating func appendField(start: Int, end: Int, escaped: Bool) {
        if escaped { escapedFields.insert(Int32(fieldStart.count)) }
        fieldStart.append(Int32(start))
        fieldEnd.append(Int32(end))
    }

    /// Starts a record (called by the splitter).
    @inline(__always)
    mutating func beginRecord(line: Int) {
        rowStart.append(Int32(fieldStart.count))
        rowLine.append(Int32(line))
    }

    /// Drops the last record when it was blank (a single empty field).
    mutating func dropBlankRecord() {
        guard let start = rowStart.last, Int(start) == fieldStart.count - 1,
            fieldStart[Int(start)] == fieldEnd[Int(start)]
        else { return }
        fieldStart.removeLast()
        fieldEnd.removeLast()
        rowStart.removeLast()
        rowLine.removeLast()
    }

    private mutating func checkRowWidths() {
        let width = header.count
        var reported = 0
        for row in 0 ..< rowCount {
            let count = Int(rowStart[row + 1] - rowStart[row])
            if count != width && reported < 5 {
                reported += 1
                diagnostics.append(
                    .warning(
                        file: file, line: Int(rowLine[row]), column: nil,
                        "the row has \(count) fields but the header has \(width); "
                            + (count < width ? "missing fields are read as empty" : "extra fields are ignored")))
            }
        }
    }

    /// The index of the column named `name`, if the header has it.
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The field of `row` in `column` as bytes (empty when the row is short or the column absent).
    @inlinable
    public func withField<R>(row: Int, column: Int?, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let column else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let first = Int(rowStart[row])
        let field = first + column
        guard field < Int(rowStart[row + 1]) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(fieldStart[field])
        let end = Int(fieldEnd[field])
        return bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[start ..< end]))
        }
    }

    /// The field of `row` in `column`, trimmed of surrounding spaces; `""` when absent.
    public func string(row: Int, column: Int?) -> String {
        guard let column else { return "" }
        let field = Int(rowStart[row]) + column
        guard field < Int(rowStart[row + 1]) else { return "" }
        var start = Int(fieldStart[field])
        var end = Int(fieldEnd[field])
        // Trim bytes, not Characters: this runs for every id of every row.
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        if start == end { return "" }
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start ..< end]), as: UTF8.self) }
        if !escapedFields.isEmpty && escapedFields.contains(Int32(field)) {
            return text.replacingDoubledQuotes()
        }
        return text
    }

    /// Whether the field is empty or only spaces.
    public func isEmpty(row: Int, column: Int?) -> Bool {
        withField(row: row, column: column) { field in
            field.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == startIndex && index(after: last) == endIndex { return self }
        return String(self[first ... last])
    }

    func replacingDoubledQuotes() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasQuote = false
        for character in self {
            if character == "\"" {
                if previousWasQuote {
                    previousWasQuote = false
                    continue
                }
                previousWasQuote = true
            } else {
                previousWasQuote = false
            }
            result.append(character)
        }
        return result
    }
}
