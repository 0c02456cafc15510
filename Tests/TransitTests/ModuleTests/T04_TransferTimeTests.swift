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

/// Same-stop minimum transfer times and forbidden same-stop transfers from transfers.txt rows
/// whose from and to stop are the same.
@Suite struct T04_TransferTimeTests {
    static let feed = """
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        X0,No row,52.00,6.00
        X1,Recommended,52.01,6.00
        X2,Timed,52.02,6.00
        X3,Minimum time,52.03,6.00
        X4,Forbidden,52.04,6.00
        X5,Minimum time without time,52.05,6.00
        # trips.txt
        route_id,service_id,trip_id
        R1,S,T1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,X0,1
        T1,10:10:00,10:10:00,X1,2
        T1,10:20:00,10:20:00,X2,3
        T1,10:30:00,10:30:00,X3,4
        T1,10:40:00,10:40:00,X4,5
        T1,10:50:00,10:50:00,X5,6
        # transfers.txt
        from_stop_id,to_stop_id,transfer_type,min_transfer_time
        X1,X1,0,
        X2,X2,1,
        X3,X3,2,180
        X4,X4,3,
        X5,X5,2,
        """

    static func minTransfer(_ tt: Timetable, _ id: String) -> Int32 { tt.minTransferTime[tt.stop(id).int] }

    @Test(arguments: [Int32(0), 90, 120, 300])
    func stopsWithoutARowUseTheDefault(defaultTime: Int32) throws {
        let tt = try InlineFeed.timetable(Self.feed, options: TimetableOptions(footpaths: .generated, defaultMinTransferTime: defaultTime))
        #expect(Self.minTransfer(tt, "X0") == defaultTime)
    }

    @Test func typeZeroKeepsTheDefault() throws {
        let tt = try InlineFeed.timetable(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 90))
        #expect(Self.minTransfer(tt, "X1") == 90)
    }

    @Test func typeOneIsATimedTransferOfZeroSeconds() throws {
        let tt = try InlineFeed.timetable(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 90))
        #expect(Self.minTransfer(tt, "X2") == 0)
    }

    @Test func typeTwoUsesTheMinimumTransferTime() throws {
        let tt = try InlineFeed.timetable(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 90))
        #expect(Self.minTransfer(tt, "X3") == 180)
        #expect(Self.minTransfer(tt, "X5") == 90)  // no time given: the default applies
    }

    @Test func typeThreeForbidsChangingAtTheStopOnly() throws {
        let tt = try InlineFeed.timetable(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 90))
        let forbidden = ["X0", "X1", "X2", "X3", "X4", "X5"].filter { tt.sameStopTransferForbidden[tt.stop($0).int] }
        #expect(forbidden == ["X4"])
    }

    @Test func sameStopRowsCreateNoFootpath() throws {
        let tt = try InlineFeed.timetable(Self.feed, options: TimetableOptions(footpaths: .transfersOnly, defaultMinTransferTime: 90))
        for id in ["X0", "X1", "X2", "X3", "X4", "X5"] {
            #expect(tt.walks(from: id).isEmpty)
        }
    }
}
