//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import RideDispatch
import TestSupport
import Testing

/// Route evaluation against hand-worked cases (Cordeau & Laporte 2003 semantics).
@Suite struct RouteEvaluatorTests {
    /// Depot at 0; request 1 from (10,0) to (20,0); request 2 from (10,5) to (30,0).
    /// Service 1 at every stop, capacity 2, ride time 25, route duration 100.
    static func instance(window1: ClosedRange<Double> = 0 ... 100, rideTime: Double = 25, capacity: Int = 2) -> DARPInstance {
        let nodes = [
            DARPInstance.Node(x: 0, y: 0, service: 0, load: 0, earliest: 0, latest: 200),
            DARPInstance.Node(x: 10, y: 0, service: 1, load: 1, earliest: window1.lowerBound, latest: window1.upperBound),
            DARPInstance.Node(x: 10, y: 5, service: 1, load: 1, earliest: 0, latest: 100),
            DARPInstance.Node(x: 20, y: 0, service: 1, load: -1, earliest: 0, latest: 200),
            DARPInstance.Node(x: 30, y: 0, service: 1, load: -1, earliest: 0, latest: 200),
        ]
        return DARPInstance(name: "hand", vehicles: 1, capacity: capacity, maxRouteDuration: 100, maxRideTime: rideTime, nodes: nodes)
    }

    @Test func serviceStartsAtArrivalAndCostIsTheDistance() throws {
        let evaluator = RouteEvaluator(instance: Self.instance())
        let schedule = try #require(evaluator.evaluate([1, 3]))
        // 0 → (10,0) → (20,0) → 0: 10 + 10 + 20 = 40.
        #expect(abs(schedule.cost - 40) < 1e-9)
        #expect(schedule.begins == [10, 21])  // arrive 10; serve 1; drive 10 → 21
        #expect(schedule.end == 42)  // leave 22, drive 20
    }

    @Test func departureIsDelayedToMeetALateWindowWithoutWaiting() throws {
        // Pickup 1 opens at 50: leave the depot at 40 instead of waiting at the stop.
        let evaluator = RouteEvaluator(instance: Self.instance(window1: 50 ... 60))
        let schedule = try #require(evaluator.evaluate([1, 3]))
        #expect(schedule.start == 40)
        #expect(schedule.begins == [50, 61])
    }

    @Test func rideTimeLimitRejectsALongDetour() {
        // 1 then 2 then 3 then 4: passenger 1 rides 10 → 2 → … longer than a 12-minute limit.
        let tight = RouteEvaluator(instance: Self.instance(rideTime: 12))
        #expect(tight.evaluate([1, 2, 3, 4]) == nil)
        let loose = RouteEvaluator(instance: Self.instance(rideTime: 25))
        #expect(loose.evaluate([1, 2, 3, 4]) != nil)
    }

    @Test func capacityAndOrderAreEnforced() {
        let single = RouteEvaluator(instance: Self.instance(capacity: 1))
        #expect(single.evaluate([1, 2, 3, 4]) == nil)  // two on board
        #expect(single.evaluate([1, 3, 2, 4]) != nil)
        let evaluator = RouteEvaluator(instance: Self.instance())
        #expect(evaluator.evaluate([3, 1]) == nil)  // drop-off before pickup
        #expect(evaluator.evaluate([1]) == nil)  // pickup without drop-off
    }

    @Test func aClosedWindowIsInfeasible() {
        let evaluator = RouteEvaluator(instance: Self.instance(window1: 0 ... 5))
        #expect(evaluator.evaluate([1, 3]) == nil)  // cannot reach (10,0) by 5
    }

    @Test func agreesWithTheExactCheckerOnEveryOrderOfASmallInstance() throws {
        // All orders of two requests, several ride limits: whenever the evaluation accepts, the
        // exact test must accept (the evaluation never accepts an infeasible route).
        let orders = [[1, 3, 2, 4], [1, 2, 3, 4], [1, 2, 4, 3], [2, 1, 3, 4], [2, 1, 4, 3], [2, 4, 1, 3], [3, 1, 2, 4]]
        for ride in [10.0, 12, 15, 20, 25] {
            let instance = Self.instance(rideTime: ride)
            let evaluator = RouteEvaluator(instance: instance)
            for order in orders where evaluator.evaluate(order) != nil {
                #expect(ExactChecker.isFeasible(order, instance), "ride \(ride) order \(order)")
            }
        }
    }
}

/// The Cordeau file reader.
@Suite struct CordeauReaderTests {
    static let shared = SharedData.fixture("darp/cordeau2006_a")

    @Test func readsTheBenchmark() throws {
        let text = try String(contentsOfFile: "\(Self.shared)/a2-16.txt", encoding: .utf8)
        let instance = try CordeauReader.parse(text, name: "a2-16.txt")
        #expect(instance.vehicles == 2 && instance.requestCount == 16 && instance.capacity == 3)
        #expect(instance.maxRideTime == 30 && instance.maxRouteDuration == 480)
        #expect(instance.nodes[1].load == 1 && instance.nodes[17].load == -1)
    }

    @Test(arguments: [
        ("", "the file is empty"),
        ("2 x 480 3 30\n", "expected 'vehicles requests"),
        ("1 1 480 3 30\n0 0 0 0 0 0 480\n1 1 1 3 1 10 5\n2 2 2 3 -1 0 100\n", "time window [10.0, 5.0] is empty"),
        ("1 1 480 3 30\n0 0 0 0 0 0 480\n1 1 1 3 1 0 100\n", "expected 3 nodes, found 2"),
        ("1 1 480 3 30\n0 0 0 0 0 0 480\n1 1 1 3 2 0 100\n2 2 2 3 -1 0 100\n", "pickup 1 loads 2 but drop-off 2 unloads 1"),
        ("1 1 480 3 30\n0 0 0 0 0 0 480\n2 1 1 3 1 0 100\n", "out of order"),
    ])
    func malformedFilesAreRejectedWithTheLine(_ text: String, _ fragment: String) {
        #expect {
            try CordeauReader.parse(text, name: "bad.txt")
        } throws: { error in
            "\(error)".contains(fragment) && "\(error)".hasPrefix("bad.txt:")
        }
    }
}
