//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Unsafe views of the arrays the round loop reads, valid only inside ``Timetable/withView(_:)``.
///
/// One set of `withUnsafeBufferPointer` calls per query instead of one per access keeps
/// bounds checks and reference counting out of the inner loop (swift-collections' "unsafe
/// handle" pattern).
struct TimetableView {
    let arrivals: UnsafeBufferPointer<Int32>
    let departures: UnsafeBufferPointer<Int32>
    let patternStopOffsets: UnsafeBufferPointer<UInt32>
    let patternStops: UnsafeBufferPointer<UInt32>
    let patternRules: UnsafeBufferPointer<UInt8>
    let patternFirstTrip: UnsafeBufferPointer<UInt32>
    let patternTimeBase: UnsafeBufferPointer<UInt32>
    let patternDays: UnsafeBufferPointer<UInt32>
    let patternFirstDeparture: UnsafeBufferPointer<Int32>
    let patternLastArrival: UnsafeBufferPointer<Int32>
    let tripDays: UnsafeBufferPointer<UInt32>
    let tripIsAccessible: UnsafeBufferPointer<Bool>
    let stopIsAccessible: UnsafeBufferPointer<Bool>
    let minTransferTime: UnsafeBufferPointer<Int32>
    let sameStopTransferForbidden: UnsafeBufferPointer<Bool>
    let stopHasSpecificRules: UnsafeBufferPointer<Bool>
    let patternsAtStopOffsets: UnsafeBufferPointer<UInt32>
    let patternsAtStop: UnsafeBufferPointer<Timetable.PatternStop>
    /// Outgoing footpaths for forward searches, incoming ones for backward searches.
    let footpathOffsets: UnsafeBufferPointer<UInt32>
    let footpaths: UnsafeBufferPointer<Timetable.Footpath>
}

extension Timetable {
    /// Calls `body` with unsafe views of the hot arrays (footpaths in the given direction).
    func withView<R>(forward: Bool, _ body: (TimetableView) -> R) -> R {
        let links = forward ? footpaths : incomingFootpaths
        return arrivals.withUnsafeBufferPointer { arrivals in
        departures.withUnsafeBufferPointer { departures in
        patternStops.offsets.withUnsafeBufferPointer { patternStopOffsets in
        patternStops.values.withUnsafeBufferPointer { patternStops in
        patternStopRules.values.withUnsafeBufferPointer { patternRules in
        patternFirstTrip.withUnsafeBufferPointer { patternFirstTrip in
        patternTimeBase.withUnsafeBufferPointer { patternTimeBase in
        patternDays.withUnsafeBufferPointer { patternDays in
        patternFirstDeparture.withUnsafeBufferPointer { patternFirstDeparture in
        patternLastArrival.withUnsafeBufferPointer { patternLastArrival in
        tripDays.withUnsafeBufferPointer { tripDays in
        tripIsAccessible.withUnsafeBufferPointer { tripIsAccessible in
        stopIsAccessible.withUnsafeBufferPointer { stopIsAccessible in
        minTransferTime.withUnsafeBufferPointer { minTransferTime in
        sameStopTransferForbidden.withUnsafeBufferPointer { sameStopTransferForbidden in
        stopHasSpecificRules.withUnsafeBufferPointer { stopHasSpecificRules in
        patternsAtStop.offsets.withUnsafeBufferPointer { patternsAtStopOffsets in
        patternsAtStop.values.withUnsafeBufferPointer { patternsAtStop in
        links.offsets.withUnsafeBufferPointer { footpathOffsets in
        links.values.withUnsafeBufferPointer { footpaths in
            body(TimetableView(
                arrivals: arrivals, departures: departures, patternStopOffsets: patternStopOffsets,
                patternStops: patternStops, patternRules: patternRules, patternFirstTrip: patternFirstTrip,
                patternTimeBase: patternTimeBase, patternDays: patternDays,
                patternFirstDeparture: patternFirstDeparture, patternLastArrival: patternLastArrival,
                tripDays: tripDays, tripIsAccessible: tripIsAccessible, stopIsAccessible: stopIsAccessible,
                minTransferTime: minTransferTime, sameStopTransferForbidden: sameStopTransferForbidden,
                stopHasSpecificRules: stopHasSpecificRules,
                patternsAtStopOffsets: patternsAtStopOffsets, patternsAtStop: patternsAtStop,
                footpathOffsets: footpathOffsets, footpaths: footpaths))
        }}}}}}}}}}}}}}}}}}}}
    }
}
