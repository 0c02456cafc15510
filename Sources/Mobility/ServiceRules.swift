//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
public import Foundation
public import GTFS

/// The rules of the demand-responsive services that GTFS-Flex cannot say (eligibility, fares,
/// radius, budgets, companions, ride-time promise), read from `service-rules.json` beside the
/// feed. Every number is configuration, per service (and later per municipality).
public struct ServiceRules: Codable, Sendable, Hashable {
    public var version: Int
    public var currency: String
    public var services: [Service]

    /// The rules of one service (Regiotaxi, AutoMaatje, …).
    public struct Service: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable, Hashable {
            /// Shared demand-responsive taxi for pass holders, dispatched by an operator.
            case regiotaxi
            /// Volunteer drivers in their own car; rides are not guaranteed.
            case volunteer
        }

        public var id: String
        /// The GTFS route of the service's flexible trips.
        public var routeId: String
        public var name: String
        public var kind: Kind
        public var eligibility: Eligibility
        public var booking: Booking
        public var fare: Fare
        public var distance: DistanceLimits
        /// Kilometres per pass holder per calendar year at the Wmo tariff; `nil` for no budget.
        public var yearlyKmBudget: Double?
        public var companions: Companions
        /// The promised maximum ride time; `nil` when the service makes no promise.
        public var rideTime: RideTimeRule?
        /// The tighter limit for a traveller with CROW AV-11 (short travel time); absent: 1.25 ×
        /// the direct time + 5 minutes.
        public var shortRideTime: RideTimeRule?
        /// Minutes at a stop to board or alight; absent: ``BoardingMinutes/standard``.
        public var boardingMinutes: BoardingMinutes?
        /// Whether pupils on school transport may share a vehicle with other travellers
        /// (day care, Wmo); absent or false: pupils ride only with pupils (as with CROW AV-10).
        public var pupilsRideWithOthers: Bool?
        /// Minutes either side of the agreed pickup time.
        public var pickupWindowMinutes: Int
        /// Operating hours as service-day times ("06:00" to "25:00" = 01:00 the next morning).
        public var serviceHours: Hours
        /// Whether a booked ride is guaranteed (AutoMaatje: no, a volunteer may decline).
        public var guaranteed: Bool
        /// The traveller needs (CROW codes of the passenger-aid, vehicle-aid and supervision
        /// groups) the service meets; a traveller with another of those codes is not offered it.
        public var serves: [CROWCode]
        public var municipalities: [Municipality]
    }

    public struct Eligibility: Codable, Sendable, Hashable {
        /// `"wmo"` when a Wmo/Regiotaxi pass is required.
        public var requiresPass: String?
        public var minimumAge: Int?
        /// `"automaatje"` when registered membership is required.
        public var requiresMembership: String?
    }

    public struct Booking: Codable, Sendable, Hashable {
        /// Minutes between booking and pickup at least (Regiotaxi: 60).
        public var leadTimeMinutes: Int?
        /// Bookings made after this time the day before, or on the day itself, pay the surcharge.
        public var lateBookingAfter: String?
        /// Euros per pass holder.
        public var lateBookingSurcharge: Double
        /// Free cancellation until this many minutes before pickup.
        public var freeCancellationMinutes: Int
        /// Euros charged for a later cancellation.
        public var cancellationFee: Double
        /// Lead time counted in working days (AutoMaatje: 2).
        public var workingDaysOnly: Bool
        public var leadWorkingDays: Int?
        /// Hours a volunteer has to accept before the booking expires.
        public var responseDeadlineHours: Int?
    }

    public struct Fare: Codable, Sendable, Hashable {
        /// Euros per ride.
        public var startFee: Double
        /// Euros per kilometre (by road).
        public var perKm: Double
        /// The market rate beyond the tariff radius or the budget; `nil` when there is none.
        public var marketStartFee: Double?
        public var marketPerKm: Double?
        /// AutoMaatje counts kilometres from the driver's home.
        public var perKmFromDriverHome: Bool
        /// Who receives the money ("Regiotaxi Twente", "the volunteer driver").
        public var paidTo: String
    }

    public struct DistanceLimits: Codable, Sendable, Hashable {
        /// Kilometres (straight line) within which the Wmo tariff applies.
        public var tariffRadiusKm: Double
        /// Kilometres beyond which the service does not ride at all (Valys takes over).
        public var maximumRadiusKm: Double
        /// `"home"`: measured from the traveller's home.
        public var measuredFrom: String
    }

    public struct Companions: Codable, Sendable, Hashable {
        public var socialPays: Bool
        public var medicalFree: Bool
        public var minimumAge: Int
        public var maximum: Int
        /// The share of the fare a companion at the reduced rate pays (CROW AER-02); absent: 0.5.
        public var discountedShare: Double?
    }

    /// Maximum ride time = factor × direct time + extra minutes.
    public struct RideTimeRule: Codable, Sendable, Hashable {
        public var factor: Double
        public var extraMinutes: Double

        public init(factor: Double, extraMinutes: Double) {
            self.factor = factor
            self.extraMinutes = extraMinutes
        }

        /// The limit for CROW AV-11 when a service does not set `shortRideTime`.
        public static let shortTravelDefault = RideTimeRule(factor: 1.25, extraMinutes: 5)

        /// Seconds allowed on board for a ride whose direct time is `direct` seconds.
        public func maximumRideTime(direct: Int32) -> Int32 {
            Int32((Double(direct) * factor + extraMinutes * 60).rounded(.down))
        }
    }

    public struct Hours: Codable, Sendable, Hashable {
        public var start: String
        public var end: String
    }

    /// A municipality the service rides for, with the numbers it sets differently (every number
    /// is configuration per municipality; absent fields take the service's value).
    public struct Municipality: Codable, Sendable, Hashable {
        /// A location_id of locations.geojson.
        public var zone: String
        public var name: String
        public var overrides: Overrides?
    }

    /// Per-municipality values; each replaces the service's when the traveller lives there.
    public struct Overrides: Codable, Sendable, Hashable {
        public var startFee: Double?
        public var perKm: Double?
        public var marketPerKm: Double?
        public var tariffRadiusKm: Double?
        public var maximumRadiusKm: Double?
        public var yearlyKmBudget: Double?
        public var leadTimeMinutes: Int?
        public var lateBookingSurcharge: Double?
    }

    /// Reads `service-rules.json`.
    ///
    /// - Throws: ``RulesError`` naming the file and the field that is wrong.
    public static func load(from path: String) throws -> ServiceRules {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesError(file: path, field: nil, message: "cannot read the file")
        }
        return try decode(data, file: path)
    }

    /// Decodes and checks the text of `service-rules.json`; `file` names it in errors.
    ///
    /// - Throws: ``RulesError`` with the line and column, the field and what was expected
    ///   (an unknown field lists the known ones).
    public static func decode(_ data: Data, file: String) throws -> ServiceRules {
        try decodeLocated(data, file: file).0
    }

    static func decodeLocated(_ data: Data, file: String) throws -> (ServiceRules, JSONDocument) {
        let (rules, document) = try RulesError.decode(ServiceRules.self, from: data, file: file)
        try RulesError.locating(in: document) { try rules.validate(file: file) }
        return (rules, document)
    }

    /// Every problem of `service-rules.json` (for `goan feed validate`): the first error of the
    /// file itself, or else what does not fit the feed beside it: a `routeId` that is not in
    /// routes.txt or has no flexible trips, a municipality zone that is not a location of
    /// locations.geojson.
    public static func problems(_ data: Data, file: String, feed: Feed?) -> [RulesError] {
        let rules: ServiceRules, document: JSONDocument
        do {
            (rules, document) = try decodeLocated(data, file: file)
        } catch let error as RulesError {
            return [error]
        } catch {
            return [RulesError(file: file, field: nil, message: "\(error)")]
        }
        guard let feed else { return [] }
        var problems: [RulesError] = []
        func problem(_ field: String, _ message: String) {
            let location = document.location(of: field)
            problems.append(RulesError(file: file, field: field, message: message, line: location?.line, column: location?.column))
        }
        for (index, service) in rules.services.enumerated() {
            let at = "services[\(index)]"
            if feed.routeIndexByID[service.routeId] == nil {
                problem("\(at).routeId", "route '\(service.routeId)' is not in routes.txt")
            } else {
                do {
                    _ = try OnDemandService(rules: service, feed: feed)
                } catch let error as RulesError {
                    problem("\(at).routeId", error.message)
                } catch {
                    problem("\(at).routeId", "\(error)")
                }
            }
            for (number, municipality) in service.municipalities.enumerated() where feed.flexLocationIndexByID[municipality.zone] == nil {
                problem("\(at).municipalities[\(number)].zone", "'\(municipality.zone)' is not a location_id of locations.geojson")
            }
        }
        return problems
    }

    /// Checks values a decoder cannot: clock times, ranges, signs.
    func validate(file: String) throws {
        for (index, service) in services.enumerated() {
            let at = "services[\(index)]"
            for (name, text) in [("serviceHours.start", service.serviceHours.start), ("serviceHours.end", service.serviceHours.end)]
            where ClockTime.seconds(text) == nil {
                throw RulesError(file: file, field: "\(at).\(name)", message: "'\(text)' is not a time (expected HH:MM)")
            }
            if let late = service.booking.lateBookingAfter, ClockTime.seconds(late) == nil {
                throw RulesError(file: file, field: "\(at).booking.lateBookingAfter", message: "'\(late)' is not a time (expected HH:MM)")
            }
            if service.distance.maximumRadiusKm < service.distance.tariffRadiusKm {
                throw RulesError(file: file, field: "\(at).distance.maximumRadiusKm", message: "must not be below tariffRadiusKm")
            }
            if service.fare.perKm < 0 || service.fare.startFee < 0 {
                throw RulesError(file: file, field: "\(at).fare", message: "fares must not be negative")
            }
            if service.pickupWindowMinutes < 0 || service.pickupWindowMinutes > 120 {
                throw RulesError(file: file, field: "\(at).pickupWindowMinutes", message: "must be within 0…120")
            }
            if let share = service.companions.discountedShare, !(0 ... 1).contains(share) {
                throw RulesError(file: file, field: "\(at).companions.discountedShare", message: "must be within 0…1")
            }
            if let boarding = service.boardingMinutes {
                let times = [("standard", boarding.standard), ("wheelchairOrScooter", boarding.wheelchairOrScooter),
                             ("doorToDoorExtra", boarding.doorToDoorExtra), ("roomToRoomExtra", boarding.roomToRoomExtra)]
                for (name, minutes) in times where !(0 ... 60).contains(minutes) {
                    throw RulesError(file: file, field: "\(at).boardingMinutes.\(name)", message: "must be within 0…60 minutes")
                }
            }
            for (name, rule) in [("rideTime", service.rideTime), ("shortRideTime", service.shortRideTime)] {
                if let rule, rule.factor < 1 || rule.factor > 10 || rule.extraMinutes < 0 {
                    throw RulesError(file: file, field: "\(at).\(name)", message: "factor must be within 1…10 and extraMinutes not negative")
                }
            }
        }
    }

    public func service(_ id: String) -> Service? { services.first { $0.id == id } }
}

