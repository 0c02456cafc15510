//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
public import GTFS
public import Transit

extension PlanDocument {
    /// Public-transport journeys between two places asked for by name (what `goan plan` prints
    /// without a traveller): without prices. `noConnection` says why when there is no journey.
    public init(
        journeys: [Journey], request: JourneyRequest, from origin: StopFinder.Match, to destination: StopFinder.Match, date: ServiceDate,
        timetable: Timetable, noConnection: String, roads: String
    ) {
        let feed = timetable.feed
        let zone = feed.timezone
        func iso(_ t: Int32) -> String { ServiceDayClock.wallClock(t, on: date, timezone: zone).iso }
        let from = Place(origin, in: feed), to = Place(destination, in: feed)
        var departure: String?, arrival: String?
        switch request.time {
        case .departAt(let t): departure = iso(t)
        case .arriveBy(let t): arrival = iso(t)
        }
        self.init(
            from: from, to: to, date: date.description, timezone: zone,
            query: Query(
                departureTime: departure, arrivalTime: arrival, windowMinutes: Int(request.window / 60), maxTransfers: request.maxTransfers,
                wheelchair: request.wheelchairOnly),
            options: journeys.map { journey in
                Option(
                    departureTime: iso(journey.departure), arrivalTime: iso(journey.arrival), durationMinutes: Self.minutes(journey.duration),
                    transfers: journey.transfers,
                    legs: journey.legs.enumerated().map { index, leg in
                        // A walk without a stop at an end starts at the place asked for, or ends there.
                        var item = Leg(
                            mode: leg.mode.rawValue, from: leg.fromStop.map { Place($0, in: feed) } ?? (index == 0 ? from : to),
                            to: leg.toStop.map { Place($0, in: feed) } ?? (index == journey.legs.count - 1 ? to : from),
                            departureTime: iso(leg.departure), arrivalTime: iso(leg.arrival), durationMinutes: Self.minutes(leg.duration))
                        if leg.mode == .transit, let t = leg.feedTrip {
                            let trip = feed.trips[Int(t)]
                            let route = feed.routes[Int(trip.route)]
                            item.routeId = route.id
                            item.route = route.shortName
                            item.routeLongName = route.longName
                            item.vehicle = route.modeName
                            item.agency = feed.agencies[Int(route.agency)].name
                            item.tripId = trip.id
                            item.headsign = trip.headsign
                            item.serviceDate = date.adding(days: leg.serviceDayOffset).description
                        }
                        return item
                    })
            },
            notOffered: journeys.isEmpty ? [NotOffered(mode: TravelMode.transit.rawValue, code: "NO_TRANSIT_CONNECTION", reason: noConnection)] : [],
            roads: roads)
    }
}

extension PlanDocument.Place {
    /// A stop of the feed.
    init(_ stop: StopIndex, in feed: Feed) {
        let s = feed.stops[stop.int]
        self.init(name: s.name, lat: s.latitude, lon: s.longitude, stopId: s.id, platform: s.platformCode.isEmpty ? nil : s.platformCode)
    }

    /// What was asked for as a place: the query's words, its position (given, else its first
    /// stop's) and the stops it matched.
    init(_ match: StopFinder.Match, in feed: Feed) {
        let first = match.stops.first.map { feed.stops[$0.stop.int] }
        self.init(
            name: match.label, lat: match.coordinate?.latitude ?? first?.latitude ?? 0, lon: match.coordinate?.longitude ?? first?.longitude ?? 0,
            stopIds: match.stops.map { feed.stops[$0.stop.int].id })
    }
}
