//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import GTFS
import Mobility
import Planner
import TestSupport
import Testing
import Transit

/// P: the service rules as the planner applies them on the Twente data — pickup window and
/// ride-time promise, walking, budget, radius, lead time, determinism.
@Suite struct P02_PlannerRuleTests {
    /// Monday 23 November 2026; booked the Thursday before unless told otherwise.
    static let date = ServiceDate("2026-11-23")!
    static let bookedEarly = TwenteWorld.at("2026-11-19", "10:00")

    static func t(_ text: String) -> Int32 { ClockTime.seconds(text)! }

    func request(
        _ travellerID: String, to destination: Coordinate, named name: String = "destination",
        time: JourneyRequest.TimeConstraint, bookedAt: Int64 = Self.bookedEarly
    ) throws -> PlanRequest {
        let w = try TwenteWorld.world.get()
        let traveller = try #require(w.supply.traveller(travellerID))
        return PlanRequest(
            traveller: traveller, origin: traveller.home.coordinate, originName: "home", destination: destination,
            destinationName: name, date: Self.date, time: time, bookedAt: bookedAt)
    }

    func place(_ id: String) throws -> Place { try #require(try TwenteWorld.world.get().supply.place(id)) }

    func regiotaxiRules() throws -> ServiceRules.Service { try #require(try TwenteWorld.world.get().rules.service("regiotaxi")) }

    /// The longest ride the service promises for a leg whose direct drive is the leg's duration.
    func maximumRide(_ leg: ItineraryLeg) throws -> Int32 {
        let rule = try #require(try regiotaxiRules().rideTime)
        return rule.maximumRideTime(direct: leg.arrival - leg.departure)
    }

    func directRegiotaxi(_ plan: Plan) -> Itinerary? {
        plan.itineraries.first { $0.legs.count == 1 && $0.legs[0].mode == .regiotaxi }
    }

    func reason(_ plan: Plan, _ mode: String) -> Reason.Code? {
        plan.notOffered.first { $0.mode == mode }?.reason.code
    }

    // MARK: - Pickup window and ride-time promise

    @Test func arriveByLeavesRoomForTheWholeWindowAndTheLongestRide() throws {
        var planner = try TwenteWorld.planner()
        let hospital = try place("zgt-almelo")
        let plan = planner.plan(try request("jansen", to: hospital.coordinate, time: .arriveBy(Self.t("10:30"))))
        let direct = try #require(directRegiotaxi(plan))
        let leg = direct.legs[0]
        let window = Int32(try regiotaxiRules().pickupWindowMinutes * 60)
        #expect(leg.windowMinutes == 15)
        // The leg's duration is the direct drive of the road model: 1.5 × that + 15 min at most on board.
        let drive = StraightLineRoadModel().drive(from: leg.from, to: leg.to)
        #expect(leg.arrival - leg.departure == drive.seconds)
        let maximum = try maximumRide(leg)
        #expect(maximum == Int32((Double(drive.seconds) * 1.5 + 900).rounded(.down)))
        // Picked up at the end of the window and driven the longest way: still there by 10:30.
        #expect(leg.departure + window + maximum <= Self.t("10:30"))
        #expect(leg.departure + window + maximum > Self.t("10:30") - 60, "not needlessly early")
        // A first-mile taxi makes its train in the same worst case.
        for itinerary in plan.itineraries where itinerary.legs.first?.mode == .regiotaxi && itinerary.modes.contains(.transit) {
            let taxi = itinerary.legs[0]
            let train = try #require(itinerary.legs.first { $0.mode == .transit })
            let walks = itinerary.legs.prefix { $0.mode != .transit }.filter { $0.mode == .walk }.reduce(Int32(0)) { $0 + $1.arrival - $1.departure }
            #expect(taxi.departure + window + (try maximumRide(taxi)) + walks <= train.departure)
        }
    }

    @Test func departAtPicksUpThenAndFeedsTheTrainInTheWorstCase() throws {
        var planner = try TwenteWorld.planner()
        let hospital = try place("zgt-almelo")
        let plan = planner.plan(try request("jansen", to: hospital.coordinate, time: .departAt(Self.t("09:00"))))
        let direct = try #require(directRegiotaxi(plan))
        #expect(direct.legs[0].departure == Self.t("09:00"))
        let window = Int32(try regiotaxiRules().pickupWindowMinutes * 60)
        // Regiotaxi to Vriezenveen station and the train (present on this data; checked if so).
        let combined = plan.itineraries.filter { $0.legs.first?.mode == .regiotaxi && $0.modes.contains(.transit) }
        #expect(!combined.isEmpty, "expected a Regiotaxi + train itinerary from Westerhaar")
        for itinerary in combined {
            let taxi = itinerary.legs[0]
            let train = try #require(itinerary.legs.first { $0.mode == .transit })
            let walks = itinerary.legs.prefix { $0.mode != .transit }.filter { $0.mode == .walk }.reduce(Int32(0)) { $0 + $1.arrival - $1.departure }
            // The latest pickup plus the longest ride (plus any walk at the station) makes the train…
            #expect(taxi.departure + window + (try maximumRide(taxi)) + walks <= train.departure)
            // …and the earliest pickup is not before the traveller asked to leave.
            #expect(taxi.departure - window >= Self.t("09:00"))
        }
        // A last-mile taxi waits for the train: its earliest pickup comes after the arrival.
        for itinerary in plan.itineraries where itinerary.legs.last?.mode == .regiotaxi && itinerary.modes.contains(.transit) {
            let taxi = try #require(itinerary.legs.last)
            let train = try #require(itinerary.legs.last { $0.mode == .transit })
            #expect(taxi.departure - window >= train.arrival)
        }
    }

    @Test func aFirstMileTaxiMakesItsTrainEvenWithAWalkAtTheStation() throws {
        // Daarlerveen → ZGT Hengelo: one itinerary takes the Regiotaxi to Wierden station
        // platform 2 and walks 2 minutes to platform 1 for the 10:36 train.
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("de-boer", to: try place("zgt-hengelo").coordinate, time: .departAt(Self.t("09:00"))))
        let window = Int32(try regiotaxiRules().pickupWindowMinutes * 60)
        let withWalk = plan.itineraries.filter { itinerary in
            itinerary.legs.first?.mode == .regiotaxi && itinerary.legs.count > 1 && itinerary.legs[1].mode == .walk
                && itinerary.modes.contains(.transit)
        }
        #expect(!withWalk.isEmpty, "expected a Regiotaxi + walk + train itinerary (the data changed?)")
        for itinerary in withWalk {
            let taxi = itinerary.legs[0], walk = itinerary.legs[1]
            let train = try #require(itinerary.legs.first { $0.mode == .transit })
            let worstArrival = taxi.departure + window + (try maximumRide(taxi))
            // The worst case (latest pickup, longest ride) plus the walk to the train's platform
            // still makes the train.
            #expect(worstArrival + (walk.arrival - walk.departure) <= train.departure)
        }
    }

    // MARK: - Walking

    /// A point `metres` due north of the traveller's home.
    func north(of travellerID: String, metres: Double) throws -> Coordinate {
        let home = try #require(try TwenteWorld.world.get().supply.traveller(travellerID)).home
        return Coordinate(latitude: home.lat + metres / 111_195, longitude: home.lon)
    }

    func walkAlone(_ plan: Plan) -> Itinerary? {
        plan.itineraries.first { $0.legs.count == 1 && $0.legs[0].mode == .walk }
    }

    @Test func walkingAloneOnlyAsFarAsTheTravellerCanWalk() throws {
        var planner = try TwenteWorld.planner()
        // Meneer Smit walks 800 m: 100 m away (130 m with the detour factor) he walks.
        let near = try north(of: "smit", metres: 100)
        let smit = planner.plan(try request("smit", to: near, time: .departAt(Self.t("09:00"))))
        let walk = try #require(walkAlone(smit))
        #expect(walk.departure == Self.t("09:00"))
        #expect(abs(walk.walkingMetres - 130) < 1)
        #expect(reason(smit, "walk") == nil)
        // Mevrouw Meijer walks 50 m: the same 100 m is too far, and she is told so.
        let nearMeijer = try north(of: "meijer", metres: 100)
        let meijer = planner.plan(try request("meijer", to: nearMeijer, time: .departAt(Self.t("09:00"))))
        #expect(walkAlone(meijer) == nil)
        #expect(reason(meijer, "walk") == .walkTooLong)
        // Mevrouw Jansen rolls 150 m: 100 m straight is 130 m (offered), 200 m is 260 m (not).
        let jansen100 = planner.plan(try request("jansen", to: try north(of: "jansen", metres: 100), time: .departAt(Self.t("09:00"))))
        #expect(walkAlone(jansen100) != nil)
        let jansen200 = planner.plan(try request("jansen", to: try north(of: "jansen", metres: 200), time: .departAt(Self.t("09:00"))))
        #expect(walkAlone(jansen200) == nil)
        #expect(reason(jansen200, "walk") == .walkTooLong)
        let message = try #require(jansen200.notOffered.first { $0.mode == "walk" }?.reason.message)
        #expect(message.contains("150 m"))
    }

    @Test func walkingArriveByEndsAtTheRequestedTime() throws {
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("smit", to: try north(of: "smit", metres: 100), time: .arriveBy(Self.t("10:00"))))
        let walk = try #require(walkAlone(plan))
        #expect(walk.arrival == Self.t("10:00") && walk.departure < walk.arrival)
    }

