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

/// V: finding an AutoMaatje volunteer — available for the whole drive (from home, the ride, back
/// home), within 15 km of the pickup, with a suitable car and rides left that day; the nearest wins.
@Suite struct V02_VolunteerMatcherTests {
    static let monday = ServiceDate("2026-11-23")!
    static let tuesday = ServiceDate("2026-11-24")!
    static let wednesday = ServiceDate("2026-11-25")!
    static let saturday = ServiceDate("2026-11-28")!
    static let sunday = ServiceDate("2026-11-29")!

    /// Mevrouw Jansen's home in Westerhaar, and the Vriezenveen GP (about 5.7 km south).
    static let westerhaar = Coordinate(latitude: 52.459, longitude: 6.6195)
    static let gpVriezenveen = Coordinate(latitude: 52.408, longitude: 6.621)
    static let road = StraightLineRoadModel()

    /// A volunteer as volunteers.json has one (Volunteer has no public memberwise initialiser).
    static func volunteer(
        _ id: String, lat: Double = 52.455, lon: Double = 6.617, windows: [(String, String, String)] = [("mon", "09:00", "12:00")],
        maxRidesPerDay: Int = 2, seats: Int = 3, wheelchair: Bool = false
    ) throws -> Volunteer {
        let availability = windows.map { "{ \"day\": \"\($0.0)\", \"start\": \"\($0.1)\", \"end\": \"\($0.2)\" }" }.joined(separator: ", ")
        let json = """
            { "id": "\(id)", "name": "Test (\(id))", "home": { "name": "Home of \(id)", "lat": \(lat), "lon": \(lon) },
              "availability": [\(availability)], "maxRidesPerDay": \(maxRidesPerDay), "maxRidesPerWeek": \(max(5, maxRidesPerDay)),
              "seats": \(seats), "wheelchair": \(wheelchair), "acceptanceRate": 0.8 }
            """
        return try JSONDecoder().decode(Volunteer.self, from: Data(json.utf8))
    }

    static func t(_ text: String) -> Int32 { ClockTime.seconds(text)! }

    /// Westerhaar → Vriezenveen GP, one seat, no wheelchair, unless told otherwise.
    func match(
        _ volunteers: [Volunteer], date: ServiceDate = Self.monday, pickup: Int32 = Self.t("10:00"),
        from origin: Coordinate = Self.westerhaar, to destination: Coordinate = Self.gpVriezenveen,
        wheelchair: Bool = false, seats: Int = 1, ridesToday: [VolunteerID: Int] = [:], approach: Double? = nil
    ) -> Result<VolunteerMatcher.Match, Reason> {
        var matcher = VolunteerMatcher(volunteers: volunteers, road: Self.road)
        matcher.ridesToday = ridesToday
        if let approach { matcher.maximumApproachMetres = approach }
        return matcher.match(date: date, pickup: pickup, origin: origin, destination: destination, needs: RideNeeds(codes: wheelchair ? [.wheelchairStandard] : [], companions: seats - 1))
    }

    func matched(_ result: Result<VolunteerMatcher.Match, Reason>) -> VolunteerID? {
        if case .success(let match) = result { return match.volunteer.id }
        return nil
    }

    func reason(_ result: Result<VolunteerMatcher.Match, Reason>) -> Reason.Code? {
        if case .failure(let reason) = result { return reason.code }
        return nil
    }

    // MARK: - The availability window covers the whole drive

    @Test func aMondayMorningVolunteerIsMatchedForATenOClockRideNearby() throws {
        let henk = try Self.volunteer("A")
        #expect(matched(match([henk])) == "A")
    }

    @Test func notForARideWhoseDriveHomeEndsAfterTheWindow() throws {
        let henk = try Self.volunteer("A")
        // 11:50 + about 12 minutes' ride + about 12 minutes home: back after 12:00.
        let result = match([henk], pickup: Self.t("11:50"))
        #expect(reason(result) == .noVolunteerAvailable)
        #expect((try? result.get()) == nil)
        // The latest pickup that still has the volunteer home by 12:00, to the second.
        let home = henk.home.coordinate
        let latest = Self.t("12:00") - Self.road.drive(from: Self.westerhaar, to: Self.gpVriezenveen).seconds
            - Self.road.drive(from: Self.gpVriezenveen, to: home).seconds
        #expect(latest < Self.t("11:50"))
        #expect(matched(match([henk], pickup: latest)) == "A")
        #expect(matched(match([henk], pickup: latest + 1)) == nil)
    }

