//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain
/// Everything a simulation run produced: what the report, `kpis.json` and the CSVs are made of.
public struct SimulationResult: Sendable {
    /// The scenario's name (e.g. `twenterand-2019`) and its one-paragraph description.
    public var scenario: String
    public var description: String
    public var seed: UInt64
    public var kpis: KPIs
    /// One record per trip request, in the order they were made.
    public var requests: [RequestRecord]
    /// One record per on-demand ride that was driven (Regiotaxi and AutoMaatje).
    public var rides: [RideRecord]
    /// Each vehicle's and volunteer's day, for every simulated day.
    public var timelines: [Timeline]
    /// The pilot's real figures next to the simulated ones, where the scenario states them.
    public var calibration: [CalibrationCheck]
    /// Which road model gave every drive and walk ("road network: F" or "straight-line
    /// estimate"); stated in the report, not in the CSV and JSON outputs.
    public var roadModel: String = ""
}

/// What became of one trip request. Every request has exactly one outcome.
public struct RequestRecord: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable, Hashable, CaseIterable {
        /// Booked and travelled (for on-demand legs: driven by a vehicle or volunteer).
        case served
        /// Not served; `reason` says why (a `Reason.Code` or a booking refusal code).
        case refused
    }

    /// `R000001`, in the order the requests were made.
    public var id: String
    /// Travel date, YYYY-MM-DD.
    public var day: String
    /// Pseudonymous traveller id (`T0001`), the same for all requests of one traveller in a run.
    public var traveller: String
    /// `medical`, `activities`, `family`, `shopping` or `vaccination`.
    public var purpose: String
    /// When the request was made, minutes before the desired time.
    public var leadMinutes: Int
    /// The desired time, minutes after midnight of `day` (arrive by, or depart at for returns).
    public var desiredMinute: Int
    public var outcome: Outcome
    /// The modes of the chosen option joined by `+` without walking (`regiotaxi`, `transit`,
    /// `automaatje+transit`, `walk` for a walk only); empty when refused.
    public var mode: String
    /// Refusal code (e.g. `NO_VEHICLE_AVAILABLE`, `NO_OPTION`), empty when served.
    public var reason: String
    /// Euros the traveller paid (fares, surcharges).
    public var price: Double
    /// Minutes of a direct drive from origin to destination (the yardstick of ride times).
    public var directMinutes: Double
}

/// One on-demand ride as it was executed.
public struct RideRecord: Codable, Sendable, Hashable {
    /// The request it serves.
    public var request: String
    public var day: String
    /// Pseudonymous traveller id.
    public var traveller: String
    /// `.regiotaxi` or `.automaatje`.
    public var service: TravelMode
    /// Vehicle shift (`RT-01 06:00–14:00`) or volunteer (`Henk (V01) 09:00–12:00`).
    public var vehicle: String
    /// Minutes after midnight: the agreed pickup, the actual pickup and drop-off.
    public var agreedPickup: Double
    public var pickup: Double
    public var dropoff: Double
    /// Minutes on board (drop-off − pickup) and of the direct drive.
    public var rideMinutes: Double
    public var directMinutes: Double
    /// Minutes picked up outside the agreed window (0 inside it).
    public var waitBeyondWindow: Double
    /// Kilometres of the direct drive (for Regiotaxi what the traveller's km budget is charged).
    public var km: Double
}

/// A vehicle's or volunteer's day: the periods it drives, waits or serves, with people on board.
public struct Timeline: Codable, Sendable, Hashable {
    public struct Segment: Codable, Sendable, Hashable {
        /// Minutes after midnight.
        public var start: Double
        public var end: Double
        /// `drive` (moving), `wait` (stopped, waiting for a pickup time) or `stop` (boarding).
        public var activity: String
        /// People on board during the segment.
        public var onBoard: Int
    }

