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
    mutating func scanPatterns<D: SearchDirection>(_: D.Type, round k: Int, bound: Int32) {
        let tt = timetable
        let n = scratch.stopCount
        let roundBase = k * n
        let previousBase = (k - 1) * n
        let wheelchair = wheelchairOnly
        let labelRule: UInt8 = D.isForward ? 2 : 1
        let boardRule: UInt8 = D.isForward ? 1 : 2
        let marked = scratch.markedPatterns
        scratch.markedPatterns.removeAll(keepingCapacity: true)
        var stats = statistics
        defer { statistics = stats }
        let shifts = dayShift

        tt.arrivals.withUnsafeBufferPointer { arrivals in
        tt.departures.withUnsafeBufferPointer { departures in
        tt.patternStops.values.withUnsafeBufferPointer { allStops in
        tt.patternStopRules.values.withUnsafeBufferPointer { allRules in
        tt.tripDays.withUnsafeBufferPointer { tripDays in
        dayMask.withUnsafeBufferPointer { dayMask in
        scratch.arrival.withUnsafeMutableBufferPointer { arrival in
        scratch.runArrival.withUnsafeMutableBufferPointer { runArrival in
        scratch.boardable.withUnsafeBufferPointer { boardable in
        scratch.runBoardable.withUnsafeBufferPointer { runBoardable in
        scratch.runBoardableRound.withUnsafeBufferPointer { runBoardableRound in
            let labelTimes = D.isForward ? arrivals : departures
            let boardTimes = D.isForward ? departures : arrivals
            for pattern in marked {
                let p = Int(pattern)
                let startPosition = Int(scratch.patternStart[p])
                scratch.patternStart[p] = -1
                let m = Int(tt.patternFirstTrip[p + 1] - tt.patternFirstTrip[p])
                if m == 0 { continue }
                let firstTrip = Int(tt.patternFirstTrip[p])
                let stopBase = Int(tt.patternStops.offsets[p])
                let stopCount = Int(tt.patternStops.offsets[p + 1]) - stopBase
                let timeBase = Int(tt.patternTimeBase[p])
                let patternMask = dayMask[Int(tt.patternDays[p])]
                for o in 0 ..< 3 where patternMask & (1 << UInt8(o)) != 0 {
                    let sh = o == 0 ? shifts.0 : (o == 1 ? shifts.1 : shifts.2)
                    // Whole service days that cannot improve anything are skipped.
                    if D.isForward {
                        if !D.isBetter(tt.patternFirstDeparture[p] &+ sh, bound) { continue }
                    } else {
                        if !D.isBetter(tt.patternLastArrival[p] &+ sh, bound) { continue }
                    }
                    stats.patternsScanned += 1
                    let dayBit: UInt8 = 1 << UInt8(o)
                    var current = -1
                    var boardStop: Int32 = -1, boardPosition = 0, boardRound = 0
                    var pos = startPosition
                    while D.isForward ? pos < stopCount : pos >= 0 {
                        defer { pos += D.isForward ? 1 : -1 }
                        let s = Int(allStops[stopBase + pos])
                        let rule = allRules[stopBase + pos]
                        let accessible = !wheelchair || tt.stopIsAccessible[s]
                        let row = timeBase + pos * m
                        if current >= 0 && rule & labelRule != 0 && accessible {
                            let t = labelTimes[row + current] &+ sh
                            let index = roundBase + s
                            if D.isBetter(t, runArrival[s]) && D.isBetter(t, arrival[index]) && D.isBetter(t, bound) {
                                arrival[index] = t
                                runArrival[s] = t
                                scratch.arrivalTrip[index] = Int32(firstTrip + current)
                                scratch.arrivalOtherStop[index] = boardStop
                                scratch.arrivalPositions[index] = UInt32(boardPosition) << 16 | UInt32(pos)
                                scratch.arrivalDayAndRound[index] = UInt16(o) << 8 | UInt16(boardRound)
                                stats.arrivalsImprovedByTransit += 1
                                if !scratch.isImproved[s] {
                                    scratch.isImproved[s] = true
                                    scratch.improvedStops.append(Int32(s))
                                }
                            }
                        }
                        guard rule & boardRule != 0 && accessible else { continue }
                        // The best time to board here with fewer rides: this run's, or a later run's.
                        var ready = runBoardable[s]
                        var readyRound = Int(runBoardableRound[s])
                        let other = boardable[previousBase + s]
                        if D.isBetter(other, ready) {
                            ready = other
                            readyRound = k - 1
                        }
                        if ready == D.unreached { continue }
                        if current >= 0 && D.isBetter(boardTimes[row + current] &+ sh, ready) { continue }
                        stats.tripSearches += 1
                        let target = ready &- sh
                        // Candidates: trips before the current one (after it, backward).
                        var found = -1
                        if D.isForward {
                            let limit = current >= 0 ? current + 1 : m
                            var i = 0
                            if limit > RaptorConstants.binarySearchThreshold {
                                var low = 0, high = limit
                                while low < high {
                                    let mid = (low + high) >> 1
                                    if boardTimes[row + mid] < target { low = mid + 1 } else { high = mid }
                                }
                                i = low
                            } else {
                                while i < limit && boardTimes[row + i] < target { i += 1 }
                            }
                            while i < limit {
                                let trip = firstTrip + i
                                if dayMask[Int(tripDays[trip])] & dayBit != 0 && (!wheelchair || tt.tripIsAccessible[trip]) {
                                    found = i
                                    break
                                }
                                i += 1
                            }
                        } else {
                            let limit = current >= 0 ? current - 1 : -1
                            var i = m - 1
                            if m - 1 - limit > RaptorConstants.binarySearchThreshold {
                                var low = limit + 1, high = m
                                while low < high {
                                    let mid = (low + high) >> 1
                                    if boardTimes[row + mid] <= target { low = mid + 1 } else { high = mid }
                                }
                                i = low - 1
                            } else {
                                while i > limit && boardTimes[row + i] > target { i -= 1 }
                            }
                            while i > limit {
                                let trip = firstTrip + i
                                if dayMask[Int(tripDays[trip])] & dayBit != 0 && (!wheelchair || tt.tripIsAccessible[trip]) {
                                    found = i
                                    break
                                }
                                i -= 1
                            }
                        }
                        if found >= 0 && found != current {
                            current = found
                            boardStop = Int32(s)
                            boardPosition = pos
                            boardRound = readyRound
                        }
                    }
                }
            }
        }}}}}}}}}}}
    }
}
