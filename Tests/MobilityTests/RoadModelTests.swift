//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GTFS
import Mobility
import Testing

@Suite struct RoadModelTests {
    let model = StraightLineRoadModel()

    @Test func westerhaarToTheAlmeloHospitalIsAboutTwentyMinutes() {
        let leg = model.drive(from: Fixtures.westerhaar, to: Fixtures.hospital)
        #expect(leg.kilometres > 15 && leg.kilometres < 17)
        #expect(leg.seconds > 18 * 60 && leg.seconds < 24 * 60)
    }

    @Test func shortDrivesAreSlowLongDrivesFast() {
        let short = model.drive(from: Fixtures.westerhaar, to: Coordinate(latitude: 52.4667, longitude: 6.6218))  // 1 km north
        let long = model.drive(from: Fixtures.westerhaar, to: Coordinate(latitude: 52.7277, longitude: 6.6218))  // 30 km
        let shortSpeed = short.metres / Double(short.seconds), longSpeed = long.metres / Double(long.seconds)
        #expect(shortSpeed < 6)  // < 22 km/h with the fixed two minutes
        #expect(longSpeed > 15)  // > 54 km/h
    }

    @Test func noDriveForTheSamePoint() {
        #expect(model.drive(from: Fixtures.westerhaar, to: Fixtures.westerhaar) == RoadLeg(metres: 0, seconds: 0))
    }

    @Test func drivingTimeGrowsWithDistance() {
        var previous: Int32 = -1
        for km in stride(from: 0.5, through: 40, by: 0.5) {
            let leg = model.drive(from: Fixtures.westerhaar, to: Coordinate(latitude: 52.4577 + km / 111.2, longitude: 6.6218))
            #expect(leg.seconds > previous)
            previous = leg.seconds
        }
    }
}

@Suite struct ServiceRulesFileTests {
    @Test func aMissingFieldIsNamed() {
        let broken = Fixtures.rulesJSON.replacingOccurrences(of: "\"perKm\": 0.49, ", with: "")
        #expect {
            try ServiceRules.decode(Data(broken.utf8), file: "service-rules.json")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("service-rules.json:") && text.hasSuffix(": services[0].fare.perKm: a value (the field is required)")
        }
    }

    @Test func aBadTimeIsNamed() {
        let broken = Fixtures.rulesJSON.replacingOccurrences(of: "\"start\": \"06:00\"", with: "\"start\": \"6 uur\"")
        #expect {
            try ServiceRules.decode(Data(broken.utf8), file: "rules.json")
        } throws: { error in
            "\(error)".contains("services[0].serviceHours.start") && "\(error)".contains("'6 uur' is not a time")
        }
    }

    @Test func aWrongTypeIsNamed() {
        let broken = Fixtures.rulesJSON.replacingOccurrences(of: "\"yearlyKmBudget\": 2000", with: "\"yearlyKmBudget\": \"lots\"")
        #expect {
            try ServiceRules.decode(Data(broken.utf8), file: "rules.json")
        } throws: { error in
            "\(error)".contains("services[0].yearlyKmBudget")
        }
    }
}
