//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// GTFS-Flex: booking_rules.txt, location_groups.txt (+ location_group_stops.txt) and
/// locations.geojson. Both the adopted schema and the older draft (bbnavi's feeds: members
/// listed in location_groups.txt as `location_id`, windows named `*_pickup_dropoff_window`)
/// are read.
extension FeedLoader {
    mutating func loadBookingRules(into feed: inout Feed) {
        guard let table = table("booking_rules.txt"), let id = requiredColumn(table, "booking_rule_id"),
            let type = requiredColumn(table, "booking_type")
        else { return }
        let minimum = table.column("prior_notice_duration_min"), maximum = table.column("prior_notice_duration_max")
        let lastDay = table.column("prior_notice_last_day"), lastTime = table.column("prior_notice_last_time")
        let startDay = table.column("prior_notice_start_day"), startTime = table.column("prior_notice_start_time")
        let service = table.column("prior_notice_service_id")
        for row in 0 ..< table.rowCount {
            guard let ruleID = requiredText(table, row: row, column: id, name: "booking_rule_id") else { continue }
            if feed.bookingRuleIndexByID[ruleID] != nil {
                error(table, row: row, column: "booking_rule_id", "duplicate booking_rule_id '\(ruleID)'")
                continue
            }
            guard let kindValue = enumValue(table, row: row, column: type, name: "booking_type", allowed: 0 ... 2) else {
                if table.isEmpty(row: row, column: type) {
                    error(table, row: row, column: "booking_type", "required value is empty")
                }
                continue
            }
            let kind = BookingRule.Kind(rawValue: kindValue)!
            var rule = BookingRule(
                id: ruleID, kind: kind,
                priorNoticeMinimum: integer(table, row: row, column: minimum, name: "prior_notice_duration_min"),
                priorNoticeMaximum: integer(table, row: row, column: maximum, name: "prior_notice_duration_max"),
                priorNoticeLastDay: integer(table, row: row, column: lastDay, name: "prior_notice_last_day"),
                priorNoticeLastTime: nil,
                priorNoticeStartDay: integer(table, row: row, column: startDay, name: "prior_notice_start_day"),
                priorNoticeStartTime: nil, priorNoticeService: nil,
                message: table.string(row: row, column: table.column("message")),
                phoneNumber: table.string(row: row, column: table.column("phone_number")),
                infoURL: table.string(row: row, column: table.column("info_url")),
                bookingURL: table.string(row: row, column: table.column("booking_url")))
            if case .some(.some(let seconds)) = time(table, row: row, column: lastTime, name: "prior_notice_last_time") {
                rule.priorNoticeLastTime = seconds
            }
            if case .some(.some(let seconds)) = time(table, row: row, column: startTime, name: "prior_notice_start_time") {
                rule.priorNoticeStartTime = seconds
            }
            let serviceID = table.string(row: row, column: service)
            if !serviceID.isEmpty {
                if let index = feed.serviceIndexByID[serviceID] {
                    rule.priorNoticeService = index
                } else {
                    error(table, row: row, column: "prior_notice_service_id", "unknown service_id '\(serviceID)'")
                }
            }
            if kind == .sameDay && rule.priorNoticeMinimum == nil {
                error(table, row: row, column: "prior_notice_duration_min", "required for booking_type 1 but empty")
            }
            if kind == .priorDays && rule.priorNoticeLastDay == nil {
                error(table, row: row, column: "prior_notice_last_day", "required for booking_type 2 but empty")
            }
            if let value = rule.priorNoticeMinimum, value < 0 {
                error(table, row: row, column: "prior_notice_duration_min", "\(value) must not be negative")
            }
            feed.bookingRuleIndexByID[ruleID] = Int32(feed.bookingRules.count)
            feed.bookingRules.append(rule)
        }
    }

    mutating func loadLocationGroups(into feed: inout Feed) {
        guard let table = table("location_groups.txt"), let id = requiredColumn(table, "location_group_id") else { return }
        let name = table.column("location_group_name")
        // The older draft lists the members in this file (`location_id`).
        let member = table.column("location_id")
        for row in 0 ..< table.rowCount {
            guard let groupID = requiredText(table, row: row, column: id, name: "location_group_id") else { continue }
            var index = feed.locationGroupIndexByID[groupID]
            if index == nil {
                if feed.stopIndexByID[groupID] != nil {
                    error(table, row: row, column: "location_group_id", "'\(groupID)' is also a stop_id; ids must be unique across stops, locations and groups")
                    continue
                }
                index = Int32(feed.locationGroups.count)
                feed.locationGroupIndexByID[groupID] = index
                feed.locationGroups.append(LocationGroup(id: groupID, name: "", stops: []))
            } else if member == nil {
                error(table, row: row, column: "location_group_id", "duplicate location_group_id '\(groupID)'")
                continue
            }
            let groupName = table.string(row: row, column: name)
            if !groupName.isEmpty { feed.locationGroups[Int(index!)].name = groupName }
            if member != nil {
                addMember(table, row: row, column: member, name: "location_id", group: Int(index!), feed: &feed)
            }
        }
        if let members = self.table("location_group_stops.txt"), let group = requiredColumn(members, "location_group_id"),
            let stop = requiredColumn(members, "stop_id")
        {
            for row in 0 ..< members.rowCount {
                let groupID = members.string(row: row, column: group)
                guard let index = feed.locationGroupIndexByID[groupID] else {
                    error(members, row: row, column: "location_group_id", "unknown location_group_id '\(groupID)'")
                    continue
                }
                addMember(members, row: row, column: stop, name: "stop_id", group: Int(index), feed: &feed)
            }
        }
        for index in feed.locationGroups.indices where feed.locationGroups[index].name.isEmpty {
            feed.locationGroups[index].name = feed.locationGroups[index].id
        }
    }

