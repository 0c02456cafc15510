//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import TestSupport
import Testing
import Transit

/// R5-style toggle check: RAPTOR on random small feeds (`footpaths: .transfersOnly`) against a
/// brute-force connection scan of the same feed, for seeds 0..<50. Earliest arrivals (latest
/// departures) and transfer counts must be identical for every number of rides, and every
/// journey must be a valid itinerary of the feed.
@Suite struct RaptorVersusConnectionScanTests {
    static let seeds = 0 ..< 50
    static let queriesPerSeed = 12

    /// A random query: depart-at from S0/S1, or arrive-by to S0/S1 (stops without footpaths).
    struct Query: CustomStringConvertible {
        var forward: Bool
        var origin: Int
        var target: Int
        var date: ServiceDate
        var time: Int32
        var window: Int32
        var maxTransfers: Int
        var wheelchair: Bool

        init(_ rng: inout SplitMix64, model: RandomFeed, forward: Bool, range: Bool) {
            self.forward = forward
            let fixed = rng.int(0 ... 1)
            var other = rng.int(0 ... model.stopCount - 2)
            if other >= fixed { other += 1 }
            origin = forward ? fixed : other
            target = forward ? other : fixed
            date = RandomFeed.november[rng.int(21 ... 24)]
            time = Int32((rng.chance(0.7) ? rng.int(5 * 60 + 30 ... 9 * 60 + 30) : rng.int(4 * 60 ... 27 * 60)) * 60)
            window = range ? Int32(rng.int(1 ... 12) * 15 * 60) : 0
            maxTransfers = rng.chance(0.1) ? 0 : rng.int(1 ... 4)
            wheelchair = rng.chance(0.2)
        }

        var description: String {
            "\(forward ? "depart" : "arrive") S\(origin)→S\(target) \(date) \(forward ? "at" : "by") "
                + "\(GTFSTime.format(time)) window \(window) maxTransfers \(maxTransfers)\(wheelchair ? " wheelchair" : "")"
        }

        func request(_ tt: Timetable) -> JourneyRequest {
            JourneyRequest(
                origins: [StopOffset(stop: tt.stop("S\(origin)"))], destinations: [StopOffset(stop: tt.stop("S\(target)"))],
                date: date, time: forward ? .departAt(time) : .arriveBy(time), window: window,
                maxTransfers: maxTransfers, wheelchairOnly: wheelchair)
        }
    }

