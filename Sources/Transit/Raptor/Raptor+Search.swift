//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension Raptor {
    /// The round loop for one request, in direction `D`.
    func search<D: SearchDirection>(_: D.Type, _ request: JourneyRequest) -> RaptorResult {
        let unreached = D.unreached
        let rides = request.maxTransfers + 1
        scratch.resetQuery(unreached: unreached, forward: D.isForward)
        let sources = D.isForward ? request.origins : request.destinations
        let targets = D.isForward ? request.destinations : request.origins
        let walkAtSource = D.isForward ? request.walkAtOrigin : request.walkAtDestination
        let walkAtTarget = D.isForward ? request.walkAtDestination : request.walkAtOrigin
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
        // Only stops from which a target can be reached at all (ignoring time) are worth a label;
        // when no source is among them, there is nothing to search.
        let targetStops = targets.map(\.stop.int).filter { $0 < timetable.stopCount }
        scratch.computeReach(targets: targetStops, previous: D.isForward ? timetable.previousStops : timetable.nextStops)
        if !sources.contains(where: { $0.stop.int < timetable.stopCount && scratch.canReach($0.stop.int) }) {
            return RaptorResult(journeys: [], pareto: [], statistics: scratch.statistics)
        }
        let requested: Int32
        switch request.time {
        case .departAt(let t), .arriveBy(let t): requested = t
        }
        var starts = [requested]
        if request.window > 0 {
            // Nothing departs in the window: no journey (callers may ask again without one).
            starts = rangeStarts(D.self, sources: sources, from: requested, window: request.window, walk: walkAtSource)
        }
        var journeys: [Journey] = []
        var pareto: [(time: Int32, transfers: Int)] = []
        var usedRounds = 1
        let dayMask = self.dayMask
        dayMask.withUnsafeBufferPointer { dayMask in
        let tt = timetable
        tt.withView(forward: D.isForward) { view in
        for start in starts {
            scratch.statistics.runs += 1
            scratch.resetRun(unreached: unreached)
            for offset in sources where offset.stop.int < timetable.stopCount {
                let s = offset.stop.int
                relax(D.self, stop: s, time: D.advance(start, by: offset.duration), from: -1, round: 0, bound: unreached)
            }
            if walkAtSource {
                // A walk before the first ride (after the last, backward): footpaths from every
                // source stop, relaxed once, like the walks between rides.
                for offset in sources where offset.stop.int < timetable.stopCount {
                    let s = offset.stop.int
                    let reached = D.advance(start, by: scratch.sourceDuration[s])
                    for j in Int(view.footpathOffsets[s]) ..< Int(view.footpathOffsets[s + 1]) {
                        let link = view.footpaths[j]
                        if link.duration > request.maxWalkSeconds { continue }
                        relax(D.self, stop: Int(link.stop), time: D.advance(reached, by: link.duration), from: Int32(s), round: 0, bound: unreached)
                    }
                }
            }
            var bound = unreached
            var improvedRounds: [Int] = []
            var k = 1
            while k <= rides && scratch.markedCount > 0 {
                if D.isBetter(scratch.targetTime[k], bound) { bound = scratch.targetTime[k] }
                collectPatterns(D.self, view)
                scanPatterns(D.self, view, dayMask, round: k, bound: bound, singleRun: starts.count == 1)
                clearScannedMarks()
                if relaxTransfers(D.self, view, round: k, bound: &bound, walkToTarget: walkAtTarget, maxWalk: request.maxWalkSeconds,
                    transferFactor: request.transferTimeFactor)
                {
                    improvedRounds.append(k)
                }
                scratch.statistics.rounds += 1
                k += 1
            }
            usedRounds = max(usedRounds, k)
            for i in 0 ..< scratch.markedCount { scratch.isMarked[Int(scratch.markedStops[i])] = false }
            scratch.markedCount = 0
            for round in improvedRounds {
                pareto.append((scratch.targetTime[round], round - 1))
                if request.reconstructLegs {
                    journeys.append(reconstruct(D.self, round: round))
                }
            }
        }
        }
        }
        scratch.dirtyRounds = max(scratch.dirtyRounds, min(usedRounds + 1, scratch.roundCount))
        if request.window > 0 {
            // A run may find its improvement outside the window (tomorrow's first bus); the
            // window is a promise to the caller.
            journeys = journeys.filter { journey in
                D.isForward
                    ? journey.departure >= requested && journey.departure <= requested + request.window
                    : journey.arrival <= requested && journey.arrival >= requested - request.window
            }
        }
        if starts.count > 1 || journeys.count > 1 { journeys = Raptor.paretoFilter(journeys) }
        if !D.isForward { pareto.sort { $0.transfers < $1.transfers } }
        return RaptorResult(journeys: journeys, pareto: pareto, statistics: scratch.statistics)
    }

    /// The times a range query starts from: every departure (forward) or arrival (backward) at a
    /// source stop within the window, latest departure first (earliest arrival first backward).
    func rangeStarts<D: SearchDirection>(
        _: D.Type, sources: [StopOffset], from t0: Int32, window: Int32, walk: Bool
    ) -> [Int32] {
        let tt = timetable
        var times = Set<Int32>()
        let rule: UInt8 = D.isForward ? 1 : 2
        // Source stops, and (when walking there is allowed) the stops one footpath away.
        var reachable = sources.filter { $0.stop.int < tt.stopCount }
        if walk {
            let links = D.isForward ? tt.footpaths : tt.incomingFootpaths
            for offset in reachable {
                for link in links[offset.stop.int] {
                    reachable.append(StopOffset(stop: StopIndex(Int(link.stop)), duration: offset.duration + link.duration))
                }
            }
        }
        for offset in reachable {
            for ps in tt.patternsAtStop[offset.stop.int] {
                let p = Int(ps.pattern), pos = Int(ps.position)
                guard tt.patternStopRules[p][tt.patternStopRules.range(of: p).lowerBound + pos] & rule != 0 else { continue }
                let m = tt.tripCount(ofPattern: p)
                let first = Int(tt.patternFirstTrip[p])
                for o in 0 ..< 3 {
                    let sh = shift(o)
                    for i in 0 ..< m where dayMask[Int(tt.tripDays[first + i])] & (1 << UInt8(o)) != 0 {
                        if wheelchairOnly && !tt.tripIsAccessible[first + i] { continue }
                        let index = tt.timeIndex(pattern: p, trip: i, position: pos)
                        let event = (D.isForward ? tt.departures[index] : tt.arrivals[index]) + sh
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
    func relax<D: SearchDirection>(_: D.Type, stop v: Int, time b: Int32, from: Int32, round k: Int, bound: Int32) {
        let scratch = self.scratch
        let index = k * scratch.stopCount + v
        guard D.isBetter(b, scratch.runBoardable[v]), D.isBetter(b, scratch.boardable[index]), D.isBetter(b, bound),
            scratch.canReach(v)
        else { return }
        scratch.boardable[index] = b
        scratch.boardableFrom[index] = from
        scratch.runBoardable[v] = b
        scratch.runBoardableRound[v] = UInt8(k)
        scratch.mark(v)
    }

    /// Turns the marked stops into the patterns to scan, each from its first marked position
    /// (last, backward). The stop marks stay set during the scan: only marked stops can board
    /// an earlier trip (see ``scanPatterns``); ``clearScannedMarks()`` clears them afterwards.
    func collectPatterns<D: SearchDirection>(_: D.Type, _ view: TimetableView) {
        let scratch = self.scratch
        for i in 0 ..< scratch.markedCount {
            let stop = Int(scratch.markedStops[i])
            scratch.scannedStops[i] = Int32(stop)
            for j in Int(view.patternsAtStopOffsets[stop]) ..< Int(view.patternsAtStopOffsets[stop + 1]) {
                let ps = view.patternsAtStop[j]
                let p = Int(ps.pattern), pos = Int32(ps.position)
                let current = scratch.patternStart[p]
                if current < 0 {
                    scratch.patternStart[p] = pos
                    scratch.markedPatterns[scratch.markedPatternCount] = Int32(p)
                    scratch.markedPatternCount += 1
                } else if D.isForward ? pos < current : pos > current {
                    scratch.patternStart[p] = pos
                }
            }
        }
        scratch.scannedCount = scratch.markedCount
        scratch.markedCount = 0
    }

    /// Clears the marks of the stops the last scan started from.
    func clearScannedMarks() {
        for i in 0 ..< scratch.scannedCount { scratch.isMarked[Int(scratch.scannedStops[i])] = false }
        scratch.scannedCount = 0
    }

    /// Relaxes same-stop transfers and footpaths from the stops improved by rides in round k,
    /// and records the best target time of the round.
    ///
    /// - Returns: whether the target improved in this round.
    func relaxTransfers<D: SearchDirection>(
        _: D.Type, _ view: TimetableView, round k: Int, bound: inout Int32, walkToTarget walkAllowed: Bool, maxWalk: Int32,
        transferFactor: Int32 = 1
    ) -> Bool {
        let scratch = self.scratch
        let n = scratch.stopCount
        var best = bound
        var bestStop: Int32 = -1, bestVia: Int32 = -1
        let count = scratch.improvedCount
        scratch.improvedCount = 0
        for i in 0 ..< count {
            let stop = scratch.improvedStops[i]
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
            if !view.sameStopTransferForbidden[s] {
                relax(D.self, stop: s, time: D.advance(a, by: view.minTransferTime[s] &* transferFactor), from: stop, round: k, bound: bound)
                scratch.statistics.arrivalsImprovedByTransfer += 1
            }
            for j in Int(view.footpathOffsets[s]) ..< Int(view.footpathOffsets[s + 1]) {
                let link = view.footpaths[j]
                if link.duration > maxWalk { continue }
                let v = Int(link.stop)
                let b = D.advance(a, by: link.duration)
                let walkToTarget = scratch.targetDuration[v]
                if walkToTarget >= 0 && walkAllowed {
                    let candidate = D.advance(b, by: walkToTarget)
                    if D.isBetter(candidate, best) {
                        best = candidate
                        bestStop = stop
                        bestVia = Int32(v)
                    }
                }
                // A change on foot to another stop takes the traveller's transfer factor; the walk
                // to the destination after the last ride does not.
                relax(D.self, stop: v, time: transferFactor == 1 ? b : D.advance(a, by: link.duration &* transferFactor), from: stop, round: k, bound: bound)
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
