//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain

/// What one on-demand ride asks of the vehicle or car that drives it, read from the
/// traveller's CROW codes (the table in `Scenarios/README.md` says which code does what).
///
/// Invariant: `seats ≥ 1` (the traveller); a wheelchair user who stays seated in the chair takes
/// a seat and a wheelchair place, as the fleet files count them.
public struct RideNeeds: Sendable, Hashable {
    /// Seats taken: the traveller, companions, a seat for a support dog (HR-12) and an empty
    /// seat beside the traveller (AV-12).
    public var seats: Int
    /// Stays seated in the wheelchair (HR-01, HR-02, HR-06).
    public var wheelchairPlace = false
    /// A mobility scooter carried while the traveller sits in a seat (HR-09, HR-10).
    public var scooterPlace = false
    /// A folded or unsecurable wheelchair, or a divergent rollator, carried while the traveller
    /// sits in a seat (HR-03, HR-04, HR-05, HR-08).
    public var stowedAid = false
    public var frontSeat = FrontSeat.none
    public var vehicleKind: VehicleKind? = nil
    public var equipment: Equipment = []
    /// Nobody else rides along (AV-01).
    public var alone = false
    /// Picked up last and dropped off first: no other stop while on board (AV-03).
    public var lastInFirstOut = false
    /// Shares the vehicle only with rides of its own target group (AV-10).
    public var ownGroupOnly = false
    /// A tighter ride-time limit (AV-11, the service's `shortRideTime`).
    public var shortRide = false
    /// The driver fetches the traveller at the front door of the room (AB-01) or of the building
    /// (AB-02): extra minutes at each end (the service's `boardingMinutes`).
    public var support = Support.none

    public enum FrontSeat: Sendable, Hashable {
        case none
        /// In the front when the vehicle is a car (AV-04, AV-06).
        case inACar
        /// In the front in any vehicle (AV-07).
        case always
    }

    public enum Support: Int, Sendable, Hashable, Comparable {
        case none, doorToDoor, roomToRoom
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Equipment a vehicle must have.
    public struct Equipment: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// A lift (an electric or divergent wheelchair, a divergent scooter: HR-02, HR-06, HR-10).
        public static let lift = Equipment(rawValue: 1 << 0)
        /// A low entry without the lift (AV-08).
        public static let lowFloor = Equipment(rawValue: 1 << 1)
        /// Dogs allowed (HR-12).
        public static let dog = Equipment(rawValue: 1 << 2)
        /// A booster seat (HV-03), a child seat (HV-04), a transfer wheelchair (HV-05).
        public static let boosterSeat = Equipment(rawValue: 1 << 3)
        public static let childSeat = Equipment(rawValue: 1 << 4)
        public static let transferWheelchair = Equipment(rawValue: 1 << 5)
        /// The vehicle is a (wheelchair) bus (AV-02) or a passenger car (AV-05, AV-06).
        public static let bus = Equipment(rawValue: 1 << 6)
        public static let car = Equipment(rawValue: 1 << 7)

        /// The vehicle drives rides of this target group (a vehicle of a separate fleet drives
        /// only its own groups; every vehicle of a shared one drives all).
        public static func serves(_ group: TargetGroup) -> Equipment { Equipment(rawValue: 1 << (8 + UInt32(group.index))) }
        public static let everyGroup: Equipment = Equipment(TargetGroup.allCases.map(serves))
    }

