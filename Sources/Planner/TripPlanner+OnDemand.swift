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

/// A way to get between the traveller's place and a stop: on foot, or by an on-demand ride.
enum Feeder {
    case walk(WalkFeeder)
    case ride(RideFeeder)

    struct WalkFeeder {
        var stop: Int
        var seconds: Int32
        var metres: Double
    }

    struct RideFeeder {
        var stop: Int
        var service: Int
        /// Seconds from the earliest pickup to being at the stop (first mile), or from the
        /// arrival at the stop to being at the destination (last mile), in the worst case the
        /// service promises: transfer buffer, the whole pickup window and the maximum ride time.
        var seconds: Int32
        var quote: RideQuote
    }

    var stop: Int {
        switch self {
        case .walk(let w): w.stop
        case .ride(let r): r.stop
        }
    }

    var seconds: Int32 {
        switch self {
        case .walk(let w): w.seconds
        case .ride(let r): r.seconds
        }
    }
}

extension TripPlanner {
    /// Minutes between a train's arrival and the pickup of a last-mile ride.
    static let feederBuffer: Int32 = 5 * 60

    /// Pickup times are agreed in whole minutes: rounded to the earlier minute when they must
    /// not be late, to the later one when they must not be early.
    static func wholeMinuteDown(_ seconds: Int32) -> Int32 { Int32((Double(seconds) / 60).rounded(.down)) * 60 }
    static func wholeMinuteUp(_ seconds: Int32) -> Int32 { Int32((Double(seconds) / 60).rounded(.up)) * 60 }

    /// A door-to-door ride by one on-demand service.
    func direct(_ service: OnDemandService, _ request: PlanRequest) -> Result<Itinerary, Reason> {
        let feed = timetable.feed
        let drive = road.drive(from: request.origin, to: request.destination)
        let window = Int32(service.rules.pickupWindowMinutes * 60)
        // Arrive-by: the pickup is early enough for the worst case the service promises.
        let worstRide = service.rules.rideTime?.maximumRideTime(direct: drive.seconds) ?? drive.seconds
        let pickup = request.directPickup(worstRide: worstRide, window: window)
        switch quote(service, request, from: request.origin, to: request.destination, pickup: pickup) {
        case .failure(let reason):
            return .failure(reason)
        case .success(let (quote, note)):
            let leg = ItineraryLeg(
                onDemand: service, quote: quote, note: note, fromName: request.originName, toName: request.destinationName, from: request.origin,
                to: request.destination, departure: pickup, arrival: pickup + drive.seconds, metres: drive.metres)
            _ = feed
            return .success(Itinerary(legs: [leg]))
        }
    }

    /// The rules and the supply for one ride: a quote with a note on availability, or a reason.
    func quote(
        _ service: OnDemandService, _ request: PlanRequest, from: Coordinate, to: Coordinate, pickup: Int32
    ) -> Result<(RideQuote, String), Reason> {
        let feed = timetable.feed
        let rules = RideRules(service: service.rules, feed: feed, road: road)
        let ask = RideAsk(
            traveller: request.traveller, origin: from, destination: to, date: request.date, pickup: pickup,
            bookedAt: request.bookedAt, medicalCompanions: request.medicalCompanions, youngestCompanionAge: request.youngestCompanionAge)
        let offer = service.offers(from: from, to: to, feed: feed).first { feed.services[Int($0.service)].isActive(on: request.date) }
            ?? service.offers(from: from, to: to, feed: feed).first
        switch rules.evaluate(ask, offer: offer) {
        case .failure(let reason):
            return .failure(reason)
        case .success(var quote):
            let needs = RideNeeds(codes: request.traveller.needs, companions: request.traveller.companions)
            switch service.rules.kind {
            case .regiotaxi:
                if let reason = fleetCheck.check(
                    date: request.date, pickup: pickup, rideSeconds: quote.maximumRideTime ?? quote.road.seconds, needs: needs,
                    at: from)
                {
                    return .failure(reason)
                }
                return .success((quote, "availability: \(FleetCapacityCheck.method)"))
            case .volunteer:
                let matcher = VolunteerMatcher(volunteers: volunteers, road: road)
                switch matcher.match(date: request.date, pickup: pickup, origin: from, destination: to, needs: needs) {
                case .failure(let reason):
                    return .failure(reason)
                case .success(let match):
                    // The per-km fee counts from the volunteer's home and back.
                    if service.rules.fare.perKmFromDriverHome {
                        quote.price = ((service.rules.fare.startFee + match.drivenKm * service.rules.fare.perKm) * 100).rounded() / 100
                        // The fee is the car's, per km: companions ride along at no extra cost.
                        quote.fares = [PersonFare(passenger: "traveller", price: quote.price)]
                            + quote.fares.dropFirst().map { PersonFare(passenger: $0.passenger, price: 0) }
                    }
                    return .success((quote, "\(match.volunteer.name) could drive (\(Int(match.drivenKm.rounded())) km from home and back); a volunteer may decline"))
                }
            }
        }
    }

    /// On-demand rides between `point` and the nearest hubs (stations), as RAPTOR access
    /// (`toHubs`) or egress stops. Empty when the service cannot ride there.
    func feeders(_ service: OnDemandService, _ request: PlanRequest, at point: Coordinate, toHubs: Bool) -> [Feeder] {
        let feed = timetable.feed
        let nearest = hubs
            .map { ($0, feed.stops[$0].coordinate.distance(to: point)) }
            .filter { $0.1 <= maximumFeederKm * 1000 && $0.1 > request.traveller.maxWalkMetres }
            .sorted { $0.1 < $1.1 }
            .prefix(8)
        var result: [Feeder] = []
        let window = Int32(service.rules.pickupWindowMinutes * 60)
        for (stop, _) in nearest {
            let hub = feed.stops[stop].coordinate
            let from = toHubs ? point : hub, to = toHubs ? hub : point
            // Time-dependent rules are checked again once the connection is known.
            let pickup = request.isArriveBy ? request.seconds - 3600 : request.seconds + (toHubs ? 0 : 3600)
            guard case .success(let (quote, _)) = self.quote(service, request, from: from, to: to, pickup: pickup) else { continue }
            // From the moment the traveller is ready (first mile: the earliest pickup; last mile:
            // the train's arrival) to being at the other end in the worst case the service
            // promises: the whole pickup window, the maximum ride time, and a buffer after a train.
            let worst = (quote.maximumRideTime ?? quote.road.seconds) + 2 * window + (toHubs ? 0 : Self.feederBuffer)
            result.append(.ride(Feeder.RideFeeder(stop: stop, service: services.firstIndex { $0.rules.id == service.rules.id } ?? 0, seconds: worst, quote: quote)))
        }
        return result
    }

    /// Why no feeder ride exists (the direct ride's reason usually says it best).
    func feederFailure(_ service: OnDemandService, _ request: PlanRequest) -> Reason {
        if case .failure(let reason) = direct(service, request) { return reason }
        return Reason(.outsideServiceArea, "\(service.rules.name) does not ride to a station near \(request.originName) or \(request.destinationName).")
    }
}
