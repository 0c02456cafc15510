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
/// Round arrays are `rounds × stops`, indexed `round * stopCount + stop`.
struct RaptorScratch {
    let stopCount: Int
    let roundCount: Int

    /// Best time at a stop reached by a ride in round k (forward: alighting time).
    var arrival: [Int32]
    /// The timetable trip of that ride.
    var arrivalTrip: [Int32]
    /// The stop at the other end of the ride (forward: where it was boarded).
    var arrivalOtherStop: [Int32]
    /// Positions in the pattern: other end << 16 | this stop.
    var arrivalPositions: [UInt32]
    /// (service day offset + 1) << 8 | round of the boardable label the ride started from.
    var arrivalDayAndRound: [UInt16]
    /// Best time from which a vehicle can be boarded at the stop after round k.
    var boardable: [Int32]
    /// The stop whose ride in round k led here (same stop: a transfer; other: a walk);
    /// -1 for round 0 (access from the origin).
    var boardableFrom: [Int32]

    /// Best times of the current run, any round (local pruning, τ* of the paper).
    var runArrival: [Int32]
    var runBoardable: [Int32]
    var runBoardableRound: [UInt8]

    /// Stops whose boardable time improved in the last round, and a flag per stop.
    var markedStops: [Int32] = []
    var isMarked: [Bool]
    /// Stops whose ride arrival improved in the current round.
    var improvedStops: [Int32] = []
    var isImproved: [Bool]
    /// Patterns to scan, with the first (forward) or last (backward) marked position.
    var markedPatterns: [Int32] = []
    var patternStart: [Int32]

    /// Seconds from a target stop to the traveller's target; -1 where the stop is no target.
    var targetDuration: [Int32]
    /// Seconds from the traveller's source to a source stop.
    var sourceDuration: [Int32]

    /// Best target time per round over all runs, and the label it came from.
    var targetTime: [Int32]
    var targetStop: [Int32]
    var targetVia: [Int32]

    /// Rounds written since the last reset, and the direction they were written for.
    var dirtyRounds = 0
    var dirtyForward = true

    init(stopCount: Int, patternCount: Int, roundCount: Int) {
        self.stopCount = stopCount
        self.roundCount = roundCount
        let size = stopCount * roundCount
        arrival = Array(repeating: RaptorConstants.unreachedForward, count: size)
        arrivalTrip = Array(repeating: -1, count: size)
        arrivalOtherStop = Array(repeating: -1, count: size)
        arrivalPositions = Array(repeating: 0, count: size)
        arrivalDayAndRound = Array(repeating: 0, count: size)
        boardable = Array(repeating: RaptorConstants.unreachedForward, count: size)
        boardableFrom = Array(repeating: -1, count: size)
        runArrival = Array(repeating: RaptorConstants.unreachedForward, count: stopCount)
        runBoardable = Array(repeating: RaptorConstants.unreachedForward, count: stopCount)
        runBoardableRound = Array(repeating: 0, count: stopCount)
        isMarked = Array(repeating: false, count: stopCount)
        isImproved = Array(repeating: false, count: stopCount)
        patternStart = Array(repeating: -1, count: patternCount)
        targetDuration = Array(repeating: -1, count: stopCount)
        sourceDuration = Array(repeating: -1, count: stopCount)
        targetTime = Array(repeating: RaptorConstants.unreachedForward, count: roundCount)
        targetStop = Array(repeating: -1, count: roundCount)
        targetVia = Array(repeating: -1, count: roundCount)
    }

    /// Clears the labels of all runs for a new query in the given direction.
    mutating func resetQuery(unreached: Int32, forward: Bool) {
        let rounds = forward == dirtyForward ? dirtyRounds : roundCount
        let end = rounds * stopCount
        if end > 0 {
            arrival.withUnsafeMutableBufferPointer { $0[0 ..< end].update(repeating: unreached) }
            boardable.withUnsafeMutableBufferPointer { $0[0 ..< end].update(repeating: unreached) }
        }
        if forward != dirtyForward {
            arrival.withUnsafeMutableBufferPointer { $0.update(repeating: unreached) }
            boardable.withUnsafeMutableBufferPointer { $0.update(repeating: unreached) }
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
    mutating func resetRun(unreached: Int32) {
        runArrival.withUnsafeMutableBufferPointer { $0.update(repeating: unreached) }
        runBoardable.withUnsafeMutableBufferPointer { $0.update(repeating: unreached) }
    }
}
