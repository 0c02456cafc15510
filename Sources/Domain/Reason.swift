//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The code of a ``Reason``; its raw value is the code as written in messages and logs.
public enum ReasonCode: String, Sendable, Hashable, Codable, CaseIterable, WireName {
    /// Booked too late (Regiotaxi: 60 minutes; AutoMaatje: 2 working days).
    case leadTimeNotMet = "LEAD_TIME_NOT_MET"
    /// Farther from home than the service rides (Regiotaxi: 28 km).
    case outsideRadius = "OUTSIDE_RADIUS"
    /// The yearly kilometre budget is used up and there is no market rate.
    case kmBudgetExhausted = "KM_BUDGET_EXHAUSTED"
    /// No pass or membership for this service.
    case notEligible = "NOT_ELIGIBLE"
    /// No vehicle on duty can carry the traveller's aid (a wheelchair place).
    case noVehicleWithAid = "NO_VEHICLE_WITH_AID"
    /// Every suitable vehicle on duty is already booked then.
    case noVehicleAvailable = "NO_VEHICLE_AVAILABLE"
    /// No volunteer is available then and near enough.
    case noVolunteerAvailable = "NO_VOLUNTEER_AVAILABLE"
    /// Outside the service's hours.
    case outsideServiceHours = "OUTSIDE_SERVICE_HOURS"
    /// The origin or destination lies outside the service's zones.
    case outsideServiceArea = "OUTSIDE_SERVICE_AREA"
    /// The service does not run on that day.
    case noServiceThatDay = "NO_SERVICE_THAT_DAY"
    /// No public transport connects the places in time.
    case noTransitConnection = "NO_TRANSIT_CONNECTION"
    /// More companions than the service takes along.
    case tooManyCompanions = "TOO_MANY_COMPANIONS"
    /// A companion is younger than the service's minimum age.
    case companionTooYoung = "COMPANION_TOO_YOUNG"
    /// The walk to or from a stop is longer than the traveller can manage.
    case walkTooLong = "WALK_TOO_LONG"
    /// The option walks before sunrise or after sunset, and the traveller is night-blind (CROW ZR-14).
    case walkInTheDark = "WALK_IN_THE_DARK"
    /// Beyond the service's radius, for a traveller with a Valys pass (CROW RR-03): Valys, the
    /// national Wmo transport for longer trips, takes them.
    case travelWithValys = "TRAVEL_WITH_VALYS"

    // Why a booking ended without a ride (the trip's reason; the planner's codes above also
    // end bookings: the commit checks the rules again).
    /// The offer's price and rules held until a moment that passed before the commit.
    case offerExpired = "OFFER_EXPIRED"
    /// A coordinator or dispatcher refused the booking.
    case denied = "DENIED"
    /// The trip departed before the booking was made or committed.
    case departureInThePast = "DEPARTURE_IN_THE_PAST"
    /// The traveller has another live booking at the same time (the same ride booked twice).
    case overlappingBooking = "OVERLAPPING_BOOKING"
}

/// Why an option is not offered or a booking ended, in domain terms: a code for programs and a
/// sentence for people.
public struct Reason: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public typealias Code = ReasonCode

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
