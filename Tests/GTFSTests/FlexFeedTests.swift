//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import TestSupport
import Testing

/// GTFS-Flex: booking rules, zones (locations.geojson), stop groups and windowed calls, in the
/// adopted schema (C-TRAN) and the older draft (bbnavi), plus malformed Flex data.
@Suite struct FlexFeedTests {
    /// bbnavi is small and in `Tests/Fixtures`; C-TRAN only in `../shared/data` (no stated licence).
    static let bbnavi = SharedData.fixture("gtfs-flex/bbnavi-rufbus")
    static let ctran = SharedData.path("gtfs-flex/ctran-flex.zip")

    @Test func bbnaviDraftSchemaGivesGroupsWindowsAndRules() throws {
        let feed = try Feed.load(from: .directory(Self.bbnavi))
        #expect(feed.bookingRules.count == 3)
        let weekdays = try #require(feed.bookingRuleIndexByID["flächenrufbus-angermünde-weekdays"])
        #expect(feed.bookingRules[Int(weekdays)].kind == .sameDay)
        #expect(feed.bookingRules[Int(weekdays)].priorNoticeMinimum == 60)
        #expect(feed.locationGroups.count == 5)
        let group476 = try #require(feed.locationGroupIndexByID["flex-476-stops"])
        #expect(feed.locationGroups[Int(group476)].stops.count == 126)
        #expect(feed.flexStopTimes.count == 8)
        let trip = try #require(feed.tripIndexByID["flex-476-weekdays"])
        let call = try #require(feed.flexStopTimes.first { $0.trip == trip })
        #expect(call.place == .group(group476))
        #expect(call.windowStart == GTFSTime.parse("17:30:00") && call.windowEnd == GTFSTime.parse("22:00:00"))
        #expect(call.pickupType == 2 && call.dropOffType == 2)
        #expect(call.pickupBookingRule == weekdays)
        // Flexible trips have no timed calls and are not dropped with a warning.
        #expect(!feed.hasCalls(trip))
        #expect(!feed.warnings.contains { $0.message.contains("flex-476-weekdays") })
    }

    @Test(.enabled(if: SharedData.has("gtfs-flex/ctran-flex.zip"), "needs ../shared/data/gtfs-flex/ctran-flex.zip"))
    func ctranAdoptedSchemaGivesZonesAndBookingRules() throws {
        let feed = try Feed.load(from: .zip(Self.ctran))
        #expect(feed.flexLocations.count == 8)
        #expect(feed.locationGroups.count == 10)
        #expect(feed.bookingRules.count == 128)
        #expect(feed.bookingRules.allSatisfy { $0.kind == .sameDay })
        #expect(feed.stopTimes.count == 0)
        #expect(Set(feed.flexStopTimes.map(\.trip)).count == feed.trips.count)
        let rose = try #require(feed.flexLocations.first { $0.name == "Rose Village" })
        let center = try #require(rose.center)
        #expect(rose.contains(center))
        #expect(!rose.contains(Coordinate(latitude: 45.0, longitude: -122.0)))
        // Every zone call names a zone of locations.geojson; windows are ordered.
        #expect(feed.flexStopTimes.allSatisfy { $0.windowEnd > $0.windowStart })
        #expect(feed.flexStopTimes.contains { if case .location = $0.place { true } else { false } })
        #expect(feed.flexStopTimes.contains { if case .group = $0.place { true } else { false } })
    }

    @Test func twenteFeedLoadsWithItsFlexServices() throws {
        let twente = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Timetables/twente").standardized.path
        let feed = try Feed.load(from: .directory(twente))
        #expect(feed.warnings.isEmpty, "\(feed.warnings.prefix(3))")
        #expect(feed.stopTimes.count > 5000)
    }

    // MARK: - Malformed Flex data

