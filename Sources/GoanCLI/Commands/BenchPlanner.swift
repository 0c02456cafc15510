//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import ArgumentParser
import Foundation
import GTFS
import Mobility
import Planner
import RideDispatch
import Transit

extension GoanCommand {
    /// Times the multimodal planner against a transit-only search on the same trips
    /// (`Tools/bench_planner.sh` runs it on a release build). A benchmark: it prints numbers and
    /// never fails on them.
    struct BenchPlanner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-planner", abstract: "Benchmark: multimodal vs transit-only planning on seeded random trips.",
            shouldDisplay: false)

        @OptionGroup var timetable: TimetableArguments

        @Option(help: "Number of random trips.")
        var queries: Int = 500

        @Option(help: "Seed of the random trips.")
        var seed: UInt64 = 1

        @Option(help: "The scenario folder (default: Scenarios/twente).")
        var scenario: String?

        func run() throws {
            let (tt, loadSeconds) = try timetable.loadTimetable()
            let feedPath = try timetable.feedPath()
            let rules: ServiceRules, supply: SupplyFiles
            do {
                rules = try ServiceRules.load(from: feedPath + "/service-rules.json")
                supply = try SupplyFiles.load(directory: try DefaultScenario.path(explicit: scenario, feedPath: feedPath))
            } catch let error as RulesError {
                throw CLIError(error.description)
            }
            let services = try rules.services.map { try OnDemandService(rules: $0, feed: tt.feed) }
            var planner = TripPlanner(timetable: tt, services: services, fleet: supply.vehicles, volunteers: supply.volunteers, road: StraightLineRoadModel())
            var raptor = Raptor(timetable: tt)
            var rng = SeededGenerator(seed: seed)
            let date = ServiceDate("2026-11-23")!
            let bookedAt = ServiceDayClock.unix(wallClock: 10 * 3600, on: date.adding(days: -7), timezone: tt.feed.timezone)
            var multimodal: [Double] = [], transitOnly: [Double] = []
            var itineraries = 0
            let clock = ContinuousClock()
            func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
            let origins = supply.travellers.map { ($0.home.name, $0.home.coordinate) } + supply.places.map { ($0.name, $0.coordinate) }
            for _ in 0 ..< queries {
                let traveller = supply.travellers[Int.random(in: 0 ..< supply.travellers.count, using: &rng)]
                let from = origins[Int.random(in: 0 ..< origins.count, using: &rng)]
                var to = supply.places[Int.random(in: 0 ..< supply.places.count, using: &rng)]
                if to.coordinate == from.1 { to = supply.places[(supply.places.firstIndex(of: to)! + 1) % supply.places.count] }
                let seconds = Int32(7 * 3600 + Int.random(in: 0 ..< 11 * 60, using: &rng) * 60)
                let arriveBy = Bool.random(using: &rng)
                let time: JourneyRequest.TimeConstraint = arriveBy ? .arriveBy(seconds) : .departAt(seconds)
                let request = PlanRequest(
                    traveller: traveller, origin: from.1, originName: from.0, destination: to.coordinate, destinationName: to.name,
                    date: date, time: time, bookedAt: bookedAt)
                var start = clock.now
                itineraries += planner.plan(request).itineraries.count
                multimodal.append(ms(clock.now - start))
                // The same trip by public transport alone (walking up to 1 km to and from stops).
                let finder = StopFinder(timetable: tt)
                let origin = (try? finder.near(from.1, maxWalk: 1000).stops) ?? []
                let destination = (try? finder.near(to.coordinate, maxWalk: 1000).stops) ?? []
                start = clock.now
                if !origin.isEmpty && !destination.isEmpty {
                    _ = raptor.route(JourneyRequest(origins: origin, destinations: destination, date: date, time: time, window: 3600, maxTransfers: 4))
                }
                transitOnly.append(ms(clock.now - start))
            }
            func percentile(_ values: [Double], _ p: Double) -> Double {
                let sorted = values.sorted()
                return sorted.isEmpty ? 0 : sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
            }
            let m50 = percentile(multimodal, 0.5), m95 = percentile(multimodal, 0.95)
            let t50 = percentile(transitOnly, 0.5), t95 = percentile(transitOnly, 0.95)
            print(String(format: "trips=%d seed=%llu load_s=%.3f itineraries_per_trip=%.1f", queries, seed, loadSeconds, Double(itineraries) / Double(max(queries, 1))))
            print(String(format: "multimodal   median_ms=%.3f p95_ms=%.3f", m50, m95))
            print(String(format: "transit-only median_ms=%.3f p95_ms=%.3f", t50, t95))
            print(String(format: "ratio multimodal/transit-only: median %.1f×, p95 %.1f×; goal p95 <= 20 ms: %@", m50 / max(t50, 1e-9), m95 / max(t95, 1e-9), m95 <= 20 ? "met" : "NOT met"))
        }
    }
}
