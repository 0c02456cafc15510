//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import TestSupport
import Testing

/// The CSV splitter (RFC 4180 as GTFS uses it) and the loader's tolerance of column layout.
@Suite struct CSVTableTests {
    static func table(_ text: String, file: String = "test.txt") -> CSVTable {
        CSVTable(file: file, bytes: Array(text.utf8))
    }

    /// All fields of all rows, for compact assertions.
    static func rows(_ table: CSVTable) -> [[String]] {
        (0 ..< table.rowCount).map { row in table.header.indices.map { table.string(row: row, column: $0) } }
    }

    @Test func plainFieldsAndHeader() {
        let t = Self.table("a,b,c\n1,2,3\n4,5,6\n")
        #expect(t.file == "test.txt")
        #expect(t.header == ["a", "b", "c"])
        #expect(t.rowCount == 2)
        #expect(Self.rows(t) == [["1", "2", "3"], ["4", "5", "6"]])
        #expect(t.rowLine == [2, 3])
        #expect(t.column("b") == 1)
        #expect(t.column("z") == nil)
        #expect(t.diagnostics.isEmpty)
    }

    @Test func quotedFieldKeepsCommas() {
        let t = Self.table("stop_id,stop_name,x\nA,\"Almelo, Station\",1\n")
        #expect(Self.rows(t) == [["A", "Almelo, Station", "1"]])
        #expect(t.diagnostics.isEmpty)
    }

    @Test func doubledQuotesBecomeOneQuote() {
        let t = Self.table("id,name\n1,\"The \"\"Blue\"\" Line\"\n2,\"\"\"\"\n3,\"\"\n")
        #expect(Self.rows(t) == [["1", "The \"Blue\" Line"], ["2", "\""], ["3", ""]])
        #expect(t.diagnostics.isEmpty)
    }

    @Test func lineBreakInsideQuotesStaysInTheFieldAndLinesAreCounted() {
        let t = Self.table("id,note,n\n1,\"two\nlines\",x\n2,plain,y\n")
        #expect(t.rowCount == 2)
        #expect(t.string(row: 0, column: 1) == "two\nlines")
        #expect(t.string(row: 0, column: 2) == "x")
        // The second record starts on line 4: the first one spans lines 2 and 3.
        #expect(t.rowLine == [2, 4])
    }

    @Test func spacesBeforeAnOpeningQuoteAreAllowed() {
        let t = Self.table("a,b\n1, \"x, y\"\n")
        #expect(t.string(row: 0, column: 1) == "x, y")
        #expect(t.diagnostics.isEmpty)
    }

