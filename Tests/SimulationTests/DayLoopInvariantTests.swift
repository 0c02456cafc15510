//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GTFS
import Mobility
import Planner
import Simulation
import TestSupport
import Testing

/// A week of twenterand-2019 (as shipped, and with four times the demand) through the real
/// planner, desk and dispatcher: what every run must satisfy. The runs have no execution delays,
/// so the pickup windows and ride times promised at booking must hold as driven.
@Suite struct DayLoopInvariantTests {
    static func regiotaxi() throws -> ServiceRules.Service {
        try #require(try TwenteWorld.world.get().rules.services.first { $0.kind == .regiotaxi })
    }

    @Test(arguments: PunctualWeek.allCases) func everyRequestHasExactlyOneRecord(_ week: PunctualWeek) throws {
        let result = try week.result()
        #expect(result.requests.count > 20, "a week of twenterand-2019 makes some requests")
        let ids = result.requests.map(\.id)
        // The generator numbers the trips R000001… without gaps: a missing or doubled record shows.
        let width = max(6, String(ids.count).count)
        for (k, id) in ids.enumerated() {
            let number = String(k + 1)
            #expect(id == "R" + String(repeating: "0", count: width - number.count) + number)
        }
        let start = try #require(ServiceDate(SimulationFixtures.shortScenario().start))
        let days = Set((0 ..< 7).map { start.adding(days: $0).description })
        for record in result.requests {
            #expect(days.contains(record.day), "\(record.id) on \(record.day)")
            #expect(record.traveller.hasPrefix("T"))
        }
    }

    @Test(arguments: PunctualWeek.allCases) func outcomesCarryAModeOrAReason(_ week: PunctualWeek) throws {
        let result = try week.result()
        for record in result.requests {
            switch record.outcome {
            case .served:
                #expect(!record.mode.isEmpty, "\(record.id) served without a mode")
                #expect(record.reason.isEmpty, "\(record.id) served with reason \(record.reason)")
                #expect(record.price >= 0)
            case .refused:
                #expect(!record.reason.isEmpty, "\(record.id) refused without a reason")
                #expect(record.mode.isEmpty, "\(record.id) refused with mode \(record.mode)")
                #expect(record.price == 0)
            }
        }
        #expect(result.requests.contains { $0.outcome == .served })
    }

    @Test(arguments: PunctualWeek.allCases) func everyRideServesAServedRequest(_ week: PunctualWeek) throws {
        let result = try week.result()
        let records = Dictionary(uniqueKeysWithValues: result.requests.map { ($0.id, $0) })
        #expect(!result.rides.isEmpty)
        for ride in result.rides {
            guard let record = records[ride.request] else {
                Issue.record("ride of \(ride.request), which is not a request")
                continue
            }
            #expect(record.outcome == .served, "ride of \(ride.request), which was \(record.outcome) (\(record.reason))")
            #expect(record.mode.contains(ride.service.rawValue), "\(ride.request): a \(ride.service) ride for mode \(record.mode)")
            #expect(ride.day == record.day)
            #expect(ride.traveller == record.traveller)
            #expect(ride.service.isOnDemand)
            #expect(!ride.vehicle.isEmpty)
            #expect(ride.pickup <= ride.dropoff, "\(ride.request): dropped off before the pickup")
        }
        // Every served request with an on-demand mode has a ride of that service.
        for record in result.requests where record.outcome == .served {
            for service in [TravelMode.regiotaxi, .automaatje] where record.mode.split(separator: "+").contains(Substring(service.rawValue)) {
                #expect(result.rides.contains { $0.request == record.id && $0.service == service }, "\(record.id) served by \(record.mode) without a \(service) ride")
            }
        }
    }

    /// Regiotaxi: picked up inside the window around the agreed time (no delays in this run)
    /// and on board at most factor × direct + extra minutes (+ 0.01 for rounding).
    @Test(arguments: PunctualWeek.allCases) func regiotaxiKeepsItsPromises(_ week: PunctualWeek) throws {
        let result = try week.result()
        let taxi = try Self.regiotaxi()
        let window = Double(taxi.pickupWindowMinutes)
        let factor = taxi.rideTime?.factor ?? 1.5, extra = taxi.rideTime?.extraMinutes ?? 15
        let rides = result.rides.filter { $0.service == .regiotaxi }
        #expect(!rides.isEmpty, "a week of twenterand-2019 has Regiotaxi rides")
        for ride in rides {
            #expect(ride.pickup >= ride.agreedPickup - window - 1e-6, "\(ride.request): picked up at \(ride.pickup), agreed \(ride.agreedPickup)")
            #expect(ride.pickup <= ride.agreedPickup + window + 1e-6, "\(ride.request): picked up at \(ride.pickup), agreed \(ride.agreedPickup)")
            #expect(ride.waitBeyondWindow <= 1e-6, "\(ride.request): \(ride.waitBeyondWindow) min beyond the window")
            #expect(ride.rideMinutes <= factor * ride.directMinutes + extra + 0.01, "\(ride.request): \(ride.rideMinutes) min on board, direct \(ride.directMinutes)")
            #expect(ride.rideMinutes >= ride.directMinutes - 0.01, "\(ride.request): faster than the direct drive")
        }
    }

    /// A volunteer drives straight to the destination (the dispatcher allows direct + 10 min).
    @Test(arguments: PunctualWeek.allCases) func volunteersDriveDirectly(_ week: PunctualWeek) throws {
        let result = try week.result()
        let rides = result.rides.filter { $0.service == .automaatje }
        #expect(!rides.isEmpty, "a week of twenterand-2019 has AutoMaatje rides")
        for ride in rides {
            #expect(ride.rideMinutes <= ride.directMinutes + 10 + 0.01, "\(ride.request): \(ride.rideMinutes) min on board, direct \(ride.directMinutes)")
            #expect(ride.pickup >= ride.agreedPickup - 1e-6, "\(ride.request): a volunteer came before the agreed time")
        }
    }

