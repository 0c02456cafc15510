//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import GTFS

/// A door-to-door ride someone asks an on-demand service for.
public struct RideAsk: Sendable {
    public var traveller: Traveller
    public var origin: Coordinate
    public var destination: Coordinate
    /// The travel date and the wanted pickup as service-day seconds of that date.
    public var date: ServiceDate
    public var pickup: Int32
    /// When the booking would be made (Unix seconds): the planner's clock, not the wall clock.
    public var bookedAt: Int64
    /// Companions that are medically necessary (ride free); the others pay the fare.
    public var medicalCompanions: Int
    /// The youngest companion's age, when given (the service may ask a minimum).
    public var youngestCompanionAge: Int?

    public init(
        traveller: Traveller, origin: Coordinate, destination: Coordinate, date: ServiceDate, pickup: Int32,
        bookedAt: Int64, medicalCompanions: Int = 0, youngestCompanionAge: Int? = nil
    ) {
        self.youngestCompanionAge = youngestCompanionAge
        self.traveller = traveller
        self.origin = origin
        self.destination = destination
        self.date = date
        self.pickup = pickup
        self.bookedAt = bookedAt
        self.medicalCompanions = medicalCompanions
    }
}

/// What a service can promise for a ride, and what it costs the traveller.
public struct RideQuote: Sendable, Hashable {
    /// Euros the traveller pays (companions included).
    public var price: Double
    /// Who is paid ("Regiotaxi Twente", "the volunteer driver").
    public var paidTo: String
    /// Of the road kilometres, those charged at the market rate (beyond the radius or budget).
    public var marketKm: Double
    /// Kilometres taken from the yearly budget.
    public var budgetKm: Double
    /// Euros of late-booking surcharge included in `price`.
    public var surcharge: Double
    /// The last moment (Unix seconds) to book this ride.
    public var bookingDeadline: Int64
    /// ± minutes around the pickup time.
    public var pickupWindowMinutes: Int
    /// Seconds on board at most (`nil`: no promise).
    public var maximumRideTime: Int32?
    /// The drive itself.
    public var road: RoadLeg
    public var guaranteed: Bool
    /// Remarks for the traveller ("part of the ride at the market rate", …).
    public var notes: [String]
    /// What each person pays, the traveller first (the surcharge is the traveller's); each
    /// rounded to cents, so their sum may differ from `price` by a cent.
    public var fares: [PersonFare] = []
}

/// The service rules applied to one ride: eligibility, hours, lead time, radius, budget, aids,
/// fare. Availability of vehicles and volunteers is checked elsewhere (it needs the supply).
public struct RideRules: Sendable {
    public let service: ServiceRules.Service
    public let feed: Feed
    public let road: any RoadModel

    public init(service: ServiceRules.Service, feed: Feed, road: any RoadModel) {
        self.service = service
        self.feed = feed
        self.road = road
    }

    /// The zone (location_id) of the municipality listed by the service that contains `point`.
    public func municipalityZone(of point: Coordinate) -> String? {
        service.municipalities.first { municipality in
            feed.flexLocationIndexByID[municipality.zone].map { feed.flexLocations[Int($0)].contains(point) } ?? false
        }?.zone
    }

    var zone: String { feed.timezone }

    /// Checks a ride against the rules.
    ///
    /// - Returns: the quote, or the first reason the ride cannot be offered (in the order a
    ///   traveller would want to hear them: eligibility, area, hours, booking, distance, budget).
    public func evaluate(_ ask: RideAsk, offer: OnDemandService.Offer?) -> Result<RideQuote, Reason> {
        // The numbers of the traveller's own municipality apply.
        let local = service.applying(municipalityZone: municipalityZone(of: ask.traveller.home.coordinate))
        if local != service {
            return RideRules(service: local, feed: feed, road: road).evaluateLocal(ask, offer: offer)
        }
        return evaluateLocal(ask, offer: offer)
    }

