//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
import GTFS
public import Mobility
import Transit

/// The one wire format of a plan (camelCase, after TOMP-API): what `goan plan --json` prints
/// and what the HTTP API answers to planning requests (`Planning` in `openapi.yaml`).
///
/// Times are RFC 3339 date-times with the feed's offset; money is euros; distances are
/// metres; positions are WGS 84 degrees. Fields that do not apply are left out, never null.
public struct PlanDocument: Codable, Sendable, Hashable {
    public var from: Place
    public var to: Place
    /// The service date planned, `YYYY-MM-DD`.
    public var date: String
    /// The feed's time zone (`Europe/Amsterdam`).
    public var timezone: String
    /// The traveller planned for (multimodal plans only).
    public var traveller: String?
    public var query: Query
    /// The itineraries, by departure.
    public var options: [Option]
    /// Modes that gave no itinerary, each with its reason.
    public var notOffered: [NotOffered]
    /// How on-demand availability was judged (multimodal plans only).
    public var availability: String?
    /// Which road model gave the drive and walking times: `road network: F` (an OpenStreetMap
    /// network prepared by `goan roads build`) or `straight-line estimate`.
    public var roads: String?
    /// The way back of a return trip (`goan plan --return-at`, the API's `returnTrip`).
    public var returnTrip: ReturnTrip?

    /// The way back of a return trip, and the pairs of options bookable together.
    public struct ReturnTrip: Codable, Sendable, Hashable {
        /// When the way back leaves: at or after `departureTime`; with `readyFrom`, an
        /// appointment ends then and a door-to-door ride's pickup window opens then.
        public var departureTime: String
        public var readyFrom: Bool
        /// The way back's itineraries (without offer ids: a return trip is booked as a pair).
        public var options: [Option]
        public var notOffered: [NotOffered]
        /// Offers only: every pair of a way there and a way back that can be booked together.
        public var offers: [PairOffer]?
    }

    /// A return trip's offer: option `outward` of the way there with option `back` of the way
    /// back (both numbered from 1, as listed), at the sum of their prices.
    public struct PairOffer: Codable, Sendable, Hashable {
        public var id: String
        public var validUntil: String
        public var outward: Int
        public var back: Int
        public var price: Double

        public init(id: String, validUntil: String, outward: Int, back: Int, price: Double) {
            self.id = id
            self.validUntil = validUntil
            self.outward = outward
            self.back = back
            self.price = price
        }
    }

    /// A place asked for, or an end of a leg.
    public struct Place: Codable, Sendable, Hashable {
        public var name: String?
        public var lat: Double
        public var lon: Double
        /// The GTFS stop, when the place is one.
        public var stopId: String?
        public var platform: String?
        /// The stops a stop-name query matched (`goan plan` between stops).
        public var stopIds: [String]?
    }

    /// What was asked: one of `departureTime` and `arrivalTime`.
    public struct Query: Codable, Sendable, Hashable {
        public var departureTime: String?
        public var arrivalTime: String?
        /// Minutes after `departureTime` (before `arrivalTime`) searched.
        public var windowMinutes: Int
        public var maxTransfers: Int
        /// Only wheelchair-accessible trips and stops.
        public var wheelchair: Bool
        /// The traveller's CROW codes (left out when none); the plan applies those that act in
        /// planning and on the on-demand rides.
        public var needs: [CROWCode]?
    }

    /// One itinerary; with an offer id when it is bookable.
    public struct Option: Codable, Sendable, Hashable {
        /// The offer id (offers only).
        public var id: String?
        /// The offer expires then (offers only).
        public var validUntil: String?
        public var departureTime: String
        public var arrivalTime: String
        public var durationMinutes: Int
        /// What the traveller pays, euros (left out when fares are not known: public transport
        /// alone between stops).
        public var price: Double?
        /// Every leg runs as planned (no on-demand ride still to be confirmed).
        public var guaranteed: Bool?
        public var transfers: Int
        public var walkingMetres: Double?
        public var legs: [Leg]
    }

    public struct Leg: Codable, Sendable, Hashable {
        /// `walk`, `transit`, `regiotaxi` or `automaatje`.
        public var mode: String
        public var from: Place
        public var to: Place
        public var departureTime: String
        public var arrivalTime: String
        public var durationMinutes: Int
        /// On-demand: the pickup happens within this many minutes of `departureTime`.
        public var windowMinutes: Int?
        public var price: Double?
        /// On-demand legs with companions: what each person pays, the traveller first (each
        /// rounded to cents).
        public var fares: [PersonFare]?
        /// Who is paid (the operator or the volunteer).
        public var paidTo: String?
        /// The last moment to book this ride.
        public var bookingDeadline: String?
        public var guaranteed: Bool?
        public var metres: Double?
        /// Transit: the route's short name.
        public var route: String?
        public var routeId: String?
        public var routeLongName: String?
        /// Transit: bus, train, …
        public var vehicle: String?
        public var agency: String?
        public var headsign: String?
        public var tripId: String?
        /// Transit: the trip's own service date (a trip after midnight runs on the day before's).
        public var serviceDate: String?
        public var notes: [String]?
    }

    public struct NotOffered: Codable, Sendable, Hashable {
        /// The mode or combination (`regiotaxi+transit`).
        public var mode: String
        /// A reason code (`LEAD_TIME_NOT_MET`, `NO_TRANSIT_CONNECTION`, …).
        public var code: String
        /// Why, in words.
        public var reason: String
    }
}

