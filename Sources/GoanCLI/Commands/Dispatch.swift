//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Bookings
import Domain
import FleetDispatch
import Foundation
import GTFS
import Mobility
import Planner
import RideDispatch

extension GoanCommand {
    /// `goan dispatch`: assign rides to vehicles (a dial-a-ride problem).
    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign rides to vehicles: solve a dial-a-ride problem.",
            discussion: """
                --date D assigns the booked rides of that day (from the bookings database, or --rides FILE): \
                Regiotaxi rides to the fleet's vehicles on duty, AutoMaatje rides to volunteers within their \
                availability and ride limits; prints a schedule per vehicle and volunteer, and every ride that \
                cannot be assigned with its reason.

                --cordeau FILE solves an instance of the Cordeau (2006) benchmark and writes the routes in \
                the format of the independent checker ({"routes": [[…], …]}). Ends with: cost=… time_s=…
                """)

        @Option(help: "An instance in the Cordeau (2006) format.")
        var cordeau: String?

        @Option(help: "The day to dispatch, YYYY-MM-DD.")
        var date: String?

        @Option(help: "Read the day's rides from this CSV file instead of the bookings database (e.g. Scenarios/twente/rides-2026-11-23.csv).")
        var rides: String?

        @OptionGroup var store: StoreArguments

        @Option(help: "Output: table, json or csv.")
        var format: String = "table"

        @OptionGroup var timetable: TimetableArguments

        @Option(help: "Seconds to search (the best solution so far is returned).")
        var timeLimit: Double = 10

        @Option(help: "At most this many search iterations (for runs that replay exactly).")
        var iterations: Int?

        @Option(help: "Seed of the search.")
        var seed: UInt64 = 1

        @Option(help: "Where to write the routes (JSON).")
        var out: String?

        func validate() throws {
            if (cordeau == nil) == (date == nil) { throw ValidationError("give exactly one of --cordeau FILE or --date YYYY-MM-DD") }
            if let date, ServiceDate(date) == nil { throw ValidationError("--date '\(date)' is not a date (expected YYYY-MM-DD)") }
            if !["table", "json", "csv"].contains(format) { throw ValidationError("--format must be table, json or csv") }
            if !(0 ... 3600).contains(timeLimit) { throw ValidationError("--time-limit must be within 0…3600 seconds") }
            if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        }

        func run() throws {
            if let date { return try runDay(ServiceDate(date)!) }
            let cordeau = self.cordeau!
            guard let data = FileManager.default.contents(atPath: cordeau) else {
                throw CLIError("cannot read \(cordeau)")
            }
            let name = URL(fileURLWithPath: cordeau).deletingPathExtension().lastPathComponent
            let instance: DARPInstance
            do {
                instance = try CordeauReader.parse(String(decoding: data, as: UTF8.self), name: URL(fileURLWithPath: cordeau).lastPathComponent)
            } catch let error as CordeauReader.ParseError {
                throw CLIError(error.description)
            }
            let clock = ContinuousClock()
            let start = clock.now
            var solver = DARPSolver(instance: instance, seed: seed)
            let solution = solver.solve(timeLimit: timeLimit, iterations: iterations ?? .max)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if let out { try OutputFile.write(lines: [solution.json], to: out) }
            print("\(name): \(instance.requestCount) requests, \(instance.vehicles) vehicles")
            for (index, route) in solution.routes.enumerated() where !route.isEmpty {
                print("  vehicle \(index + 1): \(route.count / 2) requests, stops \(route.map(String.init).joined(separator: " "))")
            }
            for request in solution.unassigned.sorted() {
                print("  request \(request) is not assigned: \(instance.reason(unassigned: request))")
            }
            print("iterations=\(solver.statistics.iterations) improvements=\(solver.statistics.improvements) evaluations=\(solver.statistics.evaluations)")
            print(String(format: "cost=%.2f time_s=%.2f unassigned=%d", solution.cost, seconds, solution.unassigned.count))
        }
    }
}

