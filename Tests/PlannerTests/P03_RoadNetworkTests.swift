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
import Planner
import TestSupport
import Testing
import Transit

/// P: the planner on a street network (a synthetic one over Twenterand and Almelo): every walk
/// and every on-demand drive comes from the network, and the answer says so.
@Suite struct P03_RoadNetworkTests {
    static let date = ServiceDate("2026-11-23")!
    static let bookedEarly = TwenteWorld.at("2026-11-19", "10:00")

    static func region() throws -> Region {
        try TwenteWorld.world.get().with(road: try SyntheticStreets.twente.get())
    }

    func request(_ region: Region, _ travellerID: String, from: Coordinate? = nil, to destination: Coordinate, depart: String) throws -> PlanRequest {
        let traveller = try #require(region.supply.traveller(travellerID))
        return PlanRequest(
            traveller: traveller, origin: from ?? traveller.home.coordinate, originName: "home", destination: destination,
            destinationName: "destination", date: Self.date, time: .departAt(ClockTime.seconds(depart)!), bookedAt: Self.bookedEarly)
    }

    @Test func onDemandLegsDriveOnTheNetworkAndTheAnswerSaysSo() throws {
        let region = try Self.region()
        var planner = region.planner()
        let hospital = try #require(region.supply.place("zgt-almelo"))
        let plan = planner.plan(try request(region, "jansen", to: hospital.coordinate, depart: "09:00"))
        #expect(plan.roadModel == "road network: synthetic-twente.roads")
        let taxi = try #require(plan.itineraries.first { $0.legs.count == 1 && $0.legs[0].mode == .regiotaxi })
        let leg = taxi.legs[0]
        let drive = region.road.drive(from: leg.from, to: leg.to)
        let straight = StraightLineRoadModel().drive(from: leg.from, to: leg.to)
        #expect(leg.arrival - leg.departure == drive.seconds)
        #expect(abs(leg.metres - drive.metres) < 1)
        #expect(drive.seconds != straight.seconds, "the network's time, not the estimate's")
        #expect(drive.metres >= leg.from.distance(to: leg.to), "no road is shorter than the straight line")
    }

    @Test func walksFollowTheStreetsAndAWheelchairAvoidsSteps() throws {
        let region = try Self.region()
        var planner = region.planner()
        let road = region.road
        // Two points 600 m apart in north–south direction across the band of steps (rows 2–3)
        // in column 5 of the grid (a steps column): walkers take the steps, wheelchairs go round.
        let base = Coordinate(latitude: 52.30, longitude: 6.45)
        let dLon = 250 / (111_195.0 * cos(52.30 * .pi / 180))
        let a = Coordinate(latitude: base.latitude + 1.0 * 250 / 111_195, longitude: base.longitude + 5 * dLon)
        let b = Coordinate(latitude: base.latitude + 4.0 * 250 / 111_195, longitude: base.longitude + 5 * dLon)
        let foot = try #require(road.walk(from: a, to: b, as: .foot))
        let wheelchair = try #require(road.walk(from: a, to: b, as: .wheelchair))
        #expect(wheelchair.metres > foot.metres + 100, "round the steps: \(wheelchair.metres) m against \(foot.metres) m")

        var walker = try request(region, "de-vries", from: a, to: b, depart: "10:00")
        walker.traveller.maxWalkMetres = 2000
        let walk = try #require(planner.plan(walker).itineraries.first { $0.legs.map(\.mode) == [.walk] })
        #expect(walk.legs[0].arrival - walk.legs[0].departure == foot.seconds)
        #expect(abs(walk.legs[0].metres - foot.metres) < 0.01)

        var rolling = walker
        rolling.traveller.needs = [.wheelchairStandard]
        let roll = try #require(planner.plan(rolling).itineraries.first { $0.legs.map(\.mode) == [.walk] })
        #expect(roll.legs[0].arrival - roll.legs[0].departure == wheelchair.seconds)
    }

    @Test func aPointFarFromEveryFootwayGetsAReasonNotATime() throws {
        let region = try Self.region()
        var planner = region.planner()
        // 3 km south of the network's edge: no footway within 500 m.
        let outside = Coordinate(latitude: 52.27, longitude: 6.50)
        var r = try request(region, "de-vries", from: outside, to: Coordinate(latitude: 52.272, longitude: 6.50), depart: "10:00")
        r.traveller.maxWalkMetres = 5000
        let plan = planner.plan(r)
        #expect(!plan.itineraries.contains { $0.legs.map(\.mode) == [.walk] })
        let reason = try #require(plan.notOffered.first { $0.mode == "walk" }?.reason)
        #expect(reason.code == .walkTooLong)
        #expect(reason.message.contains("road network: synthetic-twente.roads"))
    }

    @Test func theStraightLineModelKeepsTodaysAnswers() throws {
        // The default region: walks as the timetable's options estimate them.
        let region = try TwenteWorld.world.get()
        #expect(region.road.description == "straight-line estimate")
        let a = TwenteWorld.westerhaar, b = Coordinate(latitude: 52.462, longitude: 6.6195)
        let walk = try #require(region.road.walk(from: a, to: b, as: .wheelchair))
        let options = region.timetable.options
        #expect(walk.seconds == options.walkingTime(metres: a.distance(to: b)))
        #expect(abs(walk.metres - a.distance(to: b) * options.detourFactor) < 1e-9)
    }
}
