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
import Transit

/// A Monday in November 2026, far from any clock change.
let monday = ServiceDate("2026-11-23")!

/// Seconds of a service-day time written `HH:MM` or `HH:MM:SS` (hours may pass 24).
func at(_ text: String) -> Int32 {
    guard let seconds = GTFSTime.parse(text.split(separator: ":").count == 2 ? text + ":00" : text) else {
        preconditionFailure("bad time \(text)")
    }
    return seconds
}

/// A timetable and a reusable router over it, with short query helpers for the module tests.
struct Planner {
    let tt: Timetable
    var raptor: Raptor

    init(_ feed: String, options: TimetableOptions = TimetableOptions()) throws {
        tt = try InlineFeed.timetable(feed, options: options)
        raptor = Raptor(timetable: tt)
    }

    init(timetable: Timetable) {
        tt = timetable
        raptor = Raptor(timetable: timetable)
    }

    /// Stop offsets for ids written `"A"` (0 s) or `"A+300"` (300 s to or from the place).
    func offsets(_ ids: [String]) -> [StopOffset] {
        ids.map { id in
            let parts = id.split(separator: "+")
            return StopOffset(stop: tt.stop(String(parts[0])), duration: parts.count > 1 ? Int32(parts[1])! : 0)
        }
    }

    mutating func route(
        _ from: [String], _ to: [String], date: ServiceDate = monday, _ time: JourneyRequest.TimeConstraint,
        window: Int32 = 0, maxTransfers: Int = 14, wheelchair: Bool = false
    ) -> RaptorResult {
        raptor.route(JourneyRequest(
            origins: offsets(from), destinations: offsets(to), date: date, time: time, window: window,
            maxTransfers: maxTransfers, wheelchairOnly: wheelchair))
    }

    /// Journeys leaving `from` at or after `time`, as one-line summaries.
    mutating func depart(
        _ from: String, _ to: String, at time: String, date: ServiceDate = monday, window: Int32 = 0,
        maxTransfers: Int = 14, wheelchair: Bool = false
    ) -> [String] {
        summaries(route([from], [to], date: date, .departAt(at(time)), window: window, maxTransfers: maxTransfers,
                        wheelchair: wheelchair))
    }

    /// Journeys reaching `to` at or before `time`, as one-line summaries.
    mutating func arrive(
        _ from: String, _ to: String, by time: String, date: ServiceDate = monday, window: Int32 = 0,
        maxTransfers: Int = 14, wheelchair: Bool = false
    ) -> [String] {
        summaries(route([from], [to], date: date, .arriveBy(at(time)), window: window, maxTransfers: maxTransfers,
                        wheelchair: wheelchair))
    }

    func summaries(_ result: RaptorResult) -> [String] { result.journeys.map { $0.summary(in: tt) } }

    /// The GTFS id of a stop index.
    func id(_ stop: StopIndex?) -> String? { stop.map { tt.feed.stops[$0.int].id } }

    /// The GTFS trip id of a transit leg.
    func tripID(_ leg: Leg) -> String? { leg.feedTrip.map { tt.feed.trips[Int($0)].id } }
}

extension Timetable {
    /// The timetable trips made from the GTFS trip `id` (several for frequency-based trips).
    func trips(of id: String) -> [Int] {
        guard let gtfs = feed.tripIndexByID[id] else { return [] }
        return feedTrip.indices.filter { feedTrip[$0] == UInt32(gtfs) }
    }

    /// The pattern of the (single) timetable trip made from GTFS trip `id`.
    func pattern(of id: String) -> Int {
        let trips = trips(of: id)
        precondition(trips.count == 1, "trip \(id) has \(trips.count) timetable trips")
        return Int(tripPattern[trips[0]])
    }

    /// The GTFS stop ids of pattern `p`.
    func stopIDs(ofPattern p: Int) -> [String] { patternStops[p].map { feed.stops[Int($0)].id } }

    /// The outgoing footpaths of a stop as `target id → seconds`.
    func walks(from id: String) -> [String: Int32] {
        var result: [String: Int32] = [:]
        for link in footpaths[stop(id).int] { result[feed.stops[Int(link.stop)].id] = link.duration }
        return result
    }

    /// The incoming footpaths of a stop as `source id → seconds`.
    func walks(to id: String) -> [String: Int32] {
        var result: [String: Int32] = [:]
        for link in incomingFootpaths[stop(id).int] { result[feed.stops[Int(link.stop)].id] = link.duration }
        return result
    }

    /// Whether the GTFS trip `id` runs on `date` according to the timetable's bitsets.
    func runs(_ id: String, on date: ServiceDate) -> Bool {
        let trip = trips(of: id)[0]
        return serviceDays.contains(set: Int(tripDays[trip]), day: serviceDays.dayIndex(of: date))
    }
}