    static let base = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.00,6.00
        B,B,52.01,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,F1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,location_group_id,location_id,stop_sequence,start_pickup_drop_off_window,end_pickup_drop_off_window,pickup_type,drop_off_type,pickup_booking_rule_id
        T1,10:00:00,10:00:00,A,,,1,,,0,0,
        T1,10:10:00,10:10:00,B,,,2,,,0,0,
        F1,,,,,zone,1,08:00:00,18:00:00,2,2,hour
        # booking_rules.txt
        booking_rule_id,booking_type,prior_notice_duration_min,prior_notice_last_day,prior_notice_last_time
        hour,1,60,,
        # location_groups.txt
        location_group_id,location_group_name
        grp,Both stops
        # location_group_stops.txt
        location_group_id,stop_id
        grp,A
        grp,B
        # locations.geojson
        {"type":"FeatureCollection","features":[{"id":"zone","type":"Feature","properties":{"stop_name":"Zone"},"geometry":{"type":"Polygon","coordinates":[[[5.9,51.9],[6.1,51.9],[6.1,52.1],[5.9,52.1],[5.9,51.9]]]}}]}
        """

    @Test func aValidFlexFeedLoads() throws {
        let feed = try InlineFeed.feed(Self.base)
        #expect(feed.flexStopTimes.count == 1)
        #expect(feed.flexLocations[0].contains(Coordinate(latitude: 52.0, longitude: 6.0)))
        #expect(feed.locationGroups[0].stops.count == 2)
        #expect(feed.stopTimes.count == 2)
    }

    struct FlexDefect: CustomTestStringConvertible, Sendable {
        var name: String
        var from: String
        var to: String
        var file: String
        var column: String?
        var fragment: String
        var testDescription: String { name }
    }

    static let defects: [FlexDefect] = [
        FlexDefect(name: "unknown location_id", from: ",,zone,1,08", to: ",,zonk,1,08", file: "stop_times.txt", column: "location_id", fragment: "unknown location_id 'zonk'"),
        FlexDefect(name: "unknown location_group_id", from: ",,zone,1,08", to: ",grq,,1,08", file: "stop_times.txt", column: "location_group_id", fragment: "unknown location_group_id 'grq'"),
        FlexDefect(name: "window ends before it starts", from: "08:00:00,18:00:00", to: "18:00:00,08:00:00", file: "stop_times.txt", column: "end_pickup_drop_off_window", fragment: "the window ends (08:00:00) before it starts (18:00:00)"),
        FlexDefect(name: "zone call without window", from: "08:00:00,18:00:00", to: ",18:00:00", file: "stop_times.txt", column: "start_pickup_drop_off_window", fragment: "required for a zone or group call but empty"),
        FlexDefect(name: "malformed window", from: "08:00:00,18:00:00", to: "8h,18:00:00", file: "stop_times.txt", column: "start_pickup_drop_off_window", fragment: "'8h' is not a valid time"),
        FlexDefect(name: "unknown booking rule", from: ",2,2,hour", to: ",2,2,day", file: "stop_times.txt", column: "pickup_booking_rule_id", fragment: "unknown booking_rule_id 'day'"),
        FlexDefect(name: "booking_type 1 without prior notice", from: "hour,1,60,,", to: "hour,1,,,", file: "booking_rules.txt", column: "prior_notice_duration_min", fragment: "required for booking_type 1"),
        FlexDefect(name: "booking_type 2 without last day", from: "hour,1,60,,", to: "hour,2,,,", file: "booking_rules.txt", column: "prior_notice_last_day", fragment: "required for booking_type 2"),
        FlexDefect(name: "booking_type out of range", from: "hour,1,60,,", to: "hour,7,60,,", file: "booking_rules.txt", column: "booking_type", fragment: "'7' is not a valid value"),
        FlexDefect(name: "unknown stop in a group", from: "grp,B", to: "grp,Q", file: "location_group_stops.txt", column: "stop_id", fragment: "unknown stop_id 'Q'"),
        FlexDefect(name: "geojson is not JSON", from: "{\"type\":\"FeatureCollection\"", to: "{\"type\" \"FeatureCollection\"", file: "locations.geojson", column: nil, fragment: "not valid JSON"),
        FlexDefect(name: "geojson geometry is a point", from: "\"type\":\"Polygon\"", to: "\"type\":\"Point\"", file: "locations.geojson", column: "features[0].geometry.type", fragment: "'Point' is not supported"),
        FlexDefect(name: "geojson ring too short", from: "[[[5.9,51.9],[6.1,51.9],[6.1,52.1],[5.9,52.1],[5.9,51.9]]]", to: "[[[5.9,51.9],[6.1,51.9]]]", file: "locations.geojson", column: "features[0].geometry.coordinates", fragment: "rings of at least 4"),
        FlexDefect(name: "zone id equals a stop id", from: "\"id\":\"zone\"", to: "\"id\":\"A\"", file: "locations.geojson", column: "features[0].id", fragment: "duplicate id 'A'"),
    ]

    /// locations.geojson written over several lines, as people write it: an error gives the
    /// line and the position in the line of the value at fault.
    @Test(arguments: [
        ("\"type\": \"Polygon\"", "\"type\": \"Point\"", "\"Point\"", "features[0].geometry.type", "locations.geojson:LINE:POSITION: error: features[0].geometry.type: 'Point' is not supported"),
        ("\"id\": \"zone\", ", "", "{\"type\": \"Feature\"", "features[0]", "locations.geojson:LINE:POSITION: error: features[0]: required value is missing"),
        ("\"features\": [", "\"features\" [", "[\n", nil, "locations.geojson:LINE:POSITION: error: not valid JSON: expected ':' after the field name, found '['"),
    ])
    func geojsonErrorsGiveLineAndPosition(_ from: String, _ to: String, _ at: String, _ field: String?, _ expected: String) throws {
        let geojson = """
            {"type": "FeatureCollection",
             "features": [
              {"id": "zone", "type": "Feature", "properties": {"stop_name": "Zone"},
               "geometry": {"type": "Polygon", "coordinates": [[[5.9,51.9],[6.1,51.9],[6.1,52.1],[5.9,52.1],[5.9,51.9]]]}}
             ]}
            """
        let broken = geojson.replacingOccurrences(of: from, with: to)
        #expect(broken != geojson)
        var files = InlineFeed.files(Self.base)
        files["locations.geojson"] = Array(broken.utf8)
        let (feed, diagnostics) = try Feed.inspect(.inMemory(files))
        #expect(feed == nil)
        let range = try #require(broken.range(of: at))
        let before = broken[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let position = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        let error = try #require(diagnostics.first { $0.file == "locations.geojson" && $0.severity == .error }, "\(diagnostics)")
        #expect(error.line == line && error.position == position && error.column == field)
        let description = expected.replacingOccurrences(of: "LINE", with: "\(line)").replacingOccurrences(of: "POSITION", with: "\(position)")
        #expect(error.description.hasPrefix(description), "\(error)")
    }

    @Test(arguments: defects)
    func malformedFlexDataIsAnErrorNamingTheField(_ defect: FlexDefect) throws {
        #expect(Self.base.contains(defect.from), "the defect must change the base feed")
        let text = Self.base.replacingOccurrences(of: defect.from, with: defect.to)
        let (feed, diagnostics) = try Feed.inspect(.inMemory(InlineFeed.files(text)))
        #expect(feed == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(
            errors.contains { $0.file == defect.file && $0.column == defect.column && $0.message.contains(defect.fragment) },
            "got: \(errors.map(\.description))")
    }
}