    /// The needs of a ride for a traveller with `codes` and `companions` people along.
    public init(codes: [CROWCode], companions: Int = 0) {
        seats = 1 + Self.companionsAlong(codes: codes, booked: companions)
        for code in codes {
            switch code {
            case .wheelchairStandard: wheelchairPlace = true
            case .wheelchairElectric, .wheelchairDivergent: wheelchairPlace = true; equipment.insert(.lift)
            case .wheelchairFoldable, .wheelchairTransferToSeat, .wheelchairSelfBalancing, .rollatorDivergent: stowedAid = true
            case .scooterStandard: scooterPlace = true
            case .scooterDivergent: scooterPlace = true; equipment.insert(.lift)
            case .supportDog: seats += 1; equipment.insert(.dog)
            case .boosterSeat: equipment.insert(.boosterSeat)
            case .childSeat: equipment.insert(.childSeat)
            case .transferWheelchair: equipment.insert(.transferWheelchair)
            case .individual: alone = true
            case .ownTargetGroupOnly: ownGroupOnly = true
            case .busOnly: vehicleKind = .bus
            case .lastInFirstOut: lastInFirstOut = true
            case .frontSeatInCar: if frontSeat == .none { frontSeat = .inACar }
            case .carOnly: vehicleKind = .car
            case .frontSeatCarOnly: vehicleKind = .car; if frontSeat == .none { frontSeat = .inACar }
            case .frontSeat: frontSeat = .always
            case .lowAccess: equipment.insert(.lowFloor)
            case .shortTravelTime: shortRide = true
            case .separateSeat: seats += 1
            case .roomToRoom: support = max(support, .roomToRoom)
            case .doorToDoor: support = max(support, .doorToDoor)
            default: break
            }
        }
        if let vehicleKind { equipment.insert(vehicleKind == .bus ? .bus : .car) }
    }

    /// What the ride needs beyond a seat, in words (for reasons).
    public var summary: String {
        var words: [String] = []
        if wheelchairPlace { words.append("a wheelchair place") }
        if scooterPlace { words.append("a scooter place") }
        if stowedAid { words.append("room for a folded aid") }
        if frontSeat == .always { words.append("the front seat") } else if frontSeat == .inACar { words.append("the front seat in a car") }
        if let vehicleKind { words.append(vehicleKind == .bus ? "a (wheelchair) bus" : "a passenger car") }
        let named: [(Equipment, String)] = [
            (.lift, "a lift"), (.lowFloor, "a low entry"), (.dog, "room for a support dog"), (.boosterSeat, "a booster seat"),
            (.childSeat, "a child seat"), (.transferWheelchair, "a transfer wheelchair"),
        ]
        words += named.filter { equipment.contains($0.0) }.map(\.1)
        if alone { words.append("riding alone") }
        if ownGroupOnly { words.append("riding only with its own target group") }
        if seats > 1 { words.append("\(seats) seats") }
        return words.isEmpty ? "a seat" : words.joined(separator: ", ")
    }

    /// People along with the traveller: the companions booked, or the escort a traveller who
    /// may not travel alone (AB-03) always brings.
    public static func companionsAlong(codes: [CROWCode], booked: Int) -> Int {
        codes.contains(.medicalEscort) ? max(1, booked) : max(0, booked)
    }

    /// Whether the ride needs a place or equipment not every vehicle has (a wheelchair or
    /// scooter place, room for a folded aid, the front seat, a lift, …): a refusal then names it.
    public var asksForAPlaceOrEquipment: Bool {
        wheelchairPlace || scooterPlace || stowedAid || frontSeat != .none || !equipment.isEmpty
    }

    /// Whether the traveller boards in the wheelchair or with a scooter (longer boarding).
    public var boardsWithAChairOrScooter: Bool { wheelchairPlace || scooterPlace }
}

/// Minutes a vehicle stands at a stop to let a traveller board or alight (a service's
/// `boardingMinutes` in service-rules.json).
public struct BoardingMinutes: Codable, Sendable, Hashable {
    public var standard: Double
    /// In a wheelchair or with a mobility scooter.
    public var wheelchairOrScooter: Double
    /// Added when the driver helps from the building's door (AB-02) or the room's (AB-01).
    public var doorToDoorExtra: Double
    public var roomToRoomExtra: Double

    public init(standard: Double, wheelchairOrScooter: Double, doorToDoorExtra: Double, roomToRoomExtra: Double) {
        self.standard = standard
        self.wheelchairOrScooter = wheelchairOrScooter
        self.doorToDoorExtra = doorToDoorExtra
        self.roomToRoomExtra = roomToRoomExtra
    }