extension GoanCommand.Dispatch {
    /// Dispatches one day of booked rides and prints the schedule.
    func runDay(_ day: ServiceDate) throws {
        let dispatcher: DayDispatcher, booked: [BookedRide]
        if let rides {
            let region = try timetable.loadRegion(scenario: store.scenarioFolder.scenario)
            do {
                booked = try BookedRide.load(rides)
            } catch let error as RulesError {
                throw CLIError(error.description)
            }
            dispatcher = DayDispatcher(rules: region.rules, vehicles: region.supply.vehicles, volunteers: region.supply.volunteers, road: region.road)
        } else {
            // The day's rides from the bookings store, with the dispatcher of the desk.
            let desk = try openDeskSayingWhatTheClockChanged(store, timetable, toStandardError: format != "table")
            // Standing orders become the day's bookings first (a day booked before is kept).
            let trips = try deskCall { try desk.bookStandingOrders(on: day, now: store.moment(timezone: desk.timezone)) }
            if trips.contains(where: { if case .skipped(.notThatWeekday) = $0.outcome { false } else { true } }) {
                let report = StandingOrderText.report(trips, date: day.description, timezone: desk.timezone).joined(separator: "\n") + "\n"
                if format == "table" { print(report) } else { FileHandle.standardError.write(Data(report.utf8)) }
            }
            (dispatcher, booked) = (desk.dispatcher, try desk.rides(on: day.description))
        }
        // AutoMaatje rides not yet offered: each volunteer the plan gives one answers with their
        // acceptance rate (seeded, so a run replays exactly).
        var answers = SeededGenerator(seed: seed &+ 0x5EED)
        let schedule = dispatcher.dispatch(booked, date: day, timeLimit: timeLimit, iterations: iterations ?? .max, seed: seed) { _, volunteer in
            Double.random(in: 0 ..< 1, using: &answers) < (volunteer.acceptanceRate ?? 1)
        }
        func clock(_ minutes: Double) -> String { ClockTime.text(minutes: Int(minutes.rounded())) }
        switch format {
        case "csv":
            print("vehicle,kind,time,action,ride_id,traveller_id,place")
            for vehicleDay in schedule.days {
                for stop in vehicleDay.stops {
                    print([vehicleDay.shift.rawValue, vehicleDay.kind.rawValue, clock(stop.time), stop.pickup ? "pickup" : "dropoff", stop.ride.rawValue, stop.traveller.rawValue, stop.place].map(csvField).joined(separator: ","))
                }
            }
            for (ride, reason) in schedule.unassigned {
                print(["", "", "", "unassigned", ride.id.rawValue, ride.traveller.rawValue, reason].map(csvField).joined(separator: ","))
            }
        case "json":
            struct StopJSON: Codable { var time: String; var action: String; var rideId: String; var travellerId: String; var place: String }
            struct DayJSON: Codable { var vehicle: String; var kind: String; var kilometres: Double; var stops: [StopJSON] }
            struct Unassigned: Codable { var rideId: String; var reason: String }
            struct Document: Codable { var date: String; var rides: Int; var kilometres: Double; var roads: String; var vehicles: [DayJSON]; var unassigned: [Unassigned] }
            let document = Document(
                date: day.description, rides: booked.count, kilometres: (schedule.kilometres * 10).rounded() / 10, roads: dispatcher.road.description,
                vehicles: schedule.days.map { d in
                    DayJSON(vehicle: d.shift.rawValue, kind: d.kind.rawValue, kilometres: (d.kilometres * 10).rounded() / 10, stops: d.stops.map {
                        StopJSON(time: clock($0.time), action: $0.pickup ? "pickup" : "dropoff", rideId: $0.ride.rawValue, travellerId: $0.traveller.rawValue, place: $0.place)
                    })
                },
                unassigned: schedule.unassigned.map { Unassigned(rideId: $0.ride.id.rawValue, reason: $0.reason) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(document), as: UTF8.self))
        default:
            let assigned = booked.count - schedule.unassigned.count
            print("Dispatch of \(day): \(booked.count) booked rides, \(assigned) assigned, \(schedule.unassigned.count) not; \(Int(schedule.kilometres.rounded())) km (\(dispatcher.road))")
            let onDuty = Set(dispatcher.shifts(on: day, includingVolunteers: true).compactMap(\.volunteer))
            if !onDuty.isEmpty {
                var rides: [VolunteerID: Int] = [:]
                for vehicleDay in schedule.days where vehicleDay.kind == .volunteer {
                    if let volunteer = vehicleDay.volunteer { rides[volunteer, default: 0] += vehicleDay.stops.count / 2 }
                }
                print("Volunteers: \(rides.values.reduce(0, +)) AutoMaatje rides by \(rides.count) of the \(onDuty.count) volunteers available; at most \(rides.values.max() ?? 0) for one")
            }
            for vehicleDay in schedule.days {
                print("")
                print("\(vehicleDay.kind == .regiotaxi ? "Regiotaxi" : "AutoMaatje volunteer") \(vehicleDay.shift)  (\(vehicleDay.stops.count / 2) rides, \(Int(vehicleDay.kilometres.rounded())) km)")
                for stop in vehicleDay.stops {
                    let declined = stop.pickup ? schedule.declines[stop.ride].map { "  [declined first by \($0.map(\.rawValue).joined(separator: ", "))]" } ?? "" : ""
                    print("  \(clock(stop.time))  \(stop.pickup ? "pick up " : "drop off") \(stop.ride) (\(stop.traveller))  \(stop.place)\(declined)")
                }
            }
            if !schedule.unassigned.isEmpty {
                print("")
                print("Not assigned:")
                for (ride, reason) in schedule.unassigned {
                    print("  \(ride.id) (\(ride.traveller), \(ride.service), \(clock(Double(ride.pickup))) from \(ride.fromName)): \(reason)")
                }
            }
        }
    }
}
