//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Mobility

/// A demand scenario (`Scenarios/NAME.json`, documented in `Scenarios/README.md`): who the
/// travellers are, where and when they want to go, the supply, the rules, the days and the seed.
/// The same file and seed give the same run.
public struct Scenario: Codable, Sendable, Hashable {
    public var name: String
    public var description: String
    public var seed: UInt64
    /// First simulated travel date, YYYY-MM-DD (inside the timetable's validity).
    public var start: String
    /// Number of consecutive days to simulate (1…400).
    public var days: Int
    public var supply: SupplySettings
    public var population: Population
    public var demand: Demand
    /// Destinations added to the base `places.json` (e.g. the hospitals and GPs of a larger region).
    public var places: [Place]?
    /// Changes from a day on (a rollout phase, corona measures), in order of `fromDay`; before
    /// the first phase the scenario applies as written.
    public var phases: [Phase]?
    public var rules: RuleOverrides?
    public var costs: Costs?
    public var execution: Execution?
    public var dispatch: DispatchSettings?
    /// Real figures the run must land near.
    public var calibration: [CalibrationTarget]?
    /// Day care and school transport as standing orders, on the Regiotaxi fleet or a separate one.
    public var fixedRides: FixedRides?
    /// A street network (`.roads` file, relative to the scenario file) for every drive and
    /// walk of the run; without it, and without `--roads`, the straight-line estimate.
    public var roads: String?

    /// The supply: the fleet and volunteers of a base scenario folder, scaled.
    public struct SupplySettings: Codable, Sendable, Hashable {
        /// Folder under `Scenarios/` with `fleet.json`, `volunteers.json` and `places.json`.
        public var base: String
        /// Vehicles × this (a fraction drops vehicles, more than 1 adds copies at `depots`).
        public var fleetScale: Double?
        /// Volunteers × this (0.5: half of them drop out).
        public var volunteerScale: Double?
        /// Overrides every volunteer's chance of accepting a ride (0…1).
        public var acceptanceRate: Double?
        /// Where added vehicles start their shifts (round robin); default the base depots.
        public var depots: [NamedPosition]?
    }

    public struct Population: Codable, Sendable, Hashable {
        /// Number of travellers who may use the app.
        public var travellers: Int
        public var ages: [AgeBand]
        /// Shares (0…1) of the travellers.
        public var livingAlone: Double
        public var wmoPass: Double
        public var automaatjeMember: Double
        public var aids: AidShares
        /// Village cores the homes are spread over (weight ∝ inhabitants).
        public var homes: [HomeArea]
        /// Yearly Regiotaxi km budget left at the start, per pass holder.
        public var kmBudget: Double?
        /// Share travelling with a companion.
        public var companion: Double?
        /// Shares preferring comfort, price and speed (the rest: no preference).
        public var preferences: PreferenceShares?
    }