extension PlanDocument {
    /// A multimodal plan; `offers` (id and expiry in Unix seconds, in the order of
    /// `plan.itineraries`) makes its options bookable.
    public init(_ plan: Plan, request: PlanRequest, timezone: String, offers: [(id: String, validUntil: Int64)]? = nil) {
        let zero = ServiceDayClock.noonMinus12h(request.date, timezone: timezone)
        func iso(_ seconds: Int32) -> String { ServiceDayClock.iso(unix: zero + Int64(seconds), timezone: timezone) }
        var departure: String?, arrival: String?
        switch request.time {
        case .departAt(let t): departure = iso(t)
        case .arriveBy(let t): arrival = iso(t)
        }
        self.init(
            from: Place(name: request.originName, lat: request.origin.latitude, lon: request.origin.longitude),
            to: Place(name: request.destinationName, lat: request.destination.latitude, lon: request.destination.longitude),
            date: request.date.description, timezone: timezone, traveller: request.traveller.id.rawValue,
            query: Query(
                departureTime: departure, arrivalTime: arrival, windowMinutes: Int(request.window / 60), maxTransfers: request.maxTransfers,
                wheelchair: request.traveller.needsWheelchairPlace,
                needs: request.traveller.needs.isEmpty ? nil : request.traveller.needs),
            options: Self.options(plan, offers: offers, iso: iso, timezone: timezone),
            notOffered: plan.notOffered.map { NotOffered(mode: $0.mode, code: $0.reason.code.rawValue, reason: $0.reason.message) },
            availability: plan.availabilityMethod.isEmpty ? nil : plan.availabilityMethod,
            roads: plan.roadModel.isEmpty ? nil : plan.roadModel)
    }

    /// A return trip's answer: the way there as the document, the way back in `returnTrip`;
    /// `pairs` (offers only) the options bookable together, by 0-based option index.
    public init(
        there: Plan, request: PlanRequest, back: Plan, backRequest: PlanRequest, timezone: String,
        pairs: [(id: String, validUntil: Int64, there: Int, back: Int, price: Double)]? = nil
    ) {
        self.init(there, request: request, timezone: timezone)
        let zero = ServiceDayClock.noonMinus12h(backRequest.date, timezone: timezone)
        func iso(_ seconds: Int32) -> String { ServiceDayClock.iso(unix: zero + Int64(seconds), timezone: timezone) }
        let leaving: Int32 = if case .departAt(let t) = backRequest.time { t } else { 0 }
        returnTrip = ReturnTrip(
            departureTime: iso(leaving), readyFrom: backRequest.readyFrom, options: Self.options(back, offers: nil, iso: iso, timezone: timezone),
            notOffered: back.notOffered.map { NotOffered(mode: $0.mode, code: $0.reason.code.rawValue, reason: $0.reason.message) },
            offers: pairs?.map {
                PairOffer(
                    id: $0.id, validUntil: ServiceDayClock.iso(unix: $0.validUntil, timezone: timezone), outward: $0.there + 1, back: $0.back + 1,
                    price: Self.euros($0.price))
            })
    }

    /// A plan's itineraries in the wire format; `offers` in their order makes them bookable.
    static func options(
        _ plan: Plan, offers: [(id: String, validUntil: Int64)]?, iso: (Int32) -> String, timezone: String
    ) -> [Option] {
        plan.itineraries.enumerated().map { index, itinerary in
            Option(
                id: offers?[index].id, validUntil: offers.map { ServiceDayClock.iso(unix: $0[index].validUntil, timezone: timezone) },
                departureTime: iso(itinerary.departure), arrivalTime: iso(itinerary.arrival), durationMinutes: Self.minutes(itinerary.duration),
                price: Self.euros(itinerary.price), guaranteed: itinerary.guaranteed, transfers: itinerary.transfers,
                walkingMetres: itinerary.walkingMetres.rounded(),
                legs: itinerary.legs.map { leg in
                    var out = Leg(
                        mode: leg.mode.rawValue,
                        from: Place(name: leg.fromName, lat: leg.from.latitude, lon: leg.from.longitude, stopId: leg.fromStopId),
                        to: Place(name: leg.toName, lat: leg.to.latitude, lon: leg.to.longitude, stopId: leg.toStopId),
                        departureTime: iso(leg.departure), arrivalTime: iso(leg.arrival), durationMinutes: Self.minutes(leg.arrival - leg.departure))
                    out.windowMinutes = leg.windowMinutes
                    out.price = Self.euros(leg.price)
                    out.fares = leg.fares
                    out.paidTo = leg.paidTo
                    out.bookingDeadline = leg.bookingDeadline.map { ServiceDayClock.iso(unix: $0, timezone: timezone) }
                    out.guaranteed = leg.guaranteed
                    out.metres = leg.metres.rounded()
                    out.route = leg.route
                    out.vehicle = leg.vehicle
                    out.headsign = leg.headsign
                    out.tripId = leg.tripId
                    out.notes = leg.notes
                    return out
                })
        }
    }

    /// Seconds as whole minutes (rounded).
    public static func minutes(_ seconds: Int32) -> Int { Int((Double(seconds) / 60).rounded()) }

    /// Euros to the cent.
    public static func euros(_ amount: Double) -> Double { (amount * 100).rounded() / 100 }
}
