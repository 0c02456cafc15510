//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import Testing

/// One valid feed, broken one defect at a time: each defect must stop the feed from loading with
/// an error at the right file, line and column, and nothing may crash.
@Suite struct MalformedFeedTests {
    /// File → lines (line 1 is the header). Valid as it is.
    static let base: [String: [String]] = [
        "agency.txt": [
            "agency_id,agency_name,agency_url,agency_timezone",
            "A,Agency,https://example.org,Europe/Amsterdam",
        ],
        "calendar.txt": [
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
            "S,1,1,1,1,1,1,1,20260101,20261231",
        ],
        "calendar_dates.txt": ["service_id,date,exception_type", "S,20260501,2"],
        "routes.txt": ["route_id,agency_id,route_short_name,route_long_name,route_type", "R1,A,1,Route one,3"],
        "stops.txt": [
            "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,wheelchair_boarding",
            "ST,Station,52.0,6.0,1,,1",
            "P1,Platform 1,52.0,6.0,0,ST,",
            "B,Stop B,52.01,6.0,0,,2",
            "C,Stop C,52.02,6.0,0,,",
        ],
        "trips.txt": ["route_id,service_id,trip_id", "R1,S,T1", "R1,S,T2"],
        "stop_times.txt": [
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type",
            "T1,10:00:00,10:00:00,P1,1,0,0",
            "T1,10:10:00,10:11:00,B,2,0,0",
            "T1,10:20:00,10:20:00,C,3,0,0",
            "T2,11:00:00,11:00:00,P1,1,0,0",
            "T2,11:10:00,11:11:00,B,2,0,0",
            "T2,11:20:00,11:20:00,C,3,0,0",
        ],
        "frequencies.txt": ["trip_id,start_time,end_time,headway_secs,exact_times", "T2,11:00:00,13:00:00,600,0"],
        "transfers.txt": ["from_stop_id,to_stop_id,transfer_type,min_transfer_time", "B,B,2,120"],
        "feed_info.txt": [
            "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date",
            "Goan,https://example.org,nl,20260101,20261231",
        ],
    ]

    /// One change to the base feed.
    enum Edit: Sendable {
        /// Removes a file.
        case remove(String)
        /// Replaces the first occurrence of a text in a file.
        case replace(String, String, String)
        /// Appends a line to a file.
        case append(String, String)
        /// Replaces a whole file.
        case set(String, [String])
    }

    static func files(_ edits: [Edit]) -> [String: [UInt8]] {
        var files = base
        for edit in edits {
            switch edit {
            case .remove(let file):
                files[file] = nil
            case .replace(let file, let old, let new):
                let text = files[file]!.joined(separator: "\n")
                let range = text.range(of: old)!
                files[file] = text.replacingCharacters(in: range, with: new).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case .append(let file, let line):
                files[file]!.append(line)
            case .set(let file, let lines):
                files[file] = lines
            }
        }
        return files.mapValues { Array(($0.joined(separator: "\n") + "\n").utf8) }
    }

    /// A defect and the diagnostic it must produce.
    struct Defect: Sendable, CustomTestStringConvertible {
        var name: String
        var edits: [Edit]
        var file: String
        var line: Int?
        var column: String?
        var fragment: String
        var severity: Diagnostic.Severity = .error

        init(_ name: String, _ edits: [Edit], _ file: String, _ line: Int?, _ column: String?, _ fragment: String) {
            self.name = name
            self.edits = edits
            self.file = file
            self.line = line
            self.column = column
            self.fragment = fragment
        }

        var testDescription: String { name }

        func matches(_ d: Diagnostic) -> Bool {
            d.severity == severity && d.file == file && d.line == line && d.column == column && d.message.contains(fragment)
        }
    }

    @Test func baseFeedIsValid() throws {
        let feed = try Feed.load(from: .inMemory(Self.files([])))
        #expect(feed.warnings.isEmpty, "\(feed.warnings)")
        #expect(feed.stops.count == 4 && feed.trips.count == 2 && feed.stopTimes.count == 6)
        #expect(feed.frequencies.count == 1 && feed.transfers.count == 1 && feed.feedInfo != nil)
    }

    static let st = "stop_times.txt"
    static let cal = "calendar.txt"
    static let dates = "calendar_dates.txt"
    static let freq = "frequencies.txt"
    static let xfer = "transfers.txt"