    public struct AgeBand: Codable, Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var share: Double
    }

    public struct AidShares: Codable, Sendable, Hashable {
        public var wheelchair: Double
        public var mobilityScooter: Double
        public var walker: Double
        public var doorToDoorHelp: Double
    }

    public struct HomeArea: Codable, Sendable, Hashable {
        public var name: String
        public var lat: Double
        public var lon: Double
        /// Homes lie within this distance of the centre, metres.
        public var radiusMetres: Double
        public var weight: Double
    }

    public struct PreferenceShares: Codable, Sendable, Hashable {
        public var comfort: Double
        public var price: Double
        public var speed: Double
    }

    public struct Demand: Codable, Sendable, Hashable {
        /// Outbound trips per traveller per week (each may have a return trip).
        public var tripsPerTravellerPerWeek: Double
        /// Relative demand per weekday, keys `mon` … `sun`.
        public var weekdays: [String: Double]
        public var purposes: [Purpose]
        /// How long before the desired time a trip is booked.
        public var leadTimes: [LeadTime]
    }

    public struct Purpose: Codable, Sendable, Hashable {
        /// `medical`, `activities`, `family`, `shopping`, `vaccination`.
        public var name: String
        public var share: Double
        /// Place kinds of the base `places.json` (`hospital`, `gp`, …) or `family` (another
        /// traveller's home area); the nearest of a kind is most likely.
        public var destinations: [String]
        /// When people want to arrive, as bands of the day.
        public var arrivals: [TimeBand]
        /// Minutes at the destination before the return trip.
        public var stayMinutes: Int
        /// Share of trips with a return trip home.
        public var returnShare: Double
    }

    public struct TimeBand: Codable, Sendable, Hashable {
        /// "HH:MM".
        public var from: String
        public var to: String
        public var share: Double
    }

    public struct LeadTime: Codable, Sendable, Hashable {
        /// Hours before the desired time, a band.
        public var fromHours: Double
        public var toHours: Double
        public var share: Double
    }

    public struct Phase: Codable, Sendable, Hashable {
        /// Day index (0 = `start`) from which the phase applies.
        public var fromDay: Int
        public var label: String
        /// Demand × this.
        public var demandFactor: Double?
        /// Who uses the app: `all`, `passHolders` (Wmo pass), `passHoldersAndMembers`.
        public var users: String?
        /// Only trips with these purposes are made (e.g. corona: `medical`, `vaccination`).
        public var purposes: [String]?
        /// Extra purpose shares in this phase (e.g. vaccination rides), name → share.
        public var extraPurposes: [String: Double]?
    }

    /// Changes to `service-rules.json` for this scenario.
    public struct RuleOverrides: Codable, Sendable, Hashable {
        public var regiotaxiPickupWindowMinutes: Int?
        public var regiotaxiLeadTimeMinutes: Int?
        public var automaatjeLeadWorkingDays: Int?
        public var automaatjeResponseDeadlineHours: Int?
    }

    public struct Costs: Codable, Sendable, Hashable {
        /// Euros per hour a Regiotaxi vehicle is on the road (driver, vehicle, fuel).
        public var regiotaxiPerVehicleHour: Double?
        /// Euros of coordination per AutoMaatje ride.
        public var automaatjeCoordinationPerRide: Double?
        /// Grams of CO2 per vehicle km (taxi, volunteer car) and per public-transport passenger km.
        public var taxiGramsPerKm: Double?
        public var carGramsPerKm: Double?
        public var transitGramsPerPassengerKm: Double?
    }

    public struct Execution: Codable, Sendable, Hashable {
        /// Chance that a drive between two stops is delayed, and the mean delay (minutes, exponential).
        public var delayProbability: Double?
        public var delayMeanMinutes: Double?
        /// Mean hours a volunteer takes to answer a ride request (exponential).
        public var volunteerAnswerMeanHours: Double?
        /// Whether the Regiotaxi central moves a ride that a delayed taxi would fetch after
        /// the window to another taxi during the day (default true; see `Central`).
        public var centralMovesLateRides: Bool?
    }

    public struct DispatchSettings: Codable, Sendable, Hashable {
        /// Search iterations of the day's overnight re-optimisation, from the routes as booked
        /// (0: the routes are driven as booked).
        public var iterations: Int?
        /// Days with more Regiotaxi rides than this keep the routes as booked (days of more
        /// than 1,200 nodes get their travel times on demand, not as a matrix).
        public var maxRidesToImprove: Int?
        /// Minutes of route cost per minute a passenger rides (along the route's path, waiting
        /// aside) in the overnight re-optimisation: 0 (the default) weighs driving only.
        public var rideTimeWeight: Double?
        /// Minutes around the agreed pickup time within which the overnight re-optimisation
        /// plans each pickup where the day allows (the rest keep the whole window); absent:
        /// the whole pickup window.
        public var planningWindowMinutes: Double?
        /// Minutes before the agreed pickup time at which the planning window opens, when
        /// other than `planningWindowMinutes` (which then is the room after it); absent: the same.
        public var planningWindowBeforeMinutes: Double?

        public init(
            iterations: Int? = nil, maxRidesToImprove: Int? = nil, rideTimeWeight: Double? = nil, planningWindowMinutes: Double? = nil,
            planningWindowBeforeMinutes: Double? = nil
        ) {
            self.iterations = iterations
            self.maxRidesToImprove = maxRidesToImprove
            self.rideTimeWeight = rideTimeWeight
            self.planningWindowMinutes = planningWindowMinutes
            self.planningWindowBeforeMinutes = planningWindowBeforeMinutes
        }
    }

    public struct CalibrationTarget: Codable, Sendable, Hashable {
        /// `automaatjeRides`, `automaatjeRiders`, `automaatjeRidersLivingAlone`, `requests`,
        /// `regiotaxiRidesPerDay`, `regiotaxiRidesPerWeekday` (Monday to Friday).
        public var figure: String
        /// The figure to land near: measured in the real service, or a load target (`kind`).
        public var real: Double
        /// Allowed relative deviation (0.15 = ±15 %).
        public var tolerance: Double
        public var source: String
        /// Absent: `real` was measured in the real service.
        public var kind: CalibrationKind?
    }
}
