//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import FleetDispatch
import GTFS
import Mobility

extension DayLoop {
    /// The KPIs of a set of requests and rides (one day, or the run with `use` summed).
    func kpis(day: String, records: [RequestRecord], rides: [RideRecord], use: DayUsage) -> DayKPIs {
        let costs = simulator.scenario.costs
        var k = DayKPIs(day: day)
        k.requests = records.count
        k.served = records.filter { $0.outcome == .served }.count
        k.servedShare = records.isEmpty ? 0 : Double(k.served) / Double(records.count)
        for record in records {
            if record.outcome == .served {
                k.modeSplit[record.mode, default: 0] += 1
                k.travellerPaid += record.price
            } else {
                k.refusals[record.reason, default: 0] += 1
            }
        }
        let late = rides.filter { $0.waitBeyondWindow > 0.05 }
        k.ridesOutsideWindow = late.count
        k.meanMinutesBeyondWindow = late.isEmpty ? 0 : late.reduce(0) { $0 + $1.waitBeyondWindow } / Double(late.count)
        let timed = rides.filter { $0.directMinutes >= 1 }
        k.meanRideTimeRatio = timed.isEmpty ? 0 : timed.reduce(0) { $0 + $1.rideMinutes / $1.directMinutes } / Double(timed.count)
        k.ridesMovedByCentral = use.movedByCentral
        k.plannedEarlyPickupShare = use.plannedPickups > 0 ? Double(use.plannedEarlyPickups) / Double(use.plannedPickups) : 0
        k.vehicleKm = use.taxiKm
        k.vehicleHours = use.taxiHours
        k.emptyKm = use.taxiEmptyKm
        k.occupancy = use.taxiKm > 0 ? use.taxiPassengerKm / use.taxiKm : 0
        let taxiRides = rides.filter { $0.service == .regiotaxi }.count
        k.ridesPerVehicleHour = use.taxiHours > 0 ? Double(taxiRides) / use.taxiHours : 0
        k.volunteerHours = use.volunteerHours
        k.volunteerRides = rides.count - taxiRides
        k.ridesPerVolunteer = use.volunteers > 0 ? Double(k.volunteerRides) / Double(use.volunteers) : 0
        k.operatorCost = use.taxiHours * (costs?.regiotaxiPerVehicleHour ?? 45) + Double(k.volunteerRides) * (costs?.automaatjeCoordinationPerRide ?? 2.5)
        k.kmBudgetUsed = use.kmBudget
        k.co2Kg = (use.taxiKm * (costs?.taxiGramsPerKm ?? 160) + use.volunteerKm * (costs?.carGramsPerKm ?? 130)
            + use.transitKm * (costs?.transitGramsPerPassengerKm ?? 70)) / 1000
        return k
    }