    static let defects: [Defect] = [
        // Missing files.
        Defect("missing agency.txt", [.remove("agency.txt")], "agency.txt", nil, nil, "required file is missing"),
        Defect("missing stops.txt", [.remove("stops.txt")], "stops.txt", nil, nil, "required file is missing"),
        Defect("missing routes.txt", [.remove("routes.txt")], "routes.txt", nil, nil, "required file is missing"),
        Defect("missing trips.txt", [.remove("trips.txt")], "trips.txt", nil, nil, "required file is missing"),
        Defect("missing stop_times.txt", [.remove(st)], st, nil, nil, "required file is missing"),
        Defect("both calendar files missing", [.remove(cal), .remove(dates)], cal, nil, nil, "calendar.txt or calendar_dates.txt; both are missing"),
        Defect("empty stops.txt", [.set("stops.txt", [])], "stops.txt", 1, nil, "the file is empty"),
        Defect("agency.txt without rows", [.set("agency.txt", ["agency_id,agency_name,agency_url,agency_timezone"])], "agency.txt", nil, nil, "names no agency"),
        // Missing required columns.
        Defect("no stop_id column", [.replace("stops.txt", "stop_id,", "id,")], "stops.txt", 1, "stop_id", "required column is missing"),
        Defect("no stop_lat column", [.replace("stops.txt", "stop_lat", "latitude")], "stops.txt", 1, "stop_lat", "required column is missing"),
        Defect("no trip_id column in trips", [.replace("trips.txt", "trip_id", "id")], "trips.txt", 1, "trip_id", "required column is missing"),
        Defect("no arrival_time column", [.replace(st, "arrival_time", "arrival")], st, 1, "arrival_time", "required column is missing"),
        Defect("no stop_sequence column", [.replace(st, "stop_sequence", "seq")], st, 1, "stop_sequence", "required column is missing"),
        Defect("no route_type column", [.replace("routes.txt", "route_type", "kind")], "routes.txt", 1, "route_type", "required column is missing"),
        Defect("no agency_timezone column", [.replace("agency.txt", "agency_timezone", "tz")], "agency.txt", 1, "agency_timezone", "required column is missing"),
        Defect("no service_id column in calendar", [.replace(cal, "service_id", "service")], cal, 1, "service_id", "required column is missing"),
        Defect("no sunday column in calendar", [.replace(cal, ",sunday", "")], cal, 1, "sunday", "required column is missing"),
        Defect("no exception_type column", [.replace(dates, ",exception_type", "")], dates, 1, "exception_type", "required column is missing"),
        Defect("no headway_secs column", [.replace(freq, "headway_secs", "headway")], freq, 1, "headway_secs", "required column is missing"),
        Defect("no transfer_type column", [.replace(xfer, "transfer_type", "type")], xfer, 1, "transfer_type", "required column is missing"),
        // Unknown references.
        Defect("unknown stop_id in stop_times", [.replace(st, "T1,10:10:00,10:11:00,B", "T1,10:10:00,10:11:00,X")], st, 3, "stop_id", "unknown stop_id 'X'"),
        Defect("unknown trip_id in stop_times", [.append(st, "T9,12:00:00,12:00:00,B,1,0,0")], st, 8, "trip_id", "unknown trip_id 'T9'"),
        Defect("unknown route_id in trips", [.replace("trips.txt", "R1,S,T2", "R9,S,T2")], "trips.txt", 3, "route_id", "unknown route_id 'R9'"),
        Defect("unknown agency_id in routes", [.replace("routes.txt", "R1,A,", "R1,X,")], "routes.txt", 2, "agency_id", "unknown agency_id 'X'"),
        Defect("parent_station is not a station", [.replace("stops.txt", ",0,ST,", ",0,B,")], "stops.txt", 3, "parent_station", "parent_station 'B' is not a station"),
        Defect("unknown transfer stop", [.replace(xfer, "B,B,2", "B,Z,2")], xfer, 2, "to_stop_id", "unknown stop_id 'Z'"),
        Defect("transfer without stops", [.replace(xfer, "B,B,2", ",B,2")], xfer, 2, "from_stop_id", "required for transfer_type 2 but empty"),
        Defect("unknown transfer route", [.set(xfer, ["from_stop_id,to_stop_id,transfer_type,from_route_id", "B,B,1,R7"])], xfer, 2, "from_route_id", "unknown route_id 'R7'"),
        Defect("unknown frequency trip", [.replace(freq, "T2,", "T7,")], freq, 2, "trip_id", "unknown trip_id 'T7'"),
        // Malformed values.
        Defect("time 25:7x:00", [.replace(st, "10:10:00,10:11:00", "25:7x:00,10:11:00")], st, 3, "arrival_time", "'25:7x:00' is not a valid time (expected HH:MM:SS)"),
        Defect("time 10:60:00", [.replace(st, "10:10:00,10:11:00", "10:10:00,10:60:00")], st, 3, "departure_time", "'10:60:00' is not a valid time"),
        Defect("time abc", [.replace(st, "T2,11:20:00", "T2,abc")], st, 7, "arrival_time", "'abc' is not a valid time"),
        Defect("frequency start_time noon", [.replace(freq, "11:00:00", "noon")], freq, 2, "start_time", "'noon' is not a valid time"),
        Defect("date 2026-13-01", [.replace(cal, "20261231", "2026-13-01")], cal, 2, "end_date", "'2026-13-01' is not a valid date (expected YYYYMMDD)"),
        Defect("date 20261301", [.replace(cal, "20260101", "20261301")], cal, 2, "start_date", "'20261301' is not a valid date"),
        Defect("date 202611", [.replace(dates, "20260501", "202611")], dates, 2, "date", "'202611' is not a valid date"),
        Defect("date 20260230", [.replace(dates, "20260501", "20260230")], dates, 2, "date", "'20260230' is not a valid date"),
        Defect("empty start_date", [.replace(cal, "20260101", "")], cal, 2, "start_date", "required date is empty"),
        Defect("stop_sequence not a number", [.replace(st, "C,3", "C,three")], st, 4, "stop_sequence", "'three' is not a whole number"),
        Defect("negative stop_sequence", [.replace(st, "P1,1", "P1,-1")], st, 2, "stop_sequence", "-1 must be a non-negative integer"),
        Defect("stop_lat not a number", [.replace("stops.txt", "52.01", "north")], "stops.txt", 4, "stop_lat", "'north' is not a number"),
        Defect("stop_lat out of range", [.replace("stops.txt", "52.01", "91")], "stops.txt", 4, "stop_lat", "is outside −90…90"),
        Defect("stop_lon out of range", [.replace("stops.txt", "52.02,6.0", "52.02,-181")], "stops.txt", 5, "stop_lon", "is outside −180…180"),
        Defect("empty stop_lon", [.replace("stops.txt", "52.02,6.0", "52.02,")], "stops.txt", 5, "stop_lon", "required for location_type 0 but empty"),
        Defect("headway_secs beyond 32 bits", [.replace(freq, "600,0", "9999999999,0")], freq, 2, "headway_secs", "9999999999 is too large"),
        Defect("min_transfer_time beyond 32 bits", [.replace(xfer, "2,120", "2,4294967296")], xfer, 2, "min_transfer_time", "4294967296 is too large"),
        Defect("min_transfer_time negative", [.replace(xfer, "2,120", "2,-5")], xfer, 2, "min_transfer_time", "-5 must not be negative"),
        // Duplicates.
        Defect("duplicate stop_id", [.append("stops.txt", "B,Other B,52.0,6.0,0,,")], "stops.txt", 6, "stop_id", "duplicate stop_id 'B' (first on line 4)"),
        Defect("duplicate trip_id", [.append("trips.txt", "R1,S,T1")], "trips.txt", 4, "trip_id", "duplicate trip_id 'T1' (first on line 2)"),
        Defect("duplicate route_id", [.append("routes.txt", "R1,A,2,Route two,3")], "routes.txt", 3, "route_id", "duplicate route_id 'R1'"),
        Defect("duplicate service_id", [.append(cal, "S,0,0,0,0,0,1,1,20260101,20261231")], cal, 3, "service_id", "duplicate service_id 'S'"),
        Defect("duplicate agency_id", [.append("agency.txt", "A,Other,https://example.com,Europe/Amsterdam")], "agency.txt", 3, "agency_id", "duplicate agency_id 'A' (first on line 2)"),
        Defect("duplicate stop_sequence", [.replace(st, "C,3", "C,2")], st, 4, "stop_sequence", "trip repeats stop_sequence 2 (also on line 3)"),
        // Invalid enumeration values.
        Defect("location_type 9", [.replace("stops.txt", "52.01,6.0,0", "52.01,6.0,9")], "stops.txt", 4, "location_type", "'9' is not a valid value (expected 0–4)"),
        Defect("pickup_type 7", [.replace(st, "C,3,0,0", "C,3,7,0")], st, 4, "pickup_type", "'7' is not a valid value (expected 0–3)"),
        Defect("drop_off_type x", [.replace(st, "C,3,0,0", "C,3,0,x")], st, 4, "drop_off_type", "'x' is not a valid value"),
        Defect("route_type 99999", [.replace("routes.txt", "Route one,3", "Route one,99999")], "routes.txt", 2, "route_type", "'99999' is not a valid route_type"),
        Defect("empty route_type", [.replace("routes.txt", "Route one,3", "Route one,")], "routes.txt", 2, "route_type", "required value is empty"),
        Defect("exception_type 3", [.replace(dates, "20260501,2", "20260501,3")], dates, 2, "exception_type", "'3' is not a valid value (expected 1–2)"),
        Defect("empty exception_type", [.replace(dates, "20260501,2", "20260501,")], dates, 2, "exception_type", "required value is empty (expected 1 or 2)"),
        Defect("transfer_type 6", [.replace(xfer, "B,B,2", "B,B,6")], xfer, 2, "transfer_type", "'6' is not a valid value (expected 0–5)"),
        Defect("wheelchair_boarding 5", [.replace("stops.txt", "52.01,6.0,0,,2", "52.01,6.0,0,,5")], "stops.txt", 4, "wheelchair_boarding", "'5' is not a valid value (expected 0–2)"),
        Defect("calendar monday 2", [.replace(cal, "S,1,", "S,2,")], cal, 2, "monday", "'2' is not a valid value (expected 0–1)"),
        Defect("calendar monday empty", [.replace(cal, "S,1,", "S,,")], cal, 2, "monday", "required value is empty (expected 0 or 1)"),
        Defect("exact_times 2", [.replace(freq, "600,0", "600,2")], freq, 2, "exact_times", "'2' is not a valid value (expected 0–1)"),
        // Time zones.
        Defect("unknown time zone", [.replace("agency.txt", "Europe/Amsterdam", "Mars/Olympus_Mons")], "agency.txt", 2, "agency_timezone", "'Mars/Olympus_Mons' is not a known IANA time zone"),
        Defect("empty time zone", [.replace("agency.txt", ",Europe/Amsterdam", ",")], "agency.txt", 2, "agency_timezone", "required value is empty"),
        Defect("time zones differ per agency", [.append("agency.txt", "B,Other,https://example.com,Europe/London")], "agency.txt", nil, "agency_timezone", "agencies use different time zones (Europe/Amsterdam, Europe/London)"),
        Defect("several agencies, route without agency_id", [.append("agency.txt", "B,Other,https://example.com,Europe/Amsterdam"), .replace("routes.txt", "R1,A,", "R1,,")], "routes.txt", 2, "agency_id", "required when the feed has several agencies"),
        // Inconsistent ranges.
        Defect("calendar end before start", [.replace(cal, "20261231", "20251231")], cal, 2, "end_date", "end_date 20251231 is before start_date 20260101"),
        Defect("feed_info end before start", [.replace("feed_info.txt", "20261231", "20251231")], "feed_info.txt", 2, "feed_end_date", "feed_end_date is before feed_start_date"),
        Defect("headway 0", [.replace(freq, "600,0", "0,0")], freq, 2, "headway_secs", "0 must be greater than 0"),
        Defect("frequency end before start", [.replace(freq, "13:00:00", "10:00:00")], freq, 2, "end_time", "end_time 10:00:00 is not after start_time 11:00:00"),
        Defect("frequency without end_time", [.replace(freq, "13:00:00", "")], freq, 2, "end_time", "required value is empty"),
        // Structure.
        Defect("stop_times at a station", [.replace(st, "T1,10:00:00,10:00:00,P1", "T1,10:00:00,10:00:00,ST")], st, 2, "stop_id", "stop 'ST' is a station (location_type 1)"),
        Defect("stop_times at an entrance", [.append("stops.txt", "E,Entrance,52.0,6.0,2,ST,"), .replace(st, "T2,11:20:00,11:20:00,C", "T2,11:20:00,11:20:00,E")], st, 7, "stop_id", "stop 'E' is a non-stopping location (location_type 2)"),
        Defect("boarding area inside a station", [.append("stops.txt", "BA,Boarding area,52.0,6.0,4,ST,")], "stops.txt", 6, "parent_station", "parent_station 'ST' of a boarding area is not a platform (location_type 0)"),
        Defect("boarding area is its own parent", [.append("stops.txt", "BA,Boarding area,52.0,6.0,4,BA,")], "stops.txt", 6, "parent_station", "parent_station 'BA' of a boarding area is not a platform"),
        Defect("unknown transfer from_trip_id", [.set(xfer, ["from_stop_id,to_stop_id,transfer_type,from_trip_id", "B,B,1,T8"])], xfer, 2, "from_trip_id", "unknown trip_id 'T8'"),
        Defect("unterminated quote", [.replace("stops.txt", "C,Stop C", "C,\"Stop C")], "stops.txt", 5, nil, "unterminated quoted field (a '\"' opened on line 5 is never closed)"),
        Defect("text after a closing quote", [.replace("stops.txt", "B,Stop B", "B,\"Stop\" B")], "stops.txt", 4, nil, "text after a closing quote"),
        Defect("empty trip_id in trips", [.replace("trips.txt", "R1,S,T2", "R1,S,")], "trips.txt", 3, "trip_id", "required value is empty"),
        Defect("empty stop_id in stops", [.replace("stops.txt", "C,Stop C", ",Stop C")], "stops.txt", 5, "stop_id", "required value is empty"),
        Defect("empty stop_id in stop_times", [.replace(st, "T2,11:10:00,11:11:00,B", "T2,11:10:00,11:11:00,")], st, 6, "stop_id", "required value is empty"),
        Defect("empty trip_id in the first stop_times row", [.replace(st, "T1,10:00:00", ",10:00:00")], st, 2, "trip_id", "required value is empty"),
        Defect("quoted empty trip_id in stop_times", [.replace(st, "T1,10:00:00", "\"\",10:00:00")], st, 2, "trip_id", "required value is empty"),
        Defect("empty service_id in calendar_dates", [.replace(dates, "S,2026", ",2026")], dates, 2, "service_id", "required value is empty"),
        // A trip's first and last stop need their times (GTFS: required there).
        Defect("first stop time without times", [.replace(st, "T1,10:00:00,10:00:00", "T1,,")], st, 2, "departure_time", "trip 'T1' has no departure_time at its first stop (stop_sequence 1)"),
        Defect("last stop time without times", [.replace(st, "T2,11:20:00,11:20:00", "T2,,")], st, 7, "arrival_time", "trip 'T2' has no arrival_time at its last stop (stop_sequence 3)"),
        Defect("stop_times.txt with only a header", [.set(st, [base[st]![0]])], st, 1, nil, "the file has only a header"),
    ]

