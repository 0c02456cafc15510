//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
public import Mobility
public import Transit

/// Plans door-to-door trips over public transport, Regiotaxi and AutoMaatje in one search.
///
/// On-demand legs reach RAPTOR only as access and egress stops with durations (the router knows
/// nothing about taxis); each first/last-mile mode is one RAPTOR search, and the itineraries of
/// all searches are filtered to the Pareto set over arrival, price, transfers, walking and
/// guarantee. Every mode that yields nothing gets a reason.
public struct TripPlanner {
    public let timetable: Timetable
    public let services: [OnDemandService]
    public let fleet: [Vehicle]
    public let volunteers: [Volunteer]
    public let road: any RoadModel
    var raptor: Raptor
    let finder: StopFinder
    /// Stops where an on-demand leg may meet public transport: platforms of stations and the
    /// stops of the feed's location groups.
    let hubs: [Int]
    /// The conservative capacity check of `fleet`, with its shift times read once.
    let fleetCheck: FleetCapacityCheck
    /// Kilometres (straight line) a first/last-mile ride may cover at most.
    public var maximumFeederKm: Double = 20

    public init(timetable: Timetable, services: [OnDemandService], fleet: [Vehicle], volunteers: [Volunteer], road: any RoadModel) {
        self.timetable = timetable
        self.services = services
        self.fleet = fleet
        self.fleetCheck = FleetCapacityCheck(vehicles: fleet)
        self.volunteers = volunteers
        self.road = road
        self.raptor = Raptor(timetable: timetable)
        self.finder = StopFinder(timetable: timetable)
        let feed = timetable.feed
        var hubs = Set<Int>()
        for (index, stop) in feed.stops.enumerated() where stop.parent != nil && !timetable.patternsAtStop[index].isEmpty {
            hubs.insert(index)
        }
        for group in feed.locationGroups { hubs.formUnion(group.stops.map(Int.init)) }
        self.hubs = hubs.sorted()
    }

    /// Plans a trip.
    ///
    /// - Complexity: one RAPTOR range search per access/egress combination (at most five).
    public mutating func plan(_ asked: PlanRequest) -> Plan {
        let request = asked.narrowedByNeeds()
        var itineraries: [Itinerary] = []
        var notOffered: [(String, Reason)] = []
        let traveller = request.traveller

        // Walking alone (on the wheelchair profile for a wheelchair or scooter user).
        if let walk = road.walk(from: request.origin, to: request.destination, as: walkProfile(traveller)) {
            if walk.metres <= traveller.maxWalkMetres {
                let start = request.isArriveBy ? request.seconds - walk.seconds : request.seconds
                var leg = ItineraryLeg(
                    mode: .walk, fromName: request.originName, toName: request.destinationName, from: request.origin,
                    to: request.destination, departure: start, arrival: start + walk.seconds, metres: walk.metres)
                leg.notes = []
                itineraries.append(Itinerary(legs: [leg]))
            } else {
                notOffered.append((TravelMode.walk.rawValue, Reason(.walkTooLong, "\(Self.metres(walk.metres)) is farther than \(traveller.name) can walk (\(Self.metres(traveller.maxWalkMetres)) at most).")))
            }
        } else {
            notOffered.append((TravelMode.walk.rawValue, Reason(.walkTooLong, "No footway of the \(road) joins \(request.originName) and \(request.destinationName).")))
        }

        // Direct on-demand rides.
        for service in services {
            switch direct(service, request) {
            case .success(let itinerary): itineraries.append(itinerary)
            case .failure(let reason): notOffered.append((service.rules.id, reason))
            }
        }

        // Public transport, reached on foot.
        let walkAccess = walkingStops(near: request.origin, limit: traveller.maxWalkMetres, as: walkProfile(traveller))
        let walkEgress = walkingStops(near: request.destination, limit: traveller.maxWalkMetres, as: walkProfile(traveller))
        let transit = transitItineraries(request, access: walkAccess.map { Feeder.walk($0) }, egress: walkEgress.map { Feeder.walk($0) })
        if !transit.isEmpty {
            itineraries += transit
        } else if walkAccess.isEmpty || walkEgress.isEmpty {
            let end = walkAccess.isEmpty ? request.originName : request.destinationName
            notOffered.append((TravelMode.transit.rawValue, Reason(.walkTooLong, "No stop is within \(Self.metres(traveller.maxWalkMetres)) walking of \(end).")))
        } else {
            notOffered.append((TravelMode.transit.rawValue, Reason(.noTransitConnection, "No public transport connects \(request.originName) and \(request.destinationName) \(request.isArriveBy ? "in time" : "then")\(traveller.needsWheelchairPlace ? " with wheelchair-accessible vehicles and stops" : "").")))
        }

        // Public transport with an on-demand first or last mile.
        for service in services {
            let first = feeders(service, request, at: request.origin, toHubs: true)
            let last = feeders(service, request, at: request.destination, toHubs: false)
            var found = false
            if !first.isEmpty {
                let combined = transitItineraries(request, access: first, egress: walkEgress.map { Feeder.walk($0) })
                found = found || !combined.isEmpty
                itineraries += combined
            }
            if !last.isEmpty {
                let combined = transitItineraries(request, access: walkAccess.map { Feeder.walk($0) }, egress: last)
                found = found || !combined.isEmpty
                itineraries += combined
            }
            if !found, service.rules.kind == .regiotaxi || first.isEmpty && last.isEmpty {
                let reason = (first.isEmpty && last.isEmpty)
                    ? feederFailure(service, request)
                    : Reason(.noTransitConnection, "No public transport fits a \(service.rules.name) ride to or from a station.")
                notOffered.append(("\(service.rules.id)+transit", reason))
            }
        }

        let kept = itineraries.filter { candidate in
            !itineraries.contains { $0 != candidate && $0.dominates(candidate, arriveBy: request.isArriveBy) }
        }
        var unique: [Itinerary] = []
        for itinerary in kept where !unique.contains(itinerary) { unique.append(itinerary) }
        if traveller.needs.contains(.nightBlind) { keepWalksInDaylight(&unique, request, notOffered: &notOffered) }
        unique.sort { ($0.departure, $0.arrival, $0.price) < ($1.departure, $1.arrival, $1.price) }
        return Plan(itineraries: unique, notOffered: notOffered, availabilityMethod: FleetCapacityCheck.method, roadModel: road.description)
    }