    @Test func noWalkIsLongerThanTheTravellerCanWalk() throws {
        // Mevrouw Meijer walks 50 m and Mevrouw Jansen 150 m: the changes at Almelo station
        // (platform 1 to C, about 160 m) are too far for both, so no itinerary may use them.
        for id in ["meijer", "jansen"] {
            let traveller = try #require(try TwenteWorld.world.get().supply.traveller(id))
            var planner = try TwenteWorld.planner()
            let plan = planner.plan(try request(id, to: try place("zgt-almelo").coordinate, time: .arriveBy(Self.t("10:30"))))
            #expect(!plan.itineraries.isEmpty)
            for itinerary in plan.itineraries {
                for walk in itinerary.legs where walk.mode == .walk {
                    #expect(walk.metres <= traveller.maxWalkMetres + 1, "\(id): \(walk.fromName) → \(walk.toName): \(Int(walk.metres)) m")
                }
            }
        }
    }

    // MARK: - Budget, radius, lead time

    @Test func anExhaustedBudgetGivesTheMarketRate() throws {
        // Mevrouw Bakker (Vriezenveen) has 0 km left on her pass (travellers.json).
        let bakker = try #require(try TwenteWorld.world.get().supply.traveller("bakker"))
        #expect(bakker.wmoPass?.kmBudgetLeft == 0)
        var planner = try TwenteWorld.planner()
        let plan = planner.plan(try request("bakker", to: try place("zgt-almelo").coordinate, time: .departAt(Self.t("09:00"))))
        let leg = try #require(directRegiotaxi(plan)).legs[0]
        let fare = try regiotaxiRules().fare
        let perKm = try #require(fare.marketPerKm)
        let km = leg.metres / 1000
        #expect(abs(leg.price - (fare.startFee + km * perKm)) < 0.011)
        #expect(abs(leg.price - (fare.startFee + km * fare.perKm)) > 1, "not the Wmo tariff")
        #expect(leg.notes.contains { $0.contains("market rate") })
        // Every Regiotaxi leg, first mile included, is at the market rate.
        for taxi in plan.itineraries.flatMap(\.legs) where taxi.mode == .regiotaxi {
            #expect(abs(taxi.price - (fare.startFee + taxi.metres / 1000 * perKm)) < 0.011)
        }
    }