    @Test func notForARideWhoseDriveFromHomeStartsBeforeTheWindow() throws {
        // A 09:00 pickup means leaving home a few minutes before 09:00.
        let henk = try Self.volunteer("A")
        let approach = Self.road.drive(from: henk.home.coordinate, to: Self.westerhaar).seconds
        #expect(approach > 0)
        #expect(matched(match([henk], pickup: Self.t("09:00"))) == nil)
        #expect(matched(match([henk], pickup: Self.t("09:00") + approach)) == "A")
    }

    @Test func notOnAnotherDay() throws {
        let henk = try Self.volunteer("A")
        #expect(reason(match([henk], date: Self.tuesday)) == .noVolunteerAvailable)
        #expect(reason(match([henk], date: Self.sunday)) == .noVolunteerAvailable)
        let tuesdays = try Self.volunteer("B", windows: [("tue", "09:00", "12:00")])
        #expect(matched(match([henk, tuesdays], date: Self.tuesday)) == "B")
    }

    // MARK: - Distance, limits, car

    @Test func notBeyondFifteenKilometresFromHome() throws {
        // Homes 14.9 and 16 km due north of the pickup; the window is wide, only the distance decides.
        func north(_ km: Double) -> Double { 52.459 + km / 111.195 }
        let near = try Self.volunteer("NEAR", lat: north(14.9), lon: 6.6195, windows: [("mon", "08:00", "14:00")])
        let far = try Self.volunteer("FAR", lat: north(16), lon: 6.6195, windows: [("mon", "08:00", "14:00")])
        #expect(far.home.coordinate.distance(to: Self.westerhaar) > 15_000)
        #expect(near.home.coordinate.distance(to: Self.westerhaar) < 15_000)
        #expect(matched(match([far], pickup: Self.t("10:30"))) == nil)
        #expect(matched(match([near], pickup: Self.t("10:30"))) == "NEAR")
        // With a wider approach limit the same volunteer can drive: the limit was the reason.
        #expect(matched(match([far], pickup: Self.t("10:30"), approach: 20_000)) == "FAR")
    }

    @Test func notWhenTheRidesOfTheDayAreUsedUp() throws {
        let henk = try Self.volunteer("A", maxRidesPerDay: 2)
        #expect(matched(match([henk], ridesToday: ["A": 1])) == "A")
        #expect(reason(match([henk], ridesToday: ["A": 2])) == .noVolunteerAvailable)
        #expect(reason(match([henk], ridesToday: ["A": 3])) == .noVolunteerAvailable)
        // Someone else's rides do not count against A.
        #expect(matched(match([henk], ridesToday: ["B": 5])) == "A")
    }

    @Test func aWheelchairOnlyWithACarThatTakesOne() throws {
        let ordinary = try Self.volunteer("A")
        let adapted = try Self.volunteer("W", lat: 52.414, lon: 6.623, wheelchair: true)
        let refused = match([ordinary], wheelchair: true)
        #expect(reason(refused) == .noVolunteerAvailable)
        if case .failure(let why) = refused { #expect(why.message.contains("wheelchair")) }
        // The adapted car is farther away, but the only one that fits.
        #expect(matched(match([ordinary, adapted], wheelchair: true)) == "W")
        #expect(matched(match([ordinary, adapted], wheelchair: false)) == "A")
    }

    @Test func theCarMustHaveTheSeats() throws {
        let three = try Self.volunteer("A", seats: 3)
        #expect(matched(match([three], seats: 3)) == "A")
        #expect(matched(match([three], seats: 4)) == nil)
    }

    // MARK: - Choice and kilometres

    @Test func theNearestAvailableVolunteerIsChosen() throws {
        // C lives in Vriezenveen (about 5.4 km away), A in Westerhaar (about 0.5 km); both free.
        let a = try Self.volunteer("A")
        let c = try Self.volunteer("C", lat: 52.411, lon: 6.628)
        #expect(matched(match([c, a])) == "A")
        #expect(matched(match([a, c])) == "A")
        // Nearest among the available: with A's rides used up, or on a day A does not drive, C.
        #expect(matched(match([a, c], ridesToday: ["A": 2])) == "C")
        let cTuesdays = try Self.volunteer("C", lat: 52.411, lon: 6.628, windows: [("tue", "09:00", "12:00")])
        #expect(matched(match([a, cTuesdays], date: Self.tuesday)) == "C")
    }

    @Test func drivenKilometresCountFromHomeAndBack() throws {
        let henk = try Self.volunteer("C", lat: 52.411, lon: 6.628)
        let match = try match([henk]).get()
        let home = henk.home.coordinate
        let there = Self.road.drive(from: home, to: Self.westerhaar)
        let ride = Self.road.drive(from: Self.westerhaar, to: Self.gpVriezenveen)
        let back = Self.road.drive(from: Self.gpVriezenveen, to: home)
        #expect(abs(match.drivenKm - (there.kilometres + ride.kilometres + back.kilometres)) < 1e-9)
        // Each part is there: about 7 km there and under 1 km back, on top of the ride.
        #expect(match.drivenKm > ride.kilometres + 6.5)
        #expect(there.kilometres > 6.5 && there.kilometres < 7.5 && back.kilometres < 1.5)
    }

    // MARK: - The Twente volunteers

    static func twente() throws -> [Volunteer] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try SupplyFiles.load(directory: root.appendingPathComponent("Scenarios/twente").path).volunteers
    }

