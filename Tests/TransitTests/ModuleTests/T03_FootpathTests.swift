//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import TestSupport
import Testing
import Transit

/// Footpaths between different stops: from transfers.txt, and generated between stops closer
/// than 400 m (walking time = distance × 1.3 / 1.2 m/s, rounded up).
@Suite struct T03_FootpathTests {
    static let transferOnly = TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 120)

    // Stops due north of P0: P1 300.23 m, P2 389.18 m, P3 400.30 m, P4 444.78 m away.
    // Walking times at 1.3 / 1.2: P1 326 s, P2 422 s, P3 434 s, P4 482 s.
    static let stops = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        P0,P0,52.0000,6.00
        P1,P1,52.0027,6.00
        P2,P2,52.0035,6.00
        P3,P3,52.0036,6.00
        P4,P4,52.0040,6.00
        """

    static let trips = """
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,P0,1
        T1,10:10:00,10:10:00,P4,2
        """

    @Test func transfersTxtRowsBecomeOneWayFootpaths() throws {
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips + """

            # transfers.txt
            from_stop_id,to_stop_id,transfer_type,min_transfer_time
            P0,P4,2,300
            P1,P2,0,
            P2,P3,1,
            P3,P4,2,45
            """, options: Self.transferOnly)
        #expect(tt.walks(from: "P0") == ["P4": 300])
        #expect(tt.walks(from: "P4").isEmpty)  // no reverse row, no link
        #expect(tt.walks(from: "P1") == ["P2": 97])  // type 0 without a time: walk the 88.96 m
        #expect(tt.walks(from: "P2") == ["P3": 0])  // timed transfer without a time: 0 s
        #expect(tt.walks(from: "P3") == ["P4": 45])
        #expect(tt.walks(to: "P4") == ["P0": 300, "P3": 45])
    }

    @Test func aRecommendedTransferWithoutTimeWalksTheDistance() throws {
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips + """

            # transfers.txt
            from_stop_id,to_stop_id,transfer_type,min_transfer_time
            P0,P1,0,
            """, options: Self.transferOnly)
        #expect(tt.walks(from: "P0") == ["P1": 326])
    }

    @Test func transfersOnlyGeneratesNoFootpaths() throws {
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips, options: Self.transferOnly)
        for id in ["P0", "P1", "P2", "P3", "P4"] {
            #expect(tt.walks(from: id).isEmpty)
        }
    }

    @Test func generatedFootpathsLinkStopsWithin400Metres() throws {
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips)
        #expect(tt.options.footpaths == .generated)
        #expect(tt.walks(from: "P0") == ["P1": 326, "P2": 422])
        #expect(tt.walks(from: "P1")["P0"] == 326)
        #expect(tt.walks(from: "P3")["P0"] == nil)  // 400.3 m: just too far
        #expect(tt.walks(from: "P4")["P0"] == nil)
        #expect(tt.walks(to: "P0") == ["P1": 326, "P2": 422])
    }

    @Test func theWalkingTimeIsDistanceTimesDetourOverSpeedRoundedUp() throws {
        let options = TimetableOptions()
        #expect(options.walkingTime(metres: 120) == 130)
        #expect(options.walkingTime(metres: 120.01) == 131)
        #expect(options.walkingTime(metres: 0) == 0)
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips)
        let metres = tt.feed.stops[tt.stop("P0").int].coordinate.distance(to: tt.feed.stops[tt.stop("P2").int].coordinate)
        #expect(abs(metres - 389.18) < 0.01)
        #expect(tt.walks(from: "P0")["P2"] == Int32((metres * 1.3 / 1.2).rounded(.up)))
    }

    @Test func theWalkingOptionsChangeDistanceAndTime() throws {
        var options = TimetableOptions()
        options.maxWalkDistance = 450
        options.walkingSpeed = 1.0
        options.detourFactor = 1.0
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips, options: options)
        #expect(tt.walks(from: "P0") == ["P1": 301, "P2": 390, "P3": 401, "P4": 445])
    }

    @Test func transfersTxtOverridesAGeneratedFootpath() throws {
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips + """

            # transfers.txt
            from_stop_id,to_stop_id,transfer_type,min_transfer_time
            P0,P1,2,600
            """)
        #expect(tt.walks(from: "P0")["P1"] == 600)
        #expect(tt.walks(from: "P1")["P0"] == 326)  // the other direction stays generated
    }

    @Test func aForbiddenTransferBetweenTwoStopsRemovesTheWalk() throws {
        let tt = try InlineFeed.timetable(Self.stops + "\n" + Self.trips + """

            # transfers.txt
            from_stop_id,to_stop_id,transfer_type,min_transfer_time
            P0,P1,3,
            """)
        #expect(tt.walks(from: "P0") == ["P2": 422])
        #expect(tt.walks(from: "P1")["P0"] == 326)
        #expect(tt.walks(to: "P1")["P0"] == nil)
    }

    @Test func platformsOfOneStationAreLinkedHoweverFarApart() throws {
        let tt = try InlineFeed.timetable("""
            # stops.txt
            stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station
            ST,Station,52.000,6.00,1,
            Q1,Platform 1,52.000,6.00,0,ST
            Q2,Platform 2,52.006,6.00,0,ST
            """ + "\n" + """
            # trips.txt
            route_id,service_id,trip_id
            R1,S,T1
            # stop_times.txt
            trip_id,arrival_time,departure_time,stop_id,stop_sequence
            T1,10:00:00,10:00:00,Q1,1
            T1,10:10:00,10:10:00,Q2,2
            """)
        #expect(tt.walks(from: "Q1") == ["Q2": 723])  // 667.17 m
        #expect(tt.walks(from: "Q2") == ["Q1": 723])
        #expect(tt.walks(from: "ST").isEmpty)
    }
}
