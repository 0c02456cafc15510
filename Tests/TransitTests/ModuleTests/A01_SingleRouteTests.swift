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

@Suite struct A01_SingleRouteTests {
    // One route A → B → C, two trips; a traveller at A at 09:55 takes the 10:00.
    static let feed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,Stop A,52.00,6.00
        B,Stop B,52.01,6.00
        C,Stop C,52.02,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        R1,S,T2
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:11:00,B,2
        T1,10:20:00,10:20:00,C,3
        T2,11:00:00,11:00:00,A,1
        T2,11:10:00,11:11:00,B,2
        T2,11:20:00,11:20:00,C,3
        """

    @Test func firstTripAfterTheDepartureTimeIsTaken() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        var raptor = Raptor(timetable: tt)
        let result = raptor.route(JourneyRequest(
            origins: [StopOffset(stop: tt.stop("A"))], destinations: [StopOffset(stop: tt.stop("C"))],
            date: ServiceDate("2026-11-23")!, time: .departAt(GTFSTime.parse("09:55:00")!)))
        #expect(result.journeys.map { $0.summary(in: tt) } == ["A 10:00 ~ 1/T1 ~ C 10:20 [0 transfers]"])
    }

    @Test func departingExactlyAtTheTimeCatchesTheTrip() throws {
        let tt = try InlineFeed.timetable(Self.feed)
        var raptor = Raptor(timetable: tt)
        let result = raptor.route(JourneyRequest(
            origins: [StopOffset(stop: tt.stop("A"))], destinations: [StopOffset(stop: tt.stop("C"))],
            date: ServiceDate("2026-11-23")!, time: .departAt(GTFSTime.parse("11:00:00")!)))
        #expect(result.best?.time == GTFSTime.parse("11:20:00"))
    }
}
