//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
import Mobility
import Transit

extension TripPlanner {
    /// Stops within `limit` metres' walk of a point, with walking times from the road model
    /// (walks are symmetric, so the same serves to and from the point).
    func walkingStops(near point: Coordinate, limit: Double, as profile: WalkProfile) -> [Feeder.WalkFeeder] {
        let feed = timetable.feed
        // No walk is shorter than the straight line: only those stops need a walk computed.
        let candidates = feed.stops.indices.filter {
            !timetable.patternsAtStop[$0].isEmpty && feed.stops[$0].coordinate.distance(to: point) <= limit
        }
        let walks = road.walks(from: point, to: candidates.map { feed.stops[$0].coordinate }, as: profile)
        var result: [Feeder.WalkFeeder] = []
        for (index, walk) in zip(candidates, walks) {
            if let walk, walk.metres <= limit {
                result.append(Feeder.WalkFeeder(stop: index, seconds: walk.seconds, metres: walk.metres))
            }
        }
        return result
    }

    /// Public-transport itineraries between the feeders (RAPTOR range search over the window),
    /// with on-demand feeders checked again at their real pickup times.
    mutating func transitItineraries(_ request: PlanRequest, access: [Feeder], egress: [Feeder]) -> [Itinerary] {
        guard !access.isEmpty, !egress.isEmpty else { return [] }
        var journeyRequest = JourneyRequest(
            origins: access.map { StopOffset(stop: StopIndex($0.stop), duration: $0.seconds) },
            destinations: egress.map { StopOffset(stop: StopIndex($0.stop), duration: $0.seconds) },
            date: request.date, time: request.time, window: request.window, maxTransfers: request.maxTransfers,
            wheelchairOnly: request.traveller.needsWheelchairPlace || request.accessibleOnly)
        journeyRequest.transferTimeFactor = request.transferTimeFactor
        // Changes on foot no longer than the traveller can walk.
        journeyRequest.maxWalkSeconds = Int32((request.traveller.maxWalkMetres / timetable.options.walkingSpeed).rounded(.down))
        var result = raptor.route(journeyRequest)
        if result.journeys.isEmpty {
            journeyRequest.window = 0
            result = raptor.route(journeyRequest)
        }
        var itineraries: [Itinerary] = []
        for journey in result.journeys {
            if let itinerary = itinerary(journey, request, access: access, egress: egress) { itineraries.append(itinerary) }
        }
        return itineraries
    }

    /// Turns a RAPTOR journey into an itinerary: the access and egress legs become walks or
    /// on-demand rides (re-checked at their actual pickup), the rest transit and walks.
    func itinerary(_ journey: Journey, _ request: PlanRequest, access: [Feeder], egress: [Feeder]) -> Itinerary? {
        let feed = timetable.feed
        var legs: [ItineraryLeg] = []
        let transit = journey.legs.filter { $0.mode == .transit }
        guard let firstRide = transit.first, let lastRide = transit.last else { return nil }
        func stopName(_ stop: StopIndex?) -> String {
            guard let stop else { return "" }
            let s = feed.stops[stop.int]
            return s.platformCode.isEmpty ? s.name : "\(s.name) (platform \(s.platformCode))"
        }
        func stopPoint(_ stop: StopIndex?) -> Coordinate { feed.stops[stop?.int ?? 0].coordinate }

        // First mile: the feeder at the first boarding stop (or reached by the first walk).
        let boardStop = journey.legs.first { $0.mode != .access }?.fromStop ?? firstRide.fromStop
        if let feeder = access.first(where: { $0.stop == boardStop?.int }), feeder.seconds > 0 {
            // Anchor at the start of whatever follows the ride to the stop (a walk to another
            // platform, or the train itself).
            let next = journey.legs.first { $0.mode != .access }?.departure ?? firstRide.departure
            guard let leg = feederLeg(feeder, request, toward: true, stopIndex: boardStop!, anchor: next) else { return nil }
            legs.append(leg)
        }
        for leg in journey.legs where leg.mode == .transit || leg.mode == .walk {
            if leg.mode == .walk {
                var walk = ItineraryLeg(
                    mode: .walk, fromName: stopName(leg.fromStop), toName: stopName(leg.toStop), from: stopPoint(leg.fromStop),
                    to: stopPoint(leg.toStop), departure: leg.departure, arrival: leg.arrival,
                    metres: road.walk(from: stopPoint(leg.fromStop), to: stopPoint(leg.toStop), as: .foot)?.metres
                        ?? stopPoint(leg.fromStop).distance(to: stopPoint(leg.toStop)) * timetable.options.detourFactor)
                walk.notes = []
                legs.append(walk)
                continue
            }
            let trip = feed.trips[Int(leg.feedTrip ?? 0)]
            let route = feed.routes[Int(trip.route)]
            var ride = ItineraryLeg(
                mode: .transit, fromName: stopName(leg.fromStop), toName: stopName(leg.toStop), from: stopPoint(leg.fromStop),
                to: stopPoint(leg.toStop), departure: leg.departure, arrival: leg.arrival,
                metres: stopPoint(leg.fromStop).distance(to: stopPoint(leg.toStop)))
            ride.route = route.displayName
            ride.headsign = trip.headsign
            ride.vehicle = route.modeName
            ride.fromStopId = feed.stops[leg.fromStop!.int].id
            ride.toStopId = feed.stops[leg.toStop!.int].id
            ride.tripId = trip.id
            ride.paidTo = feed.agencies[Int(route.agency)].name
            let isFirstRide = !legs.contains { $0.mode == .transit }
            let fares = TransitFare.personFares(one: TransitFare.price(metres: ride.metres, firstRide: isFirstRide), request: request)
            ride.price = fares.reduce(0) { $0 + $1.price }
            if fares.count > 1 { ride.fares = fares }
            legs.append(ride)
        }
        let alightStop = journey.legs.last { $0.mode != .egress }?.toStop ?? lastRide.toStop
        if let feeder = egress.first(where: { $0.stop == alightStop?.int }), feeder.seconds > 0 {
            guard let leg = feederLeg(feeder, request, toward: false, stopIndex: alightStop!, anchor: legs.last?.arrival ?? lastRide.arrival) else { return nil }
            legs.append(leg)
        }
        return Itinerary(legs: legs)
    }

