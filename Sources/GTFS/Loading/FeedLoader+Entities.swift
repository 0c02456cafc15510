//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

extension FeedLoader {
    mutating func loadAgencies(into feed: inout Feed) {
        guard let table = requiredTable("agency.txt") else { return }
        let id = table.column("agency_id")
        guard let name = requiredColumn(table, "agency_name"), let url = requiredColumn(table, "agency_url"),
            let timezone = requiredColumn(table, "agency_timezone")
        else { return }
        let lang = table.column("agency_lang"), phone = table.column("agency_phone")
        var seen: [String: Int] = [:]
        for row in 0 ..< table.rowCount {
            let agencyID = table.string(row: row, column: id)
            if let first = seen[agencyID] {
                error(table, row: row, column: "agency_id", "duplicate agency_id '\(agencyID)' (first on line \(first))")
                continue
            }
            seen[agencyID] = Int(table.rowLine[row])
            let zone = table.string(row: row, column: timezone)
            if zone.isEmpty {
                error(table, row: row, column: "agency_timezone", "required value is empty")
            } else if TimeZone(identifier: zone) == nil {
                error(table, row: row, column: "agency_timezone", "'\(zone)' is not a known IANA time zone")
            }
            feed.agencies.append(
                Agency(
                    id: agencyID, name: table.string(row: row, column: name), url: table.string(row: row, column: url),
                    timezone: zone, lang: table.string(row: row, column: lang),
                    phone: table.string(row: row, column: phone)))
        }
        if table.rowCount == 0 {
            error(file: table.file, line: nil, column: nil, "the feed names no agency")
        }
        let zones = Set(feed.agencies.map(\.timezone).filter { !$0.isEmpty })
        if zones.count > 1 {
            error(
                file: table.file, line: nil, column: "agency_timezone",
                "agencies use different time zones (\(zones.sorted().joined(separator: ", "))); GTFS requires one")
        }
        if feed.agencies.count > 1, let row = feed.agencies.firstIndex(where: { $0.id.isEmpty }) {
            error(table, row: row, column: "agency_id", "agency_id is required when the feed has several agencies")
        }
    }