    @Test(arguments: defects)
    func defectIsAnErrorAtTheRightPlace(_ defect: Defect) throws {
        let files = Self.files(defect.edits)
        let (feed, diagnostics) = try Feed.inspect(.inMemory(files))
        #expect(feed == nil, "a feed with an error must not load")
        #expect(
            diagnostics.contains(where: defect.matches),
            "expected \(defect.file):\(defect.line.map(String.init) ?? "-"): \(defect.column ?? "-"): …\(defect.fragment)…; got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        let error = try #require(throws: FeedLoadError.self) { try Feed.load(from: .inMemory(files)) }
        #expect(error.errors.contains(where: defect.matches))
        #expect(error.description.hasPrefix("the feed (inline feed) has \(error.errors.count) error"))
        #expect(error.diagnostics == diagnostics)
    }

    @Test func defectsAreDistinct() {
        #expect(Set(Self.defects.map(\.name)).count == Self.defects.count)
        #expect(Self.defects.count >= 30)
        let bases = Set(Self.defects.map { Self.files($0.edits) })
        #expect(bases.count == Self.defects.count)
    }

    @Test func descriptionNamesFileLineAndColumn() throws {
        let files = Self.files([.replace(Self.st, "10:10:00,10:11:00", "25:7x:00,10:11:00")])
        let error = try #require(throws: FeedLoadError.self) { try Feed.load(from: .inMemory(files)) }
        #expect(error.errors.map(\.description) == ["stop_times.txt:3: error: arrival_time: '25:7x:00' is not a valid time (expected HH:MM:SS)"])
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() throws {
        let files = Self.files([
            .replace(Self.st, "10:10:00,10:11:00", "xx,10:11:00"), .replace("stops.txt", "52.01", "91"),
            .append("trips.txt", "R1,S,T1"), .replace(Self.cal, "20260101", "2026"),
        ])
        let error = try #require(throws: FeedLoadError.self) { try Feed.load(from: .inMemory(files)) }
        #expect(Set(error.errors.map(\.file)) == ["stop_times.txt", "stops.txt", "trips.txt", "calendar.txt"])
    }

    @Test func errorsPerFileAreCapped() throws {
        let bad = (1 ... 80).map { "T\($0 % 2 + 1),1x:00:00,10:00:00,B,\($0 + 10),0,0" }
        let files = Self.files(bad.map { .append(Self.st, $0) })
        let error = try #require(throws: FeedLoadError.self) { try Feed.load(from: .inMemory(files)) }
        #expect(error.errors.count == 51)
        #expect(error.errors.last?.message == "more errors in this file are not listed")
        #expect(error.description.contains("… and 31 more errors"))
    }

    /// A trip whose first stop has only an arrival_time (or whose last stop has only a
    /// departure_time) loads: the one time stands for both.
    @Test func oneTimeAtTheEndsOfATripIsEnough() throws {
        let files = Self.files([.replace(Self.st, "T1,10:00:00,10:00:00", "T1,10:00:00,"), .replace(Self.st, "T1,10:20:00,10:20:00", "T1,,10:20:00")])
        let feed = try Feed.load(from: .inMemory(files))
        let rows = feed.stopTimes.rangeOfTrip[Int(Self.trip(feed, "T1"))]
        #expect(feed.stopTimes.departure[Int(rows.lowerBound)] == 10 * 3600)
        #expect(feed.stopTimes.arrival[Int(rows.upperBound) - 1] == 10 * 3600 + 20 * 60)
    }

    /// Every error of a trip's untimed ends is listed, not only the first.
    @Test func bothUntimedEndsAreListed() throws {
        let files = Self.files([.replace(Self.st, "T1,10:00:00,10:00:00", "T1,,"), .replace(Self.st, "T1,10:20:00,10:20:00", "T1,,")])
        let error = try #require(throws: FeedLoadError.self) { try Feed.load(from: .inMemory(files)) }
        #expect(error.errors.map(\.description) == [
            "stop_times.txt:2: error: departure_time: trip 'T1' has no departure_time at its first stop (stop_sequence 1); it is required there",
            "stop_times.txt:4: error: arrival_time: trip 'T1' has no arrival_time at its last stop (stop_sequence 3); it is required there",
        ])
    }

    // MARK: - Recoverable problems: warnings, and the feed still loads

    /// A problem the loader repairs or ignores, the warning it gives and what must hold after it.
    struct Recoverable: Sendable, CustomTestStringConvertible {
        var name: String
        var edits: [Edit]
        var warning: Defect
        var check: @Sendable (Feed) -> Bool
        var testDescription: String { name }

        init(
            _ name: String, _ edits: [Edit], _ file: String, _ line: Int?, _ column: String?, _ fragment: String,
            check: @escaping @Sendable (Feed) -> Bool
        ) {
            self.name = name
            self.edits = edits
            var warning = Defect(name, edits, file, line, column, fragment)
            warning.severity = .warning
            self.warning = warning
            self.check = check
        }
    }

    static func trip(_ feed: Feed, _ id: String) -> Int32 { feed.tripIndexByID[id]! }

    static let recoverable: [Recoverable] = [
        Recoverable(
            "trip with one stop time",
            [.set(st, base[st]!.filter { !$0.hasPrefix("T2,11:1") && !$0.hasPrefix("T2,11:2") })],
            st, 5, "trip_id", "trip 'T2' has 1 stop time; it is ignored"
        ) { !$0.hasCalls(trip($0, "T2")) && $0.hasCalls(trip($0, "T1")) },
        Recoverable(
            "trip without stop times",
            [.append("trips.txt", "R1,S,T3")], st, nil, "trip_id", "trip 'T3' has 0 stop times; it is ignored"
        ) { !$0.hasCalls(trip($0, "T3")) && $0.trips.count == 3 },
        Recoverable(
            "trip going back in time",
            [.replace(st, "T1,10:20:00,10:20:00", "T1,10:05:00,10:05:00")],
            st, 4, "arrival_time", "trip 'T1' goes back in time at stop_sequence 3; the trip is ignored"
        ) { !$0.hasCalls(trip($0, "T1")) && $0.hasCalls(trip($0, "T2")) },
        Recoverable(
            "dwell going back in time",
            [.replace(st, "10:10:00,10:11:00", "10:10:00,10:09:00")],
            st, 3, "arrival_time", "trip 'T1' goes back in time at stop_sequence 2"
        ) { !$0.hasCalls(trip($0, "T1")) },
        Recoverable(
            "unknown service_id",
            [.replace("trips.txt", "R1,S,T2", "R1,NOPE,T2")],
            "trips.txt", 3, "service_id", "service_id 'NOPE' is in neither calendar file; trip 'T2' never runs"
        ) { feed in
            let service = feed.services[Int(feed.trips[Int(trip(feed, "T2"))].service)]
            return service.id == "NOPE" && service.dateRange == nil
        },
        Recoverable(
            "transfer_type 2 without min_transfer_time",
            [.replace(xfer, "B,B,2,120", "B,B,2,")],
            xfer, 2, "min_transfer_time", "transfer_type 2 without min_transfer_time"
        ) { $0.transfers.count == 1 && $0.transfers[0].minTransferTime == nil && $0.transfers[0].kind == .minimumTime },
        Recoverable(
            "ragged row",
            [.replace("stops.txt", "B,Stop B,52.01,6.0,0,,2", "B,Stop B,52.01,6.0,0")],
            "stops.txt", 4, nil, "the row has 5 fields but the header has 7"
        ) { $0.stops[Int($0.stopIndexByID["B"]!)].wheelchairBoarding == .unknown },
        Recoverable(
            "empty stop_name",
            [.replace("stops.txt", "B,Stop B", "B,")],
            "stops.txt", 4, "stop_name", "empty stop_name for 'B'; the id is shown instead"
        ) { $0.stops[Int($0.stopIndexByID["B"]!)].name == "B" },
        Recoverable(
            "route without a name",
            [.replace("routes.txt", "R1,A,1,Route one,3", "R1,A,,,3")],
            "routes.txt", 2, "route_short_name", "route 'R1' has neither a short nor a long name"
        ) { $0.routes[0].displayName == "R1" },
        Recoverable(
            "station with a parent station",
            [.replace("stops.txt", "ST,Station,52.0,6.0,1,,1", "ST,Station,52.0,6.0,1,ST,1")],
            "stops.txt", 2, "parent_station", "a station cannot have a parent station; 'ST' is ignored"
        ) { $0.stops[0].parent == nil },
        Recoverable(
            // Add-on feeds (bbnavi's Flex feed) name stations of the main feed they extend.
            "unknown parent_station",
            [.replace("stops.txt", ",0,ST,", ",0,NOPE,")],
            "stops.txt", 3, "parent_station", "unknown parent_station 'NOPE'; the stop is read without it"
        ) { $0.stops[Int($0.stopIndexByID["P1"]!)].parent == nil },
        Recoverable(
            "same date twice in calendar_dates",
            [.append(dates, "S,20260501,1")],
            dates, 3, "date", "service 'S' has 20260501 twice; the last row wins"
        ) { $0.services[0].isActive(on: ServiceDate("20260501")!) },
    ]

    @Test(arguments: recoverable)
    func recoverableProblemIsAWarning(_ problem: Recoverable) throws {
        let files = Self.files(problem.edits)
        let (_, diagnostics) = try Feed.inspect(.inMemory(files))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let feed = try Feed.load(from: .inMemory(files))
        #expect(
            feed.warnings.contains(where: problem.warning.matches),
            "expected warning \(problem.warning.fragment); got:\n\(feed.warnings.map(\.description).joined(separator: "\n"))")
        #expect(feed.warnings.allSatisfy { $0.severity == .warning })
        #expect(problem.check(feed))
    }
}