    private mutating func addMember(_ table: CSVTable, row: Int, column: Int?, name: String, group: Int, feed: inout Feed) {
        let stopID = table.string(row: row, column: column)
        guard !stopID.isEmpty else {
            error(table, row: row, column: name, "required value is empty")
            return
        }
        guard let stop = feed.stopIndexByID[stopID] else {
            error(table, row: row, column: name, "unknown stop_id '\(stopID)'")
            return
        }
        feed.locationGroups[group].stops.append(stop)
    }

    /// Reads locations.geojson: a FeatureCollection of Polygon and MultiPolygon features.
    mutating func loadLocations(into feed: inout Feed) {
        let file = "locations.geojson"
        guard files.contains(file), let bytes = files.read(file) else { return }
        // The strict reader only locates: GeoJSON may carry any extra member, so the values
        // are read from the plain tree.
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: bytes)
        } catch let problem as JSONProblem {
            error(file: file, line: problem.location?.line, column: nil, problem.expected, position: problem.location?.column)
            return
        } catch {
            self.error(file: file, line: nil, column: nil, "not valid JSON (\(error))")
            return
        }
        func problem(_ field: String, _ message: String) {
            let location = document.location(of: field)
            error(file: file, line: location?.line, column: field.isEmpty ? nil : field, message, position: location?.column)
        }
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            problem("", "expected a GeoJSON FeatureCollection (a JSON object)")
            return
        }
        guard json["type"] as? String == "FeatureCollection", let features = json["features"] as? [Any] else {
            problem("type", "expected a GeoJSON FeatureCollection with \"features\"")
            return
        }
        for (number, item) in features.enumerated() {
            let where_ = "features[\(number)]"
            guard let feature = item as? [String: Any] else {
                problem(where_, "not a JSON object")
                continue
            }
            guard let id = (feature["id"] as? String) ?? (feature["id"] as? NSNumber)?.stringValue, !id.isEmpty else {
                problem(feature["id"] == nil ? where_ : "\(where_).id", "required value is missing (a location_id)")
                continue
            }
            if feed.flexLocationIndexByID[id] != nil || feed.stopIndexByID[id] != nil || feed.locationGroupIndexByID[id] != nil {
                problem("\(where_).id", "duplicate id '\(id)' (ids must be unique across stops, locations and groups)")
                continue
            }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let name = (properties["stop_name"] as? String) ?? id
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
                let coordinates = geometry["coordinates"] as? [Any]
            else {
                problem(feature["geometry"] == nil ? where_ : "\(where_).geometry", "missing or malformed geometry (expected type and coordinates)")
                continue
            }
            let polygonList: [Any]
            switch type {
            case "Polygon": polygonList = [coordinates]
            case "MultiPolygon": polygonList = coordinates
            default:
                problem("\(where_).geometry.type", "'\(type)' is not supported (expected Polygon or MultiPolygon)")
                continue
            }
            var polygons: [[[Coordinate]]] = []
            var valid = true
            for polygon in polygonList {
                guard let rings = polygon as? [Any] else { valid = false; break }
                var parsed: [[Coordinate]] = []
                for ring in rings {
                    guard let points = ring as? [Any], points.count >= 4 else { valid = false; break }
                    var coordinates: [Coordinate] = []
                    for point in points {
                        guard let pair = point as? [Any], pair.count >= 2, let lon = (pair[0] as? NSNumber)?.doubleValue,
                            let lat = (pair[1] as? NSNumber)?.doubleValue, (-90 ... 90).contains(lat), (-180 ... 180).contains(lon)
                        else { valid = false; break }
                        coordinates.append(Coordinate(latitude: lat, longitude: lon))
                    }
                    parsed.append(coordinates)
                }
                polygons.append(parsed)
            }
            guard valid, !polygons.isEmpty else {
                problem("\(where_).geometry.coordinates", "expected rings of at least 4 [longitude, latitude] positions")
                continue
            }
            feed.flexLocationIndexByID[id] = Int32(feed.flexLocations.count)
            feed.flexLocations.append(FlexLocation(id: id, name: name, polygons: polygons))
        }
    }
}