    mutating func loadStops(into feed: inout Feed) {
        guard let table = requiredTable("stops.txt"), let id = requiredColumn(table, "stop_id") else { return }
        let name = table.column("stop_name"), lat = table.column("stop_lat"), lon = table.column("stop_lon")
        let code = table.column("stop_code"), type = table.column("location_type")
        let parent = table.column("parent_station"), platform = table.column("platform_code")
        let wheelchair = table.column("wheelchair_boarding")
        var parents: [(row: Int, parentID: String)] = []
        feed.stops.reserveCapacity(table.rowCount)
        for row in 0 ..< table.rowCount {
            let firstLine = { feed.stopIndexByID[$0].map { feed.stops[Int($0)].line } }
            guard let stopID = uniqueID(table, row: row, column: id, name: "stop_id", firstLine: firstLine) else { continue }
            let locationType = Stop.LocationType(
                rawValue: enumValue(table, row: row, column: type, name: "location_type", allowed: 0 ... 4) ?? 0)
                ?? .stopOrPlatform
            let needsPosition = locationType.rawValue <= 2
            let latitude = decimal(table, row: row, column: lat, name: "stop_lat")
            let longitude = decimal(table, row: row, column: lon, name: "stop_lon")
            if needsPosition {
                if lat == nil || lon == nil {
                    // reported once per file below
                } else if latitude == nil || longitude == nil {
                    if table.isEmpty(row: row, column: lat) || table.isEmpty(row: row, column: lon) {
                        error(table, row: row, column: latitude == nil ? "stop_lat" : "stop_lon", "required for location_type \(locationType.rawValue) but empty")
                    }
                }
            }
            if let latitude, !(-90.0 ... 90.0).contains(latitude) {
                error(table, row: row, column: "stop_lat", "\(latitude) is outside −90…90")
            }
            if let longitude, !(-180.0 ... 180.0).contains(longitude) {
                error(table, row: row, column: "stop_lon", "\(longitude) is outside −180…180")
            }
            let stopName = table.string(row: row, column: name)
            if stopName.isEmpty && needsPosition {
                warning(table, row: row, column: "stop_name", "empty stop_name for '\(stopID)'; the id is shown instead")
            }
            let access = enumValue(table, row: row, column: wheelchair, name: "wheelchair_boarding", allowed: 0 ... 2) ?? 0
            let parentID = table.string(row: row, column: parent)
            if !parentID.isEmpty { parents.append((row, parentID)) }
            feed.stopIndexByID[stopID] = Int32(feed.stops.count)
            feed.stops.append(
                Stop(
                    id: stopID, code: table.string(row: row, column: code), name: stopName.isEmpty ? stopID : stopName,
                    latitude: latitude ?? 0, longitude: longitude ?? 0, locationType: locationType, parent: nil,
                    platformCode: table.string(row: row, column: platform),
                    wheelchairBoarding: Stop.Accessibility(rawValue: access) ?? .unknown, line: table.rowLine[row]))
        }
        if table.header.count > 0 && (lat == nil || lon == nil) {
            error(file: table.file, line: 1, column: lat == nil ? "stop_lat" : "stop_lon", "required column is missing from the header")
        }
        for (row, parentID) in parents {
            guard let child = feed.stopIndexByID[table.string(row: row, column: id)] else { continue }
            guard let parentIndex = feed.stopIndexByID[parentID] else {
                // Add-on feeds (bbnavi's Flex feed) name stations of the main feed they extend.
                warning(table, row: row, column: "parent_station", "unknown parent_station '\(parentID)'; the stop is read without it")
                continue
            }
            let childType = feed.stops[Int(child)].locationType
            let parentType = feed.stops[Int(parentIndex)].locationType
            if childType == .station {
                warning(table, row: row, column: "parent_station", "a station cannot have a parent station; '\(parentID)' is ignored")
                continue
            }
            if childType != .boardingArea && parentType != .station {
                error(table, row: row, column: "parent_station", "parent_station '\(parentID)' is not a station (location_type 1)")
                continue
            }
            if childType == .boardingArea && parentType != .stopOrPlatform {
                error(table, row: row, column: "parent_station", "parent_station '\(parentID)' of a boarding area is not a platform (location_type 0)")
                continue
            }
            feed.stops[Int(child)].parent = parentIndex
        }
        // A platform without its own accessibility inherits the station's (GTFS rule).
        for index in feed.stops.indices where feed.stops[index].wheelchairBoarding == .unknown {
            if let parent = feed.stops[index].parent {
                feed.stops[index].wheelchairBoarding = feed.stops[Int(parent)].wheelchairBoarding
            }
        }
    }

