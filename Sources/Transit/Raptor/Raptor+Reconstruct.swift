//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension Raptor {
    /// Follows the labels back from the target of `round` and builds the journey's legs.
    func reconstruct<D: SearchDirection>(_: D.Type, round: Int) -> Journey {
        let tt = timetable
        let n = scratch.stopCount
        var legs: [Leg] = []  // in search order: from the target side back to the source side
        var s = Int(scratch.targetStop[round])
        var k = round
        let via = Int(scratch.targetVia[round])
        let targetSide = via >= 0 ? via : s
        let targetDuration = scratch.targetDuration[targetSide]
        legs.append(
            Leg(mode: D.isForward ? .egress : .access, fromStop: D.isForward ? StopIndex(targetSide) : nil,
                toStop: D.isForward ? nil : StopIndex(targetSide), departure: 0, arrival: targetDuration))
        if via >= 0 {
            legs.append(walkLeg(D.self, between: s, and: via))
        }
        while k > 0 {
            let index = k * n + s
            let trip = Int(scratch.arrivalTrip[index])
            let other = Int(scratch.arrivalOtherStop[index])
            let positions = scratch.arrivalPositions[index]
            let dayAndRound = scratch.arrivalDayAndRound[index]
            let o = Int(dayAndRound >> 8)
            let boardRound = Int(dayAndRound & 0xFF)
            let otherPosition = Int(positions >> 16), thisPosition = Int(positions & 0xFFFF)
            let p = Int(tt.tripPattern[trip])
            let i = trip - Int(tt.patternFirstTrip[p])
            let sh = shift(o)
            let boardPosition = D.isForward ? otherPosition : thisPosition
            let alightPosition = D.isForward ? thisPosition : otherPosition
            var leg = Leg(
                mode: .transit, fromStop: StopIndex(D.isForward ? other : s), toStop: StopIndex(D.isForward ? s : other),
                departure: tt.departures[tt.timeIndex(pattern: p, trip: i, position: boardPosition)] + sh,
                arrival: tt.arrivals[tt.timeIndex(pattern: p, trip: i, position: alightPosition)] + sh)
            leg.trip = TripIndex(trip)
            leg.feedTrip = Int32(tt.feedTrip[trip])
            leg.serviceDayOffset = o - 1
            leg.boardPosition = boardPosition
            leg.alightPosition = alightPosition
            legs.append(leg)
            let from = Int(scratch.boardableFrom[boardRound * n + other])
            if boardRound == 0 || from < 0 {
                // Round 0: the source stop itself, or a walk from a source stop.
                var sourceStop = other
                if from >= 0 && from != other {
                    legs.append(walkLeg(D.self, between: from, and: other))
                    sourceStop = from
                }
                legs.append(
                    Leg(mode: D.isForward ? .access : .egress, fromStop: D.isForward ? nil : StopIndex(sourceStop),
                        toStop: D.isForward ? StopIndex(sourceStop) : nil, departure: 0,
                        arrival: scratch.sourceDuration[sourceStop]))
                break
            }
            if from != other {
                legs.append(walkLeg(D.self, between: from, and: other))
            }
            s = from
            k = boardRound
        }
        if D.isForward { legs.reverse() }
        return Raptor.timed(legs)
    }

    /// A walk between stops `a` (reached first in the search) and `b`; duration from the footpath.
    private func walkLeg<D: SearchDirection>(_: D.Type, between a: Int, and b: Int) -> Leg {
        let tt = timetable
        let (from, to) = D.isForward ? (a, b) : (b, a)
        let duration = tt.footpaths[from].first { Int($0.stop) == to }?.duration ?? 0
        return Leg(mode: .walk, fromStop: StopIndex(from), toStop: StopIndex(to), departure: 0, arrival: duration)
    }

    /// Gives walking, access and egress legs (which hold their duration in `arrival`) their
    /// times around the rides, and drops zero-length access and egress legs.
    static func timed(_ legs: [Leg]) -> Journey {
        var result: [Leg] = []
        var rides = 0
        guard let firstRide = legs.firstIndex(where: { $0.mode == .transit }) else {
            return Journey(legs: [], departure: 0, arrival: 0, transfers: 0)
        }
        for (index, original) in legs.enumerated() {
            var leg = original
            if leg.mode == .transit {
                rides += 1
                result.append(leg)
                continue
            }
            let duration = leg.arrival
            if index < firstRide {
                // Before the first ride: arrive at the stop just in time to board.
                let boardTime = legs[firstRide].departure
                let walkAfter = legs[(index + 1) ..< firstRide].reduce(Int32(0)) { $0 + $1.arrival }
                leg.arrival = boardTime - walkAfter
                leg.departure = leg.arrival - duration
            } else {
                leg.departure = result.last?.arrival ?? 0
                leg.arrival = leg.departure + duration
            }
            if duration == 0 && (leg.mode == .access || leg.mode == .egress) { continue }
            result.append(leg)
        }
        return Journey(
            legs: result, departure: result.first?.departure ?? 0, arrival: result.last?.arrival ?? 0,
            transfers: max(0, rides - 1))
    }

    /// Keeps the journeys no other journey dominates in (later or equal departure, earlier or
    /// equal arrival, no more transfers); sorted by departure, then arrival.
    static func paretoFilter(_ journeys: [Journey]) -> [Journey] {
        var kept: [Journey] = []
        for j in journeys {
            let dominated = journeys.contains { o in
                o.departure >= j.departure && o.arrival <= j.arrival && o.transfers <= j.transfers
                    && (o.departure > j.departure || o.arrival < j.arrival || o.transfers < j.transfers)
            }
            if !dominated && !kept.contains(j) { kept.append(j) }
        }
        return kept.sorted { ($0.departure, $0.arrival, $0.transfers) < ($1.departure, $1.arrival, $1.transfers) }
    }
}