    /// Leaves out the itineraries with a walk before sunrise or after sunset at the trip's origin
    /// (CROW ZR-14, night-blind), saying so once per kind of option left out.
    func keepWalksInDaylight(_ itineraries: inout [Itinerary], _ request: PlanRequest, notOffered: inout [(String, Reason)]) {
        guard let sun = Daylight.sunriseAndSunset(on: request.date, at: request.origin) else { return }
        let dayStart = ServiceDayClock.noonMinus12h(request.date, timezone: timetable.feed.timezone)
        let sunrise = Int32(sun.sunrise - dayStart), sunset = Int32(sun.sunset - dayStart)
        var leftOut: [String] = []
        itineraries.removeAll { itinerary in
            let dark = itinerary.legs.contains { $0.mode == .walk && $0.metres > 0 && ($0.departure < sunrise || $0.arrival > sunset) }
            if dark {
                let label = itinerary.modes.isEmpty ? TravelMode.walk.rawValue : itinerary.modes.map(\.rawValue).joined(separator: "+")
                if !leftOut.contains(label) { leftOut.append(label) }
            }
            return dark
        }
        for label in leftOut {
            notOffered.append((label, Reason(
                .walkInTheDark,
                "\(request.traveller.name) does not walk in the dark (night-blind, CROW ZR-14): this option walks before sunrise (\(GTFSTime.formatMinutes(sunrise))) or after sunset (\(GTFSTime.formatMinutes(sunset))) in \(request.originName).")))
        }
    }

    /// How a traveller walks: in a wheelchair (no steps, slower) when they need a wheelchair place.
    func walkProfile(_ traveller: Traveller) -> WalkProfile {
        traveller.needsWheelchairPlace ? .wheelchair : .foot
    }

    static func metres(_ value: Double) -> String {
        value >= 1000 ? "\(Int((value / 100).rounded()) / 10),\(Int((value / 100).rounded()) % 10) km" : "\(Int(value.rounded())) m"
    }
}
