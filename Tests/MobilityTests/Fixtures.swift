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
import TestSupport

/// A tiny Twente-like world: one big zone around Westerhaar–Almelo, a Regiotaxi trip every day
/// 06:00–25:00 (60 min notice) and an AutoMaatje trip on working days 08:00–18:00 (2 working
/// days before, 12:00), with the DOMAIN.md default rules.
enum Fixtures {
    static let feedText = """
        # agency.txt
        agency_id,agency_name,agency_url,agency_timezone
        A,Test,https://example.org,Europe/Amsterdam
        # routes.txt
        route_id,agency_id,route_short_name,route_long_name,route_type
        regiotaxi-twente,A,Regiotaxi,Regiotaxi Twente,715
        automaatje-twenterand,A,AutoMaatje,AutoMaatje Twenterand,1500
        # calendar.txt
        service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
        ALL,1,1,1,1,1,1,1,20260101,20271231
        WORK,1,1,1,1,1,0,0,20260101,20271231
        # calendar_dates.txt
        service_id,date,exception_type
        WORK,20261225,2
        # stops.txt
        stop_id,stop_name,stop_lat,stop_lon
        S,Almelo Station,52.3577,6.6533
        # trips.txt
        route_id,service_id,trip_id
        regiotaxi-twente,ALL,RT
        automaatje-twenterand,WORK,AM
        # stop_times.txt
        trip_id,stop_id,location_id,stop_sequence,arrival_time,departure_time,start_pickup_drop_off_window,end_pickup_drop_off_window,pickup_type,drop_off_type,pickup_booking_rule_id,drop_off_booking_rule_id
        RT,,twente,1,,,06:00:00,25:00:00,2,2,hour,hour
        AM,,twente,1,,,08:00:00,18:00:00,2,2,twodays,twodays
        # booking_rules.txt
        booking_rule_id,booking_type,prior_notice_duration_min,prior_notice_last_day,prior_notice_last_time,prior_notice_service_id
        hour,1,60,,,
        twodays,2,,2,12:00:00,WORK
        # locations.geojson
        {"type":"FeatureCollection","features":[{"id":"twente","type":"Feature","properties":{"stop_name":"Twente"},"geometry":{"type":"Polygon","coordinates":[[[6.0,52.0],[7.2,52.0],[7.2,52.8],[6.0,52.8],[6.0,52.0]]]}}]}
        """

    static let rulesJSON = """
        { "version": 1, "currency": "EUR", "services": [
          { "id": "regiotaxi", "routeId": "regiotaxi-twente", "name": "Regiotaxi Twente", "kind": "regiotaxi",
            "eligibility": { "requiresPass": "wmo", "minimumAge": null, "requiresMembership": null },
            "booking": { "leadTimeMinutes": 60, "lateBookingAfter": "21:00", "lateBookingSurcharge": 3.00,
                         "freeCancellationMinutes": 60, "cancellationFee": 5.00, "workingDaysOnly": false,
                         "leadWorkingDays": null, "responseDeadlineHours": null },
            "fare": { "startFee": 3.26, "perKm": 0.49, "marketStartFee": 3.26, "marketPerKm": 2.60,
                      "perKmFromDriverHome": false, "paidTo": "Regiotaxi Twente" },
            "distance": { "tariffRadiusKm": 25, "maximumRadiusKm": 28, "measuredFrom": "home" },
            "yearlyKmBudget": 2000,
            "companions": { "socialPays": true, "medicalFree": true, "minimumAge": 12, "maximum": 1 },
            "rideTime": { "factor": 1.5, "extraMinutes": 15 }, "pickupWindowMinutes": 15,
            "serviceHours": { "start": "06:00", "end": "25:00" }, "guaranteed": true,
            "serves": ["HR-01", "HR-09", "HR-07", "AB-02", "AB-03"],
            "municipalities": [ { "zone": "twente", "name": "Twente" } ] },
          { "id": "automaatje", "routeId": "automaatje-twenterand", "name": "AutoMaatje Twenterand", "kind": "volunteer",
            "eligibility": { "requiresPass": null, "minimumAge": null, "requiresMembership": "automaatje" },
            "booking": { "leadTimeMinutes": null, "lateBookingAfter": null, "lateBookingSurcharge": 0,
                         "freeCancellationMinutes": 1440, "cancellationFee": 0, "workingDaysOnly": true,
                         "leadWorkingDays": 2, "responseDeadlineHours": 24 },
            "fare": { "startFee": 0, "perKm": 0.30, "marketStartFee": null, "marketPerKm": null,
                      "perKmFromDriverHome": true, "paidTo": "the volunteer driver" },
            "distance": { "tariffRadiusKm": 40, "maximumRadiusKm": 40, "measuredFrom": "home" },
            "yearlyKmBudget": null,
            "companions": { "socialPays": false, "medicalFree": true, "minimumAge": 12, "maximum": 1 },
            "rideTime": null, "pickupWindowMinutes": 15, "serviceHours": { "start": "08:00", "end": "18:00" },
            "guaranteed": false, "serves": ["HR-07"],
            "municipalities": [ { "zone": "twente", "name": "Twente" } ] } ] }
        """

    static func feed() throws -> Feed { try InlineFeed.feed(feedText) }

    static func rules() throws -> ServiceRules { try ServiceRules.decode(Data(rulesJSON.utf8), file: "service-rules.json") }

    static let westerhaar = Coordinate(latitude: 52.4577, longitude: 6.6218)
    static let hospital = Coordinate(latitude: 52.3495, longitude: 6.6382)

    static func jansen(kmLeft: Double = 1450, needs: [CROWCode] = []) -> Traveller {
        Traveller(
            id: "jansen", name: "Mevrouw Jansen", age: 78, home: NamedPosition(name: "Westerhaar", lat: 52.4577, lon: 6.6218),
            wmoPass: Traveller.WmoPass(number: "WMO-1", kmBudgetLeft: kmLeft, needs: needs), automaatjeMember: true, needs: needs)
    }

    static let noPass = Traveller(
        id: "de-vries", name: "Meneer De Vries", age: 72, home: NamedPosition(name: "Westerhaar", lat: 52.4577, lon: 6.6218),
        wmoPass: nil, automaatjeMember: false, needs: [.rollator])

    /// Unix seconds of a wall-clock time in Amsterdam.
    static func at(_ date: String, _ time: String) -> Int64 {
        ServiceDayClock.unix(wallClock: Int(ClockTime.seconds(time)!), on: ServiceDate(date)!, timezone: "Europe/Amsterdam")
    }
}
