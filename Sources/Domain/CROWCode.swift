//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A traveller characteristic of the CROW "reizigerskenmerken" (CROW-KpVV, English by the TOMP
/// working group, Apache-2.0): the Dutch standard vocabulary for what a Wmo pass records about
/// a traveller's needs. The raw value is the code as written on passes, in files and on the
/// wire (`HR-01`). All 68 codes of the 2021 list; what goan does with each is ``effect``.
public enum CROWCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable, WireName, Vocabulary {
    case wheelchairStandard = "HR-01"
    case wheelchairElectric = "HR-02"
    case wheelchairFoldable = "HR-03"
    case wheelchairTransferToSeat = "HR-04"
    case wheelchairSelfBalancing = "HR-05"
    case wheelchairDivergent = "HR-06"
    case rollator = "HR-07"
    case rollatorDivergent = "HR-08"
    case scooterStandard = "HR-09"
    case scooterDivergent = "HR-10"
    case variableAid = "HR-11"
    case supportDog = "HR-12"
    case seatbeltExemption = "HV-01"
    case seatbeltExtension = "HV-02"
    case boosterSeat = "HV-03"
    case childSeat = "HV-04"
    case transferWheelchair = "HV-05"
    case individual = "AV-01"
    case busOnly = "AV-02"
    case lastInFirstOut = "AV-03"
    case frontSeatInCar = "AV-04"
    case carOnly = "AV-05"
    case frontSeatCarOnly = "AV-06"
    case frontSeat = "AV-07"
    case lowAccess = "AV-08"
    case notWithCertainPersons = "AV-09"
    case ownTargetGroupOnly = "AV-10"
    case shortTravelTime = "AV-11"
    case separateSeat = "AV-12"
    case roomToRoom = "AB-01"
    case doorToDoor = "AB-02"
    case medicalEscort = "AB-03"
    case variableEscort = "AB-04"
    case companionFree = "AER-01"
    case companionDiscount = "AER-02"
    case householdMember = "AER-03"
    case blind = "K-01"
    case deaf = "K-02"
    case cognitivelyImpaired = "K-03"
    case cannotTalk = "K-04"
    case noMouthMask = "K-05"
    case transitAdvice = "ZR-01"
    case stopWithin100m = "ZR-02"
    case stopWithin250m = "ZR-03"
    case stopWithin500m = "ZR-04"
    case stopWithin1000m = "ZR-05"
    case stopVariableDistance = "ZR-06"
    case stopMotorAccessible = "ZR-07"
    case stopNonVisual = "ZR-08"
    case noTransfers = "ZR-09"
    case atMostOneTransfer = "ZR-10"
    case atMostTwoTransfers = "ZR-11"
    case atMostThreeTransfers = "ZR-12"
    case multimodal = "ZR-13"
    case nightBlind = "ZR-14"
    case bicyclePartly = "ZR-15"
    case bicycleFully = "ZR-16"
    case trainPartly = "ZR-17"
    case trainFully = "ZR-18"
    case busPartly = "ZR-19"
    case busFully = "ZR-20"
    case ownTransportPartly = "ZR-21"
    case ownTransportFully = "ZR-22"
    case pickupPoint = "ZR-23"
    case extraTransferTime = "ZR-24"
    case kmBudget = "RR-01"
    case mobilityBudget = "RR-02"
    case valys = "RR-03"

    /// The eight groups of the list, in its order.
    public enum Category: String, Sendable, CaseIterable {
        case passengerAids = "HR"
        case vehicleAids = "HV"
        case transport = "AV"
        case supervision = "AB"
        case extraPassenger = "AER"
        case characteristics = "K"
        case independentTravel = "ZR"
        case travelRights = "RR"

        /// The category's name in the English list.
        public var name: String {
            switch self {
            case .passengerAids: "Passenger aids"
            case .vehicleAids: "Vehicle aids"
            case .transport: "Secondary demands – transportation"
            case .supervision: "Secondary demands – supervision"
            case .extraPassenger: "Secondary demands – extra passenger"
            case .characteristics: "Characteristics"
            case .independentTravel: "(Accompanied) independent travel"
            case .travelRights: "Travel rights"
            }
        }
    }

    public var category: Category {
        let prefix = rawValue.prefix { $0 != "-" }
        return Category(rawValue: String(prefix))!
    }

