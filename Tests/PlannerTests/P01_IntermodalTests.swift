//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
import Mobility
import Planner
import TestSupport
import Testing
import Transit

/// P: one search over every mode, on the Twente data.
@Suite struct P01_IntermodalTests {
    func request(_ travellerID: String, arriveBy time: String, bookedAt: Int64) throws -> PlanRequest {
        let w = try TwenteWorld.world.get()
        let traveller = try #require(w.supply.traveller(travellerID))
        let hospital = try #require(w.supply.place("zgt-almelo"))
        return PlanRequest(
            traveller: traveller, origin: traveller.home.coordinate, originName: "home", destination: hospital.coordinate,
            destinationName: hospital.name, date: ServiceDate("2026-11-23")!, time: .arriveBy(ClockTime.seconds(time)!),
            bookedAt: bookedAt)
    }

    @Test func aPassHolderInAWheelchairGetsTheRegiotaxiAndATaxiToTheTrain() throws {
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("jansen", arriveBy: "10:30", bookedAt: TwenteWorld.at("2026-11-19", "10:00")))
        let modes = plan.itineraries.map(\.modes)
        #expect(modes.contains([.regiotaxi]))
        #expect(modes.contains { $0.first == .regiotaxi && $0.contains(.transit) })
        // Every itinerary arrives in time and every on-demand leg says when to book.
        for itinerary in plan.itineraries {
            #expect(itinerary.arrival <= ClockTime.seconds("10:30")!)
            for leg in itinerary.legs where leg.mode == .regiotaxi {
                #expect(leg.bookingDeadline != nil && leg.windowMinutes == 15 && leg.price > 0)
            }
        }
        // No wheelchair volunteer near Westerhaar: AutoMaatje says why.
        #expect(plan.notOffered.contains { $0.mode == "automaatje" && $0.reason.code == .noVolunteerAvailable })
    }

    @Test func withoutAPassRegiotaxiIsNotOfferedAndTheReasonSaysSo() throws {
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("de-vries", arriveBy: "10:30", bookedAt: TwenteWorld.at("2026-11-19", "10:00")))
        #expect(!plan.itineraries.contains { $0.modes.contains(.regiotaxi) })
        #expect(plan.notOffered.contains { $0.mode == "regiotaxi" && $0.reason.code == .notEligible })
        #expect(plan.itineraries.contains { $0.modes.contains(.automaatje) && !$0.guaranteed })
    }

    @Test func theItinerariesAreAParetoSet() throws {
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("jansen", arriveBy: "10:30", bookedAt: TwenteWorld.at("2026-11-19", "10:00")))
        #expect(!plan.itineraries.isEmpty)
        for a in plan.itineraries {
            #expect(!plan.itineraries.contains { $0 != a && $0.dominates(a, arriveBy: true) })
        }
    }

    @Test func everyModeWithoutAnItineraryHasAReason() throws {
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("jansen", arriveBy: "10:30", bookedAt: TwenteWorld.at("2026-11-22", "21:30")))
        let offered = Set(plan.itineraries.flatMap { $0.modes.map(\.rawValue) } + (plan.itineraries.contains { $0.modes.isEmpty } ? ["walk"] : []))
        for mode in ["walk", "regiotaxi", "automaatje"] where !offered.contains(mode) {
            #expect(plan.notOffered.contains { $0.mode == mode }, "no reason for \(mode)")
        }
        // Booked late the evening before: AutoMaatje's two working days are missed.
        #expect(plan.notOffered.contains { $0.mode == "automaatje" && $0.reason.code == .leadTimeNotMet })
        #expect(plan.itineraries.contains { $0.legs.contains { $0.notes.contains { $0.contains("late booking surcharge") } } })
    }
}