extension ServiceRules.Service {
    /// The rules for a traveller living in the municipality whose zone is `zone`: the service's
    /// values with that municipality's overrides applied.
    public func applying(municipalityZone zone: String?) -> ServiceRules.Service {
        guard let zone, let overrides = municipalities.first(where: { $0.zone == zone })?.overrides else { return self }
        var rules = self
        if let value = overrides.startFee { rules.fare.startFee = value }
        if let value = overrides.perKm { rules.fare.perKm = value }
        if let value = overrides.marketPerKm { rules.fare.marketPerKm = value }
        if let value = overrides.tariffRadiusKm { rules.distance.tariffRadiusKm = value }
        if let value = overrides.maximumRadiusKm { rules.distance.maximumRadiusKm = value }
        if let value = overrides.yearlyKmBudget { rules.yearlyKmBudget = value }
        if let value = overrides.leadTimeMinutes { rules.booking.leadTimeMinutes = value }
        if let value = overrides.lateBookingSurcharge { rules.booking.lateBookingSurcharge = value }
        return rules
    }
}

/// A problem in a rules or supply file, naming the file, the place in it and the field.
public struct RulesError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column in the file, when the problem is at one place in it.
    public var line: Int?
    public var column: Int?
    /// A path such as `services[0].booking.lateBookingAfter`.
    public var field: String?
    public var message: String

    public init(file: String, field: String?, message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.field = field
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ problem: JSONProblem, file: String) {
        self.init(
            file: file, field: problem.field.isEmpty ? nil : problem.field, message: problem.expected,
            line: problem.location?.line, column: problem.location?.column)
    }

    /// `file:line:column: field: message`, as compilers and `goan feed validate` write.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(location): \(field.map { "\($0): " } ?? "")\(message)"
    }

    /// Parses and decodes a JSON data file strictly (``JSONDocument``).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws -> (T, JSONDocument) {
        do {
            let document = try JSONDocument(parsing: data)
            return (try document.decode(T.self), document)
        } catch let problem as JSONProblem {
            throw RulesError(problem, file: file)
        }
    }

    /// Runs the checks of a decoded file, adding the line and column of the field they name.
    static func locating(in document: JSONDocument, _ checks: () throws -> Void) throws {
        do {
            try checks()
        } catch var error as RulesError where error.line == nil {
            if let field = error.field, let location = document.location(of: field) {
                error.line = location.line
                error.column = location.column
            }
            throw error
        }
    }
}

/// "HH:MM" clock times as seconds (service-day times may pass 24:00).
public enum ClockTime {
    /// "HH:MM" of minutes after midnight (0 ≤ minutes).
    public static func text(minutes: Int) -> String {
        "\(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
    }

    /// Seconds after midnight of "HH:MM" or "HH:MM:SS" (hours 0…47), or `nil`. Read byte by
    /// byte without allocating: shift and window times are read on every availability check.
    public static func seconds(_ text: String) -> Int32? {
        var utf8 = text.utf8.makeIterator()
        var hours: Int32 = 0, minutes: Int32 = 0, seconds: Int32 = 0
        var count = 0, digits = 0
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") {
                guard digits > 0, count < 2 else { return nil }
                count += 1
                digits = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 2 {
                let digit = Int32(byte - UInt8(ascii: "0"))
                switch count {
                case 0: hours = hours * 10 + digit
                case 1: minutes = minutes * 10 + digit
                default: seconds = seconds * 10 + digit
                }
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, count == 1 || count == 2, (0 ... 47).contains(hours), (0 ... 59).contains(minutes), (0 ... 59).contains(seconds)
        else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }
}
