//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import Transit

/// Checks a journey RAPTOR returned against the model of a ``RandomFeed``: every ride is a real
/// run on its service day with the right times and rules, every change respects the transfer
/// rules, and the legs chain from the origin to the destination.
struct JourneyCheck {
    let model: RandomFeed
    let timetable: Timetable
    let date: ServiceDate
    let wheelchair: Bool

    /// Problems found, empty when the journey is valid.
    /// - Parameter time: the query's departure (`forward`) or arrival deadline.
    func problems(_ journey: Journey, from origin: Int, to target: Int, forward: Bool, time: Int32) -> [String] {
        var found: [String] = []
        let legs = journey.legs
        let rides = legs.filter { $0.mode == .transit }
        guard !rides.isEmpty else { return ["no ride"] }
        if journey.transfers != rides.count - 1 { found.append("transfers \(journey.transfers) for \(rides.count) rides") }
        if legs.contains(where: { $0.mode == .access || $0.mode == .egress }) { found.append("access/egress leg of 0 s kept") }
        if legs.first?.fromStop?.int != origin { found.append("starts at \(String(describing: legs.first?.fromStop))") }
        if legs.last?.toStop?.int != target { found.append("ends at \(String(describing: legs.last?.toStop))") }
        if journey.departure != legs.first?.departure || journey.arrival != legs.last?.arrival {
            found.append("journey times differ from its legs")
        }
        if forward ? journey.departure < time : journey.arrival > time { found.append("leaves too early or arrives too late") }
        for leg in rides { found += rideProblems(leg) }
        for (a, b) in zip(legs, legs.dropFirst()) {
            guard let stopA = a.toStop?.int, let stopB = b.fromStop?.int else {
                found.append("leg without stops")
                continue
            }
            if b.departure < a.arrival { found.append("leg leaves before the previous one ends") }
            switch (a.mode, b.mode) {
            case (.transit, .transit):
                if stopA != stopB { found.append("rides do not meet") }
                if model.forbidden[stopA] { found.append("change at S\(stopA) where it is forbidden") }
                if b.departure < a.arrival + model.minTransfer[stopA] { found.append("change at S\(stopA) too tight") }
            case (.walk, .walk):
                found.append("two walks in a row")
            default:
                if stopA != stopB { found.append("legs do not meet at S\(stopA)/S\(stopB)") }
            }
        }
        for leg in legs where leg.mode == .walk {
            guard let a = leg.fromStop?.int, let b = leg.toStop?.int, let seconds = model.walk(from: a, to: b) else {
                found.append("walk without a footpath")
                continue
            }
            if leg.duration != seconds { found.append("walk S\(a)→S\(b) takes \(leg.duration) s, not \(seconds)") }
        }
        return found
    }

    private func rideProblems(_ leg: Leg) -> [String] {
        guard let trip = leg.trip, let gtfs = leg.feedTrip, let from = leg.fromStop?.int, let to = leg.toStop?.int else {
            return ["ride without trip or stops"]
        }
        let id = timetable.feed.trips[Int(gtfs)].id
        let shift = timetable.tripShift[trip.int]
        guard let run = model.trips.first(where: { $0.id == id && $0.shift == shift }) else {
            return ["ride on unknown run \(id)+\(shift)"]
        }
        var found: [String] = []
        let day = date.adding(days: leg.serviceDayOffset)
        if !(-1 ... 1).contains(leg.serviceDayOffset) { found.append("service day offset \(leg.serviceDayOffset)") }
        if !model.activeDays[run.service]!.contains(day) { found.append("\(id) does not run on \(day)") }
        let b = leg.boardPosition, a = leg.alightPosition
        guard b < a, a < run.stops.count else { return found + ["\(id): positions \(b)→\(a)"] }
        if run.stops[b] != from || run.stops[a] != to { found.append("\(id): stops do not match positions") }
        let offset = Int32(leg.serviceDayOffset * 86_400)
        if leg.departure != run.departures[b] + offset { found.append("\(id): departure \(leg.departure)") }
        if leg.arrival != run.arrivals[a] + offset { found.append("\(id): arrival \(leg.arrival)") }
        if !run.pickup[b] { found.append("\(id): boards where pickup is not allowed") }
        if !run.dropOff[a] { found.append("\(id): alights where drop-off is not allowed") }
        if wheelchair && !(run.accessible && model.stopAccessible[from] && model.stopAccessible[to]) {
            found.append("\(id): not wheelchair accessible")
        }
        return found
    }
}