    mutating func loadRoutes(into feed: inout Feed) {
        guard let table = requiredTable("routes.txt"), let id = requiredColumn(table, "route_id"),
            let type = requiredColumn(table, "route_type")
        else { return }
        let agency = table.column("agency_id"), short = table.column("route_short_name")
        let long = table.column("route_long_name"), color = table.column("route_color")
        let textColor = table.column("route_text_color")
        var agencyIndex: [String: Int32] = [:]
        for (index, value) in feed.agencies.enumerated() { agencyIndex[value.id] = Int32(index) }
        for row in 0 ..< table.rowCount {
            guard let routeID = requiredText(table, row: row, column: id, name: "route_id") else { continue }
            if feed.routeIndexByID[routeID] != nil {
                error(table, row: row, column: "route_id", "duplicate route_id '\(routeID)'")
                continue
            }
            let agencyID = table.string(row: row, column: agency)
            var owner: Int32 = 0
            if agencyID.isEmpty {
                if feed.agencies.count > 1 {
                    error(table, row: row, column: "agency_id", "required when the feed has several agencies")
                }
            } else if let found = agencyIndex[agencyID] {
                owner = found
            } else if feed.agencies.count == 1 && feed.agencies[0].id.isEmpty {
                owner = 0
            } else {
                error(table, row: row, column: "agency_id", "unknown agency_id '\(agencyID)'")
            }
            let typeText = table.string(row: row, column: type)
            if typeText.isEmpty {
                error(table, row: row, column: "route_type", "required value is empty")
                continue
            }
            guard let routeType = Int(typeText), (0 ... 12).contains(routeType) || (100 ..< 1800).contains(routeType) else {
                error(table, row: row, column: "route_type", "'\(typeText)' is not a valid route_type")
                continue
            }
            let shortName = table.string(row: row, column: short), longName = table.string(row: row, column: long)
            if shortName.isEmpty && longName.isEmpty {
                warning(table, row: row, column: "route_short_name", "route '\(routeID)' has neither a short nor a long name")
            }
            feed.routeIndexByID[routeID] = Int32(feed.routes.count)
            feed.routes.append(
                Route(
                    id: routeID, agency: owner, shortName: shortName, longName: longName, type: routeType,
                    color: table.string(row: row, column: color), textColor: table.string(row: row, column: textColor)))
        }
    }

    mutating func loadServices(into feed: inout Feed) {
        let calendar = table("calendar.txt")
        let dates = table("calendar_dates.txt")
        if calendar == nil && dates == nil {
            error(file: "calendar.txt", line: nil, column: nil, "the feed needs calendar.txt or calendar_dates.txt; both are missing")
            return
        }
        if let table = calendar, let id = requiredColumn(table, "service_id") {
            let dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            let dayColumns = dayNames.map { requiredColumn(table, $0) }
            let start = requiredColumn(table, "start_date"), end = requiredColumn(table, "end_date")
            for row in 0 ..< table.rowCount {
                guard let serviceID = requiredText(table, row: row, column: id, name: "service_id") else { continue }
                if feed.serviceIndexByID[serviceID] != nil {
                    error(table, row: row, column: "service_id", "duplicate service_id '\(serviceID)'")
                    continue
                }
                var service = Service(id: serviceID)
                for (day, column) in dayColumns.enumerated() {
                    let value = enumValue(table, row: row, column: column, name: dayNames[day], allowed: 0 ... 1)
                    if value == nil && column != nil && table.isEmpty(row: row, column: column) {
                        error(table, row: row, column: dayNames[day], "required value is empty (expected 0 or 1)")
                    }
                    service.weekdays[day] = value == 1
                }
                service.startDate = date(table, row: row, column: start, name: "start_date", required: true)
                service.endDate = date(table, row: row, column: end, name: "end_date", required: true)
                if let s = service.startDate, let e = service.endDate, e < s {
                    error(table, row: row, column: "end_date", "end_date \(e.gtfsString) is before start_date \(s.gtfsString)")
                }
                feed.serviceIndexByID[serviceID] = Int32(feed.services.count)
                feed.services.append(service)
            }
        }
        if let table = dates, let id = requiredColumn(table, "service_id"), let dateColumn = requiredColumn(table, "date"),
            let type = requiredColumn(table, "exception_type")
        {
            for row in 0 ..< table.rowCount {
                guard let serviceID = requiredText(table, row: row, column: id, name: "service_id") else { continue }
                guard let day = date(table, row: row, column: dateColumn, name: "date", required: true) else { continue }
                let kind = enumValue(table, row: row, column: type, name: "exception_type", allowed: 1 ... 2)
                guard let kind else {
                    if table.isEmpty(row: row, column: type) {
                        error(table, row: row, column: "exception_type", "required value is empty (expected 1 or 2)")
                    }
                    continue
                }
                let index: Int32
                if let existing = feed.serviceIndexByID[serviceID] {
                    index = existing
                } else {
                    index = Int32(feed.services.count)
                    feed.serviceIndexByID[serviceID] = index
                    feed.services.append(Service(id: serviceID))
                }
                if feed.services[Int(index)].added.contains(day) || feed.services[Int(index)].removed.contains(day) {
                    warning(table, row: row, column: "date", "service '\(serviceID)' has \(day.gtfsString) twice; the last row wins")
                    feed.services[Int(index)].added.remove(day)
                    feed.services[Int(index)].removed.remove(day)
                }
                if kind == 1 { feed.services[Int(index)].added.insert(day) } else { feed.services[Int(index)].removed.insert(day) }
            }
        }
    }