    @Test(arguments: PunctualWeek.allCases) func timelinesAreOrderedAndDoNotOverlap(_ week: PunctualWeek) throws {
        let result = try week.result()
        #expect(!result.timelines.isEmpty)
        for timeline in result.timelines {
            #expect(["regiotaxi", "volunteer"].contains(timeline.kind))
            #expect(!timeline.segments.isEmpty)
            for segment in timeline.segments {
                #expect(segment.start <= segment.end, "\(timeline.vehicle) \(timeline.day): a segment ends before it starts")
                #expect(["drive", "wait", "stop"].contains(segment.activity))
                #expect(segment.onBoard >= 0)
            }
            for (a, b) in zip(timeline.segments, timeline.segments.dropFirst()) {
                #expect(a.end <= b.start + 1e-9, "\(timeline.vehicle) \(timeline.day): \(a.activity) until \(a.end) overlaps \(b.activity) from \(b.start)")
            }
            // Every vehicle returns empty.
            #expect(timeline.segments.last?.onBoard == 0 || timeline.segments.last?.activity == "stop")
        }
    }

    /// What the vehicles drove is what the records say was served: every recorded ride has a
    /// stop starting at its pickup and one at its drop-off in its vehicle's timeline, and the
    /// vehicles make no other stops (two per ride, per day and kind).
    @Test(arguments: PunctualWeek.allCases) func timelinesDriveExactlyTheRecordedRides(_ week: PunctualWeek) throws {
        let result = try week.result()
        func check(service: TravelMode, kind: String) {
            for day in Set(result.requests.map(\.day)).sorted() {
                let timelines = result.timelines.filter { $0.day == day && $0.kind == kind }
                let rides = result.rides.filter { $0.day == day && $0.service == service }
                let stops = timelines.reduce(0) { $0 + $1.segments.filter { $0.activity == "stop" }.count }
                #expect(stops == 2 * rides.count, "\(day): \(stops) \(kind) stops driven for \(rides.count) recorded \(service) rides")
                for ride in rides {
                    let starts = timelines.filter { $0.vehicle == ride.vehicle }.flatMap(\.segments).filter { $0.activity == "stop" }.map(\.start)
                    #expect(starts.contains(ride.pickup), "\(ride.request): no stop at its pickup \(ride.pickup) in the timeline of \(ride.vehicle)")
                    #expect(starts.contains(ride.dropoff), "\(ride.request): no stop at its drop-off \(ride.dropoff) in the timeline of \(ride.vehicle)")
                }
            }
        }
        check(service: .regiotaxi, kind: "regiotaxi")
        // A volunteer's drop-off and next pickup at one place (no drive between) before a trip
        // home: the drop-off's stop stays (2026-06-03, Bennie (V05), R000026 in this run).
        check(service: .automaatje, kind: "volunteer")
    }

    @Test(arguments: PunctualWeek.allCases) func kpisAddUp(_ week: PunctualWeek) throws {
        let result = try week.result()
        let total = result.kpis.total
        let served = result.requests.filter { $0.outcome == .served }
        #expect(total.day == "total")
        #expect(total.requests == result.requests.count)
        #expect(total.served == served.count)
        #expect(abs(total.servedShare - Double(total.served) / Double(max(total.requests, 1))) < 1e-12)
        #expect(total.modeSplit.values.reduce(0, +) == total.served)
        #expect(total.refusals.values.reduce(0, +) == total.requests - total.served)
        #expect(total.modeSplit == Dictionary(grouping: served, by: \.mode).mapValues(\.count))
        #expect(total.refusals == Dictionary(grouping: result.requests.filter { $0.outcome == .refused }, by: \.reason).mapValues(\.count))
        #expect(total.volunteerRides == result.rides.filter { $0.service == .automaatje }.count)
        #expect(total.ridesOutsideWindow == result.rides.filter { $0.waitBeyondWindow > 0.05 }.count)

        #expect(result.kpis.days.count == 7)
        #expect(result.kpis.days.map(\.day) == result.kpis.days.map(\.day).sorted())
        #expect(result.kpis.days.reduce(0) { $0 + $1.requests } == total.requests)
        #expect(result.kpis.days.reduce(0) { $0 + $1.served } == total.served)
        #expect(result.kpis.days.reduce(0) { $0 + $1.volunteerRides } == total.volunteerRides)
        for day in result.kpis.days {
            let records = result.requests.filter { $0.day == day.day }
            #expect(day.requests == records.count, "\(day.day)")
            #expect(day.served == records.filter { $0.outcome == .served }.count, "\(day.day)")
            #expect(day.modeSplit.values.reduce(0, +) == day.served, "\(day.day)")
            #expect(day.refusals.values.reduce(0, +) == day.requests - day.served, "\(day.day)")
            #expect(abs(day.servedShare - (day.requests == 0 ? 0 : Double(day.served) / Double(day.requests))) < 1e-12, "\(day.day)")
        }
        #expect(abs(result.kpis.days.reduce(0) { $0 + $1.vehicleKm } - total.vehicleKm) < 1e-6)
        #expect(abs(result.kpis.days.reduce(0) { $0 + $1.travellerPaid } - total.travellerPaid) < 1e-6)
        #expect(total.emptyKm <= total.vehicleKm + 1e-9)
        let riders = Set(result.rides.filter { $0.service == .automaatje }.map(\.traveller))
        #expect(result.kpis.automaatjeRiders == riders.count)
    }
}
