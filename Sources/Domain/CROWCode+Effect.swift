//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

extension CROWCode {
    /// Where a code acts in goan.
    public enum Stage: String, Sendable, CaseIterable {
        /// It changes which options a plan offers or how they are found.
        case planning
        /// It changes what a booking costs or who may book.
        case booking
        /// It changes which vehicle or car can take the ride, or its stops.
        case dispatch
        /// The driver's sheet shows it; nothing is decided by it.
        case information
        /// Not acted on yet (issue 14 lists it); until then only shown.
        case pending
    }

    /// What goan does with the code (the table in `Scenarios/README.md` is made from this, and a
    /// test keeps the two equal).
    public var effect: (stage: Stage, words: String) {
        switch self {
        case .wheelchairStandard: (.dispatch, "a wheelchair place (the traveller stays seated); walks on the wheelchair profile; boarding takes the wheelchair time")
        case .wheelchairElectric: (.dispatch, "a wheelchair place in a vehicle with a lift")
        case .wheelchairFoldable: (.dispatch, "a seat, and room for the folded chair (`stowedAids`)")
        case .wheelchairTransferToSeat: (.dispatch, "a seat, and room for the chair (`stowedAids`)")
        case .wheelchairSelfBalancing: (.dispatch, "a seat, and room for the two-wheeler as baggage (`stowedAids`)")
        case .wheelchairDivergent: (.dispatch, "a wheelchair place in a vehicle with a lift")
        case .rollator: (.information, "carried in any vehicle; the simulator's travellers with one walk at most 250 m")
        case .rollatorDivergent: (.dispatch, "room for the rollator (`stowedAids`)")
        case .scooterStandard: (.dispatch, "a scooter place (`scooterPlaces`); the traveller sits in a seat; boarding takes the wheelchair time")
        case .scooterDivergent: (.dispatch, "a scooter place in a vehicle with a lift")
        case .variableAid: (.information, "the booking asks which aid comes along")
        case .supportDog: (.dispatch, "a seat more, in a vehicle that allows dogs (`dogsAllowed`)")
        case .seatbeltExemption: (.information, "for the driver")
        case .seatbeltExtension: (.information, "the traveller brings the extension")
        case .boosterSeat: (.dispatch, "a vehicle with a booster seat (`boosterSeat`)")
        case .childSeat: (.dispatch, "a vehicle with a child seat (`childSeat`)")
        case .transferWheelchair: (.dispatch, "a vehicle that carries a transfer wheelchair (`transferWheelchair`)")
        case .individual: (.dispatch, "rides alone: nobody else is on board during the ride")
        case .busOnly: (.dispatch, "only a (wheelchair) bus (`kind: bus`)")
        case .lastInFirstOut: (.dispatch, "picked up last, dropped off first: no other stop between the two")
        case .frontSeatInCar: (.dispatch, "the front seat when the vehicle is a car (one traveller per front seat)")
        case .carOnly: (.dispatch, "only a passenger car (`kind: car`)")
        case .frontSeatCarOnly: (.dispatch, "only a passenger car, in its front seat")
        case .frontSeat: (.dispatch, "the front seat in any vehicle")
        case .lowAccess: (.dispatch, "a vehicle with a low entry (`lowFloor`)")
        case .notWithCertainPersons: (.information, "the names are in a memo for the planner, not in goan")
        case .ownTargetGroupOnly: (.dispatch, "shares a vehicle only with rides of its own target group (Wmo, day care, school): no ride of another group is on board with it")
        case .shortTravelTime: (.dispatch, "a tighter ride-time limit: the service's `shortRideTime` (default 1.25 × direct + 5 min)")
        case .separateSeat: (.dispatch, "a seat more, left empty beside the traveller")
        case .roomToRoom: (.dispatch, "the driver fetches from the room: extra minutes at each stop (`boardingMinutes.roomToRoomExtra`, default 8)")
        case .doorToDoor: (.dispatch, "the driver helps from the front door: extra minutes at each stop (`boardingMinutes.doorToDoorExtra`, default 3)")
        case .medicalEscort: (.dispatch, "never alone: an escort rides along (a seat, counted even when no companion is booked) and rides free")
        case .variableEscort: (.information, "the booking asks whether an escort comes along")
        case .companionFree: (.booking, "companions ride free")
        case .companionDiscount: (.booking, "companions pay a share of the fare (`companions.discountedShare`, default 0.5)")
        case .householdMember: (.information, "a household member travels along on the pass at the traveller's fare: goan prices every social companion so already; who the member is stays the municipality's record")
        case .blind: (.information, "for the driver")
        case .deaf: (.information, "for the driver")
        case .cognitivelyImpaired: (.information, "for the driver")
        case .cannotTalk: (.information, "for the driver")
        case .noMouthMask: (.information, "for the driver")
        case .transitAdvice: (.planning, "always met: every plan lists the public transport options beside the taxi")
        case .stopWithin100m: (.planning, "walks at most 100 m to or from a stop (or less, as the profile says)")
        case .stopWithin250m: (.planning, "walks at most 250 m to or from a stop (or less, as the profile says)")
        case .stopWithin500m: (.planning, "walks at most 500 m to or from a stop (or less, as the profile says)")
        case .stopWithin1000m: (.planning, "walks at most 1,000 m to or from a stop (or less, as the profile says)")
        case .stopVariableDistance: (.information, "depends on the day; the traveller's walking distance applies")
        case .stopMotorAccessible: (.planning, "public transport only from and to stops marked accessible (wheelchair_boarding 1), on trips marked so")
        case .stopNonVisual: (.information, "no feed says which stops are accessible without sight")
        case .noTransfers: (.planning, "public transport without a change")
        case .atMostOneTransfer: (.planning, "public transport with at most one change")
        case .atMostTwoTransfers: (.planning, "public transport with at most two changes")
        case .atMostThreeTransfers: (.planning, "public transport with at most three changes")
        case .multimodal: (.information, "goan plans every combination of modes anyway")
        case .nightBlind: (.planning, "no option that walks before sunrise or after sunset (computed for the date at the trip's start; `WALK_IN_THE_DARK`)")
        case .bicyclePartly, .bicycleFully, .trainPartly, .trainFully, .busPartly, .busFully, .ownTransportPartly, .ownTransportFully:
            (.information, "how the traveller (a pupil) travels on some or all days; the municipality's record")
        case .pickupPoint: (.information, "the traveller can walk to a pick-up point")
        case .extraTransferTime: (.planning, "twice the feed's transfer time at every change (at a stop and on foot between stops)")
        case .kmBudget: (.booking, "the yearly kilometre budget at the Wmo tariff (`wmoPass.kmBudgetLeft`), then the market rate")
        case .mobilityBudget: (.information, "the municipality's budget; not planned with")
        case .valys: (.planning, "beyond the Regiotaxi radius the answer refers to Valys (`TRAVEL_WITH_VALYS`)")
        }
    }
}