    func evaluateLocal(_ ask: RideAsk, offer: OnDemandService.Offer?) -> Result<RideQuote, Reason> {
        let traveller = ask.traveller
        let name = service.name
        if service.eligibility.requiresPass == "wmo" && traveller.wmoPass == nil {
            return .failure(Reason(.notEligible, "\(name) is only for holders of a Wmo (Regiotaxi) pass."))
        }
        if service.eligibility.requiresMembership == "automaatje" && !traveller.automaatjeMember {
            return .failure(Reason(.notEligible, "\(name) is for registered AutoMaatje participants; register with the AutoMaatje coordinator first."))
        }
        if let age = service.eligibility.minimumAge, traveller.age < age {
            return .failure(Reason(.notEligible, "\(name) is for travellers aged \(age) or more."))
        }
        let along = companions(of: ask)
        if along > service.companions.maximum {
            return .failure(Reason(
                .tooManyCompanions, "\(name) takes at most \(service.companions.maximum) companion\(service.companions.maximum == 1 ? "" : "s"); \(along) asked."))
        }
        if let age = ask.youngestCompanionAge, age < service.companions.minimumAge {
            return .failure(Reason(.companionTooYoung, "A companion on \(name) must be \(service.companions.minimumAge) or older; the youngest is \(age)."))
        }
        let unmet = traveller.needs.filter { $0.asksOfTheService && !service.serves.contains($0) }
        if service.kind == .regiotaxi, let need = unmet.first {
            return .failure(Reason(.noVehicleWithAid, "\(name) cannot meet \(need.rawValue) (\(need.name))."))
        }
        guard let offer else {
            return .failure(Reason(.outsideServiceArea, "\(name) does not ride between these places (outside its zones)."))
        }
        guard feed.services[Int(offer.service)].isActive(on: ask.date) else {
            return .failure(Reason(.noServiceThatDay, "\(name) does not ride on \(ask.date)."))
        }
        let open = max(offer.windowStart, ClockTime.seconds(service.serviceHours.start) ?? offer.windowStart)
        let close = min(offer.windowEnd, ClockTime.seconds(service.serviceHours.end) ?? offer.windowEnd)
        if ask.pickup < open || ask.pickup > close {
            return .failure(Reason(
                .outsideServiceHours,
                "\(name) rides from \(GTFSTime.formatMinutes(open)) to \(GTFSTime.formatMinutes(close)); \(GTFSTime.formatMinutes(ask.pickup)) is outside those hours."))
        }
        let pickupUnix = ServiceDayClock.noonMinus12h(ask.date, timezone: zone) + Int64(ask.pickup)
        let deadline = bookingDeadline(pickupUnix: pickupUnix, date: ask.date, offer: offer)
        if ask.bookedAt > deadline {
            let why = service.booking.leadWorkingDays.map { "\($0) working days ahead" }
                ?? "at least \(service.booking.leadTimeMinutes ?? 0) minutes ahead"
            return .failure(Reason(.leadTimeNotMet, "\(name) must be booked \(why): the last moment for this ride was \(Self.describe(deadline, zone: zone))."))
        }
        // Distance from home: the farther end of the ride.
        let home = traveller.home.coordinate
        let fromHomeKm = max(home.distance(to: ask.origin), home.distance(to: ask.destination)) / 1000
        if fromHomeKm > service.distance.maximumRadiusKm && traveller.needs.contains(.valys) {
            return .failure(Reason(
                .travelWithValys,
                "\(name) rides up to \(Self.km(service.distance.maximumRadiusKm)) from home; this ride goes \(Self.km(fromHomeKm)) away: book it with Valys, the national Wmo transport for longer trips (\(traveller.name) has a Valys pass, CROW RR-03)."))
        }
        if fromHomeKm > service.distance.maximumRadiusKm {
            return .failure(Reason(
                .outsideRadius,
                "\(name) rides up to \(Self.km(service.distance.maximumRadiusKm)) from home; this ride goes \(Self.km(fromHomeKm)) away (Valys covers longer trips)."))
        }
        let drive = road.drive(from: ask.origin, to: ask.destination)
        var notes: [String] = []
        // Kilometres at the market rate: the share of the ride beyond the tariff radius…
        var marketKm = 0.0
        if fromHomeKm > service.distance.tariffRadiusKm {
            marketKm = min(drive.kilometres, (fromHomeKm - service.distance.tariffRadiusKm) * service.road(detourOf: drive, from: ask.origin, to: ask.destination))
            notes.append("\(Self.km(marketKm)) beyond \(Self.km(service.distance.tariffRadiusKm)) from home at the market rate")
        }
        // …and what the yearly budget does not cover.
        var budgetKm = 0.0
        if service.yearlyKmBudget != nil, let pass = traveller.wmoPass {
            let tariffKm = drive.kilometres - marketKm
            budgetKm = min(tariffKm, max(0, pass.kmBudgetLeft))
            let uncovered = tariffKm - budgetKm
            if uncovered > 0.001 {
                guard service.fare.marketPerKm != nil else {
                    return .failure(Reason(.kmBudgetExhausted, "The yearly kilometre budget of the pass is used up (\(Self.km(pass.kmBudgetLeft)) left)."))
                }
                marketKm += uncovered
                notes.append(pass.kmBudgetLeft <= 0
                    ? "the yearly km budget is used up: the whole ride at the market rate"
                    : "\(Self.km(uncovered)) over the yearly km budget at the market rate")
            }
        }
        if marketKm > 0.001 && service.fare.marketPerKm == nil {
            return .failure(Reason(.outsideRadius, "\(name) rides up to \(Self.km(service.distance.tariffRadiusKm)) from home."))
        }
        let one = fare(drive: drive, marketKm: marketKm)
        let (paying, share) = payingCompanions(ask)
        var price = one * (1 + Double(paying) * share)
        var surcharge = 0.0
        if isLate(ask, pickupUnix: pickupUnix) && service.booking.lateBookingSurcharge > 0 {
            surcharge = service.booking.lateBookingSurcharge
            price += surcharge
            notes.append("late booking surcharge \(Self.euros(surcharge))")
        }
        return .success(RideQuote(
            price: Self.cents(price), paidTo: service.fare.paidTo, marketKm: marketKm, budgetKm: budgetKm,
            surcharge: surcharge, bookingDeadline: deadline, pickupWindowMinutes: service.pickupWindowMinutes,
            maximumRideTime: maximumRideTime(direct: drive.seconds, traveller: traveller), road: drive,
            guaranteed: service.guaranteed, notes: notes, fares: personFares(one: one, surcharge: surcharge, ask: ask)))
    }

