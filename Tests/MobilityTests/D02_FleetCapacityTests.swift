//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GTFS
import Mobility
import Testing

/// D: Regiotaxi capacity until the dispatcher exists — a vehicle with the needed places on duty
/// for the whole ride, and room in the hour (2 rides per vehicle on duty).
@Suite struct D02_FleetCapacityTests {
    /// Monday 23 November 2026, Tuesday 24, Sunday 29.
    static let monday = ServiceDate("2026-11-23")!
    static let tuesday = ServiceDate("2026-11-24")!
    static let sunday = ServiceDate("2026-11-29")!

    /// A vehicle as fleet.json has it (Vehicle has no public memberwise initialiser).
    static func vehicle(
        _ id: String, seats: Int = 4, wheelchairPlaces: Int = 0, days: [String] = ["mon", "tue", "wed", "thu", "fri"],
        start: String = "07:00", end: String = "17:00"
    ) throws -> Vehicle {
        let dayList = days.map { "\"\($0)\"" }.joined(separator: ", ")
        let json = """
            { "id": "\(id)", "depot": { "name": "Depot Almelo", "lat": 52.364, "lon": 6.638 },
              "seats": \(seats), "wheelchairPlaces": \(wheelchairPlaces),
              "shifts": [ { "days": [\(dayList)], "start": "\(start)", "end": "\(end)" } ] }
            """
        return try JSONDecoder().decode(Vehicle.self, from: Data(json.utf8))
    }

    static func taxi(_ id: String = "T1", start: String = "07:00", end: String = "17:00") throws -> Vehicle {
        try vehicle(id, seats: 4, wheelchairPlaces: 0, start: start, end: end)
    }

    static func van(_ id: String = "V1", start: String = "07:00", end: String = "17:00") throws -> Vehicle {
        try vehicle(id, seats: 8, wheelchairPlaces: 2, start: start, end: end)
    }

    static func t(_ text: String) -> Int32 { ClockTime.seconds(text)! }

    static func needs(wheelchair: Bool, seats: Int) -> RideNeeds {
        RideNeeds(codes: wheelchair ? [.wheelchairStandard] : [], companions: seats - 1)
    }

    /// A 20-minute ride for one person without aids, Monday at `pickup`.
    func check(
        _ fleet: [Vehicle], booked: [String] = [], date: ServiceDate = Self.monday, pickup: String = "10:00",
        minutes: Int32 = 20, wheelchair: Bool = false, seats: Int = 1
    ) -> Reason? {
        FleetCapacityCheck(vehicles: fleet, bookedPickups: booked.map(Self.t))
            .check(date: date, pickup: Self.t(pickup), rideSeconds: minutes * 60, needs: Self.needs(wheelchair: wheelchair, seats: seats))
    }

    @Test func theDecodedVehiclesAreWhatTheTestsAssume() throws {
        let van = try Self.van()
        #expect(van.seats == 8 && van.wheelchairPlaces == 2)
        #expect(van.shifts.count == 1 && van.shifts[0].days == ["mon", "tue", "wed", "thu", "fri"])
        #expect(van.shifts[0].start == "07:00" && van.shifts[0].end == "17:00")
        #expect(try Self.taxi().wheelchairPlaces == 0)
    }

    // MARK: - Wheelchair places

    @Test func aWheelchairIsRefusedWhenOnlyTaxisWithoutAPlaceAreOnDuty() throws {
        let fleet = [try Self.taxi("T1"), try Self.taxi("T2"), try Self.taxi("T3")]
        let reason = try #require(check(fleet, wheelchair: true))
        #expect(reason.code == .noVehicleWithAid)
        #expect(reason.message.contains("wheelchair"))
        // The same fleet takes someone without a wheelchair.
        #expect(check(fleet, wheelchair: false) == nil)
    }

    @Test func aWheelchairIsAcceptedWhenAVanWithAPlaceIsOnDuty() throws {
        let fleet = [try Self.taxi("T1"), try Self.van("V1")]
        #expect(check(fleet, wheelchair: true) == nil)
    }

