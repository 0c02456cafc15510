//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS
public import Mobility
public import Transit

/// What a traveller asks: from where to where, when, and who is travelling.
public struct PlanRequest: Sendable {
    public var traveller: Traveller
    public var origin: Coordinate
    public var originName: String
    public var destination: Coordinate
    public var destinationName: String
    public var date: ServiceDate
    /// Service-day seconds of `date`.
    public var time: JourneyRequest.TimeConstraint
    /// When the traveller would book (Unix seconds): the planner's clock.
    public var bookedAt: Int64
    /// Seconds after (before, arrive-by) `time` to look for public transport departures.
    public var window: Int32 = 3600
    public var maxTransfers: Int = 4
    /// Public transport only with accessible stops and vehicles (also for a wheelchair user).
    public var accessibleOnly = false
    /// Changes take this many times the feed's transfer time (2: CROW ZR-24).
    public var transferTimeFactor: Int32 = 1
    /// Of the traveller's companions on this trip, those medically necessary.
    public var medicalCompanions = 0
    /// The youngest companion's age, when given.
    public var youngestCompanionAge: Int?
    /// Leaving at `time` means "ready from then" (an appointment ends then): a door-to-door
    /// ride's pickup window opens at `time` instead of being centred on it, so that the
    /// vehicle never comes before the traveller can leave. Applies to depart-at requests.
    public var readyFrom = false

    /// Companions for this trip instead of the profile's.
    public mutating func travelWith(_ companions: [Companion]) {
        traveller.companions = companions.count
        traveller.companionKind = companions.isEmpty ? nil : companions.allSatisfy { $0.kind == .medical } ? "medical" : "social"
        medicalCompanions = companions.filter { $0.kind == .medical }.count
        youngestCompanionAge = companions.compactMap(\.age).min()
    }

    public init(
        traveller: Traveller, origin: Coordinate, originName: String, destination: Coordinate, destinationName: String,
        date: ServiceDate, time: JourneyRequest.TimeConstraint, bookedAt: Int64
    ) {
        self.traveller = traveller
        self.origin = origin
        self.originName = originName
        self.destination = destination
        self.destinationName = destinationName
        self.date = date
        self.time = time
        self.bookedAt = bookedAt
    }

    /// The way back of a return trip: from this request's destination to its origin, leaving
    /// at `departure` (service-day seconds of the same date), for the same traveller and
    /// companions; `afterAppointment`: ready from then (see `readyFrom`).
    public func wayBack(departing departure: Int32, afterAppointment: Bool) -> PlanRequest {
        var back = self
        (back.origin, back.destination) = (destination, origin)
        (back.originName, back.destinationName) = (destinationName, originName)
        back.time = .departAt(departure)
        back.readyFrom = afterAppointment
        return back
    }

    /// The agreed pickup (service-day seconds) of a door-to-door ride of `driveSeconds` with a
    /// pickup window of ±`window` seconds: arrive-by, early enough for the worst ride the service
    /// promises (`worstRide`) and the whole window, rounded down to a minute; depart-at, the time
    /// asked (a window later when ready from then: the window opens at the time asked).
    public func directPickup(worstRide: Int32, window: Int32) -> Int32 {
        isArriveBy ? TripPlanner.wholeMinuteDown(seconds - worstRide - window) : seconds + (readyFrom ? window : 0)
    }

    var isArriveBy: Bool { if case .arriveBy = time { true } else { false } }
    var seconds: Int32 {
        switch time {
        case .departAt(let t), .arriveBy(let t): t
        }
    }
}

/// The answer: every sensible itinerary, and for every way that is not offered, the reason.
public struct Plan: Sendable {
    /// Pareto-optimal over arrival (departure for arrive-by), price, transfers, walking and
    /// guarantee; sorted by departure.
    public var itineraries: [Itinerary]
    /// Modes (`walk`, `transit`, `regiotaxi`, `automaatje`, `regiotaxi+transit`, …) that gave
    /// no itinerary, each with its reason.
    public var notOffered: [(mode: String, reason: Reason)]
    /// How Regiotaxi availability was decided.
    public var availabilityMethod: String
    /// Which road model gave the drives and walks: "road network: F" or "straight-line estimate".
    public var roadModel: String = ""
}