    static func cents(_ euros: Double) -> Double { (euros * 100).rounded() / 100 }

    /// Seconds on board at most: the service's promise, tighter for a traveller with CROW AV-11
    /// (`nil`: no promise).
    func maximumRideTime(direct: Int32, traveller: Traveller) -> Int32? {
        guard let promise = service.rideTime?.maximumRideTime(direct: direct) else { return nil }
        guard traveller.needs.contains(.shortTravelTime) else { return promise }
        return min(promise, (service.shortRideTime ?? .shortTravelDefault).maximumRideTime(direct: direct))
    }

    /// Euros for one person: start fee plus kilometres, market-rate kilometres at the market
    /// rate; paying companions each pay it (or their share of it). (AutoMaatje's per-km fee counts
    /// from the driver's home and is computed by the volunteer matching, which knows the driver.)
    func fare(drive: RoadLeg, marketKm: Double) -> Double {
        let f = service.fare
        let tariffKm = max(0, drive.kilometres - marketKm)
        // A ride entirely at the market rate starts at the market start fee.
        let start = tariffKm < 0.001 && marketKm > 0 ? (f.marketStartFee ?? f.startFee) : f.startFee
        var one = start + tariffKm * f.perKm
        if marketKm > 0, let perKm = f.marketPerKm { one += marketKm * perKm }
        return one
    }

    func companions(of ask: RideAsk) -> Int {
        RideNeeds.companionsAlong(codes: ask.traveller.needs, booked: ask.traveller.companions)
    }

    /// How many companions pay, and which share of the fare each pays.
    func payingCompanions(_ ask: RideAsk) -> (count: Int, share: Double) {
        let codes = ask.traveller.needs
        let companions = companions(of: ask)
        // An escort (AB-03) rides free; so do companions of a traveller whose pass says so
        // (AER-01) and medical companions where the rules free them.
        let allFree = codes.contains(.medicalEscort) || codes.contains(.companionFree)
            || (ask.traveller.companionKind == "medical" && service.companions.medicalFree)
        let free = allFree ? companions : (service.companions.medicalFree ? ask.medicalCompanions : 0)
        let paying = service.companions.socialPays ? max(0, min(companions, service.companions.maximum) - free) : 0
        // AER-02: companions at the reduced rate.
        let share = codes.contains(.companionDiscount) ? (service.companions.discountedShare ?? 0.5) : 1
        return (paying, share)
    }

