//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// The report's CSV files: `requests.csv` and `rides.csv`.
///
/// UTF-8, a header row of snake_case field names, one row per record, rows ended by `\n`.
/// Fields are quoted as RFC 4180 asks when they hold a comma, a double quote or a line break
/// (quotes inside are doubled). Times read `HH:MM` (minutes after midnight of the record's day,
/// so `25:10` is 01:10 the next morning), minutes have one decimal, euros and km two.
enum ReportCSV {
    static let requestsHeader = [
        "id", "day", "traveller", "purpose", "lead_minutes", "desired_time", "outcome", "mode", "reason", "price", "direct_minutes",
    ]

    static let ridesHeader = [
        "request", "day", "traveller", "service", "vehicle", "agreed_pickup", "pickup", "dropoff", "ride_minutes", "direct_minutes",
        "wait_beyond_window", "km",
    ]

    /// `requests.csv`: one row per request.
    static func requests(_ records: [RequestRecord]) -> String {
        var out = line(requestsHeader)
        for r in records {
            out += line([
                r.id, r.day, r.traveller, r.purpose, String(r.leadMinutes), ReportFormat.clock(r.desiredMinute), r.outcome.rawValue, r.mode,
                r.reason, ReportFormat.fixed(r.price, 2), ReportFormat.fixed(r.directMinutes, 1),
            ])
        }
        return out
    }

    /// `rides.csv`: one row per on-demand ride.
    static func rides(_ records: [RideRecord]) -> String {
        var out = line(ridesHeader)
        for r in records {
            out += line([
                r.request, r.day, r.traveller, r.service.rawValue, r.vehicle, ReportFormat.clock(r.agreedPickup), ReportFormat.clock(r.pickup),
                ReportFormat.clock(r.dropoff), ReportFormat.fixed(r.rideMinutes, 1), ReportFormat.fixed(r.directMinutes, 1),
                ReportFormat.fixed(r.waitBeyondWindow, 1), ReportFormat.fixed(r.km, 2),
            ])
        }
        return out
    }

    /// One CSV row with its line end.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A field, quoted when it holds a comma, a double quote or a line break.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
