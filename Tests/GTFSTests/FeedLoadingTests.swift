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

/// Loading valid inline feeds: counts, resolved references and the repairs the loader makes.
@Suite struct FeedLoadingTests {
    static func time(_ text: String) -> Int32 { GTFSTime.parse(text)! }
    static func date(_ text: String) -> ServiceDate { ServiceDate(text)! }

    /// The calls of trip `id` as `stop arrival/departure` strings.
    static func calls(_ feed: Feed, _ id: String) -> [String] {
        let trip = feed.tripIndexByID[id]!
        return feed.stopTimes.rangeOfTrip[Int(trip)].map { row in
            let r = Int(row)
            let stop = feed.stops[Int(feed.stopTimes.stop[r])].id
            return "\(stop) \(GTFSTime.format(feed.stopTimes.arrival[r]))/\(GTFSTime.format(feed.stopTimes.departure[r]))"
        }
    }

    static let network = """
        # agency.txt
        agency_id,agency_name,agency_url,agency_timezone,agency_lang,agency_phone
        BUS,Bus Co,https://bus.example,Europe/Amsterdam,nl,+31 1234
        RAIL,Rail Co,https://rail.example,Europe/Amsterdam,nl,
        # stops.txt
        stop_id,stop_code,stop_name,stop_lat,stop_lon,location_type,parent_station,wheelchair_boarding,platform_code
        STA,,Central,52.00,6.00,1,,1,
        STA1,,Central,52.0001,6.0001,0,STA,,1
        STA2,,Central,52.0002,6.0002,0,STA,2,2
        ENT,,Central entrance,52.0003,6.0003,2,STA,,
        MKT,4711,Market,52.01,6.01,0,,,
        PRK,,Park,52.02,6.02,,,0,
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type,route_color,route_text_color
        IC,RAIL,,Intercity,2,003082,FFFFFF
        B5,BUS,5,,3,,
        B6,BUS,6,Park line,700,,
        # trips.txt
        route_id,service_id,trip_id,trip_headsign,trip_short_name,direction_id,block_id,wheelchair_accessible
        IC,S,IC1,Park,801,0,blk,1
        B5,S,B5a,Market,,1,,2
        B6,S,B6a,,,,,
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type
        IC1,23:50:00,23:52:00,STA1,10,0,1
        IC1,24:30:00,24:31:00,MKT,20,2,3
        IC1,25:05:00,25:05:00,PRK,30,1,0
        B5a,08:00:00,08:00:00,MKT,1,,
        B5a,08:05:00,08:05:00,STA2,2,,
        B6a,09:00:00,09:00:00,STA2,1,0,0
        B6a,09:30:00,09:30:00,PRK,2,0,0
        """