    /// The day's standing-order trips: booked or refused, their rides as driven, and the
    /// vehicles the day used.
    mutating func fixedRideKPIs(
        day: Int, date: String, execution: DayExecution, vehicleDays: [VehicleDay], byRide: [RideID: BookedRide], window: Double
    ) -> DayKPIs.FixedRideKPIs {
        var k = DayKPIs.FixedRideKPIs(
            trips: 0, refused: 0, rides: 0, ridesOutsideWindow: 0, meanRideMinutes: 0, meanRideTimeRatio: 0, longestRideMinutes: 0, vehiclesUsed: 0,
            vehiclesWithFixedRides: 0)
        var ridden: [RideRecord] = []
        for trip in fixedTrips[day] ?? [] {
            switch trip.outcome {
            case .skipped: continue
            case .notOffered: k.refused += 1
            case .booked(let details):
                guard details.booking.state.isLive else { k.refused += 1; continue }
                k.trips += 1
                for leg in details.legs where leg.isOnDemand {
                    guard let id = leg.id, let ride = execution.rides[id] else { continue }
                    let drive = desk.dispatcher.road.drive(from: BookingRide.from(leg), to: BookingRide.to(leg))
                    let agreed = Double(leg.pickupMinute)
                    ridden.append(RideRecord(
                        request: StandingOrder.bookingKey(trip.order.id ?? 0, date: date), day: date, traveller: trip.order.travellerId.rawValue,
                        service: ride.service, vehicle: ride.vehicle, agreedPickup: agreed, pickup: ride.pickup, dropoff: ride.dropoff,
                        rideMinutes: ride.dropoff - ride.pickup - desk.dispatcher.boardingMinutes.minutes(for: leg.rideNeeds),
                        directMinutes: Double(drive.seconds) / 60, waitBeyondWindow: (max(0, ride.pickup - agreed - window) * 100).rounded() / 100,
                        km: (drive.metres / 100).rounded() / 10))
                }
            }
        }
        k.rides = ridden.count
        k.ridesOutsideWindow = ridden.filter { $0.waitBeyondWindow > 0.05 }.count
        k.meanRideMinutes = ridden.isEmpty ? 0 : ridden.reduce(0) { $0 + $1.rideMinutes } / Double(ridden.count)
        let timed = ridden.filter { $0.directMinutes >= 1 }
        k.meanRideTimeRatio = timed.isEmpty ? 0 : timed.reduce(0) { $0 + $1.rideMinutes / $1.directMinutes } / Double(timed.count)
        k.longestRideMinutes = ridden.map(\.rideMinutes).max() ?? 0
        // Vehicles, not shifts: a vehicle with two shifts that day counts once.
        let used = vehicleDays.filter { $0.kind == .regiotaxi && !$0.stops.isEmpty }
        k.vehiclesUsed = Set(used.map(\.vehicle)).count
        k.vehiclesWithFixedRides = Set(used.filter { $0.stops.contains { byRide[$0.ride].map { $0.group != .wmo } ?? false } }.map(\.vehicle)).count
        fixedRides += ridden
        return k
    }

    /// The run's standing-order figures: sums, means over every ride, the most vehicles on a day.
    func fixedRideTotals() -> DayKPIs.FixedRideKPIs? {
        let daily = days.compactMap(\.fixedRides)
        guard !daily.isEmpty else { return nil }
        let timed = fixedRides.filter { $0.directMinutes >= 1 }
        let minutes: Double = fixedRides.reduce(0) { $0 + $1.rideMinutes }
        let ratios: Double = timed.reduce(0) { $0 + $1.rideMinutes / $1.directMinutes }
        var k = DayKPIs.FixedRideKPIs(
            trips: 0, refused: 0, rides: fixedRides.count, ridesOutsideWindow: 0, meanRideMinutes: 0, meanRideTimeRatio: 0, longestRideMinutes: 0,
            vehiclesUsed: 0, vehiclesWithFixedRides: 0)
        for day in daily {
            k.trips += day.trips
            k.refused += day.refused
            k.ridesOutsideWindow += day.ridesOutsideWindow
            k.vehiclesUsed = max(k.vehiclesUsed, day.vehiclesUsed)
            k.vehiclesWithFixedRides = max(k.vehiclesWithFixedRides, day.vehiclesWithFixedRides)
        }
        k.meanRideMinutes = fixedRides.isEmpty ? 0 : minutes / Double(fixedRides.count)
        k.meanRideTimeRatio = timed.isEmpty ? 0 : ratios / Double(timed.count)
        k.longestRideMinutes = fixedRides.map(\.rideMinutes).max() ?? 0
        return k
    }

    /// Rides per day over the given days (0 without days).
    static func meanPerDay(_ rides: [RideRecord], days: [String]) -> Double {
        let chosen = Set(days)
        return chosen.isEmpty ? 0 : Double(rides.filter { chosen.contains($0.day) }.count) / Double(chosen.count)
    }