    static func timetable(_ model: RandomFeed) throws -> Timetable {
        try InlineFeed.timetable(model.text, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: model.defaultMinTransfer))
    }

    /// The brute-force Pareto front of a single-time query.
    static func expectedFront(_ model: RandomFeed, _ q: Query) -> [ConnectionScan.Point] {
        let scan = ConnectionScan(model: model, date: q.date, wheelchair: q.wheelchair)
        let bests = q.forward
            ? scan.earliestArrivals(from: q.origin, to: q.target, at: q.time, maxRides: q.maxTransfers + 1)
            : scan.latestDepartures(from: q.origin, to: q.target, by: q.time, maxRides: q.maxTransfers + 1)
        return ConnectionScan.front(bests, forward: q.forward)
    }

    @Test(arguments: seeds)
    func theTimetableOfARandomFeedKeepsItsInvariants(seed: Int) throws {
        let model = RandomFeed(seed: UInt64(seed))
        let tt = try Self.timetable(model)
        tt.checkInvariants()
        #expect(tt.tripCount == model.trips.count)
        for (s, row) in model.walks.enumerated() {
            let walks = tt.walks(from: "S\(s)")
            #expect(walks == Dictionary(uniqueKeysWithValues: row.map { ("S\($0.to)", $0.seconds) }))
        }
        #expect(tt.minTransferTime.map { $0 } == model.minTransfer)
        #expect(tt.sameStopTransferForbidden.map { $0 } == model.forbidden)
    }

    @Test(arguments: seeds)
    func singleTimeQueriesMatchTheConnectionScan(seed: Int) throws {
        let model = RandomFeed(seed: UInt64(seed))
        let tt = try Self.timetable(model)
        var raptor = Raptor(timetable: tt)
        var rng = SplitMix64(seed: UInt64(seed) + 10_000)
        for index in 0 ..< Self.queriesPerSeed {
            let q = Query(&rng, model: model, forward: index % 3 != 2, range: false)
            let expected = Self.expectedFront(model, q)
            let result = raptor.route(q.request(tt))
            let actual = result.pareto.map { ConnectionScan.Point(time: $0.time, transfers: $0.transfers) }
            #expect(actual == expected, "seed \(seed): \(q)")
            #expect(result.journeys.count == expected.count, "seed \(seed): \(q)")
            let check = JourneyCheck(model: model, timetable: tt, date: q.date, wheelchair: q.wheelchair)
            for journey in result.journeys {
                let problems = check.problems(journey, from: q.origin, to: q.target, forward: q.forward, time: q.time)
                #expect(problems.isEmpty, "seed \(seed): \(q): \(journey.summary(in: tt)): \(problems)")
                let point = ConnectionScan.Point(time: q.forward ? journey.arrival : journey.departure, transfers: journey.transfers)
                #expect(expected.contains(point), "seed \(seed): \(q): \(journey.summary(in: tt)) is not optimal")
            }
        }
    }

    /// A triple of a range query: leave at or after `departure`, arrive by `arrival`, with
    /// `transfers` changes (upper bounds: the actual journey may be better).
    struct Triple: CustomStringConvertible {
        var departure: Int32
        var arrival: Int32
        var transfers: Int

        func covers(_ other: Triple) -> Bool {
            departure >= other.departure && arrival <= other.arrival && transfers <= other.transfers
        }

        var description: String { "\(GTFSTime.format(departure))→\(GTFSTime.format(arrival))/\(transfers)" }
    }

    /// The brute-force Pareto set of a range query: the single-time front at every departure
    /// (arrival) within the window, as RAPTOR's runs see them.
    static func expectedRange(_ model: RandomFeed, _ q: Query) -> [Triple] {
        let scan = ConnectionScan(model: model, date: q.date, wheelchair: q.wheelchair)
        let stop = q.forward ? q.origin : q.target
        let starts = scan.startTimes(
            at: stop, forward: q.forward, in: q.forward ? q.time ... q.time + q.window : q.time - q.window ... q.time)
        var triples: [Triple] = []
        for start in starts {
            var single = q
            single.time = start
            for point in expectedFront(model, single) {
                // A journey found from `start` may wait at the origin: its real departure is the
                // latest one that still arrives in time (backward: the earliest arrival).
                let rides = point.transfers + 1
                if q.forward {
                    let departure = scan.latestDepartures(from: q.origin, to: q.target, by: point.time, maxRides: rides)[rides - 1]
                    triples.append(Triple(departure: departure, arrival: point.time, transfers: point.transfers))
                } else {
                    let arrival = scan.earliestArrivals(from: q.origin, to: q.target, at: point.time, maxRides: rides)[rides - 1]
                    triples.append(Triple(departure: point.time, arrival: arrival, transfers: point.transfers))
                }
            }
        }
        // The window is a promise: journeys leave (arrive) within it.
        let inWindow = triples.filter { t in
            q.forward ? t.departure >= q.time && t.departure <= q.time + q.window
                : t.arrival <= q.time && t.arrival >= q.time - q.window
        }
        return inWindow.filter { t in !inWindow.contains { $0.covers(t) && !t.covers($0) } }
    }

    @Test(arguments: seeds)
    func rangeQueriesMatchTheConnectionScanAtEveryDeparture(seed: Int) throws {
        let model = RandomFeed(seed: UInt64(seed))
        let tt = try Self.timetable(model)
        var raptor = Raptor(timetable: tt)
        var rng = SplitMix64(seed: UInt64(seed) + 20_000)
        for index in 0 ..< 4 {
            let q = Query(&rng, model: model, forward: index % 2 == 0, range: true)
            let expected = Self.expectedRange(model, q)
            let result = raptor.route(q.request(tt))
            let actual = result.journeys.map { Triple(departure: $0.departure, arrival: $0.arrival, transfers: $0.transfers) }
            let check = JourneyCheck(model: model, timetable: tt, date: q.date, wheelchair: q.wheelchair)
            for journey in result.journeys {
                let problems = check.problems(journey, from: q.origin, to: q.target, forward: q.forward, time: q.time)
                #expect(problems.isEmpty, "seed \(seed): \(q): \(journey.summary(in: tt)): \(problems)")
            }
            // Everything the brute force finds, RAPTOR finds (or better) ...
            for triple in expected where !actual.contains(where: { $0.covers(triple) }) {
                Issue.record("seed \(seed): \(q): missing \(triple); RAPTOR: \(actual), expected \(expected)")
            }
            // ... and nothing RAPTOR returns is beaten by the brute force ...
            for triple in actual where expected.contains(where: { $0.covers(triple) && !triple.covers($0) }) {
                Issue.record("seed \(seed): \(q): dominated \(triple); expected \(expected)")
            }
            // ... nor by another journey of the result.
            for triple in actual where actual.contains(where: { $0.covers(triple) && !triple.covers($0) }) {
                Issue.record("seed \(seed): \(q): \(triple) dominated within the result \(actual)")
            }
        }
    }

    @Test func theRandomQueriesAreNotTrivial() throws {
        var answered = 0, withChanges = 0, total = 0, twoChanges = 0
        for seed in Self.seeds {
            let model = RandomFeed(seed: UInt64(seed))
            var rng = SplitMix64(seed: UInt64(seed) + 10_000)
            for index in 0 ..< Self.queriesPerSeed {
                let front = Self.expectedFront(model, Query(&rng, model: model, forward: index % 3 != 2, range: false))
                total += 1
                if !front.isEmpty { answered += 1 }
                if front.contains(where: { $0.transfers > 0 }) { withChanges += 1 }
                if front.contains(where: { $0.transfers > 1 }) { twoChanges += 1 }
            }
        }
        #expect(answered * 2 > total, "\(answered) of \(total) queries have an answer")
        #expect(withChanges * 5 > total, "\(withChanges) of \(total) queries have a journey with changes")
        #expect(twoChanges >= 10, "\(twoChanges) of \(total) queries have a journey with two changes")
    }
}
