//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// Number, time and text formatting shared by the report's HTML, SVG and CSV output.
///
/// Everything here is locale-independent (a `.` decimal point, `,` thousands separator) so a
/// report reads the same on every machine and the CSV files parse everywhere.
enum ReportFormat {
    // MARK: Escaping

    /// Text made safe for HTML, SVG and XML: `&`, `<`, `>`, `"` and `'` become entities, and
    /// control characters that XML forbids (all below U+0020 but tab, newline and return) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // U+FFFE and U+FFFF are not XML characters either.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Numbers

    /// `value` with exactly `digits` decimals, `.` as decimal point, optionally with `,` between
    /// thousands. Not-a-number and infinities read `–`; `-0.0` reads `0.0`.
    static func fixed(_ value: Double, _ digits: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        var text = String(format: "%.\(max(0, digits))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        guard grouping else { return text }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let grouped = group(String(parts[0]))
        let body = parts.count > 1 ? grouped + "." + parts[1] : grouped
        return negative ? "−" + body : body
    }

    /// An integer with `,` between thousands (`12,345`).
    static func int(_ value: Int) -> String {
        value < 0 ? "−" + group(String(value.magnitude)) : group(String(value))
    }

    private static func group(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// A share (0…1) as a percentage: `0.8754` → `87.5%`.
    static func percent(_ share: Double, digits: Int = 1) -> String {
        share.isFinite ? fixed(share * 100, digits, grouping: true) + "%" : "–"
    }

    /// Euros with thousands separators, with cents (`€1,234.50`, `−€3.00`) or rounded to the euro (`€1,235`).
    static func euros(_ value: Double, cents: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        let text = fixed(abs(value), cents ? 2 : 0, grouping: true)
        return value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−€" + text : "€" + text
    }

    /// A signed number: `+7.4`, `−11.1` (with a minus sign, not a hyphen), `0.0`.
    static func signed(_ value: Double, _ digits: Int) -> String {
        let text = fixed(abs(value), digits, grouping: true)
        guard text.contains(where: { $0 != "0" && $0 != "." }) else { return text }
        return (value < 0 ? "−" : "+") + text
    }

    /// The unit of a key figure: how the report's key figures and the comparison's columns
    /// write it, so a figure reads the same on both pages.
    enum Unit {
        case count, share, euros, km, kg, hours, minutes, ratio, perHour, decimal

        func format(_ value: Double) -> String {
            switch self {
            case .count: ReportFormat.fixed(value, 0, grouping: true)
            case .share: ReportFormat.percent(value)
            case .euros: ReportFormat.euros(value)
            case .km: ReportFormat.fixed(value, 1, grouping: true) + " km"
            case .kg: ReportFormat.fixed(value, 1, grouping: true) + " kg"
            case .hours: ReportFormat.fixed(value, 1, grouping: true) + " h"
            case .minutes: ReportFormat.fixed(value, 1) + " min"
            case .ratio: ReportFormat.fixed(value, 2) + "×"
            case .perHour: ReportFormat.fixed(value, 2) + " rides/h"
            case .decimal: ReportFormat.fixed(value, 2)
            }
        }
    }

    // MARK: Times and dates

    /// Minutes after midnight as `HH:MM`, rounded to the minute; service-day times after
    /// midnight keep counting (`25:10`), times before midnight read `-00:30`.
    static func clock(_ minutes: Double) -> String {
        guard minutes.isFinite else { return "" }
        let total = Int(minutes.rounded())
        let sign = total < 0 ? "-" : ""
        let magnitude = abs(total)
        return sign + two(magnitude / 60) + ":" + two(magnitude % 60)
    }

    /// Minutes after midnight as `HH:MM`.
    static func clock(_ minutes: Int) -> String { clock(Double(minutes)) }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `(year, month, day)` of a `YYYY-MM-DD` date, or nil when it is not one.
    static func dateParts(_ day: String) -> (year: Int, month: Int, day: Int)? {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return (y, m, d)
    }

    /// 0 = Monday … 6 = Sunday, for a `YYYY-MM-DD` date (proleptic Gregorian calendar).
    static func weekday(_ day: String) -> Int? {
        guard let (y, m, d) = dateParts(day) else { return nil }
        // Days since 1970-01-01 (a Thursday), after Howard Hinnant's days_from_civil.
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days % 7) + 7 + 3) % 7
    }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let weekdayLongNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Mon 2 Mar` for `2026-03-02`; the input itself when it is not a date.
    static func shortDay(_ day: String) -> String {
        guard let (_, m, d) = dateParts(day), let w = weekday(day) else { return day }
        return "\(weekdayNames[w]) \(d) \(monthNames[m - 1])"
    }

    /// `Monday 2 March 2026`-style long form: `Monday 2026-03-02`.
    static func longDay(_ day: String) -> String {
        guard let w = weekday(day) else { return day }
        return "\(weekdayLongNames[w]) \(day)"
    }

    // MARK: Names

    /// A refusal code in words: `NO_VEHICLE_AVAILABLE` → `No vehicle available`.
    static func reasonLabel(_ code: String) -> String {
        switch code {
        case "": return "(no reason given)"
        case "KM_BUDGET_EXHAUSTED": return "Km budget used up"
        case "NO_VEHICLE_WITH_AID": return "No vehicle fit for the traveller's aid"
        case "NO_OPTION": return "No travel option found"
        default:
            let words = code.replacingOccurrences(of: "_", with: " ").lowercased()
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }

    /// A mode (`RequestRecord.mode`) in words: `automaatje+transit` → `AutoMaatje + public transport`.
    static func modeLabel(_ mode: String) -> String {
        guard !mode.isEmpty else { return "(no mode)" }
        let parts = mode.split(separator: "+").map { part -> String in
            switch part {
            case TravelMode.regiotaxi.rawValue: "Regiotaxi"
            case TravelMode.automaatje.rawValue: "AutoMaatje"
            case TravelMode.transit.rawValue: "public transport"
            case TravelMode.walk.rawValue: "walk"
            default: String(part)
            }
        }
        let text = parts.joined(separator: " + ")
        if mode == TravelMode.walk.rawValue { return "Walk only" }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `regiotaxi` → `Regiotaxi`, `automaatje` → `AutoMaatje`.
    static func serviceLabel(_ service: String) -> String {
        switch service {
        case TravelMode.regiotaxi.rawValue: "Regiotaxi"
        case TravelMode.automaatje.rawValue, "volunteer": "AutoMaatje"
        default: service
        }
    }

    /// The text shortened to `limit` characters with a trailing `…`.
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}
