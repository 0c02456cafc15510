//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import FleetDispatch
import Mobility

extension DayKPIs.AsBooked {
    /// The figures of a day driven as booked: Regiotaxi km and hours, on-demand rides picked up
    /// after their window, and the mean ride time over the direct drive (as the day's KPIs
    /// count them).
    init(execution: DayExecution, rides: [RideID: BookedRide], road: any RoadModel, boarding: BoardingMinutes, window: Double) {
        var outside = 0, timed = 0
        var ratios = 0.0
        for ride in rides.values.sorted(by: { $0.id < $1.id }) {
            guard let leg = ride.leg, let driven = execution.rides[leg] else { continue }
            if driven.pickup - Double(ride.pickup) - window > 0.05 { outside += 1 }
            let direct = Double(road.drive(from: ride.from, to: ride.to).seconds) / 60
            if direct >= 1 {
                timed += 1
                ratios += (driven.dropoff - driven.pickup - ride.serviceMinutes(boarding)) / direct
            }
        }
        self.init(
            vehicleKm: execution.taxiKm, vehicleHours: execution.taxiHours, ridesOutsideWindow: outside,
            meanRideTimeRatio: timed == 0 ? 0 : ratios / Double(timed), timedRides: timed)
    }
}
