//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension Raptor {
    /// The round loop for one request, in direction `D`.
    mutating func search<D: SearchDirection>(_: D.Type, _ request: JourneyRequest) -> RaptorResult {
        let unreached = D.unreached
        let rides = request.maxTransfers + 1
        scratch.resetQuery(unreached: unreached, forward: D.isForward)
        let sources = D.isForward ? request.origins : request.destinations
        let targets = D.isForward ? request.destinations : request.origins
        for offset in sources where offset.stop.int < timetable.stopCount {
            let s = offset.stop.int
            if scratch.sourceDuration[s] < 0 || offset.duration < scratch.sourceDuration[s] {
                scratch.sourceDuration[s] = offset.duration
            }
        }
        for offset in targets where offset.stop.int < timetable.stopCount {
            let s = offset.stop.int
            if scratch.targetDuration[s] < 0 || offset.duration < scratch.targetDuration[s] {
                scratch.targetDuration[s] = offset.duration
            }
        }
        defer {
            for offset in sources where offset.stop.int < timetable.stopCount { scratch.sourceDuration[offset.stop.int] = -1 }
            for offset in targets where offset.stop.int < timetable.stopCount { scratch.targetDuration[offset.stop.int] = -1 }
        }
        let requested: Int32
        switch request.time {
        case .departAt(let t), .arriveBy(let t): requested = t
        }
        var starts = [requested]
        if request.window > 0 {
            let found = rangeStarts(D.self, sources: sources, from: requested, window: request.window)
            if !found.isEmpty { starts = found }
        }
        var journeys: [Journey] = []
        var pareto: [(time: Int32, transfers: Int)] = []
        var usedRounds = 1
        for start in starts {
            statistics.runs += 1
            scratch.resetRun(unreached: unreached)
            for offset in sources where offset.stop.int < timetable.stopCount {
                let s = offset.stop.int
                relax(D.self, stop: s, time: D.advance(start, by: offset.duration), from: -1, round: 0, bound: unreached)
            }
            var bound = unreached
            var improvedRounds: [Int] = []
            var k = 1
            while k <= rides && !scratch.markedStops.isEmpty {
                if D.isBetter(scratch.targetTime[k], bound) { bound = scratch.targetTime[k] }
                collectPatterns(D.self)
                scanPatterns(D.self, round: k, bound: bound)
                if relaxTransfers(D.self, round: k, bound: &bound) { improvedRounds.append(k) }
                statistics.rounds += 1
                k += 1
            }
            usedRounds = max(usedRounds, k)
            for stop in scratch.markedStops { scratch.isMarked[Int(stop)] = false }
            scratch.markedStops.removeAll(keepingCapacity: true)
            for round in improvedRounds {
                pareto.append((scratch.targetTime[round], round - 1))
                if request.reconstructLegs {
                    journeys.append(reconstruct(D.self, round: round))
                }
            }
        }
        scratch.dirtyRounds = max(scratch.dirtyRounds, min(usedRounds + 1, scratch.roundCount))
        if starts.count > 1 || journeys.count > 1 { journeys = Raptor.paretoFilter(journeys) }
        if !D.isForward { pareto.sort { $0.transfers < $1.transfers } }
        return RaptorResult(journeys: journeys, pareto: pareto, statistics: statistics)
    }

    /// The times a range query starts from: every departure (forward) or arrival (backward) at a
    /// source stop within the window, latest departure first (earliest arrival first backward).
    func rangeStarts<D: SearchDirection>(_: D.Type, sources: [StopOffset], from t0: Int32, window: Int32) -> [Int32] {
        let tt = timetable
        var times = Set<Int32>()
        let rule: UInt8 = D.isForward ? 1 : 2
        for offset in sources where offset.stop.int < tt.stopCount {
            for ps in tt.patternsAtStop[offset.stop.int] {
                let p = Int(ps.pattern), pos = Int(ps.position)
                guard tt.patternStopRules[p][tt.patternStopRules.range(of: p).lowerBound + pos] & rule != 0 else { continue }
                let m = tt.tripCount(ofPattern: p)
                let row = Int(tt.patternTimeBase[p]) + pos * m
                let first = Int(tt.patternFirstTrip[p])
                for o in 0 ..< 3 {
                    let sh = shift(o)
                    for i in 0 ..< m where dayMask[Int(tt.tripDays[first + i])] & (1 << UInt8(o)) != 0 {
                        if wheelchairOnly && !tt.tripIsAccessible[first + i] { continue }
                        let event = (D.isForward ? tt.departures[row + i] : tt.arrivals[row + i]) + sh
                        let t = D.isForward ? event - offset.duration : event + offset.duration
                        if D.isForward ? (t >= t0 && t <= t0 + window) : (t <= t0 && t >= t0 - window) {
                            times.insert(t)
                        }
                    }
                }
            }
        }
        return D.isForward ? times.sorted(by: >) : times.sorted()
    }

    /// Sets a boardable label if it improves the round's and the run's best.
    @inline(__always)
    mutating func relax<D: SearchDirection>(_: D.Type, stop v: Int, time b: Int32, from: Int32, round k: Int, bound: Int32) {
        let index = k * scratch.stopCount + v
        guard D.isBetter(b, scratch.runBoardable[v]), D.isBetter(b, scratch.boardable[index]), D.isBetter(b, bound)
        else { return }
        scratch.boardable[index] = b
        scratch.boardableFrom[index] = from
        scratch.runBoardable[v] = b
        scratch.runBoardableRound[v] = UInt8(k)
        if !scratch.isMarked[v] {
            scratch.isMarked[v] = true
            scratch.markedStops.append(Int32(v))
        }
    }

    /// Turns the marked stops into the patterns to scan, each from its first marked position
    /// (last, backward), and clears the stop marks.
    mutating func collectPatterns<D: SearchDirection>(_: D.Type) {
        let tt = timetable
        for stop in scratch.markedStops {
            scratch.isMarked[Int(stop)] = false
            for ps in tt.patternsAtStop[Int(stop)] {
                let p = Int(ps.pattern), pos = Int32(ps.position)
                let current = scratch.patternStart[p]
                if current < 0 {
                    scratch.patternStart[p] = pos
                    scratch.markedPatterns.append(Int32(p))
                } else if D.isForward ? pos < current : pos > current {
                    scratch.patternStart[p] = pos
                }
            }
        }
        scratch.markedStops.removeAll(keepingCapacity: true)
    }

    /// Relaxes same-stop transfers and footpaths from the stops improved by rides in round k,
    /// and records the best target time of the round.
    ///
    /// - Returns: whether the target improved in this round.
    mutating func relaxTransfers<D: SearchDirection>(_: D.Type, round k: Int, bound: inout Int32) -> Bool {
        let tt = timetable
        let n = scratch.stopCount
        var best = bound
        var bestStop: Int32 = -1, bestVia: Int32 = -1
        let improved = scratch.improvedStops
        scratch.improvedStops.removeAll(keepingCapacity: true)
        for stop in improved {
            let s = Int(stop)
            scratch.isImproved[s] = false
            let a = scratch.arrival[k * n + s]
            let toTarget = scratch.targetDuration[s]
            if toTarget >= 0 {
                let candidate = D.advance(a, by: toTarget)
                if D.isBetter(candidate, best) {
                    best = candidate
                    bestStop = stop
                    bestVia = -1
                }
            }
            if !tt.sameStopTransferForbidden[s] {
                relax(D.self, stop: s, time: D.advance(a, by: tt.minTransferTime[s]), from: stop, round: k, bound: bound)
                statistics.arrivalsImprovedByTransfer += 1
            }
            let links = D.isForward ? tt.footpaths : tt.incomingFootpaths
            for link in links[s] {
                let v = Int(link.stop)
                let b = D.advance(a, by: link.duration)
                let walkToTarget = scratch.targetDuration[v]
                if walkToTarget >= 0 {
                    let candidate = D.advance(b, by: walkToTarget)
                    if D.isBetter(candidate, best) {
                        best = candidate
                        bestStop = stop
                        bestVia = Int32(v)
                    }
                }
                relax(D.self, stop: v, time: b, from: stop, round: k, bound: bound)
            }
        }
        guard bestStop >= 0 else { return false }
        scratch.targetTime[k] = best
        scratch.targetStop[k] = bestStop
        scratch.targetVia[k] = bestVia
        bound = best
        return true
    }
}