    /// 2 minutes, 5 in a wheelchair or with a scooter; 3 more with help from the door, 8 more
    /// from the room.
    public static let standard = BoardingMinutes(standard: 2, wheelchairOrScooter: 5, doorToDoorExtra: 3, roomToRoomExtra: 8)

    public func minutes(for needs: RideNeeds) -> Double {
        let base = needs.boardsWithAChairOrScooter ? wheelchairOrScooter : standard
        switch needs.support {
        case .none: return base
        case .doorToDoor: return base + doorToDoorExtra
        case .roomToRoom: return base + roomToRoomExtra
        }
    }
}

/// What a Regiotaxi vehicle is: a (wheelchair) bus or a passenger car.
public enum VehicleKind: String, Sendable, Hashable, Codable, CaseIterable {
    case bus
    case car
}

/// What a vehicle or a volunteer's car carries beyond its seats and wheelchair places, with the
/// defaults of a file that does not say.
public struct VehicleEquipment: Sendable, Hashable {
    public var kind: VehicleKind
    /// Passenger seats in the front, beside the driver.
    public var frontSeats: Int
    public var wheelchairPlaces: Int
    public var scooterPlaces: Int
    /// Room for folded wheelchairs, rollators and the like while their owners sit in seats.
    public var stowedAids: Int
    public var equipment: RideNeeds.Equipment

    /// Whether a ride with `needs`, alone in the vehicle, fits: seats, places and equipment
    /// (whether it fits beside others is the dispatcher's question).
    public func fits(_ needs: RideNeeds, seats: Int) -> Bool {
        if needs.seats > seats { return false }
        if needs.wheelchairPlace && wheelchairPlaces < 1 { return false }
        if needs.scooterPlace && scooterPlaces < 1 { return false }
        if needs.stowedAid && stowedAids < 1 { return false }
        if needs.frontSeat == .always || (needs.frontSeat == .inACar && kind == .car), frontSeats < 1 { return false }
        return needs.equipment.isSubset(of: equipment)
    }
}

extension Vehicle {
    /// The vehicle's equipment, with the defaults for what `fleet.json` leaves out (a bus with
    /// one front seat, a lift when it has wheelchair places, dogs allowed, nothing else).
    public var carries: VehicleEquipment {
        let kind = self.kind ?? .bus
        var equipment: RideNeeds.Equipment = kind == .bus ? .bus : .car
        if lift ?? (wheelchairPlaces > 0) { equipment.insert(.lift) }
        if lowFloor ?? false { equipment.insert(.lowFloor) }
        if dogsAllowed ?? true { equipment.insert(.dog) }
        if boosterSeat ?? false { equipment.insert(.boosterSeat) }
        if childSeat ?? false { equipment.insert(.childSeat) }
        if transferWheelchair ?? false { equipment.insert(.transferWheelchair) }
        equipment.formUnion(targetGroups.map { RideNeeds.Equipment($0.map(RideNeeds.Equipment.serves)) } ?? .everyGroup)
        return VehicleEquipment(
            kind: kind, frontSeats: frontSeats ?? 1, wheelchairPlaces: wheelchairPlaces, scooterPlaces: scooterPlaces ?? 0,
            stowedAids: stowedAids ?? 1, equipment: equipment)
    }
}

extension Volunteer {
    /// The volunteer's car: one front seat, room for one folded aid in the boot, a wheelchair
    /// place only when marked so, dogs only when the volunteer says so.
    public var carries: VehicleEquipment {
        var equipment: RideNeeds.Equipment = [.car, .everyGroup]
        if dogsAllowed ?? false { equipment.insert(.dog) }
        if lowFloor ?? false { equipment.insert(.lowFloor) }
        return VehicleEquipment(
            kind: .car, frontSeats: 1, wheelchairPlaces: wheelchair ? 1 : 0, scooterPlaces: 0, stowedAids: stowedAids ?? 1, equipment: equipment)
    }
}