    /// The leg of a feeder: a walk, or an on-demand ride re-checked at its real pickup time
    /// (`nil` when the ride is no longer possible then).
    /// `toward`: from the origin to the stop (first mile); else from the stop to the destination.
    func feederLeg(_ feeder: Feeder, _ request: PlanRequest, toward: Bool, stopIndex: StopIndex, anchor: Int32) -> ItineraryLeg? {
        let feed = timetable.feed
        let stop = feed.stops[stopIndex.int]
        let stopName = stop.platformCode.isEmpty ? stop.name : "\(stop.name) (platform \(stop.platformCode))"
        switch feeder {
        case .walk(let walk):
            let departure = toward ? anchor - walk.seconds : anchor
            var leg = ItineraryLeg(
                mode: .walk, fromName: toward ? request.originName : stopName, toName: toward ? stopName : request.destinationName,
                from: toward ? request.origin : stop.coordinate, to: toward ? stop.coordinate : request.destination,
                departure: departure, arrival: departure + walk.seconds, metres: walk.metres)
            leg.notes = []
            return leg
        case .ride(let ride):
            let service = services[ride.service]
            let window = Int32(service.rules.pickupWindowMinutes * 60)
            let drive = ride.quote.road.seconds
            // The agreed pickup time is the middle of the window. First mile: even the latest
            // pickup plus the longest ride makes the train. Last mile: the earliest pickup comes
            // after the train and a buffer.
            let worstRide = ride.quote.maximumRideTime ?? drive
            let pickup = toward
                ? Self.wholeMinuteDown(anchor - worstRide - window) : Self.wholeMinuteUp(anchor + Self.feederBuffer + window)
            let from = toward ? request.origin : stop.coordinate, to = toward ? stop.coordinate : request.destination
            guard case .success(let (quote, note)) = quote(service, request, from: from, to: to, pickup: pickup) else { return nil }
            return ItineraryLeg(
                onDemand: service, quote: quote, note: note, fromName: toward ? request.originName : stopName,
                toName: toward ? stopName : request.destinationName, from: from, to: to, departure: pickup, arrival: pickup + drive,
                metres: quote.road.metres)
        }
    }
}

/// Public-transport fares, approximated until the real tariffs are modelled: the Dutch
/// check-in base fare once per journey plus a distance rate (2026 regional bus and train
/// levels: €1.08 and €0.20 per km over 1.2 × the straight-line distance).
enum TransitFare {
    static let baseFare = 1.08
    static let perKm = 0.20
    static let trackFactor = 1.2

    static func price(metres: Double, firstRide: Bool) -> Double {
        let euros = (firstRide ? baseFare : 0) + metres * trackFactor / 1000 * perKm
        return (euros * 100).rounded() / 100
    }

    /// The fare of each person on the leg, the traveller first: a social companion pays the
    /// same fare; a medical companion and an escort (CROW AB-03) ride free, as the national
    /// OV-begeleiderskaart lets one companion of its holder travel free.
    static func personFares(one: Double, request: PlanRequest) -> [PersonFare] {
        let traveller = request.traveller
        let along = RideNeeds.companionsAlong(codes: traveller.needs, booked: traveller.companions)
        guard along > 0 else { return [PersonFare(passenger: "traveller", price: one)] }
        let allFree = traveller.needs.contains(.medicalEscort) || traveller.companionKind == "medical"
        let free = allFree ? along : min(along, request.medicalCompanions)
        var fares = [PersonFare(passenger: "traveller", price: one)]
        fares += Array(repeating: PersonFare(passenger: "companion (social)", price: one), count: along - free)
        let freeKind = traveller.needs.contains(.medicalEscort) ? "escort" : "medical"
        fares += Array(repeating: PersonFare(passenger: "companion (\(freeKind))", price: 0), count: free)
        return fares
    }
}
