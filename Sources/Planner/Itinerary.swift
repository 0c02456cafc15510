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

/// One way to make a trip, door to door: walking, public transport, Regiotaxi, AutoMaatje or
/// a combination. Times are seconds after noon − 12 h of the travel date (service-day time).
public struct Itinerary: Sendable, Hashable {
    public var legs: [ItineraryLeg]

    public init(legs: [ItineraryLeg]) { self.legs = legs }

    public var departure: Int32 { legs.first?.departure ?? 0 }
    public var arrival: Int32 { legs.last?.arrival ?? 0 }
    public var duration: Int32 { arrival - departure }
    /// Euros the traveller pays in all.
    public var price: Double { legs.reduce(0) { $0 + $1.price } }
    /// Changes between vehicles (public transport and on-demand legs alike).
    public var transfers: Int { max(0, legs.filter { $0.mode != .walk }.count - 1) }
    /// Metres on foot.
    public var walkingMetres: Double { legs.filter { $0.mode == .walk }.reduce(0) { $0 + $1.metres } }
    /// Whether every leg is guaranteed (an AutoMaatje leg depends on a volunteer accepting).
    public var guaranteed: Bool { legs.allSatisfy(\.guaranteed) }
    /// The modes used, e.g. `[.regiotaxi, .transit]`.
    public var modes: [ItineraryLeg.Mode] { legs.map(\.mode).filter { $0 != .walk } }

    /// Whether this itinerary is at least as good as `other` in every criterion — arrival (for
    /// arrive-by: departure), price, transfers, walking, guarantee — and better in one.
    public func dominates(_ other: Itinerary, arriveBy: Bool) -> Bool {
        let timeOK = arriveBy ? departure >= other.departure : arrival <= other.arrival
        let timeBetter = arriveBy ? departure > other.departure : arrival < other.arrival
        guard timeOK, price <= other.price + 0.005, transfers <= other.transfers,
            walkingMetres <= other.walkingMetres + 1, guaranteed || !other.guaranteed
        else { return false }
        return timeBetter || price < other.price - 0.005 || transfers < other.transfers
            || walkingMetres < other.walkingMetres - 1 || (guaranteed && !other.guaranteed)
    }
}

/// A part of an itinerary.
public struct ItineraryLeg: Sendable, Hashable {
    public typealias Mode = TravelMode

    public var mode: Mode
    public var fromName: String
    public var toName: String
    public var from: Coordinate
    public var to: Coordinate
    /// Service-day seconds of the travel date.
    public var departure: Int32
    public var arrival: Int32
    /// For on-demand legs: minutes either side of `departure` within which the pickup happens.
    public var windowMinutes: Int?
    /// Euros for this leg (public transport fares are not modelled yet: 0).
    public var price: Double
    /// On-demand legs with companions: what each person pays (the traveller first).
    public var fares: [PersonFare]?
    /// Who is paid.
    public var paidTo: String?
    /// The last moment to book (Unix seconds); `nil` when no booking is needed.
    public var bookingDeadline: Int64?
    /// Kilometres a Regiotaxi leg takes from the traveller's yearly Wmo budget when confirmed.
    public var budgetKm: Double = 0
    public var guaranteed: Bool
    /// Metres travelled (walking, or by road).
    public var metres: Double
    /// For transit legs: route, headsign, stops, trip.
    public var route: String?
    public var headsign: String?
    public var vehicle: String?
    public var fromStopId: String?
    public var toStopId: String?
    public var tripId: String?
    /// Remarks ("late booking surcharge €3,00", "availability: capacity check", …).
    public var notes: [String]

    public init(
        mode: Mode, fromName: String, toName: String, from: Coordinate, to: Coordinate, departure: Int32, arrival: Int32,
        price: Double = 0, guaranteed: Bool = true, metres: Double = 0
    ) {
        self.mode = mode
        self.fromName = fromName
        self.toName = toName
        self.from = from
        self.to = to
        self.departure = departure
        self.arrival = arrival
        self.price = price
        self.guaranteed = guaranteed
        self.metres = metres
        self.notes = []
    }

    /// A ride of an on-demand service as its quote prices it: window, payee, booking deadline,
    /// budget km, per-person fares (with companions) and the quote's notes followed by `note`.
    init(
        onDemand service: OnDemandService, quote: RideQuote, note: String, fromName: String, toName: String, from: Coordinate, to: Coordinate,
        departure: Int32, arrival: Int32, metres: Double
    ) {
        self.init(
            mode: service.rules.kind == .regiotaxi ? .regiotaxi : .automaatje, fromName: fromName, toName: toName, from: from, to: to,
            departure: departure, arrival: arrival, price: quote.price, guaranteed: quote.guaranteed, metres: metres)
        windowMinutes = quote.pickupWindowMinutes
        paidTo = quote.paidTo
        bookingDeadline = quote.bookingDeadline
        budgetKm = quote.budgetKm
        if quote.fares.count > 1 { fares = quote.fares }
        notes = quote.notes + [note]
    }
}
