//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The labels of a search, reused from query to query (nigiri's `raptor_state`): allocated
/// once per timetable and reset lazily, only the rounds the previous query used.
///
/// Raw memory rather than arrays because the round loop writes these millions of times per
/// second: array writes would check uniqueness and retain storage on every access.
/// Round arrays are `rounds × stops`, indexed `round * stopCount + stop`.
final class RaptorScratch {
    let stopCount: Int
    let roundCount: Int

    /// Best time at a stop reached by a ride in round k (forward: alighting time).
    let arrival: UnsafeMutablePointer<Int32>
    /// The timetable trip of that ride.
    let arrivalTrip: UnsafeMutablePointer<Int32>
    /// The stop at the other end of the ride (forward: where it was boarded).
    let arrivalOtherStop: UnsafeMutablePointer<Int32>
    /// Positions in the pattern: other end << 16 | this stop.
    let arrivalPositions: UnsafeMutablePointer<UInt32>
    /// Service day offset (0…2 for −1…+1) << 8 | round of the boardable label the ride started from.
    let arrivalDayAndRound: UnsafeMutablePointer<UInt16>
    /// Best time from which a vehicle can be boarded at the stop after round k.
    let boardable: UnsafeMutablePointer<Int32>
    /// The stop whose ride in round k led here (same stop: a transfer; other: a walk);
    /// -1 for round 0 (access from the origin).
    let boardableFrom: UnsafeMutablePointer<Int32>

    /// Best times of the current run, any round (local pruning, τ* of the paper).
    let runArrival: UnsafeMutablePointer<Int32>
    let runBoardable: UnsafeMutablePointer<Int32>
    let runBoardableRound: UnsafeMutablePointer<UInt8>

    /// Stops whose boardable time improved in the last round (each once, guarded by `isMarked`).
    let markedStops: UnsafeMutablePointer<Int32>
    var markedCount = 0
    /// The marked stops of the round being scanned.
    let scannedStops: UnsafeMutablePointer<Int32>
    var scannedCount = 0
    let isMarked: UnsafeMutablePointer<Bool>
    /// Stops whose ride arrival improved in the current round.
    let improvedStops: UnsafeMutablePointer<Int32>
    var improvedCount = 0
    let isImproved: UnsafeMutablePointer<Bool>
    /// Patterns to scan, with the first (forward) or last (backward) marked position; -1 if none.
    let markedPatterns: UnsafeMutablePointer<Int32>
    var markedPatternCount = 0
    let patternStart: UnsafeMutablePointer<Int32>

    /// `reachEpoch[s] == epoch` when stop `s` can reach a target in the static network (a
    /// stop that cannot is never labelled); the epoch saves clearing the array per query.
    let reachEpoch: UnsafeMutablePointer<UInt32>
    var epoch: UInt32 = 0
    let reachQueue: UnsafeMutablePointer<Int32>

    /// Seconds from a target stop to the traveller's target; -1 where the stop is no target.
    let targetDuration: UnsafeMutablePointer<Int32>
    /// Seconds from the traveller's source to a source stop; -1 where the stop is no source.
    let sourceDuration: UnsafeMutablePointer<Int32>

    /// Best target time per round over all runs of a query, and the label it came from.
    var targetTime: [Int32]
    var targetStop: [Int32]
    var targetVia: [Int32]

    /// Counters of the current query.
    var statistics = RaptorStatistics()

    /// Rounds written since the last reset, and the direction they were written for.
    var dirtyRounds = 0
    var dirtyForward = true

    init(stopCount: Int, patternCount: Int, roundCount: Int) {
        self.stopCount = stopCount
        self.roundCount = roundCount
        let size = stopCount * roundCount
        func make<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: value, count: max(count, 1))
            return pointer
        }
        arrival = make(size, RaptorConstants.unreachedForward)
        arrivalTrip = make(size, -1)
        arrivalOtherStop = make(size, -1)
        arrivalPositions = make(size, 0)
        arrivalDayAndRound = make(size, 0)
        boardable = make(size, RaptorConstants.unreachedForward)
        boardableFrom = make(size, -1)
        runArrival = make(stopCount, RaptorConstants.unreachedForward)
        runBoardable = make(stopCount, RaptorConstants.unreachedForward)
        runBoardableRound = make(stopCount, 0)
        markedStops = make(stopCount, 0)
        scannedStops = make(stopCount, 0)
        isMarked = make(stopCount, false)
        improvedStops = make(stopCount, 0)
        isImproved = make(stopCount, false)
        markedPatterns = make(patternCount, 0)
        patternStart = make(patternCount, -1)
        reachEpoch = make(stopCount, 0)
        reachQueue = make(stopCount, 0)
        targetDuration = make(stopCount, -1)
        sourceDuration = make(stopCount, -1)
        targetTime = Array(repeating: RaptorConstants.unreachedForward, count: roundCount)
        targetStop = Array(repeating: -1, count: roundCount)
        targetVia = Array(repeating: -1, count: roundCount)
    }

    deinit {
        for pointer in [arrival, arrivalTrip, arrivalOtherStop, boardable, boardableFrom, runArrival, runBoardable,
                        markedStops, scannedStops, improvedStops, markedPatterns, patternStart, targetDuration, sourceDuration] {
            pointer.deallocate()
        }
        arrivalPositions.deallocate()
        arrivalDayAndRound.deallocate()
        reachEpoch.deallocate()
        reachQueue.deallocate()
        runBoardableRound.deallocate()
        isMarked.deallocate()
        isImproved.deallocate()
    }

    /// Clears the labels of all runs for a new query in the given direction.
    func resetQuery(unreached: Int32, forward: Bool) {
        let rounds = forward == dirtyForward ? dirtyRounds : roundCount
        let end = rounds * stopCount
        if end > 0 {
            arrival.update(repeating: unreached, count: end)
            boardable.update(repeating: unreached, count: end)
        }
        for k in 0 ..< roundCount {
            targetTime[k] = unreached
            targetStop[k] = -1
            targetVia[k] = -1
        }
        dirtyRounds = 0
        dirtyForward = forward
    }

    /// Clears the per-run bests for the next departure of a range query.
    func resetRun(unreached: Int32) {
        runArrival.update(repeating: unreached, count: stopCount)
        runBoardable.update(repeating: unreached, count: stopCount)
    }

    @inline(__always) func canReach(_ stop: Int) -> Bool { reachEpoch[stop] == epoch }

    /// Marks every stop from which a target can be reached (breadth-first over `previous`).
    func computeReach(targets: [Int], previous: JaggedArray<UInt32>) {
        epoch &+= 1
        if epoch == 0 {  // wrapped: clear once every 4 billion queries
            reachEpoch.update(repeating: 0, count: stopCount)
            epoch = 1
        }
        var head = 0, tail = 0
        for target in targets where reachEpoch[target] != epoch {
            reachEpoch[target] = epoch
            reachQueue[tail] = Int32(target)
            tail += 1
        }
        previous.values.withUnsafeBufferPointer { values in
            previous.offsets.withUnsafeBufferPointer { offsets in
                while head < tail {
                    let stop = Int(reachQueue[head])
                    head += 1
                    for i in Int(offsets[stop]) ..< Int(offsets[stop + 1]) {
                        let other = Int(values[i])
                        if reachEpoch[other] != epoch {
                            reachEpoch[other] = epoch
                            reachQueue[tail] = Int32(other)
                            tail += 1
                        }
                    }
                }
            }
        }
    }

    func mark(_ stop: Int) {
        if !isMarked[stop] {
            isMarked[stop] = true
            markedStops[markedCount] = Int32(stop)
            markedCount += 1
        }
    }
}