    public var day: String
    public var vehicle: String
    /// `regiotaxi` or `volunteer`.
    public var kind: String
    /// The shift or availability window, minutes after midnight.
    public var shiftStart: Double
    public var shiftEnd: Double
    public var segments: [Segment]
}

/// The key figures of a day (or of the whole run, `day == "total"`).
public struct DayKPIs: Codable, Sendable, Hashable {
    public var day: String
    public var requests: Int
    public var served: Int
    /// served ÷ requests (0 when there were none).
    public var servedShare: Double
    /// Refused requests by reason code.
    public var refusals: [String: Int]
    /// Served requests by mode (`RequestRecord.mode`).
    public var modeSplit: [String: Int]
    /// On-demand rides picked up outside their window, and their mean minutes beyond it.
    public var ridesOutsideWindow: Int
    public var meanMinutesBeyondWindow: Double
    /// Regiotaxi rides the central moved to another taxi during the day (see `Central`).
    public var ridesMovedByCentral: Int
    /// Mean of ride time ÷ direct time over on-demand rides (1 = as fast as driving alone).
    public var meanRideTimeRatio: Double
    /// Share of the Regiotaxi pickups in the dispatcher's plan that begin more than 10 minutes
    /// before the agreed time (the plan, not the driving: the plan is what the operator sends).
    public var plannedEarlyPickupShare: Double
    /// Regiotaxi kilometres driven, of which without a passenger on board.
    public var vehicleKm: Double
    /// Regiotaxi hours on the road (first departure to last return, summed over vehicles).
    public var vehicleHours: Double
    public var emptyKm: Double
    /// Passenger-kilometres ÷ vehicle-kilometres of Regiotaxi (mean people on board per km).
    public var occupancy: Double
    /// Regiotaxi rides per hour of the vehicles' time on the road (first departure to last return).
    public var ridesPerVehicleHour: Double
    /// AutoMaatje: hours the volunteers were out (home to home), rides, rides per active volunteer.
    public var volunteerHours: Double
    public var volunteerRides: Int
    public var ridesPerVolunteer: Double
    /// Euros paid by travellers (fares, surcharges, cancellation fees).
    public var travellerPaid: Double
    /// Euros the operator spends: Regiotaxi vehicle hours at the scenario's hourly cost, minus
    /// nothing (fares are listed apart); AutoMaatje costs the operator only the coordination fee per ride.
    public var operatorCost: Double
    /// Kilometres taken from Wmo km budgets.
    public var kmBudgetUsed: Double
    /// Kilograms of CO2: vehicle km × the scenario's factors (taxi, volunteer car, public transport per passenger km).
    public var co2Kg: Double

    /// The same figures for the routes as booked, driven with the same delays: set when the day
    /// was re-optimised overnight, to show what that gained.
    public var asBooked: AsBooked?
    /// Day care and school transport (standing orders), when the scenario has them; the figures
    /// above count the trips of the population only, but vehicle km and hours count every ride.
    public var fixedRides: FixedRideKPIs?

    /// The standing orders' rides of a day (or the run).
    public struct FixedRideKPIs: Codable, Sendable, Hashable {
        /// Trips booked from standing orders, and those refused (no vehicle, not offered).
        public var trips: Int
        public var refused: Int
        /// Rides (one per way) driven, and those picked up outside the agreed window.
        public var rides: Int
        public var ridesOutsideWindow: Int
        /// Mean minutes on board, and on board ÷ the direct drive.
        public var meanRideMinutes: Double
        public var meanRideTimeRatio: Double
        /// The longest ride, minutes on board.
        public var longestRideMinutes: Double
        /// Vehicles (Regiotaxi and added) with at least one ride that day; the run: the most on
        /// any day (the vehicles needed).
        public var vehiclesUsed: Int
        /// Of them, vehicles that drove a day-care or school ride.
        public var vehiclesWithFixedRides: Int
    }