    @Test func beyondTwentyEightKilometresFromHomeIsOutsideTheRadius() throws {
        // Westerhaar → Hengelo station is only 24.9 km; Geerdijk (Meneer Visser) → Hengelo
        // station (stop 210101) is 28.5 km, ZGT Hengelo 26.9 km.
        let w = try TwenteWorld.world.get()
        let station = Int(try #require(w.timetable.feed.stopIndexByID["210101"]))
        let hengelo = w.timetable.feed.stops[station].coordinate
        let visser = try #require(w.supply.traveller("visser"))
        let jansen = try #require(w.supply.traveller("jansen"))
        #expect(visser.home.coordinate.distance(to: hengelo) > 28_000)
        #expect(jansen.home.coordinate.distance(to: hengelo) < 25_000)
        var planner = try TwenteWorld.planner()
        let far = planner.plan(try request("visser", to: hengelo, named: "Hengelo, Station", time: .departAt(Self.t("10:00"))))
        #expect(directRegiotaxi(far) == nil)
        #expect(reason(far, "regiotaxi") == .outsideRadius)
        // 25–28 km: offered, partly at the market rate.
        let hospital = try place("zgt-hengelo")
        #expect(visser.home.coordinate.distance(to: hospital.coordinate) > 25_000)
        let partly = planner.plan(try request("visser", to: hospital.coordinate, time: .departAt(Self.t("10:00"))))
        let leg = try #require(directRegiotaxi(partly)).legs[0]
        #expect(leg.notes.contains { $0.contains("market rate") })
        // Within 25 km (Westerhaar → Hengelo station): no market rate.
        let near = planner.plan(try request("jansen", to: hengelo, time: .departAt(Self.t("10:00"))))
        let nearLeg = try #require(directRegiotaxi(near)).legs[0]
        #expect(!nearLeg.notes.contains { $0.contains("market rate") })
    }

    @Test func bookingHalfAnHourAheadIsTooLateForRegiotaxi() throws {
        var planner = try TwenteWorld.planner()
        let hospital = try place("zgt-almelo")
        let bookedAt = TwenteWorld.at("2026-11-23", "08:30")
        let plan = planner.plan(try request("de-boer", to: hospital.coordinate, time: .departAt(Self.t("09:00")), bookedAt: bookedAt))
        #expect(directRegiotaxi(plan) == nil)
        #expect(reason(plan, "regiotaxi") == .leadTimeNotMet)
        // Whatever Regiotaxi leg is still offered (a last mile after a train) is booked an hour ahead.
        for leg in plan.itineraries.flatMap(\.legs) where leg.mode == .regiotaxi {
            let deadline = try #require(leg.bookingDeadline)
            #expect(deadline >= bookedAt)
        }
        // Booked at 07:59 the same morning the ride is offered (with the late-booking surcharge).
        let inTime = planner.plan(try request("de-boer", to: hospital.coordinate, time: .departAt(Self.t("09:00")), bookedAt: TwenteWorld.at("2026-11-23", "07:59")))
        let leg = try #require(directRegiotaxi(inTime)).legs[0]
        #expect(leg.notes.contains { $0.contains("late booking surcharge") })
    }

    // MARK: - Determinism

    @Test func theSameRequestGivesTheSameItineraries() throws {
        let hospital = try place("zgt-almelo")
        let ask = try request("jansen", to: hospital.coordinate, time: .arriveBy(Self.t("10:30")))
        var planner = try TwenteWorld.planner()
        let first = planner.plan(ask)
        let again = planner.plan(ask)
        var fresh = try TwenteWorld.planner()
        let other = fresh.plan(ask)
        #expect(!first.itineraries.isEmpty)
        #expect(first.itineraries == again.itineraries)
        #expect(first.itineraries == other.itineraries)
        func reasons(_ plan: Plan) -> [String] { plan.notOffered.map { "\($0.mode) \($0.reason)" } }
        #expect(reasons(first) == reasons(again) && reasons(first) == reasons(other))
        #expect(first.availabilityMethod == other.availabilityMethod)
    }
}