    @Test func smallFeedLoadsWithCountsAndResolvedReferences() throws {
        let feed = try InlineFeed.feed(Self.network)
        #expect(feed.source == "(inline feed)")
        #expect(feed.agencies.map(\.id) == ["BUS", "RAIL"])
        #expect(feed.agencies[0].phone == "+31 1234")
        #expect(feed.agencies[0].lang == "nl")
        #expect(feed.timezone == "Europe/Amsterdam")
        #expect(feed.stops.count == 6)
        #expect(feed.routes.count == 3)
        #expect(feed.trips.count == 3)
        #expect(feed.stopTimes.count == 7)
        #expect(feed.services.map(\.id) == ["S"])
        #expect(feed.warnings.isEmpty)
        #expect(feed.fileNames == ["agency.txt", "calendar.txt", "routes.txt", "stop_times.txt", "stops.txt", "trips.txt"])

        let ic = try #require(feed.routeIndexByID["IC"])
        #expect(feed.agencies[Int(feed.routes[Int(ic)].agency)].id == "RAIL")
        #expect(feed.routes[Int(ic)].color == "003082")
        #expect(feed.routes[Int(ic)].displayName == "Intercity")
        #expect(feed.routes[Int(ic)].modeName == "train")
        let b6 = try #require(feed.routeIndexByID["B6"])
        #expect(feed.routes[Int(b6)].type == 700)
        #expect(feed.routes[Int(b6)].modeName == "bus")

        let trip = feed.trips[Int(try #require(feed.tripIndexByID["IC1"]))]
        #expect(trip.route == ic)
        #expect(feed.services[Int(trip.service)].id == "S")
        #expect(trip.headsign == "Park")
        #expect(trip.shortName == "801")
        #expect(trip.directionID == 0)
        #expect(trip.blockID == "blk")
        #expect(trip.wheelchairAccessible == .accessible)
        #expect(trip.line == 2)
        #expect(feed.trips[2].directionID == nil)
        #expect(feed.trips[1].wheelchairAccessible == .notAccessible)

        let market = feed.stops[Int(try #require(feed.stopIndexByID["MKT"]))]
        #expect(market.code == "4711")
        #expect(market.coordinate == Coordinate(latitude: 52.01, longitude: 6.01))
        #expect(market.line == 6)
        for trip in feed.trips.indices { #expect(feed.hasCalls(Int32(trip))) }
    }

    @Test func parentStationsAndWheelchairInheritance() throws {
        let feed = try InlineFeed.feed(Self.network)
        func stop(_ id: String) -> Stop { feed.stops[Int(feed.stopIndexByID[id]!)] }
        let station = try #require(feed.stopIndexByID["STA"])
        #expect(stop("STA").locationType == .station)
        #expect(stop("STA").parent == nil)
        #expect(stop("STA1").parent == station)
        #expect(stop("STA2").parent == station)
        #expect(stop("ENT").parent == station)
        #expect(stop("ENT").locationType == .entrance)
        #expect(stop("MKT").parent == nil)
        #expect(stop("PRK").locationType == .stopOrPlatform)  // empty location_type means 0
        // Empty wheelchair_boarding inherits the station's 1; an explicit 2 is kept.
        #expect(stop("STA1").wheelchairBoarding == .accessible)
        #expect(stop("STA2").wheelchairBoarding == .notAccessible)
        #expect(stop("ENT").wheelchairBoarding == .accessible)
        #expect(stop("MKT").wheelchairBoarding == .unknown)
        #expect(stop("STA1").platformCode == "1")
    }

    @Test func timesPastMidnightAndPickupDropOffTypes() throws {
        let feed = try InlineFeed.feed(Self.network)
        #expect(Self.calls(feed, "IC1") == ["STA1 23:50:00/23:52:00", "MKT 24:30:00/24:31:00", "PRK 25:05:00/25:05:00"])
        let range = feed.stopTimes.rangeOfTrip[Int(feed.tripIndexByID["IC1"]!)]
        let rows = range.map(Int.init)
        #expect(rows.map { feed.stopTimes.sequence[$0] } == [10, 20, 30])
        #expect(rows.map { feed.stopTimes.pickupType[$0] } == [0, 2, 1])
        #expect(rows.map { feed.stopTimes.dropOffType[$0] } == [1, 3, 0])
        #expect(feed.stopTimes.arrival[rows[2]] == 25 * 3600 + 5 * 60)
        // Empty pickup/drop-off fields mean regular (0).
        let b5 = feed.stopTimes.rangeOfTrip[Int(feed.tripIndexByID["B5a"]!)].map(Int.init)
        #expect(b5.map { feed.stopTimes.pickupType[$0] } == [0, 0])
        #expect(b5.map { feed.stopTimes.dropOffType[$0] } == [0, 0])
    }

    @Test func stopTimesAreGroupedByTripAndSortedBySequence() throws {
        let feed = try InlineFeed.feed("""
            # stops.txt
            stop_id,stop_name,stop_lat,stop_lon
            A,A,52.0,6.0
            B,B,52.1,6.0
            C,C,52.2,6.0
            # trips.txt
            route_id,service_id,trip_id
            R1,S,T1
            R1,S,T2
            # stop_times.txt
            trip_id,arrival_time,departure_time,stop_id,stop_sequence
            T2,12:20:00,12:20:00,C,30
            T1,10:10:00,10:10:00,B,7
            T2,12:00:00,12:00:00,A,5
            T1,10:00:00,10:00:00,A,3
            T2,12:10:00,12:10:00,B,10
            """)
        #expect(feed.stopTimes.rangeOfTrip == [0 ..< 2, 2 ..< 5])
        #expect(feed.stopTimes.trip == [0, 0, 1, 1, 1])
        #expect(feed.stopTimes.sequence == [3, 7, 5, 10, 30])
        #expect(Self.calls(feed, "T2") == ["A 12:00:00/12:00:00", "B 12:10:00/12:10:00", "C 12:20:00/12:20:00"])
    }

    // MARK: - Calendars

    @Test func calendarWithAddedAndRemovedDays() throws {
        let feed = try InlineFeed.feed("""
            # calendar.txt
            service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
            WD,1,1,1,1,1,0,0,20260101,20260131
            WE,0,0,0,0,0,1,1,20260101,20260131
            # calendar_dates.txt
            service_id,date,exception_type
            WD,20260103,1
            WD,20260105,2
            WE,20260103,2
            XMAS,20261225,1
            """ + Self.tripsOnService("WD"))
        let wd = feed.services[Int(try #require(feed.serviceIndexByID["WD"]))]
        #expect(wd.weekdays == [true, true, true, true, true, false, false])
        #expect(wd.startDate == Self.date("20260101") && wd.endDate == Self.date("20260131"))
        #expect(wd.added == [Self.date("20260103")])
        #expect(wd.removed == [Self.date("20260105")])
        #expect(wd.isActive(on: Self.date("20260102")))  // Friday
        #expect(wd.isActive(on: Self.date("20260103")))  // Saturday, added
        #expect(!wd.isActive(on: Self.date("20260104")))  // Sunday
        #expect(!wd.isActive(on: Self.date("20260105")))  // Monday, removed
        #expect(wd.isActive(on: Self.date("20260106")))
        #expect(!wd.isActive(on: Self.date("20260202")))  // after end_date
        #expect(!wd.isActive(on: Self.date("20251231")))  // before start_date
        let we = feed.services[Int(try #require(feed.serviceIndexByID["WE"]))]
        #expect(!we.isActive(on: Self.date("20260103")) && we.isActive(on: Self.date("20260104")))
        // A service only in calendar_dates.txt.
        let xmas = feed.services[Int(try #require(feed.serviceIndexByID["XMAS"]))]
        #expect(xmas.weekdays.allSatisfy { !$0 })
        #expect(xmas.isActive(on: Self.date("20261225")) && !xmas.isActive(on: Self.date("20261224")))
        #expect(xmas.dateRange == Self.date("20261225") ... Self.date("20261225"))
        #expect(feed.dateRange == Self.date("20260101") ... Self.date("20261225"))
        #expect(feed.warnings.isEmpty)
    }

    static func tripsOnService(_ service: String) -> String {
        """

        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        A,A,52.0,6.0
        B,B,52.1,6.0
        # trips.txt
        route_id,service_id,trip_id
        R1,\(service),T1
        # stop_times.txt
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,10:00:00,10:00:00,A,1
        T1,10:10:00,10:10:00,B,2
        """
    }

    @Test func feedWithOnlyCalendarDates() throws {
        let files = InlineFeed.files("""
            # calendar_dates.txt
            service_id,date,exception_type
            sunday,20260104,1
            sunday,20260111,1
            sunday,20260111,2
            """ + Self.tripsOnService("sunday"))
        #expect(files["calendar.txt"] == nil)
        let feed = try Feed.load(from: .inMemory(files))
        let service = feed.services[Int(feed.trips[0].service)]
        #expect(service.id == "sunday")
        #expect(service.startDate == nil && service.endDate == nil)
        #expect(service.isActive(on: Self.date("20260104")))
        // A later row for the same date wins, with a warning.
        #expect(!service.isActive(on: Self.date("20260111")))
        let warning = try #require(feed.warnings.first)
        #expect(warning.file == "calendar_dates.txt" && warning.line == 4 && warning.column == "date")
        #expect(warning.message.contains("twice; the last row wins"))
        #expect(feed.dateRange == Self.date("20260104") ... Self.date("20260104"))
    }

    @Test func dateRangeOfAnEmptyCalendarIsNil() throws {
        let feed = try InlineFeed.feed("""
            # calendar.txt
            service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
            NEVER,0,0,0,0,0,0,0,20260101,20261231
            """ + Self.tripsOnService("NEVER"))
        #expect(feed.services[0].dateRange == nil)
        #expect(feed.dateRange == nil)
    }

    // MARK: - Frequencies, transfers, feed_info

    @Test func frequenciesWithExactTimesZeroAndOne() throws {
        let feed = try InlineFeed.feed("""
            # stops.txt
            stop_id,stop_name,stop_lat,stop_lon
            A,A,52.0,6.0
            B,B,52.1,6.0
            # trips.txt
            route_id,service_id,trip_id
            R1,S,T1
            R1,S,T2
            # stop_times.txt
            trip_id,arrival_time,departure_time,stop_id,stop_sequence
            T1,00:00:00,00:00:00,A,1
            T1,00:10:00,00:10:00,B,2
            T2,00:00:00,00:00:00,A,1
            T2,00:05:00,00:05:00,B,2
            # frequencies.txt
            trip_id,start_time,end_time,headway_secs,exact_times
            T1,06:00:00,09:00:00,600,0
            T1,09:00:00,25:00:00,1800,1
            T2,07:00:00,08:00:00,900,
            """)
        #expect(feed.frequencies.count == 3)
        let t1 = try #require(feed.tripIndexByID["T1"])
        let f = feed.frequencies
        #expect(f[0].trip == t1 && f[1].trip == t1)
        #expect(f.map(\.start) == [Self.time("06:00:00"), Self.time("09:00:00"), Self.time("07:00:00")])
        #expect(f.map(\.end) == [Self.time("09:00:00"), 25 * 3600, Self.time("08:00:00")])
        #expect(f[0].headway == 600 && f[1].headway == 1800)
        #expect(f[0].exactTimes == false && f[1].exactTimes == true)
        #expect(feed.frequencies[2].trip == feed.tripIndexByID["T2"])
        #expect(feed.frequencies[2].exactTimes == false)  // empty means 0
        #expect(feed.frequencies[2].headway == 900)
    }

    @Test func transferTypesAndMinimumTimes() throws {
        let feed = try InlineFeed.feed(Self.tripsOnService("S") + """

            # transfers.txt
            from_stop_id,to_stop_id,transfer_type,min_transfer_time,from_trip_id,to_route_id
            A,A,0,,,
            A,B,1,,T1,
            B,A,2,180,,R1
            B,B,3,,,
            A,B,,60,,
            """)
        let a = feed.stopIndexByID["A"]!, b = feed.stopIndexByID["B"]!
        #expect(feed.transfers.map(\.kind) == [.recommended, .timed, .minimumTime, .notPossible, .recommended])
        #expect(feed.transfers.map(\.minTransferTime) == [nil, nil, 180, nil, 60])
        #expect(feed.transfers.map(\.fromStop) == [a, a, b, b, a])
        #expect(feed.transfers.map(\.toStop) == [a, b, a, b, b])
        #expect(feed.transfers.map(\.line) == [2, 3, 4, 5, 6])
        #expect(feed.transfers[1].fromTrip == feed.tripIndexByID["T1"])
        #expect(feed.transfers[1].isSpecific)
        #expect(feed.transfers[2].toRoute == feed.routeIndexByID["R1"])
        #expect(!feed.transfers[0].isSpecific)
        #expect(feed.warnings.isEmpty)
    }

    @Test func feedInfo() throws {
        let feed = try InlineFeed.feed(Self.tripsOnService("S") + """

            # feed_info.txt
            feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,feed_version
            "Goan, tests",https://example.org/goan,nl,20260101,20261231,v1.2
            """)
        let info = try #require(feed.feedInfo)
        #expect(info.publisherName == "Goan, tests")
        #expect(info.publisherURL == "https://example.org/goan")
        #expect(info.lang == "nl")
        #expect(info.startDate == Self.date("20260101"))
        #expect(info.endDate == Self.date("20261231"))
        #expect(info.version == "v1.2")
        #expect(feed.dateRange == Self.date("20260101") ... Self.date("20261231"))
    }

    @Test func noFeedInfoIsNil() throws {
        let feed = try InlineFeed.feed(Self.tripsOnService("S"))
        #expect(feed.feedInfo == nil)
        #expect(feed.frequencies.isEmpty && feed.transfers.isEmpty)
    }

    @Test func singleAgencyWithoutIDOwnsEveryRoute() throws {
        let feed = try InlineFeed.feed("""
            # agency.txt
            agency_name,agency_url,agency_timezone
            Solo,https://solo.example,America/Los_Angeles
            # routes.txt
            route_id,agency_id,route_short_name,route_type
            R1,,1,3
            R2,ANY,2,3
            """ + Self.tripsOnService("S"))
        #expect(feed.agencies.map(\.id) == [""])
        #expect(feed.timezone == "America/Los_Angeles")
        #expect(feed.routes.map(\.agency) == [0, 0])
    }
}