    @Test func aVanOffDutyDoesNotHelpTheWheelchair() throws {
        // The van works the late shift: at 10:00 only the taxi is on the road.
        let fleet = [try Self.taxi("T1"), try Self.van("V1", start: "14:00", end: "22:00")]
        #expect(check(fleet, pickup: "10:00", wheelchair: true)?.code == .noVehicleWithAid)
        #expect(check(fleet, pickup: "15:00", wheelchair: true) == nil)
    }

    // MARK: - Shifts and days

    @Test func noVehicleOnDutyOutsideTheShifts() throws {
        let fleet = [try Self.taxi(), try Self.van()]
        for pickup in ["06:30", "17:00", "23:00"] {
            #expect(check(fleet, pickup: pickup)?.code == .outsideServiceHours, "pickup \(pickup)")
        }
        #expect(check(fleet, pickup: "07:00") == nil)  // the shift's first minute counts
    }

    @Test func noVehicleOnDutyOnAWeekdayWithoutShifts() throws {
        let weekdays = [try Self.taxi(), try Self.van()]
        #expect(check(weekdays, date: Self.sunday)?.code == .outsideServiceHours)
        let mondaysOnly = [try Self.vehicle("M", days: ["mon"])]
        #expect(check(mondaysOnly, date: Self.monday) == nil)
        #expect(check(mondaysOnly, date: Self.tuesday)?.code == .outsideServiceHours)
        // An empty fleet has nobody on duty at all.
        #expect(check([])?.code == .outsideServiceHours)
    }

    @Test func aNightShiftPastMidnightCountsAsServiceDayTime() throws {
        // 17:00–25:00: a pickup at 24:15 (00:15 the next morning) on the same service day.
        let night = [try Self.vehicle("N", start: "17:00", end: "25:00")]
        #expect(check(night, pickup: "24:15", minutes: 30) == nil)
        #expect(check(night, pickup: "24:45", minutes: 30)?.code == .outsideServiceHours)
    }

    @Test func aRideThatWouldEndAfterTheShiftIsRefused() throws {
        // Shift until 14:00: a 20-minute ride at 13:40 ends exactly at 14:00, one at 13:45 after it.
        let early = [try Self.vehicle("E", start: "06:00", end: "14:00")]
        #expect(check(early, pickup: "13:40", minutes: 20) == nil)
        #expect(check(early, pickup: "13:45", minutes: 20)?.code == .outsideServiceHours)
        #expect(check(early, pickup: "13:30", minutes: 45)?.code == .outsideServiceHours)
        // A vehicle of the next shift, on duty from 13:00, takes over.
        let handover = early + [try Self.vehicle("L", start: "13:00", end: "21:00")]
        #expect(check(handover, pickup: "13:45", minutes: 20) == nil)
    }

    @Test func theWheelchairVanMustBeOnDutyForTheWholeRide() throws {
        // The van's shift ends at 12:00; a taxi runs all day. A wheelchair ride 11:50–12:10
        // has a vehicle on duty, but not one with a place.
        let fleet = [try Self.taxi("T", start: "07:00", end: "17:00"), try Self.van("V", start: "06:00", end: "12:00")]
        #expect(check(fleet, pickup: "11:30", minutes: 20, wheelchair: true) == nil)
        #expect(check(fleet, pickup: "11:50", minutes: 20, wheelchair: true)?.code == .noVehicleWithAid)
    }

    // MARK: - Booked hours

    @Test func anHourFullyBookedIsRefused() throws {
        let fleet = [try Self.taxi("T1"), try Self.taxi("T2")]  // 2 on duty: room for 4 rides an hour
        let three = ["10:05", "10:20", "10:40"]
        #expect(check(fleet, booked: three, pickup: "10:30") == nil)
        let four = three + ["10:59"]
        let reason = try #require(check(fleet, booked: four, pickup: "10:30"))
        #expect(reason.message.contains("fully booked"))
        #expect(check(fleet, booked: four + ["10:45"], pickup: "10:00") != nil)  // more than full
    }

