//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Domain
import Foundation
import GTFS
import Mobility
import Planner
import Transit

/// Times the multimodal planner against a transit-only search on the same seeded random trips
/// (`Tools/bench_planner.sh`).
struct PlannerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner", abstract: "Multimodal vs transit-only planning on seeded random trips.")

    @OptionGroup var region: RegionOptions

    @Option(help: "Number of random trips.")
    var queries: Int = 500

    @Option(help: "Seed of the random trips.")
    var seed: UInt64 = 1

    func run() throws {
        let clock = ContinuousClock()
        let loading = clock.now
        let region = try self.region.load()
        let loadSeconds = milliseconds(clock.now - loading) / 1000
        let (tt, supply) = (region.timetable, region.supply)
        var planner = region.planner()
        var raptor = Raptor(timetable: tt)
        var rng = SeededGenerator(seed: seed)
        let date = ServiceDate("2026-11-23")!
        let bookedAt = ServiceDayClock.unix(wallClock: 10 * 3600, on: date.adding(days: -7), timezone: tt.feed.timezone)
        var multimodal: [Double] = [], transitOnly: [Double] = []
        var itineraries = 0
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
            multimodal.append(milliseconds(clock.now - start))
            // The same trip by public transport alone (walking up to 1 km to and from stops).
            let finder = StopFinder(timetable: tt)
            let origin = (try? finder.near(from.1, maxWalk: 1000).stops) ?? []
            let destination = (try? finder.near(to.coordinate, maxWalk: 1000).stops) ?? []
            start = clock.now
            if !origin.isEmpty && !destination.isEmpty {
                _ = raptor.route(JourneyRequest(origins: origin, destinations: destination, date: date, time: time, window: 3600, maxTransfers: 4))
            }
            transitOnly.append(milliseconds(clock.now - start))
        }
        let m50 = percentile(multimodal, 0.5), m95 = percentile(multimodal, 0.95)
        let t50 = percentile(transitOnly, 0.5), t95 = percentile(transitOnly, 0.95)
        print(String(format: "trips=%d seed=%llu load_s=%.3f itineraries_per_trip=%.1f", queries, seed, loadSeconds, Double(itineraries) / Double(max(queries, 1))))
        print(String(format: "multimodal   median_ms=%.3f p95_ms=%.3f", m50, m95))
        print(String(format: "transit-only median_ms=%.3f p95_ms=%.3f", t50, t95))
        print(String(format: "ratio multimodal/transit-only: median %.1f×, p95 %.1f×; goal p95 <= 20 ms: %@", m50 / max(t50, 1e-9), m95 / max(t95, 1e-9), m95 <= 20 ? "met" : "NOT met"))
    }
}