    @Test func byteOrderMarkIsSkipped() {
        let t = CSVTable(file: "stops.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("stop_id,stop_name\nA,Alpha\n".utf8))
        #expect(t.header == ["stop_id", "stop_name"])
        #expect(t.column("stop_id") == 0)
        #expect(t.string(row: 0, column: 0) == "A")
    }

    @Test func byteOrderMarkDoesNotHideTheFirstColumnFromTheLoader() throws {
        var files = InlineFeed.files(Self.smallFeed)
        files["stops.txt"] = [0xEF, 0xBB, 0xBF] + files["stops.txt"]!
        let feed = try Feed.load(from: .inMemory(files))
        #expect(feed.stops.map(\.id) == ["A", "B"])
    }

    @Test(arguments: [
        ("LF", "h1,h2\na,b\nc,d\n"),
        ("CRLF", "h1,h2\r\na,b\r\nc,d\r\n"),
        ("LF, no final newline", "h1,h2\na,b\nc,d"),
        ("CRLF, no final newline", "h1,h2\r\na,b\r\nc,d"),
        ("mixed", "h1,h2\r\na,b\nc,d\r\n"),
    ])
    func lineEndings(_ name: String, _ text: String) {
        let t = Self.table(text)
        #expect(t.header == ["h1", "h2"], "\(name)")
        #expect(Self.rows(t) == [["a", "b"], ["c", "d"]], "\(name)")
        #expect(t.rowLine == [2, 3], "\(name)")
        #expect(t.diagnostics.isEmpty, "\(name)")
    }

    @Test func lastFieldEmptyWithoutNewline() {
        let t = Self.table("a,b\n1,")
        #expect(t.rowCount == 1)
        #expect(Self.rows(t) == [["1", ""]])
        #expect(t.diagnostics.isEmpty)
    }

    @Test func blankLinesAreSkippedAndLineNumbersStayTrue() {
        let t = Self.table("\na,b\n\n1,2\n\n\n3,4\n\n")
        #expect(t.header == ["a", "b"])
        #expect(Self.rows(t) == [["1", "2"], ["3", "4"]])
        #expect(t.rowLine == [4, 7])
        #expect(t.diagnostics.isEmpty)
    }

    @Test func headerNamesAndValuesAreTrimmed() {
        let t = Self.table(" stop_id , stop_name ,\tstop_lat\n A , Alpha ,52.0 \n")
        #expect(t.header == ["stop_id", "stop_name", "stop_lat"])
        #expect(t.column("stop_name") == 1)
        #expect(Self.rows(t) == [["A", "Alpha", "52.0"]])
        #expect(t.isEmpty(row: 0, column: 0) == false)
    }

    @Test func emptyFieldsAndAbsentColumns() {
        let t = Self.table("a,b,c\n, ,x\n")
        #expect(t.isEmpty(row: 0, column: 0))
        #expect(t.isEmpty(row: 0, column: 1))
        #expect(!t.isEmpty(row: 0, column: 2))
        #expect(t.string(row: 0, column: nil) == "")
        #expect(t.isEmpty(row: 0, column: nil))
    }

    @Test func raggedRowsAreWarningsAndMissingFieldsReadEmpty() throws {
        let t = Self.table("a,b,c\n1,2\n3,4,5,6\n7,8,9\n")
        #expect(t.rowCount == 3)
        #expect(t.string(row: 0, column: 2) == "")
        #expect(t.string(row: 1, column: 2) == "5")
        #expect(t.diagnostics.count == 2)
        #expect(t.diagnostics.allSatisfy { $0.severity == .warning })
        let short = try #require(t.diagnostics.first)
        #expect(short.file == "test.txt")
        #expect(short.line == 2)
        #expect(short.column == nil)
        #expect(short.message.contains("2 fields but the header has 3"))
        #expect(t.diagnostics.last?.line == 3)
        #expect(t.diagnostics.last?.message.contains("4 fields but the header has 3") == true)
    }

    @Test func raggedRowWarningsAreCapped() {
        let body = (1 ... 12).map { "\($0)" }.joined(separator: "\n")
        let t = Self.table("a,b\n" + body + "\n")
        #expect(t.rowCount == 12)
        #expect(t.diagnostics.count == 5)
        #expect(t.diagnostics.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test func unterminatedQuoteIsAnErrorNamingItsLine() throws {
        let t = Self.table("id,name\n1,ok\n2,\"never closed\n3,more\n4,rows\n", file: "stops.txt")
        let error = try #require(t.diagnostics.first { $0.severity == .error })
        #expect(error.file == "stops.txt")
        #expect(error.line == 3)
        #expect(error.message.contains("unterminated quoted field"))
        #expect(error.message.contains("line 3"))
        #expect(error.description.hasPrefix("stops.txt:3: error: unterminated quoted field"))
        // The rows before it are intact.
        #expect(t.string(row: 0, column: 1) == "ok")
    }

    @Test func textAfterAClosingQuoteIsReported() throws {
        let t = Self.table("id,name\n1,\"Stop\"x\n")
        let problem = try #require(t.diagnostics.first)
        #expect(problem.line == 2)
        #expect(problem.message.contains("text after a closing quote"))
        #expect(t.string(row: 0, column: 1) == "Stop")
    }

    @Test(arguments: ["", "\n", "\n\n\r\n"])
    func emptyFileNeedsAHeader(_ text: String) throws {
        let t = Self.table(text, file: "routes.txt")
        #expect(t.header.isEmpty)
        #expect(t.rowCount == 0)
        let error = try #require(t.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("the file is empty"))
    }

    @Test func headerOnlyHasNoRows() {
        let t = Self.table("a,b\n")
        #expect(t.header == ["a", "b"])
        #expect(t.rowCount == 0)
        #expect(t.diagnostics.isEmpty)
    }

    @Test func nonASCIIText() {
        let t = Self.table("id,name\n1,\"Mariënberg, Station\"\n2,Åbo–Turku\n")
        #expect(Self.rows(t) == [["1", "Mariënberg, Station"], ["2", "Åbo–Turku"]])
    }

    // MARK: - Column layout in a feed

    static let smallFeed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,Alpha,52.0,6.0
        B,Beta,52.1,6.1
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:10:00,B,2
        """

    @Test func columnsInAnyOrderWithExtraColumnsLoad() throws {
        let feed = try InlineFeed.feed("""
            # stops.txt
            zone_id,stop_lon,my_extra,stop_name,stop_id,stop_lat
            Z1,6.0,whatever,Alpha,A,52.0
            Z2,6.1,,"Beta, Plein",B,52.1
            # trips.txt
            trip_id,foo,service_id,route_id
            T1,bar,S,R1
            # stop_times.txt
            stop_sequence,stop_id,departure_time,shape_dist_traveled,arrival_time,trip_id
            2,B,10:10:30,100.5,10:10:00,T1
            1,A,10:00:00,0,10:00:00,T1
            """)
        #expect(feed.stops.map(\.id) == ["A", "B"])
        #expect(feed.stops[1].name == "Beta, Plein")
        #expect(feed.stops[1].latitude == 52.1)
        #expect(feed.stops[1].longitude == 6.1)
        #expect(feed.trips.first?.id == "T1")
        #expect(feed.stopTimes.stop == [0, 1])
        #expect(feed.stopTimes.arrival == [36_000, 36_600])
        #expect(feed.stopTimes.departure == [36_000, 36_630])
        #expect(feed.warnings.isEmpty)
    }

    @Test func crlfFeedWithQuotedHeaderLoads() throws {
        var files = InlineFeed.files(Self.smallFeed)
        let crlf = "\"stop_id\",\"stop_name\",\"stop_lat\",\"stop_lon\"\r\n\"A\",\"Alpha\",\"52.0\",\"6.0\"\r\n\"B\",\"Beta\",\"52.1\",\"6.1\""
        files["stops.txt"] = Array(crlf.utf8)
        let feed = try Feed.load(from: .inMemory(files))
        #expect(feed.stops.map(\.name) == ["Alpha", "Beta"])
        #expect(feed.stops.map(\.line) == [2, 3])
    }
}