    /// The run's result once every day is closed.
    func result(timing: KPIs.Timing) -> SimulationResult {
        let scenario = simulator.scenario
        let all = records.compactMap { $0 }
        var total = DayUsage()
        for day in usage {
            total.taxiKm += day.taxiKm
            total.taxiEmptyKm += day.taxiEmptyKm
            total.taxiPassengerKm += day.taxiPassengerKm
            total.taxiHours += day.taxiHours
            total.volunteerKm += day.volunteerKm
            total.volunteerHours += day.volunteerHours
            total.transitKm += day.transitKm
            total.kmBudget += day.kmBudget
            total.plannedPickups += day.plannedPickups
            total.plannedEarlyPickups += day.plannedEarlyPickups
            total.movedByCentral += day.movedByCentral
        }
        let volunteerRides = rides.filter { $0.service == .automaatje }
        // Rides per volunteer over the run: distinct volunteers who drove at all.
        total.volunteers = ridesByVolunteer.count
        var totals = kpis(day: "total", records: all, rides: rides, use: total)
        totals.fixedRides = fixedRideTotals()
        let compared = days.compactMap(\.asBooked)
        if !compared.isEmpty {
            let timed = compared.reduce(0) { $0 + $1.timedRides }
            totals.asBooked = .init(
                vehicleKm: compared.reduce(0) { $0 + $1.vehicleKm }, vehicleHours: compared.reduce(0) { $0 + $1.vehicleHours },
                ridesOutsideWindow: compared.reduce(0) { $0 + $1.ridesOutsideWindow },
                meanRideTimeRatio: timed == 0 ? 0 : compared.reduce(0) { $0 + $1.meanRideTimeRatio * Double($1.timedRides) } / Double(timed),
                timedRides: timed)
        }
        let riders = Set(volunteerRides.map(\.traveller))
        let alone = riders.filter { id in simulator.supply.travellers.first { $0.id.rawValue == id }?.livesAlone == true }.count
        var kpis = KPIs(
            scenario: scenario.name, seed: scenario.seed, days: days, total: totals, automaatjeRiders: riders.count,
            automaatjeRidersLivingAlone: riders.isEmpty ? 0 : Double(alone) / Double(riders.count), timing: timing)
        let perVolunteer = simulator.supply.volunteers.map { Double(ridesByVolunteer[$0.id] ?? 0) }
        if !perVolunteer.isEmpty {
            let mean = perVolunteer.reduce(0, +) / Double(perVolunteer.count)
            kpis.volunteerLoad = .init(
                volunteers: perVolunteer.count, maximum: Int(perVolunteer.max() ?? 0),
                standardDeviation: (perVolunteer.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(perVolunteer.count)).squareRoot(),
                drove: perVolunteer.filter { $0 > 0 }.count)
        }
        let calibration = (scenario.calibration ?? []).map { target in
            let simulated: Double =
                switch target.figure {
                case "automaatjeRides": Double(volunteerRides.count)
                case "automaatjeRiders": Double(riders.count)
                case "automaatjeRidersLivingAlone": kpis.automaatjeRidersLivingAlone
                case "requests": Double(all.count)
                case "regiotaxiRidesPerWeekday":
                    // Monday to Friday only: the weekend runs a smaller fleet.
                    Self.meanPerDay(rides.filter { $0.service == .regiotaxi }, days: days.map(\.day).filter { ServiceDate($0).map { $0.weekday < 5 } ?? false })
                default: days.isEmpty ? 0 : Double(rides.count - volunteerRides.count) / Double(days.count)
                }
            return CalibrationCheck(
                figure: target.figure, real: target.real, simulated: simulated, tolerance: target.tolerance, source: target.source,
                kind: target.kind == .target ? .target : nil)
        }
        var result = SimulationResult(
            scenario: scenario.name, description: scenario.description, seed: scenario.seed, kpis: kpis, requests: all, rides: rides,
            timelines: timelines, calibration: calibration)
        result.roadModel = desk.dispatcher.road.description
        return result
    }
}