    /// The fare per person: the traveller's one fare (and the surcharge), then each companion's.
    func personFares(one: Double, surcharge: Double, ask: RideAsk) -> [PersonFare] {
        var fares = [PersonFare(passenger: "traveller", price: Self.cents(one + surcharge))]
        let companions = companions(of: ask)
        guard companions > 0 else { return fares }
        let (paying, share) = payingCompanions(ask)
        let codes = ask.traveller.needs
        // Those who pay first, then those who ride free.
        for k in 0 ..< companions {
            let pays = k < paying
            let kind = pays ? (ask.traveller.companionKind == "medical" ? "medical" : "social")
                : codes.contains(.medicalEscort) ? "escort" : codes.contains(.companionFree) ? "free by the pass" : "medical"
            fares.append(PersonFare(passenger: "companion (\(kind))", price: pays ? Self.cents(one * share) : 0))
        }
        return fares
    }

    /// Late: booked after `lateBookingAfter` on the day before the ride, or on the day itself.
    func isLate(_ ask: RideAsk, pickupUnix: Int64) -> Bool {
        guard let after = service.booking.lateBookingAfter, let afterSeconds = ClockTime.seconds(after) else { return false }
        let booked = ServiceDayClock.localDate(unix: ask.bookedAt, timezone: zone)
        let ride = ServiceDayClock.localDate(unix: pickupUnix, timezone: zone)
        if booked.date >= ride.date { return true }
        return booked.date == ride.date.adding(days: -1) && booked.secondsOfDay >= Int(afterSeconds)
    }

    /// The last moment to book: the lead time before pickup, or the booking rule's last day and
    /// time, counting only the days of its `prior_notice_service_id` (working days).
    public func bookingDeadline(pickupUnix: Int64, date: ServiceDate, offer: OnDemandService.Offer) -> Int64 {
        let rule = offer.bookingRule.map { feed.bookingRules[Int($0)] }
        if let days = service.booking.leadWorkingDays ?? rule?.priorNoticeLastDay, rule?.kind != .sameDay {
            let counting = rule?.priorNoticeService.map { feed.services[Int($0)] }
            var day = date
            var counted = 0
            var guardDays = 0
            while counted < days && guardDays < 60 {
                day = day.adding(days: -1)
                guardDays += 1
                if counting?.isActive(on: day) ?? (!service.booking.workingDaysOnly || day.weekday < 5) { counted += 1 }
            }
            let lastTime = Int(rule?.priorNoticeLastTime ?? 17 * 3600)
            return ServiceDayClock.unix(wallClock: lastTime, on: day, timezone: zone)
        }
        let minutes = service.booking.leadTimeMinutes ?? rule?.priorNoticeMinimum ?? 0
        return pickupUnix - Int64(minutes) * 60
    }

    static func km(_ value: Double) -> String { "\(Int(value.rounded())) km" }

    /// Euros the Dutch way: "€ 3,26".
    public static func euros(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        return "€ \(cents / 100),\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }

    /// "Thursday 26 November 09:30" for a Unix time in `zone`.
    public static func describe(_ unix: Int64, zone: String) -> String {
        let local = ServiceDayClock.localDate(unix: unix, timezone: zone)
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let h = local.secondsOfDay / 3600, m = local.secondsOfDay / 60 % 60
        return "\(days[local.date.weekday]) \(local.date.day) \(months[local.date.month - 1]) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

extension ServiceRules.Service {
    /// Road distance ÷ straight-line distance of a drive (at least 1).
    func road(detourOf drive: RoadLeg, from a: Coordinate, to b: Coordinate) -> Double {
        let straight = a.distance(to: b) / 1000
        return straight > 0.01 ? max(1, drive.kilometres / straight) : 1
    }
}