    static let zgtAlmelo = Coordinate(latitude: 52.3497, longitude: 6.6378)

    @Test func aWeekdayMorningRideFromWesterhaarFindsSomeone() throws {
        let volunteers = try Self.twente()
        #expect(volunteers.count == 18)
        // Monday 10:00, Westerhaar → ZGT Almelo. V08 lives nearest (0.4 km) but drives on Wednesday
        // and Friday only; V03 lives in Westerhaar (0.5 km) and is free Monday 08:00–12:00: out at
        // about 09:57, back home at about 10:41.
        let monday = match(volunteers, date: Self.monday, to: Self.zgtAlmelo)
        #expect(matched(monday) == "V03")
        // Wednesday 10:00: V08 (Wednesday 09:30–14:30) is nearer still.
        #expect(matched(match(volunteers, date: Self.wednesday, to: Self.zgtAlmelo)) == "V08")
    }

    @Test func aWeekendRideFindsNobody() throws {
        // Every availability window in volunteers.json is on a working day (Scenarios/README.md).
        let volunteers = try Self.twente()
        #expect(volunteers.allSatisfy { $0.availability.allSatisfy { !["sat", "sun"].contains($0.day) } })
        for date in [Self.sunday, Self.saturday] {
            #expect(reason(match(volunteers, date: date, to: Self.zgtAlmelo)) == .noVolunteerAvailable, "\(date)")
        }
    }

    @Test func aWheelchairRideFromWesterhaarOnlyWithV07() throws {
        // V07 (Vriezenveen, about 5 km away) is the only wheelchair car: Tuesday, Thursday,
        // Friday morning. Mondays nobody can take Mevrouw Jansen's wheelchair.
        let volunteers = try Self.twente()
        #expect(reason(match(volunteers, date: Self.monday, to: Self.zgtAlmelo, wheelchair: true)) == .noVolunteerAvailable)
        #expect(matched(match(volunteers, date: Self.tuesday, to: Self.zgtAlmelo, wheelchair: true)) == "V07")
    }

    /// A volunteer's rides this week count as distance: the nearest is asked first only while
    /// they do not have many more rides than the next.
    @Test func theWeeksRidesAreSpreadOverTheVolunteers() throws {
        // Near lives 0.5 km from the pickup, Far about 3.4 km (both well inside 15 km).
        let near = try Self.volunteer("near", lat: 52.455, lon: 6.617)
        let far = try Self.volunteer("far", lat: 52.43, lon: 6.63, windows: [("mon", "08:00", "12:00")])
        var matcher = VolunteerMatcher(volunteers: [near, far], road: Self.road)
        func order() -> [String] {
            matcher.candidates(
                date: Self.monday, pickup: Self.t("10:00"), origin: Self.westerhaar, destination: Self.gpVriezenveen, needs: RideNeeds(codes: [])
            ).map(\.volunteer.id.rawValue)
        }
        #expect(order() == ["near", "far"], "nobody has rides yet: the nearest first")
        matcher.ridesThisWeek = [near.id: 1]
        #expect(order() == ["far", "near"], "one ride more is 5 km farther: Far is asked first")
        matcher.ridesThisWeek = [near.id: 1, far.id: 1]
        #expect(order() == ["near", "far"], "as many rides: the nearest again")
        matcher.fairnessMetresPerRide = 0
        matcher.ridesThisWeek = [near.id: 4]
        #expect(order() == ["near", "far"], "without the fairness rule: strictly by distance")
        matcher.ridesThisWeek = [near.id: 5]
        #expect(order() == ["far"], "the week's limit (5) still holds")
    }
}