    public struct AsBooked: Codable, Sendable, Hashable {
        public var vehicleKm: Double
        public var vehicleHours: Double
        public var ridesOutsideWindow: Int
        public var meanRideTimeRatio: Double
        /// The rides the ratio is the mean over (direct drive of a minute or more).
        public var timedRides: Int
    }

    public init(day: String) {
        self.day = day
        requests = 0
        served = 0
        servedShare = 0
        refusals = [:]
        modeSplit = [:]
        ridesOutsideWindow = 0
        meanMinutesBeyondWindow = 0
        ridesMovedByCentral = 0
        meanRideTimeRatio = 0
        plannedEarlyPickupShare = 0
        vehicleKm = 0
        vehicleHours = 0
        emptyKm = 0
        occupancy = 0
        ridesPerVehicleHour = 0
        volunteerHours = 0
        volunteerRides = 0
        ridesPerVolunteer = 0
        travellerPaid = 0
        operatorCost = 0
        kmBudgetUsed = 0
        co2Kg = 0
    }
}

/// The run's KPIs: per day and in total, with where the time went.
public struct KPIs: Codable, Sendable, Hashable {
    public var scenario: String
    public var seed: UInt64
    public var days: [DayKPIs]
    public var total: DayKPIs
    /// Distinct travellers served by AutoMaatje (the pilot's "riders").
    public var automaatjeRiders: Int
    /// Share of those riders who live alone.
    public var automaatjeRidersLivingAlone: Double
    /// How the AutoMaatje rides were spread over the scenario's volunteers.
    public var volunteerLoad: VolunteerLoad = .init()

    /// AutoMaatje rides per volunteer over the run, over every volunteer of the supply (also
    /// those who drove none).
    public struct VolunteerLoad: Codable, Sendable, Hashable {
        public var volunteers = 0
        /// The most rides one volunteer drove.
        public var maximum = 0
        /// Standard deviation of the rides per volunteer.
        public var standardDeviation = 0.0
        /// Volunteers who drove at least one ride.
        public var drove = 0
    }
    /// Wall-clock seconds spent planning, booking (incl. volunteer answers) and dispatching
    /// (incl. execution). Not part of the simulated outcome: they differ from run to run.
    public var timing: Timing

    public struct Timing: Codable, Sendable, Hashable {
        public var planningSeconds: Double = 0
        public var bookingSeconds: Double = 0
        public var dispatchingSeconds: Double = 0
        /// The longest overnight re-optimisation of one day (part of dispatching).
        public var longestReoptimisationSeconds: Double = 0
    }
}

/// A simulated figure against the one it must land near: a real one, or a load target.
public struct CalibrationCheck: Codable, Sendable, Hashable {
    /// e.g. "AutoMaatje rides in six months".
    public var figure: String
    /// The figure to land near (a load target when `kind` is `.target`).
    public var real: Double
    public var simulated: Double
    /// Allowed relative deviation (0.15 = ±15 %).
    public var tolerance: Double
    public var source: String
    /// Absent (and not written to `kpis.json`): a figure measured in the real service.
    public var kind: CalibrationKind?

    public init(figure: String, real: Double, simulated: Double, tolerance: Double, source: String, kind: CalibrationKind? = nil) {
        self.figure = figure
        self.real = real
        self.simulated = simulated
        self.tolerance = tolerance
        self.source = source
        self.kind = kind
    }

    public var holds: Bool { abs(simulated - real) <= tolerance * abs(real) }

    /// How the figure is named where it is shown: "real" or "target".
    public var label: String { kind == .target ? "target" : "real" }
}

/// What a calibration figure is. A scenario built to carry a load (the whole region's 3,000
/// Regiotaxi rides a weekday) is checked against that load, but it is not a measurement, and
/// the output must not call it real.
public enum CalibrationKind: String, Codable, Sendable, Hashable {
    /// Counted in the real service (the AutoMaatje pilot's evaluation).
    case measured
    /// A load the scenario is built to carry.
    case target
}