    mutating func loadTrips(into feed: inout Feed) {
        guard let table = requiredTable("trips.txt"), let route = requiredColumn(table, "route_id"),
            let service = requiredColumn(table, "service_id"), let id = requiredColumn(table, "trip_id")
        else { return }
        let headsign = table.column("trip_headsign"), short = table.column("trip_short_name")
        let direction = table.column("direction_id"), block = table.column("block_id")
        let wheelchair = table.column("wheelchair_accessible")
        feed.trips.reserveCapacity(table.rowCount)
        for row in 0 ..< table.rowCount {
            let firstLine = { feed.tripIndexByID[$0].map { feed.trips[Int($0)].line } }
            guard let tripID = uniqueID(table, row: row, column: id, name: "trip_id", firstLine: firstLine) else { continue }
            guard let routeID = requiredText(table, row: row, column: route, name: "route_id") else { continue }
            guard let routeIndex = feed.routeIndexByID[routeID] else {
                error(table, row: row, column: "route_id", "unknown route_id '\(routeID)'")
                continue
            }
            guard let serviceID = requiredText(table, row: row, column: service, name: "service_id") else { continue }
            var serviceIndex = feed.serviceIndexByID[serviceID]
            if serviceIndex == nil {
                warning(table, row: row, column: "service_id", "service_id '\(serviceID)' is in neither calendar file; trip '\(tripID)' never runs")
                serviceIndex = Int32(feed.services.count)
                feed.serviceIndexByID[serviceID] = serviceIndex
                feed.services.append(Service(id: serviceID))
            }
            let directionValue = enumValue(table, row: row, column: direction, name: "direction_id", allowed: 0 ... 1)
            let access = enumValue(table, row: row, column: wheelchair, name: "wheelchair_accessible", allowed: 0 ... 2) ?? 0
            feed.tripIndexByID[tripID] = Int32(feed.trips.count)
            feed.trips.append(
                Trip(
                    id: tripID, route: routeIndex, service: serviceIndex!, headsign: table.string(row: row, column: headsign),
                    shortName: table.string(row: row, column: short), directionID: directionValue.map(Int8.init),
                    blockID: table.string(row: row, column: block),
                    wheelchairAccessible: Trip.Accessibility(rawValue: access) ?? .unknown, line: table.rowLine[row]))
        }
    }

    mutating func loadFeedInfo(into feed: inout Feed) {
        guard let table = table("feed_info.txt"), table.rowCount > 0 else { return }
        let start = table.column("feed_start_date"), end = table.column("feed_end_date")
        feed.feedInfo = FeedInfo(
            publisherName: table.string(row: 0, column: table.column("feed_publisher_name")),
            publisherURL: table.string(row: 0, column: table.column("feed_publisher_url")),
            lang: table.string(row: 0, column: table.column("feed_lang")),
            startDate: date(table, row: 0, column: start, name: "feed_start_date", required: false),
            endDate: date(table, row: 0, column: end, name: "feed_end_date", required: false),
            version: table.string(row: 0, column: table.column("feed_version")))
        if let s = feed.feedInfo?.startDate, let e = feed.feedInfo?.endDate, e < s {
            error(table, row: 0, column: "feed_end_date", "feed_end_date is before feed_start_date")
        }
    }
}
