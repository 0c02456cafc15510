//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension Raptor {
    /// Scans every marked pattern once per service day around the query day (yesterday's trips
    /// running past midnight, today's, tomorrow's), riding the best trip reachable so far and
    /// switching to an earlier one (later, backward) wherever a stop allows it.
    ///
    /// Relies on the pattern invariant: at every position, trips are sorted by time and never
    /// overtake each other within one service day.
    ///
    /// Only stops marked in the previous round may switch to an earlier trip: at an unmarked
    /// stop the earliest catchable trip was already ridden from there in an earlier round, so
    /// riding it again cannot improve any label (the labels of that round are at least as good).
    func scanPatterns<D: SearchDirection>(
        _: D.Type, _ view: TimetableView, _ dayMask: UnsafeBufferPointer<UInt8>, round k: Int, bound: Int32,
        singleRun: Bool
    ) {
        let scratch = self.scratch
        let n = scratch.stopCount
        let roundBase = k * n
        let previousBase = (k - 1) * n
        let wheelchair = wheelchairOnly
        let labelRule: UInt8 = D.isForward ? 2 : 1
        let boardRule: UInt8 = D.isForward ? 1 : 2
        let shifts = dayShift
        let tripLabelTimes = D.isForward ? view.arrivals : view.departures
        let tripBoardTimes = D.isForward ? view.departures : view.arrivals
        var stats = scratch.statistics
        defer { scratch.statistics = stats }
        let hasSpecificRules = !timetable.specificForbiddenTransfers.isEmpty
        let patternCount = scratch.markedPatternCount
        scratch.markedPatternCount = 0
        for index in 0 ..< patternCount {
            let p = Int(scratch.markedPatterns[index])
            let startPosition = Int(scratch.patternStart[p])
            scratch.patternStart[p] = -1
            let firstTrip = Int(view.patternFirstTrip[p])
            let m = Int(view.patternFirstTrip[p + 1]) - firstTrip
            if m == 0 { continue }
            let stopBase = Int(view.patternStopOffsets[p])
            let stopCount = Int(view.patternStopOffsets[p + 1]) - stopBase
            let timeBase = Int(view.patternTimeBase[p])
            let patternMask = dayMask[Int(view.patternDays[p])]
            for o in 0 ..< 3 where patternMask & (1 << UInt8(o)) != 0 {
                let sh = o == 0 ? shifts.0 : (o == 1 ? shifts.1 : shifts.2)
                // Whole service days that cannot improve anything are skipped.
                if D.isForward {
                    if !D.isBetter(view.patternFirstDeparture[p] &+ sh, bound) { continue }
                } else {
                    if !D.isBetter(view.patternLastArrival[p] &+ sh, bound) { continue }
                }
                stats.patternsScanned += 1
                let dayBit: UInt8 = 1 << UInt8(o)
                var current = -1
                var currentRow = 0  // trip-major row of the current trip
                var boardStop: Int32 = -1, boardPosition = 0, boardRound = 0
                var pos = startPosition
                while D.isForward ? pos < stopCount : pos >= 0 {
                    defer { pos += D.isForward ? 1 : -1 }
                    let s = Int(view.patternStops[stopBase + pos])
                    let rule = view.patternRules[stopBase + pos]
                    let accessible = !wheelchair || view.stopIsAccessible[s]
                    if current >= 0 && rule & labelRule != 0 && accessible {
                        let t = tripLabelTimes[currentRow + pos] &+ sh
                        let index = roundBase + s
                        // Labels of later runs (range queries) count too; a single run has none.
                        if D.isBetter(t, scratch.runArrival[s]) && D.isBetter(t, bound)
                            && (singleRun || D.isBetter(t, scratch.arrival[index])) && scratch.canReach(s)
                        {
                            scratch.arrival[index] = t
                            scratch.runArrival[s] = t
                            scratch.arrivalTrip[index] = Int32(firstTrip + current)
                            scratch.arrivalOtherStop[index] = boardStop
                            scratch.arrivalPositions[index] = UInt32(boardPosition) << 16 | UInt32(pos)
                            scratch.arrivalDayAndRound[index] = UInt16(o) << 8 | UInt16(boardRound)
                            stats.arrivalsImprovedByTransit += 1
                            if !scratch.isImproved[s] {
                                scratch.isImproved[s] = true
                                scratch.improvedStops[scratch.improvedCount] = Int32(s)
                                scratch.improvedCount += 1
                            }
                        }
                    }
                    guard rule & boardRule != 0 && accessible && scratch.isMarked[s] else { continue }
                    // The best time to board here with fewer rides: this run's, or a later run's.
                    var ready = scratch.runBoardable[s]
                    var readyRound = Int(scratch.runBoardableRound[s])
                    if !singleRun {
                        let other = scratch.boardable[previousBase + s]
                        if D.isBetter(other, ready) {
                            ready = other
                            readyRound = k - 1
                        }
                    }
                    // Nothing boarded at or after the best target time can improve it.
                    if !D.isBetter(ready, bound) { continue }
                    if current >= 0 && D.isBetter(tripBoardTimes[currentRow + pos] &+ sh, ready) { continue }
                    stats.tripSearches += 1
                    var found = findTrip(
                        D.self, times: tripBoardTimes, row: timeBase + pos, stride: stopCount, count: m, current: current, target: ready &- sh,
                        firstTrip: firstTrip, dayBit: dayBit, view: view, dayMask: dayMask, wheelchair: wheelchair)
                    if found >= 0 && hasSpecificRules && view.stopHasSpecificRules[s] {
                        found = firstAllowedTrip(
                            D.self, from: found, before: current, count: m, firstTrip: firstTrip, stop: s,
                            label: readyRound * n + s, dayBit: dayBit, view: view, dayMask: dayMask, wheelchair: wheelchair)
                    }
                    if found >= 0 && found != current {
                        current = found
                        currentRow = timeBase + found * stopCount
                        boardStop = Int32(s)
                        boardPosition = pos
                        boardRound = readyRound
                    }
                }
            }
        }
    }

    /// The first trip from `found` on (backward: from `found` down) that the rules of
    /// transfers.txt naming routes or trips allow to be boarded from the label (a ride into the
    /// stop, or a walk after one); -1 if none before `current`.
    func firstAllowedTrip<D: SearchDirection>(
        _: D.Type, from found: Int, before current: Int, count m: Int, firstTrip: Int, stop s: Int, label: Int,
        dayBit: UInt8, view: TimetableView, dayMask: UnsafeBufferPointer<UInt8>, wheelchair: Bool
    ) -> Int {
        let previousStop = Int(scratch.boardableFrom[label])
        guard previousStop >= 0 else { return found }  // round 0: no ride before
        let round = label / scratch.stopCount
        let previousTrip = Int(scratch.arrivalTrip[round * scratch.stopCount + previousStop])
        guard previousTrip >= 0 else { return found }
        var i = found
        let end = current >= 0 ? current : (D.isForward ? m : -1)
        while D.isForward ? i < end : i > end {
            let trip = firstTrip + i
            let active = dayMask[Int(view.tripDays[trip])] & dayBit != 0 && (!wheelchair || view.tripIsAccessible[trip])
            if active {
                // Forward: the earlier ride arrives at previousStop, this trip leaves s.
                // Backward: this trip arrives at s, the later ride leaves previousStop.
                let allowed = D.isForward
                    ? !timetable.forbidsTransfer(fromTrip: previousTrip, at: previousStop, toTrip: trip, at: s)
                    : !timetable.forbidsTransfer(fromTrip: trip, at: s, toTrip: previousTrip, at: previousStop)
                if allowed { return i }
            }
            i += D.isForward ? 1 : -1
        }
        return -1
    }

    /// The trip to board at one stop position: forward, the first trip departing at or after
    /// `target` and before `current`; backward, the last arriving at or before `target` and
    /// after `current`; running on the service day `dayBit` (and accessible if asked). -1 if none.
    ///
    /// Gallops from the current trip (the answer is usually a few trips away), then binary-searches.
    @inline(__always)
    func findTrip<D: SearchDirection>(
        _: D.Type, times: UnsafeBufferPointer<Int32>, row: Int, stride: Int, count m: Int, current: Int, target: Int32,
        firstTrip: Int, dayBit: UInt8, view: TimetableView, dayMask: UnsafeBufferPointer<UInt8>, wheelchair: Bool
    ) -> Int {
        if D.isForward {
            var low = 0, high = m
            if current >= 0 {
                high = current
                var step = 1
                var probe = current - 1
                while probe >= 0 && times[row + probe * stride] >= target {
                    high = probe
                    step <<= 1
                    probe = high - step
                }
                low = max(probe + 1, 0)
            }
            while low < high {
                let mid = (low + high) >> 1
                if times[row + mid * stride] < target { low = mid + 1 } else { high = mid }
            }
            var i = low
            let limit = current >= 0 ? current : m
            while i < limit {
                let trip = firstTrip + i
                if dayMask[Int(view.tripDays[trip])] & dayBit != 0 && (!wheelchair || view.tripIsAccessible[trip]) {
                    return i
                }
                i += 1
            }
            return -1
        } else {
            var low = -1, high = m - 1  // the answer is in [low, high]
            if current >= 0 {
                low = current
                var step = 1
                var probe = current + 1
                while probe < m && times[row + probe * stride] <= target {
                    low = probe
                    step <<= 1
                    probe = low + step
                }
                high = min(probe - 1, m - 1)
            }
            while low < high {
                let mid = (low + high + 1) >> 1
                if times[row + mid * stride] <= target { low = mid } else { high = mid - 1 }
            }
            var i = low
            if i >= 0 && times[row + i * stride] > target { i = -1 }
            let limit = current >= 0 ? current : -1
            while i > limit {
                let trip = firstTrip + i
                if dayMask[Int(view.tripDays[trip])] & dayBit != 0 && (!wheelchair || view.tripIsAccessible[trip]) {
                    return i
                }
                i -= 1
            }
            return -1
        }
    }
}
