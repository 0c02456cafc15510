//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import TestSupport
import Testing
import Transit

/// The Dutch MMRI conformance cases ("Functional testset for the Beter Benutten MMRI project")
/// that a static router can answer. Each case is a GTFS folder in `Tests/Fixtures/gtfs/mmri/`
/// (a copy of `shared/data/gtfs/mmri/`); `MMRI.md` lists the cases that do not apply yet, and why.
///
/// Settings from the document: a default minimum transfer time of 60 s, transfers.txt only.
/// Walk legs are ignored when comparing (the document's test runner does the same).
@Suite struct MMRITests {
    static let folder = SharedData.fixture("gtfs/mmri")

    static let options = TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 60)

    static func day(_ d: Int) -> ServiceDate { ServiceDate(year: 2014, month: 1, day: d)! }

    /// A router over one case folder.
    struct Case {
        let tt: Timetable
        var raptor: Raptor

        init(_ name: String) throws {
            let path = MMRITests.folder + "/" + name
            try #require(FileManager.default.fileExists(atPath: path), "MMRI case folder missing: \(path)")
            tt = Timetable.build(from: try Feed.load(from: .directory(path)), options: MMRITests.options)
            raptor = Raptor(timetable: tt)
        }

        func stops(_ id: String) -> [StopOffset] {
            let index = tt.feed.stopIndexByID[id]!
            return tt.stopsFor(Int(index)).map { StopOffset(stop: StopIndex($0)) }
        }

        mutating func route(
            _ from: String, _ to: String, date: ServiceDate = MMRITests.day(1), _ time: JourneyRequest.TimeConstraint,
            maxTransfers: Int = 14, wheelchair: Bool = false
        ) -> RaptorResult {
            raptor.route(JourneyRequest(
                origins: stops(from), destinations: stops(to), date: date, time: time, maxTransfers: maxTransfers,
                wheelchairOnly: wheelchair))
        }

        /// The journey with the best time (earliest arrival, latest departure for arrive-by).
        func best(_ result: RaptorResult, arriveBy: Bool = false) -> Journey? {
            guard let best = result.best else { return nil }
            return result.journeys.first {
                (arriveBy ? $0.departure : $0.arrival) == best.time && $0.transfers == best.transfers
            }
        }

        /// The transit legs as `trip: stop HH:MM:SS → stop HH:MM:SS`, in the times of the trip's
        /// own service day, with `[+1d]` / `[-1d]` when that is not the query date.
        func rides(_ journey: Journey?) -> [String] {
            guard let journey else { return [] }
            return journey.transitLegs.map { leg in
                let day = leg.serviceDayOffset, shift = Int32(day * 86_400)
                let trip = tt.feed.trips[Int(leg.feedTrip!)].id
                let from = tt.feed.stops[leg.fromStop!.int].id, to = tt.feed.stops[leg.toStop!.int].id
                return "\(trip)\(day == 0 ? "" : " [\(day > 0 ? "+" : "")\(day)d]"): "
                    + "\(from) \(GTFSTime.format(leg.departure - shift)) → \(to) \(GTFSTime.format(leg.arrival - shift))"
            }
        }
    }

    // MARK: 1g: target arrival and departure times, operating days

    @Test func case1gTest1DepartAt() throws {
        var c = try Case("1g")
        #expect(c.rides(c.best(c.route("1g1", "1g2", .departAt(at("00:02"))))) == ["1g|bus|2: 1g1 00:03:00 → 1g2 00:04:00"])
    }

    @Test func case1gTest2ArriveBy() throws {
        var c = try Case("1g")
        let result = c.route("1g1", "1g2", .arriveBy(at("00:03")))
        #expect(c.rides(c.best(result, arriveBy: true)) == ["1g|bus|1: 1g1 00:01:00 → 1g2 00:02:00"])
    }

    @Test func case1gTest3DepartAtOnADayWithoutServiceUsesTheNextServiceDay() throws {
        var c = try Case("1g")
        let result = c.route("1g1", "1g2", date: Self.day(2), .departAt(at("00:03")))
        #expect(c.rides(c.best(result)) == ["1g|bus|1 [+1d]: 1g1 00:01:00 → 1g2 00:02:00"])
        #expect(result.best?.time == at("00:02") + 86_400)
    }

    @Test func case1gTest4ArriveByOnADayWithoutServiceUsesThePreviousServiceDay() throws {
        var c = try Case("1g")
        let result = c.route("1g1", "1g2", date: Self.day(2), .arriveBy(at("00:04")))
        #expect(c.rides(c.best(result, arriveBy: true)) == ["1g|bus|3 [-1d]: 1g1 00:05:00 → 1g2 00:06:00"])
        #expect(result.best?.time == at("00:05") - 86_400)
    }

    @Test func case1gTest5BoardingExactlyAtTheQueryTime() throws {
        var c = try Case("1g")
        let result = c.route("1g1", "1g2", date: Self.day(3), .departAt(at("00:03")))
        #expect(c.rides(c.best(result)) == ["1g|bus|2: 1g1 00:03:00 → 1g2 00:04:00"])
    }

    @Test func case1gTest6ArrivingExactlyAtTheDeadline() throws {
        var c = try Case("1g")
        let result = c.route("1g1", "1g2", date: Self.day(3), .arriveBy(at("00:04")))
        #expect(c.rides(c.best(result, arriveBy: true)) == ["1g|bus|2: 1g1 00:03:00 → 1g2 00:04:00"])
    }

    @Test func case1gNoTripOfTheServiceFreeDayIsEverUsed() throws {
        var c = try Case("1g")
        for time in [at("00:00"), at("00:02"), at("00:04"), at("00:06")] {
            for request in [JourneyRequest.TimeConstraint.departAt(time), .arriveBy(time)] {
                let legs = c.route("1g1", "1g2", date: Self.day(2), request).journeys.flatMap(\.transitLegs)
                #expect(legs.allSatisfy { $0.serviceDayOffset != 0 })
            }
        }
    }

    // MARK: 2a: shortest travel time, route patterns

    @Test func case2a1Test1() throws {
        var c = try Case("2a1")
        #expect(c.rides(c.best(c.route("2a1", "2a2", .departAt(at("00:01"))))) == ["2a1|short|1: 2a1 00:01:00 → 2a2 00:02:00"])
    }

    @Test func case2a1Test2() throws {
        var c = try Case("2a1")
        #expect(c.rides(c.best(c.route("2a1", "2a2", .departAt(at("00:03"))))) == ["2a1|long|2: 2a1 00:05:00 → 2a2 00:06:00"])
        // Route 2a1|long has two stop patterns (via 2a1a and via 2a1b).
        #expect(c.tt.pattern(of: "2a1|long|1") != c.tt.pattern(of: "2a1|long|2"))
    }

    // MARK: 2b: vehicle attributes (wheelchair)

    @Test func case2bWheelchair() throws {
        var c = try Case("2b")
        let result = c.route("2b1", "2b2", .departAt(at("00:01")), wheelchair: true)
        #expect(c.rides(c.best(result)) == ["2b|2: 2b1 00:03:00 → 2b2 00:04:00"])
        // Control: without the requirement the first trip is taken.
        #expect(c.rides(c.best(c.route("2b1", "2b2", .departAt(at("00:01"))))) == ["2b|1: 2b1 00:01:00 → 2b2 00:02:00"])
    }

    // MARK: 2c: least transfers, parent stations, footpaths

    static let trains2c = ["2c|train|1: 2c1 00:01:00 → 2c2 00:02:00", "2c|train|2: 2c2 00:03:00 → 2c3 00:04:00"]

    @Test func case2cTest1FastestWithOneTransfer() throws {
        var c = try Case("2c")
        let stopLevel = c.route("2c1", "2c3", .departAt(at("00:01")))
        #expect(c.rides(c.best(stopLevel)) == Self.trains2c)
        #expect(stopLevel.best?.transfers == 1)
        let stationLevel = c.route("2c_parent_1_4", "2c_parent_2_5", .departAt(at("00:01")))
        #expect(c.rides(c.best(stationLevel)) == Self.trains2c)
    }

    @Test func case2cTest3LeastTransfersFromStationToStation() throws {
        var c = try Case("2c")
        let result = c.route("2c_parent_1_4", "2c_parent_2_5", .departAt(at("00:01")), maxTransfers: 0)
        #expect(c.rides(c.best(result)) == ["2c|bus: 2c4 00:02:00 → 2c5 00:06:00"])
        // The same answer is the 0-transfer entry of the full Pareto set.
        let pareto = c.route("2c_parent_1_4", "2c_parent_2_5", .departAt(at("00:01")))
        #expect(c.rides(pareto.journeys.first { $0.transfers == 0 }) == ["2c|bus: 2c4 00:02:00 → 2c5 00:06:00"])
    }

    @Test
    func case2cTest3LeastTransfersFromStopToStop() throws {
        var c = try Case("2c")
        // Stop 1 to stop 3: walk 2c1 → 2c4 (60 s, transfers.txt), bus, walk 2c5 → 2c3.
        let result = c.route("2c1", "2c3", .departAt(at("00:01")), maxTransfers: 0)
        #expect(c.rides(c.best(result)) == ["2c|bus: 2c4 00:02:00 → 2c5 00:06:00"])
    }

    // MARK: 2d: stop-to-stop transfer time

    @Test func case2dTimedTransferOfZeroSeconds() throws {
        var c = try Case("2d")
        let result = c.route("2d1", "2d4", .departAt(at("00:01")))
        #expect(c.rides(c.best(result)) == ["2d|1|1: 2d1 00:01:00 → 2d3 00:03:00", "2d|2|1: 2d3 00:03:00 → 2d4 00:04:00"])
        #expect(result.best?.transfers == 1)
        #expect(c.tt.minTransferTime[c.tt.stop("2d3").int] == 0)
        #expect(c.tt.minTransferTime[c.tt.stop("2d2").int] == 60)
    }

    // MARK: 2e: trip-to-trip transfers (encoded as stop-level transfers.txt rows)

    @Test(arguments: ["2e1", "2e2", "2e3", "2e4"])
    func case2eArrivalAndTransfers(prefix: String) throws {
        var c = try Case(prefix)
        let result = c.route("\(prefix)1", "\(prefix)6", .departAt(at("00:01")))
        #expect(result.best?.time == at("00:05"))
        #expect(result.best?.transfers == 1)
        #expect(result.pareto.count == 1)
    }

    @Test func case2e3ForbiddenTransferAtStop3() throws {
        var c = try Case("2e3")
        #expect(c.rides(c.best(c.route("2e31", "2e36", .departAt(at("00:01")))))
            == ["2e3|1: 2e31 00:01:00 → 2e34 00:03:00", "2e3|2: 2e34 00:04:00 → 2e36 00:05:00"])
    }

    @Test func case2e4ForbiddenTransferAtStop4() throws {
        var c = try Case("2e4")
        #expect(c.rides(c.best(c.route("2e41", "2e46", .departAt(at("00:01")))))
            == ["2e4|1: 2e41 00:01:00 → 2e43 00:02:00", "2e4|2: 2e43 00:03:00 → 2e46 00:05:00"])
    }

    // MARK: 3g: unpreferred transfer points (encoded as forbidden transfers)

    @Test func case3g1UnpreferredTransferAtStop3() throws {
        var c = try Case("3g1")
        #expect(c.rides(c.best(c.route("3g11", "3g16", .departAt(at("00:01")))))
            == ["3g1|1: 3g11 00:01:00 → 3g14 00:03:00", "3g1|2: 3g14 00:04:00 → 3g16 00:05:00"])
    }

    @Test func case3g2UnpreferredTransferAtStop4() throws {
        var c = try Case("3g2")
        #expect(c.rides(c.best(c.route("3g21", "3g26", .departAt(at("00:01")))))
            == ["3g2|1: 3g21 00:01:00 → 3g23 00:02:00", "3g2|2: 3g23 00:03:00 → 3g26 00:05:00"])
    }

    // MARK: Loading

    @Test(arguments: ["1g", "2a1", "2b", "2c", "2d", "2e1", "2e2", "2e3", "2e4", "3b", "3c", "3d", "3e", "3g1", "3g2"])
    func everyCaseFolderLoadsAndBuilds(name: String) throws {
        let c = try Case(name)
        c.tt.checkInvariants()
        #expect(c.tt.tripCount > 0)
        #expect(c.tt.feed.timezone == "Europe/Amsterdam")
    }
}
