//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Mobility

/// How a ride's needs and a vehicle's equipment become the solver's place lanes
/// (``RideDispatch/DARPInstance/placeLoad``): each lane is a kind of place a ride takes while
/// on board and a vehicle has so many of.
///
/// - 0: scooter places; 1: room for stowed aids;
/// - 2 and 3: the front seat. A ride that wants it in a car (AV-04, AV-06) counts in lane 2, one
///   that wants it in any vehicle (AV-07) in lanes 2 and 3. A car limits lane 2 to its front
///   seats and leaves lane 3 free, a bus the other way round, so two front-seat riders never
///   share one car's front seat while an AV-04 rider in a bus takes no front seat;
/// - 4: sharing. Every ride takes 1 of ``alone`` places, a ride that must not be shared (AV-01)
///   all of them: it rides with nobody else on board.
enum VehicleLanes {
    static let alone: Int16 = 1000

    /// A ride without further needs.
    static let plain: SIMD8<Int16> = { var lanes = SIMD8<Int16>(repeating: 0); lanes[4] = 1; return lanes }()

    static func load(of needs: RideNeeds) -> SIMD8<Int16> {
        var lanes = plain
        if needs.scooterPlace { lanes[0] = 1 }
        if needs.stowedAid { lanes[1] = 1 }
        switch needs.frontSeat {
        case .none: break
        case .inACar: lanes[2] = 1
        case .always: lanes[2] = 1; lanes[3] = 1
        }
        if needs.alone { lanes[4] = alone }
        return lanes
    }

    static func places(of vehicle: VehicleEquipment) -> SIMD8<Int16> {
        var lanes = SIMD8<Int16>(repeating: .max)
        lanes[0] = Int16(clamping: vehicle.scooterPlaces)
        lanes[1] = Int16(clamping: vehicle.stowedAids)
        lanes[2] = vehicle.kind == .car ? Int16(clamping: vehicle.frontSeats) : .max
        lanes[3] = vehicle.kind == .bus ? Int16(clamping: vehicle.frontSeats) : .max
        lanes[4] = alone
        return lanes
    }
}