    /// The code's name in the English list (the TOMP working group's translation).
    public var name: String {
        switch self {
case .wheelchairStandard: "Wheelchair - standard"
        case .wheelchairElectric: "Wheelchair - electric"
        case .wheelchairFoldable: "Wheelchair - foldable"
        case .wheelchairTransferToSeat: "Wheelchair - not secure with person in it"
        case .wheelchairSelfBalancing: "Wheelchair - self balancing two-wheeler"
        case .wheelchairDivergent: "Wheelchair - divergent"
        case .rollator: "Rollator - or walker"
        case .rollatorDivergent: "Rollator - divergent"
        case .scooterStandard: "Scooter - standard"
        case .scooterDivergent: "Scooter - divergent"
        case .variableAid: "variable aid"
        case .supportDog: "Support dog"
        case .seatbeltExemption: "Seatbelt - exemption"
        case .seatbeltExtension: "Seatbelt - extension"
        case .boosterSeat: "Seat - raised chair"
        case .childSeat: "Seat - child seat category 1"
        case .transferWheelchair: "Transfer wheelchair"
        case .individual: "Transportation - Individual"
        case .busOnly: "Transportation - in (wheelchair) bus"
        case .lastInFirstOut: "Transportation - last in / first out"
        case .frontSeatInCar: "Transportation - when private car, front seat"
        case .carOnly: "Transportation - in private car"
        case .frontSeatCarOnly: "Transportation - front seat and in private car"
        case .frontSeat: "Transportation - front seat, regardless of vehicle"
        case .lowAccess: "Transportation - low access"
        case .notWithCertainPersons: "Transportation - combination with other, except..."
        case .ownTargetGroupOnly: "Transportation - cannot come with other Targetgroup"
        case .shortTravelTime: "Transportation - short travel time"
        case .separateSeat: "separate seat"
        case .roomToRoom: "Supervision - room to room"
        case .doorToDoor: "Supervision - door to door"
        case .medicalEscort: "Supervision - necessary / medical support"
        case .variableEscort: "Supervision - variable supporter"
        case .companionFree: "Travelalong - free"
        case .companionDiscount: "Travelalong - discount"
        case .householdMember: "Household member"
        case .blind: "Characteristic - Blind / Partially sighted"
        case .deaf: "Characteristic - deaf / hearing impaired"
        case .cognitivelyImpaired: "Characteristic - cognitively impaired"
        case .cannotTalk: "Characteristic - cannot talk"
        case .noMouthMask: "Characteristic - No (nose) mouth protection"
        case .transitAdvice: "PT - advice | mobilityadvice"
        case .stopWithin100m: "PT-stop max 100 meter"
        case .stopWithin250m: "PT-stop max 250 meter"
        case .stopWithin500m: "PT-stop max 500 meter"
        case .stopWithin1000m: "PT-stop max 1000 meter"
        case .stopVariableDistance: "PT-stop (variable) distance"
        case .stopMotorAccessible: "PT-stop: required - motorably accessible"
        case .stopNonVisual: "PT-stop: required - non visual"
        case .noTransfers: "Changeover: max 0"
        case .atMostOneTransfer: "Changeover: max 1 time"
        case .atMostTwoTransfers: "Changeover: max 2 times"
        case .atMostThreeTransfers: "Changeover: max 3 times"
        case .multimodal: "Multimodal"
        case .nightBlind: "Night blind"
        case .bicyclePartly: "Bicycle usage - partly"
        case .bicycleFully: "Bicycle usage - full"
        case .trainPartly: "Train usage - partly"
        case .trainFully: "Train usage - fully"
        case .busPartly: "Bus usage - partly"
        case .busFully: "Bus usage - fully"
        case .ownTransportPartly: "Own transportation - partly"
        case .ownTransportFully: "Own transportation - fully"
        case .pickupPoint: "Pick-up point usage"
        case .extraTransferTime: "Extra transfertime"
        case .kmBudget: "Kilometre budget"
        case .mobilityBudget: "Mobility budget"
        case .valys: "Extraregional travel - Valys"
        }
    }

    /// What a file or request that holds another value is told.
    public static var expectedValues: String {
        let ranges = Category.allCases.map { category in
            let codes = allCases.filter { $0.category == category }
            return "\(codes.first!.rawValue)…\(codes.last!.rawValue)"
        }
        return "a CROW code (\(ranges.joined(separator: ", ")))"
    }

    /// Codes in the list's order (HR before HV …, then by number).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

extension CROWCode {
    /// Aids that take a wheelchair place in a vehicle: wheelchairs the traveller stays seated in
    /// (HR-01, HR-02, HR-06) and mobility scooters (HR-09, HR-10).
    public static let ridesInAWheelchairPlace: Set<CROWCode> = [
        .wheelchairStandard, .wheelchairElectric, .wheelchairDivergent, .scooterStandard, .scooterDivergent,
    ]
}

extension CROWCode {
    /// Whether the code asks something of the vehicle or the driver (an aid to carry, equipment,
    /// supervision), so that a service must say it meets it (`serves` in service-rules.json).
    public var asksOfTheService: Bool {
        switch category {
        case .passengerAids, .vehicleAids, .supervision: true
        case .transport, .extraPassenger, .characteristics, .independentTravel, .travelRights: false
        }
    }
}