    @Test func onlyBookingsInTheSameHourCount() throws {
        let fleet = [try Self.taxi("T1")]  // room for 2 rides an hour
        let otherHours = ["08:10", "08:50", "09:00", "09:59", "11:00", "11:30"]
        #expect(check(fleet, booked: otherHours, pickup: "10:15") == nil)
        #expect(check(fleet, booked: otherHours + ["10:00", "10:50"], pickup: "10:15") != nil)
        // The hour is the clock hour of the pickup: 10:59 belongs to 10:00–11:00.
        #expect(check(fleet, booked: ["10:00", "10:10"], pickup: "10:59") != nil)
        #expect(check(fleet, booked: ["10:00", "10:10"], pickup: "11:00") == nil)
    }

    @Test func theHourlyRoomGrowsWithTheVehiclesOnDuty() throws {
        let five = ["10:00", "10:10", "10:20", "10:30", "10:40"]
        let two = [try Self.taxi("T1"), try Self.taxi("T2")]  // room for 4
        let three = two + [try Self.taxi("T3")]  // room for 6
        #expect(check(two, booked: five, pickup: "10:50") != nil)
        #expect(check(three, booked: five, pickup: "10:50") == nil)
        // A vehicle off duty at 10:50 adds no room.
        let threeOneOff = two + [try Self.taxi("T3", start: "14:00", end: "22:00")]
        #expect(check(threeOneOff, booked: five, pickup: "10:50") != nil)
    }

    // MARK: - Seats for companions

    @Test func companionsNeedSeats() throws {
        let taxis = [try Self.taxi("T1"), try Self.taxi("T2")]  // 4 seats each
        #expect(check(taxis, seats: 2) == nil)  // traveller and one companion
        #expect(check(taxis, seats: 4) == nil)
        let reason = try #require(check(taxis, seats: 5))
        #expect(reason.code == .noVehicleWithAid)
        #expect(reason.message.contains("5 free seats"))
        // An 8-seat van on duty takes the group.
        #expect(check(taxis + [try Self.van("V1")], seats: 5) == nil)
    }

    @Test func aWheelchairWithACompanionNeedsBothAPlaceAndTheSeats() throws {
        // A van with one wheelchair place but only 1 seat beside it.
        let small = try Self.vehicle("S", seats: 1, wheelchairPlaces: 1)
        #expect(check([small], wheelchair: true, seats: 1) == nil)
        #expect(check([small], wheelchair: true, seats: 2)?.code == .noVehicleWithAid)
        #expect(check([small, try Self.van("V")], wheelchair: true, seats: 2) == nil)
    }

    @Test func theRealFleetHasAWheelchairVanOnAWeekdayMorning() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let supply = try SupplyFiles.load(directory: root.appendingPathComponent("Scenarios/twente").path)
        #expect(supply.vehicles.count == 14)
        let check = FleetCapacityCheck(vehicles: supply.vehicles)
        #expect(check.check(date: Self.monday, pickup: Self.t("10:00"), rideSeconds: 1800, needs: Self.needs(wheelchair: true, seats: 1)) == nil)
        // After 22:00 on weekdays only the taxis RT-04 and RT-09 (no wheelchair place) are out.
        #expect(check.check(date: Self.monday, pickup: Self.t("23:00"), rideSeconds: 1200, needs: Self.needs(wheelchair: true, seats: 1))?.code == .noVehicleWithAid)
        #expect(check.check(date: Self.monday, pickup: Self.t("23:00"), rideSeconds: 1200, needs: Self.needs(wheelchair: false, seats: 1)) == nil)
        // 03:00 on a Monday: the night shift ended at 01:00 (25:00 of Sunday), the early one starts at 06:00.
        #expect(check.check(date: Self.monday, pickup: Self.t("03:00"), rideSeconds: 1200, needs: Self.needs(wheelchair: false, seats: 1))?.code == .outsideServiceHours)
    }
}
