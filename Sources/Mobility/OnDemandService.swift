//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

/// A demand-responsive service the planner can use, from GTFS-Flex (zones, windows, booking
/// rules) and the service-rules file (everything else).
public struct OnDemandService: Sendable {
    public let rules: ServiceRules.Service
    /// The service's flexible trips, as (from zone, to zone) offers.
    public let offers: [Offer]

    /// One flexible trip: ride from a place in `pickup` to a place in `dropOff` within the window,
    /// on the days of `service`.
    public struct Offer: Sendable, Hashable {
        public var trip: Int32
        /// Index into ``GTFS/Feed/services``.
        public var service: Int32
        public var pickup: FlexStopTime.Place
        public var dropOff: FlexStopTime.Place
        /// Service-day seconds.
        public var windowStart: Int32
        public var windowEnd: Int32
        /// Index into ``GTFS/Feed/bookingRules``.
        public var bookingRule: Int32?
    }

    /// Builds the service of route `rules.routeId` from the feed's flexible trips.
    ///
    /// - Throws: ``RulesError`` when the feed has no flexible trip for the route.
    public init(rules: ServiceRules.Service, feed: Feed) throws {
        self.rules = rules
        guard let route = feed.routeIndexByID[rules.routeId] else {
            throw RulesError(file: "service-rules.json", field: "routeId", message: "route '\(rules.routeId)' of service '\(rules.id)' is not in routes.txt")
        }
        var callsByTrip: [Int32: [FlexStopTime]] = [:]
        for call in feed.flexStopTimes where feed.trips[Int(call.trip)].route == route {
            callsByTrip[call.trip, default: []].append(call)
        }
        var offers: [Offer] = []
        for (trip, calls) in callsByTrip.sorted(by: { $0.key < $1.key }) {
            let ordered = calls.sorted { $0.sequence < $1.sequence }
            for (i, from) in ordered.enumerated() where from.allowsPickup {
                for to in ordered[i...] where to.allowsDropOff {
                    offers.append(Offer(
                        trip: trip, service: feed.trips[Int(trip)].service, pickup: from.place, dropOff: to.place,
                        windowStart: max(from.windowStart, to.windowStart), windowEnd: min(from.windowEnd, to.windowEnd),
                        bookingRule: from.pickupBookingRule ?? to.dropOffBookingRule))
                }
            }
        }
        guard !offers.isEmpty else {
            throw RulesError(file: "service-rules.json", field: "routeId", message: "route '\(rules.routeId)' of service '\(rules.id)' has no flexible trips in the feed")
        }
        self.offers = offers
    }

    /// Whether `point` lies in a place of a flexible call (a zone, or within `groupRadius`
    /// metres of a stop of a group, or of a stop).
    public static func place(_ place: FlexStopTime.Place, contains point: Coordinate, feed: Feed, groupRadius: Double = 300) -> Bool {
        switch place {
        case .location(let index):
            return feed.flexLocations[Int(index)].contains(point)
        case .group(let index):
            return feed.locationGroups[Int(index)].stops.contains { feed.stops[Int($0)].coordinate.distance(to: point) <= groupRadius }
        case .stop(let index):
            return feed.stops[Int(index)].coordinate.distance(to: point) <= groupRadius
        }
    }

    /// The offers that can take a ride from `origin` to `destination` (any day).
    ///
    /// A trip whose calls cover both places is used first. Otherwise the service's zones form
    /// one network (Regiotaxi Twente rides between municipalities, and feeds describe it with
    /// one trip per municipality): a trip picking up at the origin and one of the same days
    /// dropping off at the destination combine, over the overlap of their windows.
    public func offers(from origin: Coordinate, to destination: Coordinate, feed: Feed) -> [Offer] {
        let direct = offers.filter {
            OnDemandService.place($0.pickup, contains: origin, feed: feed) && OnDemandService.place($0.dropOff, contains: destination, feed: feed)
        }
        if !direct.isEmpty || rules.kind != .regiotaxi { return direct }
        let pickups = offers.filter { OnDemandService.place($0.pickup, contains: origin, feed: feed) }
        let dropOffs = offers.filter { OnDemandService.place($0.dropOff, contains: destination, feed: feed) }
        var combined: [Offer] = []
        for p in pickups {
            for d in dropOffs where d.service == p.service {
                let start = max(p.windowStart, d.windowStart), end = min(p.windowEnd, d.windowEnd)
                guard start < end else { continue }
                combined.append(Offer(
                    trip: p.trip, service: p.service, pickup: p.pickup, dropOff: d.dropOff, windowStart: start, windowEnd: end,
                    bookingRule: p.bookingRule ?? d.bookingRule))
            }
        }
        return combined
    }
}
